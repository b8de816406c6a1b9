// SPDX-License-Identifier: GPL-2.0
/*
 * MADV_COLD and MADV_PAGEOUT: a program (or, through process_madvise, a
 * memory manager) says which pages it will not need soon. COLD moves
 * them to the inactive list, next in line for reclaim; PAGEOUT reclaims
 * them now: an anonymous page gets a swap slot, its PTEs become swap
 * entries and it is written out (and stays in the swap cache until the
 * write ends and reclaim passes again); a tmpfs page (shared anonymous,
 * System V shm) goes to swap through its file (shmem_writepage), or is
 * dropped if it was never written. Only pages this process alone
 * maps are touched, and their accessed bits are cleared first, so that
 * reclaim's second chance does not keep them.
 * Linux: mm/madvise.c (madvise_cold, madvise_pageout,
 * madvise_cold_or_pageout_pte_range), without THP splitting; Linux
 * reclaims after each page table, Faultline after the whole range
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/swap.h>
#include <linux/pagewalk.h>
#include <asm/tlbflush.h>
#include "internal.h"

struct cold_walk {
	bool pageout;
	struct list_head page_list;	/* pages isolated for reclaim_pages */
};

static int cold_or_pageout_pte(pte_t *pte, unsigned long addr, unsigned long next,
			       struct mm_walk *walk)
{
	struct cold_walk *cw = walk->private;
	pte_t ptent = *pte;
	struct page *page;

	(void)next;
	if (!pte_present(ptent))
		return 0;
	page = vm_normal_page(walk->vma, addr, ptent);
	if (!page || !PageLRU(page) || page_mapcount(page) != 1)
		return 0;
	if (pte_young(ptent)) {
		set_pte(pte, pte_mkold(ptent));
		flush_tlb_page(walk->vma, addr);
	}
	ClearPageReferenced(page);
	if (!cw->pageout) {
		deactivate_page(page);
		return 0;
	}
	if (!isolate_lru_page(page)) {
		if (PageUnevictable(page))
			putback_lru_page(page);
		else	/* in address order: 6.1 pages out (and gives slots) low to high */
			list_add_tail(&page->lru, &cw->page_list);
	}
	return 0;
}

static const struct mm_walk_ops cold_walk_ops = {
	.pte_entry = cold_or_pageout_pte,
};

/*
 * A file's pages are paged out only for a process that could write the
 * file (else eviction would be a side channel on others' use of it).
 * Linux: can_do_pageout()
 */
static bool can_do_pageout(struct vm_area_struct *vma)
{
	if (vma_is_anonymous(vma))
		return true;
	if (!vma->vm_file)
		return false;
	return inode_owner_or_capable(file_inode(vma->vm_file)) ||
	       file_permission(vma->vm_file, MAY_WRITE) == 0;
}

/* Linux: madvise_cold(), madvise_pageout() (can_madv_lru_vma checked by the caller) */
int madvise_cold_or_pageout(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, bool pageout)
{
	struct cold_walk cw = { .pageout = pageout, .page_list = LIST_HEAD_INIT(cw.page_list) };

	if (pageout && !can_do_pageout(vma))
		return 0;
	lru_add_drain();
	walk_page_range_vma(vma, start, end, &cold_walk_ops, &cw);
	if (pageout)
		reclaim_pages(&cw.page_list);
	return 0;
}
