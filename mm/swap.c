// SPDX-License-Identifier: GPL-2.0
/*
 * The LRU lists as pages use them: where a page enters (a new anonymous
 * page at its fault, a page-cache page at insertion), how use ages it
 * (mark_page_accessed), how advice cools it (deactivate_page, MADV_FREE),
 * and where it leaves (its last put). Linux: mm/swap.c
 *
 * Each page's life on the lists, as Linux 6.1 runs it without the
 * multi-generational LRU:
 *
 *   new page --lru_cache_add--> inactive --accessed twice--> active
 *       |                          ^                           |
 *       | (VM_LOCKED VMA,          +---- deactivate_page ------+
 *       |  SHM_LOCKed file)
 *       +--> unevictable <--mlock / munlock (mm/mlock.c)--> [in]active
 *
 *   and off every list at the last put_page (__page_cache_release), or
 *   for a while when reclaim isolates it (mm/vmscan.c).
 *
 * Faultline differs: Linux gathers these moves in per-CPU batches of 15
 * (cpu_fbatches: lru_add, activate, deactivate, lazyfree ...) to take
 * the lock once per batch, and applies them when a batch fills or at
 * lru_add_drain(). With one CPU there is no lock to save, so each move
 * happens at once. What that changes: on Linux a page's LRU state and
 * the counters lag until the next drain (munmap, mlock and madvise
 * drain); the tests drain before they compare.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_inline.h>
#include <linux/swap.h>
#include <linux/vmstat.h>
#include "internal.h"

/*
 * Off the lists for good: the last reference is gone. Linux:
 * __page_cache_release()
 */
static void __page_cache_release(struct page *page)
{
	struct lruvec *lruvec;
	unsigned long flags;

	if (!PageLRU(page))
		return;
	lruvec = lock_page_lruvec_irqsave(page, &flags);
	del_page_from_lru_list(page, lruvec);
	__clear_page_lru_flags(page);
	unlock_page_lruvec_irqrestore(lruvec, flags);
}

/* The last put_page: off its list, then free. Linux: __folio_put() */
void __put_page(struct page *page)
{
	__page_cache_release(page);
	free_unref_page(page, compound_order(page));
}

/*
 * Onto the list page_evictable() allows: an unevictable page loses
 * PG_active (mlock_count starts at 0: mlock raises it); a page made
 * evictable again counts as rescued. Linux: lru_add_fn()
 */
static void lru_add_fn(struct lruvec *lruvec, struct page *page)
{
	bool was_unevictable = PageUnevictable(page);

	ClearPageUnevictable(page);
	if (page_evictable(page)) {
		if (was_unevictable)
			count_vm_event(UNEVICTABLE_PGRESCUED);
	} else {
		ClearPageActive(page);
		SetPageUnevictable(page);
		page->mlock_count = 0;
		if (!was_unevictable)
			count_vm_event(UNEVICTABLE_PGCULLED);
	}
	add_page_to_lru_list(page, lruvec);
}

/*
 * Put a page that is on no list onto the one its flags and evictability
 * name: inactive, or active if PG_active was set first, or unevictable.
 * Linux: folio_add_lru() (queued on cpu_fbatches.lru_add, and the queue
 * holding a reference; here added at once: see the header)
 */
void lru_cache_add(struct page *page)
{
	struct lruvec *lruvec;
	unsigned long flags;

	VM_BUG_ON(PageActive(page) && PageUnevictable(page));
	VM_BUG_ON(PageLRU(page));
	lruvec = lock_page_lruvec_irqsave(page, &flags);
	lru_add_fn(lruvec, page);
	SetPageLRU(page);
	unlock_page_lruvec_irqrestore(lruvec, flags);
}

/*
 * A new anonymous page just mapped into vma: on the inactive anon list,
 * or, in a locked VMA, mlocked and on the unevictable list. Linux:
 * lru_cache_add_inactive_or_unevictable() -> folio_add_lru_vma()
 */
void lru_cache_add_inactive_or_unevictable(struct page *page, struct vm_area_struct *vma)
{
	VM_BUG_ON(PageLRU(page));
	if ((vma->vm_flags & (VM_LOCKED | VM_SPECIAL)) == VM_LOCKED)
		mlock_new_page(page);
	else
		lru_cache_add(page);
}

/*
 * Apply move to page if it is on a list now, with the lock held and
 * PG_lru cleared meanwhile (so no one else moves it). Linux: one step
 * of folio_batch_move_lru()
 */
static void lru_move_page(struct page *page, void (*move)(struct lruvec *, struct page *))
{
	struct lruvec *lruvec;
	unsigned long flags;

	if (!TestClearPageLRU(page))
		return;
	lruvec = lock_page_lruvec_irqsave(page, &flags);
	move(lruvec, page);
	unlock_page_lruvec_irqrestore(lruvec, flags);
	SetPageLRU(page);
}

static void activate_fn(struct lruvec *lruvec, struct page *page)
{
	if (PageActive(page) || PageUnevictable(page))
		return;
	del_page_from_lru_list(page, lruvec);
	SetPageActive(page);
	add_page_to_lru_list(page, lruvec);
	count_vm_event(PGACTIVATE);
}

/* Inactive to active, counted in pgactivate. Linux: folio_activate() */
void activate_page(struct page *page)
{
	lru_move_page(page, activate_fn);
}

/*
 * A use of the page seen by the kernel (a read through the page cache, a
 * young PTE at unmap, get_user_pages with FOLL_TOUCH). Two steps:
 *
 *   inactive, unreferenced  ->  inactive, referenced
 *   inactive, referenced    ->  active, unreferenced
 *   active, unreferenced    ->  active, referenced
 *
 * An unevictable page is never rotated, so only PG_referenced changes.
 * Linux: folio_mark_accessed() (which, for a page still in the per-CPU
 * add batch, sets PG_active there; Faultline has no batch: a page off
 * the lists is being reclaimed and keeps its place)
 */
