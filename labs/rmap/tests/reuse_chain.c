// SPDX-License-Identifier: GPL-2.0
/*
 * Lab rmap: each generation forks the next and exits (a daemon's double
 * fork, forty times). Without anon_vma_clone's reuse of an anon_vma no
 * VMA uses any more, every generation would leave one more anon_vma per
 * VMA behind, pinned by its descendants; with it their number stays
 * bounded. /proc/slabinfo counts the anon_vma objects.
 */
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "lablib.h"

#define GENERATIONS 40

static long anon_vmas(void)
{
	char *p;

	read_file("/proc/slabinfo");
	p = strstr(proc_buf, "\nanon_vma ");
	return p ? strtol(p + 10, NULL, 10) : -1;	/* active_objs */
}

int main(void)
{
	char *a = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int report[2];
	long before, after = -1;

	a[0] = 1;
	before = anon_vmas();
	pipe(report);
	fflush(stdout);
	if (fork() == 0) {
		for (int gen = 0; gen < GENERATIONS; gen++) {
			pid_t parent = getpid();

			if (fork())
				_exit(0);		/* the parent goes at once */
			while (getppid() == parent)
				usleep(100);		/* until it has gone */
			a[P] = (char)gen;		/* each generation writes */
		}
		after = anon_vmas();
		write(report[1], &after, sizeof(after));
		_exit(0);
	}
	read(report[0], &after, sizeof(after));
	while (wait(NULL) > 0)
		;
	printf("# anon_vma objects: %ld before, %ld in generation %d\n", before, after, GENERATIONS);
	ok(before > 0 && after > 0, "/proc/slabinfo counts anon_vma objects");
	ok(after - before < GENERATIONS, "40 generations later, fewer than 40 more anon_vmas");
	return tap_done();
}
