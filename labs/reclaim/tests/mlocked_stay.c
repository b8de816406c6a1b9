// SPDX-License-Identifier: GPL-2.0
/*
 * mlocked pages are unevictable: MADV_PAGEOUT and MADV_COLD refuse a
 * locked range (EINVAL, as 6.1's can_madv_lru_vma says), and the pages
 * stay in memory with their bytes, taking no slot.
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include "lablib.h"
#include "swaplib.h"

#define N 64

int main(void)
{
	int bad = 0;
	char *p;

	swap_test_begin();
	if (swapon(SWAP_DEV, 0)) {
		printf("Bail out! swapon " SWAP_DEV ": %s\n", strerror(errno));
		return 1;
	}
	p = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (int i = 0; i < N; i++)
		memset(p + i * P, i + 1, P);
	ok_eq(0, mlock(p, N * P), "mlock %d written pages", N);
	ok_errno(EINVAL, madvise(p, N * P, MADV_PAGEOUT), "MADV_PAGEOUT of them: EINVAL");
	ok_errno(EINVAL, madvise(p, N * P, MADV_COLD), "MADV_COLD: EINVAL");
	ok_eq(0, vma_field(p, "Swap:"), "smaps: Swap 0");
	ok_eq(N * 4, vma_field(p, "Rss:"), "smaps: Rss %d kB: all still in memory", N * 4);
	for (int i = 0; i < N; i++)
		bad += p[i * P] != (char)(i + 1);
	ok_eq(0, bad, "every page has its bytes");
	munmap(p, N * P);
	ok_eq(0, swapoff(SWAP_DEV), "swapoff: no slot is left in use");
	swap_test_end();
	return tap_done();
}
