// SPDX-License-Identifier: GPL-2.0
/*
 * Memory management of address spaces. Linux: mm/memory.c
 *
 * For now: allocating the page tables on the way to an address. The fault
 * path (handle_mm_fault) joins this file with user address spaces.
 *
 * Each *_alloc returns the entry for addr at its level, first allocating
 * and linking the table that holds it if the entry above is empty.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <asm/pgalloc.h>

pud_t *pud_alloc(struct mm_struct *mm, p4d_t *p4d, unsigned long addr)
{
	if (p4d_none(*p4d)) {
		pud_t *new = pud_alloc_one(mm, addr);

		if (!new)
			return NULL;
		p4d_populate(p4d, new);
	}
	return pud_offset(p4d, addr);
}

pmd_t *pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long addr)
{
	if (pud_none(*pud)) {
		pmd_t *new = pmd_alloc_one(mm, addr);

		if (!new)
			return NULL;
		pud_populate(pud, new);
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
	}
	return pte_offset_kernel(pmd, addr);
}
