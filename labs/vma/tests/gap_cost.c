// SPDX-License-Identifier: GPL-2.0
/*
 * Lab vma: the gap search over rb_subtree_gap. mmap finds room top-down;
 * among 3000 VMAs packed from the top, the only room is below them all,
 * and the tree must lead there in log n steps, not try every gap. Guest
 * time under -icount, the O(n) check after each VMA operation off
 * (validate_mm=0).
 */
#include "vmalib.h"

#define ROUNDS 50

/* Mean ns of an mmap of one page (and its munmap) now. */
static double mmap_ns(void)
{
	long long t = now_ns();

	for (int i = 0; i < ROUNDS; i++)
		munmap(mmap(NULL, P, PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), P);
	return (double)(now_ns() - t) / ROUNDS;
}

int main(void)
{
	double few, many;

	grow_to(100);
	mmap_ns();
	few = mmap_ns();
	grow_to(3000);
	many = mmap_ns();
	printf("# mmap+munmap among 100 VMAs: %.0f ns; among 3000: %.0f ns (%.2fx)\n", few, many,
	       many / few);
	ok(many < few * 3, "an mmap among 3000 VMAs costs less than 3x one among 100 (a scan of every gap: 10x)");
	return tap_done();
}
