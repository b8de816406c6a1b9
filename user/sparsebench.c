// SPDX-License-Identifier: GPL-2.0
/*
 * sparsebench: what a huge, nearly empty mapping costs. One private
 * anonymous MAP_NORESERVE mapping of 2^46 bytes (64 TiB) with 8 pages
 * touched, 8 TiB apart: every walk of its page tables must skip the
 * empty levels in one step, so each figure follows the 8 pages, not the
 * 2^34 page addresses. make bench runs it on Faultline and on Linux 6.1
 * (both under -icount) and prints the figures side by side.
 *
 *   smaps              open, read whole, close /proc/self/smaps
 *   smaps_rollup       the same for smaps_rollup
 *   fork+exit+wait     the child inherits the mapping and exits at once
 *   mmap+touch+munmap  the whole cycle: map, touch the 8 pages, unmap
 */
#include <stdlib.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "benchlib.h"

#define SPARSE_BYTES	(1UL << 46)
#define TOUCHED		8
#define ROUNDS		20

static char *map_sparse(void)
{
	char *m = mmap(NULL, SPARSE_BYTES, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (m == MAP_FAILED) {
		perror("sparsebench: mmap of 64 TiB");
		exit(1);
	}
	for (int i = 0; i < TOUCHED; i++)
		m[i * (SPARSE_BYTES / TOUCHED)] = 1;
	return m;
}

static double time_fork_exit(void)
{
	long long t0 = 0;

	for (int i = -1; i < ROUNDS; i++) {	/* round -1 warms up */
		pid_t pid;

		if (i == 0)
			t0 = now_ns();
		pid = fork();
		if (pid == 0)
			_exit(0);
		waitpid(pid, NULL, 0);
	}
	return (double)(now_ns() - t0) / ROUNDS;
}

static double time_map_unmap(void)
{
	long long t0 = now_ns();

	for (int i = 0; i < ROUNDS; i++)
		munmap(map_sparse(), SPARSE_BYTES);
	return (double)(now_ns() - t0) / ROUNDS;
}

int main(void)
{
	char *m = map_sparse();

	report("/proc/self/smaps read, sparse 64 TiB mapping of 8 pages",
	       time_reads("/proc/self/smaps", ROUNDS) / 1000, "us");
	report("/proc/self/smaps_rollup read, sparse 64 TiB mapping of 8 pages",
	       time_reads("/proc/self/smaps_rollup", ROUNDS) / 1000, "us");
	report("fork+exit+wait, sparse 64 TiB mapping of 8 pages", time_fork_exit() / 1000, "us");
	munmap(m, SPARSE_BYTES);
	report("mmap+touch+munmap, sparse 64 TiB mapping of 8 pages", time_map_unmap() / 1000,
	       "us");
	return 0;
}
