// SPDX-License-Identifier: GPL-2.0
/*
 * Lab cow: the child's first write to a shared page takes one fault and
 * gives it a copy of that page alone; the parent's page and data stay.
 */
#include <sys/mman.h>
#include <sys/wait.h>
#include "lablib.h"

#define N 16

int main(void)
{
	char *a = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	uint64_t parent5;
	int status = -1;
	pid_t pid;

	for (int i = 0; i < N; i++)
		a[i * P] = 'p';
	parent5 = pfn_of(a + 5 * P);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		uint64_t six = pfn_of(a + 6 * P);
		long faults = minflt();
		int bad = 0;

		a[5 * P + 1] = 'c';
		bad |= minflt() - faults != 1;		/* one fault */
		bad |= (pfn_of(a + 5 * P) == parent5) << 1;	/* a new frame */
		bad |= (a[5 * P] != 'p') << 2;		/* the page's data copied */
		bad |= (pfn_of(a + 6 * P) != six) << 3;	/* the others untouched */
		faults = minflt();
		a[5 * P + 2] = 'd';
		bad |= (minflt() != faults) << 4;	/* then writable: no fault */
		_exit(bad);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status), "the child ran to its end");
	ok(!(WEXITSTATUS(status) & 1), "the child's first write to a shared page: one fault");
	ok(!(WEXITSTATUS(status) & 2), "which gives it a frame of its own");
	ok(!(WEXITSTATUS(status) & 4), "holding the page's data");
	ok(!(WEXITSTATUS(status) & 8), "and leaves the other pages shared");
	ok(!(WEXITSTATUS(status) & 16), "the copy is then writable: no more faults");
	ok(pfn_of(a + 5 * P) == parent5 && a[5 * P + 1] == 0, "the parent keeps its page and data");
	return tap_done();
}
