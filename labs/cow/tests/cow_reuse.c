// SPDX-License-Identifier: GPL-2.0
/*
 * Lab cow: once the child has exited, the parent's write to a page it
 * shared still faults (the PTE was made read-only at fork) but reuses
 * the page: the same frame, no copy, one pgreuse (as Linux 6.1 decides).
 */
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "lablib.h"

int main(void)
{
	char *a = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	uint64_t frame;
	long faults, reuse;
	pid_t pid;

	a[0] = 'p';
	frame = pfn_of(a);
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	for (int i = 0; i < 3; i++) {		/* what the measuring touches, first */
		vmstat_value("pgreuse");
		minflt();
	}
	reuse = vmstat_value("pgreuse");
	faults = minflt();
	a[1] = 'q';
	faults = minflt() - faults;
	reuse = vmstat_value("pgreuse") - reuse;
	ok_eq(1, faults, "the parent's write after the child exited takes one fault");
	ok(pfn_of(a) == frame, "and keeps the same frame: no copy");
	ok_eq(1, reuse, "pgreuse counts it");
	ok(a[0] == 'p' && a[1] == 'q', "the page holds both writes");
	return tap_done();
}
