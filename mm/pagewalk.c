// SPDX-License-Identifier: GPL-2.0
/*
 * Walking a range of a user address space's page tables, level by level,
 * skipping each empty entry in one step. include/linux/pagewalk.h says
 * what the callbacks are. Linux: mm/pagewalk.c
 *
 *   walk_page_range   every VMA of [start, end) and the holes between
 *     walk_pgd_range    512 GiB per entry   (depth 0)
 *       walk_p4d_range  = the pgd entry: four levels, no p4d table
 *         walk_pud_range  1 GiB per entry   (depth 2)
 *           walk_pmd_range  2 MiB per entry (depth 3)
 *             walk_pte_range  4 KiB per entry
 *
 * A sparse mapping of 64 TiB with a few pages in it costs a few entries
 * per level, not 2^34 page addresses.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/pagewalk.h>

static int walk_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	/* Linux: pte_offset_map(); callbacks that change PTEs take the table's lock. */
	pte_t *pte = pte_offset_kernel(pmd, addr);
	int err = 0;

	for (;;) {
		err = walk->ops->pte_entry(pte, addr, addr + PAGE_SIZE, walk);
		if (err)
			break;
		if (addr >= end - PAGE_SIZE)
			break;
		addr += PAGE_SIZE;
		pte++;
	}
	return err;
}

/* LAB pagetable: walk-levels BEGIN */
static int walk_pmd_range(pud_t *pud, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	const struct mm_walk_ops *ops = walk->ops;
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;
	int err = 0;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd)) {
			if (ops->pte_hole)
				err = ops->pte_hole(addr, next, 3, walk);
		} else {
			if (ops->pmd_entry)
				err = ops->pmd_entry(pmd, addr, next, walk);
			if (!err && ops->pte_entry)
				err = walk_pte_range(pmd, addr, next, walk);
		}
		if (err)
			break;
	} while (pmd++, addr = next, addr != end);
	return err;
}

static int walk_pud_range(p4d_t *p4d, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	const struct mm_walk_ops *ops = walk->ops;
	pud_t *pud = pud_offset(p4d, addr);
	unsigned long next;
	int err = 0;

	do {
		next = pud_addr_end(addr, end);
		if (pud_none(*pud)) {
			if (ops->pte_hole)
				err = ops->pte_hole(addr, next, 2, walk);
		} else if (ops->pmd_entry || ops->pte_entry) {
			err = walk_pmd_range(pud, addr, next, walk);
		}
		if (err)
			break;
	} while (pud++, addr = next, addr != end);
	return err;
}

/* With four levels the p4d is the pgd entry itself (asm/pgtable.h). */
static int walk_pgd_range(unsigned long addr, unsigned long end, struct mm_walk *walk)
{
	const struct mm_walk_ops *ops = walk->ops;
	pgd_t *pgd = pgd_offset(walk->mm, addr);
	unsigned long next;
	int err = 0;

	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*pgd)) {
			if (ops->pte_hole)
				err = ops->pte_hole(addr, next, 0, walk);
		} else if (ops->pmd_entry || ops->pte_entry) {
			err = walk_pud_range(p4d_offset(pgd, addr), addr, next, walk);
		}
		if (err)
			break;
	} while (pgd++, addr = next, addr != end);
	return err;
}

/* LAB pagetable: walk-levels END */

/* Ask test_walk whether to walk this VMA: 0 yes, 1 skip it, <0 stop. */
static int walk_page_test(unsigned long start, unsigned long end, struct mm_walk *walk)
{
	if (walk->ops->test_walk)
		return walk->ops->test_walk(start, end, walk);
	return 0;
}

/*
 * Walk [start, end) of mm: each part inside a VMA through its page
 * tables, each part in no VMA as one pte_hole of depth -1. Returns the
 * first non-zero callback result, or 0. Linux: walk_page_range()
 */
int walk_page_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		    const struct mm_walk_ops *ops, void *private)
{
	struct mm_walk walk = { .ops = ops, .mm = mm, .private = private };
	struct vm_area_struct *vma;
	unsigned long next;
	int err = 0;

	if (start >= end)
		return -EINVAL;
	vma = find_vma(mm, start);
	do {
		if (!vma || start < vma->vm_start) {
			walk.vma = NULL;
			next = vma ? min(end, vma->vm_start) : end;
			if (ops->pte_hole)
				err = ops->pte_hole(start, next, -1, &walk);
		} else {
			walk.vma = vma;
			next = min(end, vma->vm_end);
			vma = vma->vm_next;
			err = walk_page_test(start, next, &walk);
			if (err > 0) {
				err = 0;
				continue;
			}
			if (!err)
				err = walk_pgd_range(start, next, &walk);
		}
		if (err)
			break;
	} while (start = next, start < end);
	return err;
}

/* [start, end) of one VMA. Linux: walk_page_range_vma() */
int walk_page_range_vma(struct vm_area_struct *vma, unsigned long start, unsigned long end,
			const struct mm_walk_ops *ops, void *private)
{
	struct mm_walk walk = { .ops = ops, .mm = vma->vm_mm, .vma = vma, .private = private };

	if (start >= end || start < vma->vm_start || end > vma->vm_end)
		return -EINVAL;
	return walk_pgd_range(start, end, &walk);
}

/* All of one VMA, if test_walk agrees. Linux: walk_page_vma() */
int walk_page_vma(struct vm_area_struct *vma, const struct mm_walk_ops *ops, void *private)
{
	struct mm_walk walk = { .ops = ops, .mm = vma->vm_mm, .vma = vma, .private = private };
	int err = walk_page_test(vma->vm_start, vma->vm_end, &walk);

	if (err > 0)
		return 0;
	if (err < 0)
		return err;
	return walk_pgd_range(vma->vm_start, vma->vm_end, &walk);
}
