// SPDX-License-Identifier: GPL-2.0
/*
 * Allocating the page-table levels below a PGD entry for a user address
 * space (and PTE tables for the kernel's). Each allocator checks again
 * after allocating: the allocation may have slept in reclaim, and
 * another thread of the process may have installed a table meanwhile
 * (Linux checks under the table's lock). Linux: mm/memory.c
 * __pud_alloc(), __pmd_alloc(), __pte_alloc(), __pte_alloc_kernel()
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <asm/pgalloc.h>

/* Linux: __pud_alloc() installs the new table under mm->page_table_lock. */
pud_t *pud_alloc(struct mm_struct *mm, p4d_t *p4d, unsigned long addr)
{
	if (p4d_none(*p4d)) {
		pud_t *new = pud_alloc_one(mm, addr);

		if (!new)
			return NULL;
		if (!p4d_none(*p4d)) {	/* another thread's, while we reclaimed */
			pud_free(mm, new);
		} else {
			p4d_populate(p4d, new);
			atomic_long_add(PAGE_SIZE, &mm->pgtables_bytes);
		}
	}
	return pud_offset(p4d, addr);
}

/* Linux: __pmd_alloc() installs the new table under the PUD's lock. */
pmd_t *pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long addr)
{
	if (pud_none(*pud)) {
		pmd_t *new = pmd_alloc_one(mm, addr);

		if (!new)
			return NULL;
		if (!pud_none(*pud)) {	/* another thread's, while we reclaimed */
			pmd_free(mm, new);
		} else {
			pud_populate(pud, new);
			atomic_long_add(PAGE_SIZE, &mm->pgtables_bytes);
		}
	}
	return pmd_offset(pud, addr);
}

pte_t *pte_alloc_kernel(pmd_t *pmd, unsigned long addr)
{
	if (pmd_none(*pmd)) {
		pte_t *new = pte_alloc_one_kernel(&init_mm);

		if (!new)
			return NULL;
		pmd_populate_kernel(pmd, new);
		atomic_long_add(PAGE_SIZE, &init_mm.pgtables_bytes);
	}
	return pte_offset_kernel(pmd, addr);
}

/*
 * A PTE table for a user address space. Linux: __pte_alloc() (which
 * installs it under the PMD's lock, pmd_install())
 */
int __pte_alloc(struct mm_struct *mm, pmd_t *pmd)
{
	pte_t *new = pte_alloc_one(mm);

	if (!new)
		return -ENOMEM;
	if (!pmd_none(*pmd)) {
		/* another thread installed one while the allocation reclaimed */
		pte_free(mm, new);
		return 0;
	}
	pmd_populate(pmd, new);
	atomic_long_add(PAGE_SIZE, &mm->pgtables_bytes);
	return 0;
}
