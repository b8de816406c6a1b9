// SPDX-License-Identifier: GPL-2.0
/*
 * Out of memory at every allocation of exec and of a page fault, with
 * /proc/thread-self/fail-nth (fail_nth.c walks the system calls that
 * return an errno): before exec's point of no return the call returns
 * ENOMEM, after it the process is killed; a page fault whose allocation
 * fails is taken again. The runner checks that no page leaked.
 *
 * Faultline only: Debian's Linux 6.1 is built without
 * CONFIG_FAULT_INJECTION, so it has no fail-nth (tests/difftest.sh).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "tap.h"
#include "failnthlib.h"

#define P	4096
#define MAX_N	400	/* no call here makes this many allocations */

static const char *self;

/*
 * exec in a child, failed at each allocation of execve and of the new
 * image's start: before the point of no return execve returns ENOMEM
 * (the child exits 100); after it the child is killed (a failure in a
 * page fault of the new image is retried). The walk ends when the
 * program runs to its end (exit 42).
 */
static void walk_exec(void)
{
	int returned = 0, killed = 0, other = 0, n;

	for (n = 1; n < MAX_N; n++) {
		int status;
		pid_t pid;

		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			char *argv[] = { (char *)self, "exit42", NULL };

			fail_fd = open("/proc/thread-self/fail-nth", O_RDWR);	/* our own */
			arm((unsigned int)n);
			execve(self, argv, (char *[]){ NULL });
			_exit(errno == ENOMEM ? 100 : 101);
		}
		waitpid(pid, &status, 0);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 42)
			break;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 100)
			returned++;
		else if (WIFSIGNALED(status) &&
			 (WTERMSIG(status) == SIGKILL || WTERMSIG(status) == SIGSEGV))
			killed++;
		else
			other++;
	}
	printf("# exec: %d failures: %d returned ENOMEM, %d killed\n", n - 1, returned, killed);
	ok(returned > 0 && killed > 0 && other == 0 && n < MAX_N,
	   "exec: each allocation failed in turn: ENOMEM before the point of no return, a kill after");
}

/*
 * A page fault whose allocation fails is taken again (6.1's
 * pagefault_out_of_memory: an injected failure calls no OOM killer):
 * the process runs on to its end.
 */
static void walk_fault(void)
{
	int retried = 0, n;

	for (n = 1; n < MAX_N; n++) {
		/* Alone, so that its first fault needs an anon_vma and page tables. */
		char *p = mmap((void *)0x300000000000UL, P, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		int status;
		pid_t pid;

		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			fail_fd = open("/proc/thread-self/fail-nth", O_RDWR);	/* our own */
			arm((unsigned int)n);
			p[0] = 1;
			_exit(left() ? 0 : p[0] == 1 ? 1 : 2);
		}
		waitpid(pid, &status, 0);
		munmap(p, P);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			break;
		retried += WIFEXITED(status) && WEXITSTATUS(status) == 1;
	}
	printf("# page fault: %d failures\n", n - 1);
	ok(n > 1 && retried == n - 1,
	   "page fault: each failed allocation is retried and the write lands");
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "exit42"))
		return 42;
	self = argv[0];
	walk_exec();
	walk_fault();
	return tap_done();
}
