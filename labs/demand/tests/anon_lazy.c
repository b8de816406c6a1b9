// SPDX-License-Identifier: GPL-2.0
/*
 * Lab demand: anonymous memory is allocated at its first write, one
 * fault and one page at a time (the starter's eager allocation fails it).
 */
#include <sys/mman.h>
#include "lablib.h"

#define N 64

int main(void)
{
	char *a = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long faults;

	ok_eq(0, vma_rss_kb(a), "right after mmap of 64 pages the VMA holds none (Rss 0 kB)");
	faults = minflt();
	a[0] = 1;
	ok_eq(1, minflt() - faults, "the first write to a page takes one fault");
	ok_eq(4, vma_rss_kb(a), "and then the VMA holds that one page (4 kB)");
	faults = minflt();
	for (int i = 1; i < N; i++)
		a[i * P + i] = (char)i;
	ok_eq(N - 1, minflt() - faults, "63 more pages written: 63 faults");
	ok_eq(N * 4, vma_rss_kb(a), "and 64 pages held (256 kB)");
	faults = minflt();
	a[7] = 2;
	a[5 * P + 9] = 3;
	ok_eq(0, minflt() - faults, "a write to a page already there takes no fault");
	ok_eq(N * 4, vma_rss_kb(a), "and allocates nothing");
	return tap_done();
}
