/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PAGEWALK_H
#define _LINUX_PAGEWALK_H

#include <linux/mm.h>

/*
 * The one page-table walker: every reader of a range of user page tables
 * (zap, mprotect, fork's copy, smaps, pagemap, core dumps, the mm audit)
 * goes through it, so that a level that is empty is skipped in one step
 * and the cost follows the tables that exist, not the size of the range.
 * Linux: include/linux/pagewalk.h
 *
 * The walker calls, for the range [addr, next) at each level:
 *   pte_hole(addr, next, depth)  where nothing is mapped: depth -1 is a
 *                                range in no VMA (walk_page_range only),
 *                                0..3 an empty pgd/p4d/pud/pmd entry
 *   pmd_entry(pmd, addr, next)   for a pmd entry that points at a PTE
 *                                table (the whole table at once)
 *   pte_entry(pte, addr, next)   then for each PTE of it, empty or not
 *   test_walk(addr, next)        first, per VMA (walk_page_range,
 *                                walk_page_vma): 0 walk it, 1 skip it,
 *                                <0 stop with that error
 * Ranges are page-aligned, as in Linux.
 * Any callback returning non-zero ends the walk with that value. Left
 * out from Linux: pgd/p4d/pud_entry, huge pages (none exist here), the
 * ACTION_AGAIN/CONTINUE choices, pre_vma/post_vma, and the mmap_lock
 * assertions (Linux requires it held; Faultline takes no mm locks).
 */
struct mm_walk;

struct mm_walk_ops {
	int (*pmd_entry)(pmd_t *pmd, unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	int (*pte_entry)(pte_t *pte, unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	int (*pte_hole)(unsigned long addr, unsigned long next, int depth,
			struct mm_walk *walk);
	int (*test_walk)(unsigned long addr, unsigned long next, struct mm_walk *walk);
};

struct mm_walk {
	const struct mm_walk_ops *ops;
	struct mm_struct *mm;
	struct vm_area_struct *vma;	/* the VMA being walked; NULL in a hole */
	void *private;			/* the caller's */
};

int walk_page_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		    const struct mm_walk_ops *ops, void *private);
int walk_page_range_vma(struct vm_area_struct *vma, unsigned long start, unsigned long end,
			const struct mm_walk_ops *ops, void *private);
int walk_page_vma(struct vm_area_struct *vma, const struct mm_walk_ops *ops, void *private);

#endif
