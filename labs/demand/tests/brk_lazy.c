// SPDX-License-Identifier: GPL-2.0
/*
 * Lab demand: brk grows the heap without pages; each comes at its first
 * touch (the starter's eager allocation fails it).
 */
#include <sys/syscall.h>
#include "lablib.h"

#define N 32

int main(void)
{
	char *old = (char *)syscall(SYS_brk, 0);
	long faults;

	ok(syscall(SYS_brk, old + N * P) == (long)(old + N * P), "brk grows the heap by 32 pages");
	ok_eq(0, vma_rss_kb(old), "which holds none of them (Rss 0 kB)");
	faults = minflt();
	old[0] = 1;
	old[(N - 1) * P] = 2;
	ok_eq(2, minflt() - faults, "two pages written: two faults");
	ok_eq(8, vma_rss_kb(old), "and two pages held (8 kB)");
	ok(syscall(SYS_brk, old) == (long)old, "brk shrinks it back");
	return tap_done();
}
