// SPDX-License-Identifier: GPL-2.0
/*
 * Bad pointers handed to system calls give EFAULT, never a crash: NULL,
 * an unmapped page, a read-only or PROT_NONE page where the kernel must
 * write or read, a kernel address, a non-canonical address, a string
 * that runs into an unmapped page. A buffer whose tail is unmapped is
 * used up to the hole, as Linux's pipe_write does. The calls go through
 * syscall() so that no libc check stands in front of the kernel's.
 */
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include "tap.h"

#define P 4096
#define KERNEL_PTR	((void *)0xffff888000000000UL)	/* the direct map */
#define NONCANONICAL	((void *)0x800000000000UL)

int main(void)
{
	char *m = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *none = m + P, *ro = m + 2 * P, *hole = m + 3 * P;	/* after m, read-write */
	int fds[2];
	char c;

	mprotect(ro, P, PROT_READ);
	mprotect(none, P, PROT_NONE);
	munmap(hole, P);
	pipe(fds);

	ok_errno(EFAULT, syscall(SYS_write, fds[1], NULL, 1), "write from NULL: EFAULT");
	ok_errno(EFAULT, syscall(SYS_write, fds[1], none, 1), "write from a PROT_NONE page: EFAULT");
	ok_errno(EFAULT, syscall(SYS_write, fds[1], KERNEL_PTR, 1), "write from a kernel address: EFAULT");
	ok_errno(EFAULT, syscall(SYS_write, fds[1], NONCANONICAL, 1),
		 "write from a non-canonical address: EFAULT");
	ok_eq(1, syscall(SYS_write, fds[1], "x", 1), "write of a good byte works");
	ok_errno(EFAULT, syscall(SYS_read, fds[0], ro, 1), "read into a read-only page: EFAULT");
	ok_errno(EFAULT, syscall(SYS_read, fds[0], hole, 1), "read into an unmapped page: EFAULT");
	ok_errno(EFAULT, syscall(SYS_read, fds[0], KERNEL_PTR, 1), "read into a kernel address: EFAULT");
	ok(read(fds[0], &c, 1) == 1 && c == 'x', "the byte is still there for a good buffer");

	ok_eq(P, syscall(SYS_write, fds[1], m, 2 * P),
	      "a write whose buffer runs into a PROT_NONE page: the bytes before it (4096)");
	{
		static char sink[P];

		ok_eq(P, read(fds[0], sink, sizeof(sink)), "and just those reach the pipe");
	}

	ok_errno(EFAULT, syscall(SYS_open, NULL, O_RDONLY), "open(NULL): EFAULT");
	ok_errno(EFAULT, syscall(SYS_open, KERNEL_PTR, O_RDONLY), "open of a kernel address: EFAULT");
	memcpy(none - 4, "/tmp", 4);
	ok_errno(EFAULT, syscall(SYS_open, none - 4, O_RDONLY),
		 "a path with no NUL before a PROT_NONE page: EFAULT");
	ok_errno(EFAULT, syscall(SYS_stat, "/", NULL), "stat into NULL: EFAULT");
	ok_errno(EFAULT, syscall(SYS_fstat, fds[0], ro), "fstat into a read-only page: EFAULT");
	ok_errno(EFAULT, syscall(SYS_uname, KERNEL_PTR), "uname into a kernel address: EFAULT");
	ok_errno(EFAULT, syscall(SYS_pipe, ro), "pipe into a read-only page: EFAULT");
	ok_errno(EFAULT, syscall(SYS_getcwd, ro, 64), "getcwd into a read-only page: EFAULT");
	ok_errno(EFAULT, syscall(SYS_rt_sigaction, SIGUSR1, hole, NULL, 8),
		 "rt_sigaction from an unmapped page: EFAULT");
	ok_errno(EFAULT, syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, ro, 8),
		 "rt_sigprocmask's old mask into a read-only page: EFAULT");
	{
		char *argv[] = { "/bin/true", hole, NULL };

		ok_errno(EFAULT, syscall(SYS_execve, "/bin/true", argv, NULL),
			 "execve with an argument in an unmapped page: EFAULT, and no exec");
		ok_errno(EFAULT, syscall(SYS_execve, "/bin/true", hole, NULL),
			 "execve with argv itself unmapped: EFAULT");
	}
	ok_eq(0, syscall(SYS_uname, m), "after all that the process runs on: uname works");
	munmap(m, 3 * P);
	return tap_done();
}
