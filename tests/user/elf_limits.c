// SPDX-License-Identifier: GPL-2.0
/*
 * ELF headers that Linux 6.1 refuses before the point of no return,
 * where newer kernels differ: more program headers than fit in a page
 * (6.1's load_elf_phdrs refuses them with ENOEXEC; later kernels take up
 * to 64 KiB of them), and program headers that lie past the end of the
 * file (ENOEXEC). And two that 6.1 reads late: a PT_LOAD whose file
 * offset is past the end of the file is mapped all the same, and the
 * first touch of it is a SIGBUS; a PT_INTERP whose path lies past the
 * end of the file fails the read of that path (EIO). tests/user.sh
 * therefore compares this one only with Linux 6.1 (make difftest), not
 * with this machine's Linux.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "tap.h"

#define PATCHED "/tmp/faultline-elf-limits"

/* Exec a copy of this program with its ELF header changed: -errno, or how it ended. */
static int exec_patched(const char *self, void (*patch)(Elf64_Ehdr *))
{
	static char image[4 << 20];
	char *argv[] = { PATCHED, "patched", NULL }, *envp[] = { NULL };
	int fd = open(self, O_RDONLY), status, err = 0, pipefd[2];
	ssize_t n = read(fd, image, sizeof(image));
	pid_t pid;

	close(fd);
	patch((Elf64_Ehdr *)image);
	fd = open(PATCHED, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	write(fd, image, n);
	close(fd);
	pipe2(pipefd, O_CLOEXEC);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execve(PATCHED, argv, envp);
		err = errno;
		write(pipefd[1], &err, sizeof(err));
		_exit(127);
	}
	close(pipefd[1]);
	if (read(pipefd[0], &err, sizeof(err)) != sizeof(err))
		err = 0;
	close(pipefd[0]);
	waitpid(pid, &status, 0);
	unlink(PATCHED);
	if (err)
		return -err;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1000 + WTERMSIG(status);
}

static void phnum_73(Elf64_Ehdr *eh)
{
	eh->e_phnum = 73;	/* 73 * 56 = 4088 bytes: still within a page */
}

static void phnum_74(Elf64_Ehdr *eh)
{
	eh->e_phnum = 74;	/* 4144 bytes: more than a page */
}

static void phoff_past_eof(Elf64_Ehdr *eh)
{
	eh->e_phoff = 16 << 20;
}

static Elf64_Phdr *phdr(Elf64_Ehdr *eh, int i)
{
	return (Elf64_Phdr *)((char *)eh + eh->e_phoff) + i;
}

/* The pages of the segment with these flags lie 16 MiB past the end of the file. */
static void offset_past_eof(Elf64_Ehdr *eh, unsigned int p_flags)
{
	for (int i = 0; i < eh->e_phnum; i++)
		if (phdr(eh, i)->p_type == PT_LOAD && (phdr(eh, i)->p_flags & p_flags))
			phdr(eh, i)->p_offset += 16 << 20;
}

static void text_offset_past_eof(Elf64_Ehdr *eh)
{
	offset_past_eof(eh, PF_X);
}

/* The data segment, whose bss the loader clears the end of the last file page of. */
static void data_offset_past_eof(Elf64_Ehdr *eh)
{
	offset_past_eof(eh, PF_W);
}

/* The PT_GNU_STACK header becomes a PT_INTERP whose path is past the end. */
static void interp_past_eof(Elf64_Ehdr *eh)
{
	for (int i = 0; i < eh->e_phnum; i++) {
		if (phdr(eh, i)->p_type != PT_GNU_STACK)
			continue;
		phdr(eh, i)->p_type = PT_INTERP;
		phdr(eh, i)->p_offset = 16 << 20;
		phdr(eh, i)->p_filesz = 16;
	}
}

static void phnum_0(Elf64_Ehdr *eh)
{
	eh->e_phnum = 0;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		return 99;	/* a patched copy that ran */
	ok(exec_patched(argv[0], phnum_73) != -ENOEXEC,
	   "73 program headers (4088 bytes) pass the size check");
	ok_eq(-ENOEXEC, exec_patched(argv[0], phnum_74), "74 program headers (4144 bytes): ENOEXEC");
	ok_eq(-ENOEXEC, exec_patched(argv[0], phnum_0), "no program headers: ENOEXEC");
	ok_eq(-ENOEXEC, exec_patched(argv[0], phoff_past_eof),
	      "program headers past the end of the file: ENOEXEC");
	ok_eq(1000 + SIGBUS, exec_patched(argv[0], text_offset_past_eof),
	      "text segment's file offset past the end of the file: exec succeeds, SIGBUS at the first instruction");
	ok_eq(1000 + SIGBUS, exec_patched(argv[0], data_offset_past_eof),
	      "data segment's file offset past the end of the file: exec succeeds, SIGBUS at the first touch");
	ok_eq(-EIO, exec_patched(argv[0], interp_past_eof),
	      "PT_INTERP's path past the end of the file: EIO");
	return tap_done();
}
