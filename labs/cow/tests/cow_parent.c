// SPDX-License-Identifier: GPL-2.0
/*
 * Lab cow: fork write-protects the parent's PTEs too: while the child
 * lives, the parent's first write to a shared page is a fault and a copy,
 * and the child still sees the old data.
 */
#include <sys/mman.h>
#include <sys/wait.h>
#include "lablib.h"

int main(void)
{
	char *a = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int go[2], status = -1;
	uint64_t frame;
	long faults;
	char c;
	pid_t pid;

	a[0] = 'p';
	frame = pfn_of(a);
	pipe(go);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		read(go[0], &c, 1);		/* the parent has written */
		_exit(a[0] == 'p' && pfn_of(a) == frame ? 0 : 1);
	}
	faults = minflt();
	a[0] = 'P';
	faults = minflt() - faults;
	ok_eq(1, faults, "the parent's first write to a page shared with its child: one fault");
	ok(pfn_of(a) != frame, "which gives the parent a copy");
	write(go[1], "x", 1);
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child keeps the old frame and data");
	return tap_done();
}
