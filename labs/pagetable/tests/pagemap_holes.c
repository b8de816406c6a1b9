// SPDX-License-Identifier: GPL-2.0
/*
 * Lab pagetable: pagemap across a mapping whose page tables are mostly
 * empty: one entry per page, in place, the only present one where the
 * page was written.
 */
#include <sys/mman.h>
#include "lablib.h"

#define N 1536		/* 6 MiB: whole empty PMD entries */

int main(void)
{
	static uint64_t all[N];
	char *m = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fd = open("/proc/self/pagemap", O_RDONLY);
	long n, present = 0, where = -1;

	m[(N - 1) * P] = 1;
	n = pread(fd, all, sizeof(all), (off_t)((uintptr_t)m / P * 8));
	for (int i = 0; i < N; i++)
		if (all[i] >> 63) {
			present++;
			where = i;
		}
	ok(n == (long)sizeof(all), "one read gives all 1536 entries");
	ok(present == 1 && where == N - 1, "one present, the last");
	return tap_done();
}
