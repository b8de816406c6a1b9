// SPDX-License-Identifier: GPL-2.0
/*
 * ELF headers that Linux 6.1 refuses before the point of no return,
 * where newer kernels differ: more program headers than fit in a page
 * (6.1's load_elf_phdrs refuses them with ENOEXEC; later kernels take up
 * to 64 KiB of them), and program headers that lie past the end of the
 * file (ENOEXEC). tests/user.sh therefore compares this one
 * only with Linux 6.1 (make difftest), not with this machine's Linux.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
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
	return tap_done();
}
