// SPDX-License-Identifier: GPL-2.0
/*
 * Lab demand: a read of untouched anonymous memory faults once and maps
 * the one shared zero page, read-only: nothing of the process's own
 * (the starter's eager allocation fails it). A write then gets a page.
 */
#include <sys/mman.h>
#include "lablib.h"

#define N 16

int main(void)
{
	char *a = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	volatile char sink = 0;
	long faults = minflt();
	int zeros = 0;

	for (int i = 0; i < N; i++)
		zeros += a[i * P + 100] == 0;
	ok_eq(N, minflt() - faults, "each first read of a page takes one fault");
	ok_eq(N, zeros, "and reads zero");
	ok_eq(0, vma_rss_kb(a), "no page is the process's own: Rss 0 kB");
	ok(pfn_of(a) && pfn_of(a) == pfn_of(a + 9 * P), "two read pages map the same frame");
	faults = minflt();
	sink += a[3 * P];
	ok_eq(0, minflt() - faults, "a second read takes no fault");
	faults = minflt();
	a[3 * P] = 'w';
	ok_eq(1, minflt() - faults, "the first write takes a fault (the zero page is read-only)");
	ok(pfn_of(a + 3 * P) != pfn_of(a), "and gives the page a frame of its own");
	ok_eq(4, vma_rss_kb(a), "held by the VMA (4 kB)");
	ok(a[3 * P] == 'w' && a[3 * P + 1] == 0 && a[4 * P] == 0, "it holds the write, zeros elsewhere");
	(void)sink;
	return tap_done();
}
