// SPDX-License-Identifier: GPL-2.0
/*
 * Page reclaim's hold on the LRU lists: take a page off its list to work
 * on it (isolate), give it back (putback), and move pages whose
 * evictability changed. Linux: mm/vmscan.c
 *
 * An isolated page has PG_lru clear and is on no list, but keeps
 * PG_active and PG_unevictable, so putback knows where it came from; the
 * isolating caller holds a reference until putback (or until it frees
 * the page). Reclaim itself (shrink_lruvec, shrink_active_list,
 * shrink_inactive_list, shrink_page_list) builds on these.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mm_inline.h>
#include <linux/swap.h>
#include <linux/vmstat.h>
#include "internal.h"

/*
 * Take page off its LRU list, with a reference for the caller. The
 * caller must hold a reference already (so the page cannot be freed
 * meanwhile). -EBUSY when it is on no list (someone else isolated it).
 * Linux: folio_isolate_lru(), isolate_lru_page()
 */
int isolate_lru_page(struct page *page)
{
	struct lruvec *lruvec;
	unsigned long flags;

	VM_BUG_ON(page_ref_count(page) <= 0);
	if (!TestClearPageLRU(page))
		return -EBUSY;
	get_page(page);
	lruvec = lock_page_lruvec_irqsave(page, &flags);
	del_page_from_lru_list(page, lruvec);
	unlock_page_lruvec_irqrestore(lruvec, flags);
	return 0;
}

/*
 * Give an isolated page back: onto the list its flags and evictability
 * name now (it may have been mlocked or unlocked meanwhile), and drop
 * the reference isolation took. Linux: folio_putback_lru(),
 * putback_lru_page()
 */
void putback_lru_page(struct page *page)
{
	lru_cache_add(page);
	put_page(page);
}

/*
 * pages (each referenced by the caller) may have become evictable (their
 * file was SHM_UNLOCKed): move those on the unevictable list to their
 * evictable one. Counts unevictable_pgs_scanned and _rescued. Linux:
 * check_move_unevictable_folios() (given a folio_batch)
 */
void check_move_unevictable_pages(struct page **pages, unsigned int nr)
{
	unsigned long rescued = 0;

	for (unsigned int i = 0; i < nr; i++) {
		struct page *page = pages[i];
		struct lruvec *lruvec;
		unsigned long flags;

		if (!TestClearPageLRU(page))
			continue;
		lruvec = lock_page_lruvec_irqsave(page, &flags);
		if (page_evictable(page) && PageUnevictable(page)) {
			del_page_from_lru_list(page, lruvec);
			ClearPageUnevictable(page);
			add_page_to_lru_list(page, lruvec);
			rescued++;
		}
		unlock_page_lruvec_irqrestore(lruvec, flags);
		SetPageLRU(page);
	}
	count_vm_events(UNEVICTABLE_PGRESCUED, rescued);
	count_vm_events(UNEVICTABLE_PGSCANNED, nr);
}