void mark_page_accessed(struct page *page)
{
	page = compound_head(page);
	if (!PageReferenced(page)) {
		SetPageReferenced(page);
	} else if (PageUnevictable(page)) {
		/* the unevictable list is never rotated */
	} else if (!PageActive(page)) {
		if (PageLRU(page))
			activate_page(page);
		ClearPageReferenced(page);
	}
}

static void deactivate_fn(struct lruvec *lruvec, struct page *page)
{
	if (PageUnevictable(page) || !PageActive(page))
		return;
	del_page_from_lru_list(page, lruvec);
	ClearPageActive(page);
	ClearPageReferenced(page);
	add_page_to_lru_list(page, lruvec);
	count_vm_event(PGDEACTIVATE);
}

/*
 * Active to inactive, and forget the reference: reclaim should take this
 * page soon (MADV_COLD). Linux: deactivate_page()
 */
void deactivate_page(struct page *page)
{
	if (PageLRU(page) && !PageUnevictable(page) && PageActive(page))
		lru_move_page(page, deactivate_fn);
}

/*
 * A file page that could not be dropped (fadvise DONTNEED, invalidation):
 * to the inactive list unless mapped; a clean one to its tail, next in
 * line for reclaim, a dirty one to its head with PG_reclaim. Linux:
 * lru_deactivate_file_fn()
 */
static void deactivate_file_fn(struct lruvec *lruvec, struct page *page)
{
	bool active = PageActive(page);

	if (PageUnevictable(page) || page_mapcount(page) > 0)
		return;
	del_page_from_lru_list(page, lruvec);
	ClearPageActive(page);
	ClearPageReferenced(page);
	if (PageWriteback(page) || PageDirty(page)) {
		add_page_to_lru_list(page, lruvec);
		SetPageReclaim(page);
	} else {
		add_page_to_lru_list_tail(page, lruvec);
		count_vm_event(PGROTATED);
	}
	if (active)
		count_vm_event(PGDEACTIVATE);
}

static void lru_move_tail_fn(struct lruvec *lruvec, struct page *page)
{
	if (PageUnevictable(page))
		return;
	del_page_from_lru_list(page, lruvec);
	ClearPageActive(page);
	add_page_to_lru_list_tail(page, lruvec);
	count_vm_event(PGROTATED);
}

/*
 * A page reclaim wrote out (PG_reclaim) is clean now: to the tail of the
 * inactive list, first in line when reclaim comes again. Called when
 * the write ends, from the disk's interrupt. Linux: folio_rotate_reclaimable()
 */
void rotate_reclaimable_page(struct page *page)
{
	if (PageLocked(page) || PageDirty(page) || PageUnevictable(page) || !PageLRU(page))
		return;
	lru_move_page(page, lru_move_tail_fn);
}

/* Linux: deactivate_file_folio() */
void deactivate_file_page(struct page *page)
{
	if (PageUnevictable(page))
		return;
	lru_move_page(page, deactivate_file_fn);
}

static void lazyfree_fn(struct lruvec *lruvec, struct page *page)
{
	if (!PageAnon(page) || !PageSwapBacked(page) || PageSwapCache(page) ||
	    PageUnevictable(page))
		return;
	del_page_from_lru_list(page, lruvec);
	ClearPageActive(page);
	ClearPageReferenced(page);
	/* Clean, and no longer swap-backed: reclaim may drop it unwritten. */
	ClearPageSwapBacked(page);
	add_page_to_lru_list(page, lruvec);
	count_vm_event(PGLAZYFREE);
}

/*
 * MADV_FREE: an anonymous page whose contents the program no longer
 * needs moves to the inactive file list, counted in pglazyfree.
 * Linux: mark_page_lazyfree()
 */
void mark_page_lazyfree(struct page *page)
{
	if (PageLRU(page) && PageAnon(page) && PageSwapBacked(page) &&
	    !PageSwapCache(page) && !PageUnevictable(page))
		lru_move_page(page, lazyfree_fn);
}

/*
 * Apply this CPU's queued LRU moves. Linux: lru_add_drain() (and
 * mlock_page_drain_local()). Faultline queues none (see the header), so
 * there is nothing to do; callers call it where Linux does.
 */
void lru_add_drain(void)
{
}

/*
 * Reclaim had to write nr_pages of this kind (anon or file) to free
 * them: that kind costs more to reclaim, so get_scan_count leans to the
 * other. Old costs halve once they exceed a quarter of the lists, so
 * that recent behaviour counts most. Linux: lru_note_cost() (also fed
 * by refaults through the workingset shadow entries, which Faultline
 * does not keep)
 */
void lru_note_cost(struct lruvec *lruvec, bool file, unsigned int nr_pages)
{
	struct pglist_data *pgdat = lruvec_pgdat(lruvec);
	unsigned long lrusize;

	if (file)
		lruvec->file_cost += nr_pages;
	else
		lruvec->anon_cost += nr_pages;
	lrusize = pgdat->vm_stat[NR_INACTIVE_ANON] + pgdat->vm_stat[NR_ACTIVE_ANON] +
		  pgdat->vm_stat[NR_INACTIVE_FILE] + pgdat->vm_stat[NR_ACTIVE_FILE];
	if (lruvec->file_cost + lruvec->anon_cost > lrusize / 4) {
		lruvec->file_cost /= 2;
		lruvec->anon_cost /= 2;
	}
}
