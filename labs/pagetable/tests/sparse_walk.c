// SPDX-License-Identifier: GPL-2.0
/*
 * Lab pagetable: a 64 TiB MAP_NORESERVE mapping with 8 pages. Every walk
 * of its page tables (smaps, fork's copy, munmap's zap) must skip the
 * empty levels in one step: each costs what 8 pages cost, well under a
 * millisecond of guest time (graded under -icount, exact). A walk that
 * looks at each 2 MiB costs 2^25 steps, more than a second.
 */
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include "lablib.h"

#define SPARSE	(1UL << 46)
#define LIMIT_NS	20000000LL	/* 20 ms */

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void)
{
	char *m = mmap(NULL, SPARSE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	long long t;
	pid_t pid;

	ok(m != MAP_FAILED, "a 64 TiB mapping");
	for (int i = 0; i < 8; i++)
		m[i * (SPARSE / 8)] = 1;
	t = now_ns();
	read_file("/proc/self/smaps");
	t = now_ns() - t;
	printf("# smaps read: %lld us\n", t / 1000);
	ok(t < LIMIT_NS, "reading smaps walks its tables in under 20 ms");
	t = now_ns();
	pid = fork();
	if (pid == 0)
		_exit(m[SPARSE / 2] == 1 ? 0 : 1);
	waitpid(pid, NULL, 0);
	t = now_ns() - t;
	printf("# fork+exit+wait: %lld us\n", t / 1000);
	ok(t < 2 * LIMIT_NS, "fork, exit and wait in under 40 ms");
	t = now_ns();
	munmap(m, SPARSE);
	t = now_ns() - t;
	printf("# munmap: %lld us\n", t / 1000);
	ok(t < LIMIT_NS, "munmap in under 20 ms");
	return tap_done();
}
