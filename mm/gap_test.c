// SPDX-License-Identifier: GPL-2.0
/*
 * ktest for the free-gap search (vm_unmapped_area over the rb_subtree_gap
 * augmented tree): 10,000 VMAs with random holes, then thousands of
 * searches, each checked against a brute-force walk of the VMA list.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/ktest_mm.h>
#include <linux/prandom.h>

#define P	PAGE_SIZE
#define NR_VMAS	10000

static struct rnd_state rng = { 0x2545f4914f6cdd1dULL };

static unsigned long rnd(unsigned long n)
{
	return prandom_below(&rng, n);
}

/* The answer by walking every gap: highest fit (top-down) or lowest. */
static unsigned long brute_force(struct mm_struct *mm, unsigned long len, unsigned long low,
				 unsigned long high, bool topdown)
{
	unsigned long best = -ENOMEM, prev_end = 0;
	struct vm_area_struct *vma = mm->mmap;

	for (;; vma = vma->vm_next) {
		unsigned long start = max(prev_end, low);
		unsigned long end = min(vma ? vm_start_gap(vma) : ~0UL, high);

		if (end > start && end - start >= len) {
			if (!topdown)
				return start;
			best = end - len;
		}
		if (!vma)
			return best;
		prev_end = vm_end_gap(vma);
	}
}

KTEST(mmap, gap_search, "the free-gap search agrees with a brute-force walk over 10,000 VMAs with random holes")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long addr, low = 0x100000000UL, mismatches = 0;

	KT_ASSERT_TRUE(t, mm);
	/* Building 10,000 VMAs with a full check after each would be O(n^2). */
	validate_mm_enabled = false;
	addr = low;
	for (int i = 0; i < NR_VMAS; i++) {
		unsigned long prot = i & 1 ? PROT_READ : PROT_READ | PROT_WRITE;

		addr += rnd(4) ? P * rnd(8) : P * (8 + rnd(40));	/* mostly small holes */
		if (vm_mmap(NULL, addr, P * (1 + rnd(3)), prot,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0) != addr)
			break;
		addr = find_vma(mm, addr)->vm_end;
	}
	validate_mm_enabled = IS_ENABLED_DEBUG_VM;
	validate_mm(mm);
	KT_EXPECT_EQ(t, NR_VMAS, mm->map_count);

	for (int i = 0; i < 3000; i++) {
		bool topdown = i & 1;
		struct vm_unmapped_area_info info = {
			.flags = topdown ? VM_UNMAPPED_AREA_TOPDOWN : 0,
			.length = P * (1 + rnd(i < 2000 ? 12 : 60)),
			.low_limit = low + P * rnd(4000),
			.high_limit = rnd(4) ? addr - P * rnd(4000) : mm->mmap_base,
		};
		unsigned long got = vm_unmapped_area(&info);
		unsigned long want = brute_force(mm, info.length, info.low_limit,
						 info.high_limit, topdown);

		if (got != want && mismatches++ < 5)
			KT_EXPECT_EQ(t, want, got);
	}
	KT_EXPECT_EQ(t, 0, mismatches);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}
