// SPDX-License-Identifier: GPL-2.0
/*
 * Lab vma: find_vma over the tree. A fault looks its address up among
 * the process's VMAs; with 3000 of them it must cost about what it costs
 * among 100 (log n), not 30 times as much (a walk of the list). Guest
 * time under -icount is exact, and the O(n) check after each VMA
 * operation is off for this test (validate_mm=0).
 */
#include "vmalib.h"

#define PAGES 64

/* Mean ns of a first write to each of the next PAGES pages of a. */
static double fault_ns(char *a)
{
	long long t = now_ns();

	for (int i = 0; i < PAGES; i++)
		a[i * P] = 1;
	return (double)(now_ns() - t) / PAGES;
}

int main(void)
{
	/* Mapped first, so it is the highest: a list walk passes every other VMA. */
	char *a = mmap(NULL, 2 * PAGES * P, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	double few, many;

	grow_to(100);
	fault_ns(a);			/* warm up: page tables, anon_vma */
	few = fault_ns(a + PAGES / 2 * P);
	grow_to(3000);
	many = fault_ns(a + PAGES * P);
	printf("# a fault among 100 VMAs: %.0f ns; among 3000: %.0f ns (%.2fx)\n", few, many,
	       many / few);
	ok(count_vmas() >= 3000, "3000 VMAs");
	ok(many < few * 2, "a fault among 3000 VMAs costs less than 2x one among 100 (a list walk: 10x)");
	return tap_done();
}
