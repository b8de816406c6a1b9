// SPDX-License-Identifier: GPL-2.0
/*
 * MADV_PAGEOUT of 256 written private pages: reclaim unmaps each one
 * (try_to_unmap), so its PTE holds a swap entry (pagemap bit 62, smaps
 * Swap), it is written out (pswpout), and touching it again faults the
 * same bytes back in.
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include "lablib.h"
#include "swaplib.h"

#define N 256

static uint64_t pagemap_of(const void *addr)
{
	int fd = open("/proc/self/pagemap", O_RDONLY);
	uint64_t e = 0;

	pread(fd, &e, sizeof(e), (off_t)((uintptr_t)addr / P * sizeof(e)));
	close(fd);
	return e;
}

int main(void)
{
	long pswpout;
	int swapped = 0, bad = 0;
	char *p;

	swap_test_begin();
	if (swapon(SWAP_DEV, 0)) {
		printf("Bail out! swapon " SWAP_DEV ": %s\n", strerror(errno));
		return 1;
	}
	p = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (int i = 0; i < N; i++)
		memset(p + i * P, i + 1, P);
	pswpout = vmstat_value("pswpout");
	ok_eq(0, madvise(p, N * P, MADV_PAGEOUT), "MADV_PAGEOUT of %d written pages", N);
	for (int i = 0; i < N; i++)
		swapped += (pagemap_of(p + i * P) >> 62) == 1;
	ok_eq(N, swapped, "pagemap: every page is swapped out (bit 62), none present");
	ok_eq(N * 4, vma_field(p, "Swap:"), "smaps: Swap %d kB", N * 4);
	ok_eq(0, vma_field(p, "Rss:"), "smaps: Rss 0");
	ok_eq(N, vmstat_value("pswpout") - pswpout, "pswpout grew by %d", N);
	for (int i = 0; i < N; i++)
		for (int j = 0; j < (int)P; j += 512)
			bad += p[i * P + j] != (char)(i + 1);
	ok_eq(0, bad, "read back: every page has its bytes");
	ok_eq(0, vma_field(p, "Swap:"), "smaps: Swap 0 again");
	munmap(p, N * P);
	ok_eq(0, swapoff(SWAP_DEV), "swapoff: no slot is left in use");
	swap_test_end();
	return tap_done();
}
