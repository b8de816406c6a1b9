// SPDX-License-Identifier: GPL-2.0
/*
 * Does this VMA map this page at this address? The rmap walk's last
 * step: it knows where the page would be, and looks at the PTE there.
 * Linux: mm/page_vma_mapped.c
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/rmap.h>

static void page_vma_mapped_walk_done(struct page_vma_mapped_walk *pvmw)
{
	pvmw->pte = NULL;	/* Linux: also unlocks pvmw->ptl */
}

/*
 * Returns true with pvmw->pte set at the PTE mapping pvmw->pfn, the
 * first time it is called; false when there is none, and on the next
 * call (a page is mapped by at most one PTE of a VMA at its address).
 * Linux: page_vma_mapped_walk(), which also steps through the PTEs of
 * a huge page and knows migration and device entries; there are none here.
 */
bool page_vma_mapped_walk(struct page_vma_mapped_walk *pvmw)
{
	pte_t pte;

	if (pvmw->pte) {
		page_vma_mapped_walk_done(pvmw);
		return false;
	}
	pvmw->pmd = mm_find_pmd(pvmw->vma->vm_mm, pvmw->address);
	if (!pvmw->pmd)
		return false;
	pvmw->pte = pte_offset_kernel(pvmw->pmd, pvmw->address);
	pte = *pvmw->pte;
	if (pte_present(pte) && pte_pfn(pte) == pvmw->pfn)
		return true;
	page_vma_mapped_walk_done(pvmw);
	return false;
}
