// SPDX-License-Identifier: GPL-2.0
/*
 * Core dumps: with RLIMIT_CORE raised, a process killed by SIGSEGV
 * leaves an ELF core file named "core" in its working directory and its
 * wait status carries the core bit (0x80). The file is ET_CORE, its
 * first program header is the PT_NOTE whose NT_PRSTATUS names the
 * signal, and a PT_LOAD holds the page the process had written, with
 * the bytes it wrote.
 *
 * Where a core goes on Linux is the machine's kernel.core_pattern, so
 * tests/user.sh does not compare this program's output with Linux's.
 */
#include <elf.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "tap.h"

#define DIR "/tmp/faultline-coredump"
#define MARK "faultline core marker"

/* pr_cursig in NT_PRSTATUS: after si_signo, si_code, si_errno (Linux: struct elf_prstatus) */
#define PRSTATUS_CURSIG_OFFSET 12

static int *volatile null_ptr;	/* volatile: the compiler cannot see the fault */
static char *core;
static size_t core_size;

static int read_core(void)
{
	struct stat st;
	int fd = open(DIR "/core", O_RDONLY);

	if (fd < 0 || fstat(fd, &st) < 0)
		return -1;
	core_size = st.st_size;
	core = mmap(NULL, core_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	return core == MAP_FAILED ? -1 : 0;
}

/* The signal NT_PRSTATUS records, or -1. */
static int prstatus_signal(const Elf64_Phdr *note)
{
	size_t off = note->p_offset, end = note->p_offset + note->p_filesz;

	while (off + sizeof(Elf64_Nhdr) <= end) {
		const Elf64_Nhdr *n = (const void *)(core + off);
		size_t desc = off + sizeof(*n) + ((n->n_namesz + 3) & ~3UL);

		if (n->n_type == NT_PRSTATUS) {
			short sig;

			memcpy(&sig, core + desc + PRSTATUS_CURSIG_OFFSET, sizeof(sig));
			return sig;
		}
		off = desc + ((n->n_descsz + 3) & ~3UL);
	}
	return -1;
}

/* Whether some PT_LOAD holds MARK at the address the child wrote it. */
static int load_holds_mark(const Elf64_Ehdr *eh, unsigned long where)
{
	const Elf64_Phdr *ph = (const void *)(core + eh->e_phoff);

	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD || where < ph[i].p_vaddr ||
		    where + sizeof(MARK) > ph[i].p_vaddr + ph[i].p_filesz)
			continue;
		return !memcmp(core + ph[i].p_offset + (where - ph[i].p_vaddr), MARK, sizeof(MARK));
	}
	return 0;
}

int main(void)
{
	struct rlimit unlimited = { RLIM_INFINITY, RLIM_INFINITY };
	static char page[4096] __attribute__((aligned(4096)));
	const Elf64_Ehdr *eh;
	const Elf64_Phdr *ph;
	int status;
	pid_t pid;

	mkdir(DIR, 0755);
	chdir(DIR);
	unlink("core");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		setrlimit(RLIMIT_CORE, &unlimited);
		strcpy(page, MARK);
		*null_ptr = 1;
		_exit(0);
	}
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV && WCOREDUMP(status),
	   "killed by SIGSEGV with RLIMIT_CORE unlimited: the core bit is set");
	ok_eq(0, read_core(), "a file named core is in its working directory");
	if (read_core() == 0 && core_size >= sizeof(Elf64_Ehdr)) {
		eh = (const void *)core;
		ph = (const void *)(core + eh->e_phoff);
		ok(!memcmp(eh->e_ident, ELFMAG, SELFMAG) && eh->e_type == ET_CORE &&
		   eh->e_machine == EM_X86_64, "it is an x86_64 ELF core file (ET_CORE)");
		ok(eh->e_phnum > 1 && ph[0].p_type == PT_NOTE, "its first program header is PT_NOTE");
		ok_eq(SIGSEGV, prstatus_signal(&ph[0]), "NT_PRSTATUS names the signal");
		ok(load_holds_mark(eh, (unsigned long)page),
		   "a PT_LOAD holds the written page with what the process wrote there");
	}
	unlink("core");
	chdir("/");
	rmdir(DIR);
	return tap_done();
}
