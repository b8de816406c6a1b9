// SPDX-License-Identifier: GPL-2.0
/*
 * Page reclaim's hold on the LRU lists: take a page off its list to work
 * on it (isolate), give it back (putback), and move pages whose
 * evictability changed. Linux: mm/vmscan.c
 *
 * An isolated page has PG_lru clear and is on no list, but keeps
 * PG_active and PG_unevictable, so putback knows where it came from; the
 * isolating caller holds a reference until putback (or until it frees
 * the page). shrink_page_list, below, decides each isolated page's
 * fate; mm/vmscan_lru.c scans the lists under memory pressure and
 * mm/kswapd.c runs it in the background.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mm_inline.h>
#include <linux/swap.h>
#include <linux/rmap.h>
#include <linux/pagemap.h>
#include <linux/shmem_fs.h>
#include <linux/vmstat.h>
#include <linux/sched/mm.h>
#include <linux/string.h>
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

/* --- shrink_page_list: deciding, unmapping, writing and freeing pages --- */

enum page_references {
	PAGEREF_RECLAIM,
	PAGEREF_RECLAIM_CLEAN,
	PAGEREF_KEEP,
	PAGEREF_ACTIVATE,
};

/*
 * The second chance: a page some PTE used since the last look stays
 * (marked PG_referenced), and goes to the active list if it was used
 * twice (referenced before too, or by several mappings), or is a
 * program's text. A locked VMA's page is activated (it will be culled
 * to the unevictable list). Linux: folio_check_references()
 */
static enum page_references page_check_references(struct page *page)
{
	/* LAB reclaim: second-chance BEGIN */
	unsigned long vm_flags;
	int referenced_ptes = page_referenced(page, 1, &vm_flags);
	bool referenced_page = TestClearPageReferenced(page);

	if (vm_flags & VM_LOCKED)
		return PAGEREF_ACTIVATE;
	if (referenced_ptes) {
		SetPageReferenced(page);
		if (referenced_page || referenced_ptes > 1)
			return PAGEREF_ACTIVATE;
		if ((vm_flags & VM_EXEC) && page_is_file_lru(page))
			return PAGEREF_ACTIVATE;
		return PAGEREF_KEEP;
	}
	if (referenced_page && page_is_file_lru(page))
		return PAGEREF_RECLAIM_CLEAN;
	return PAGEREF_RECLAIM;
	/* LAB reclaim: second-chance END */
}

typedef enum {
	PAGE_KEEP,		/* could not be written: keep it */
	PAGE_ACTIVATE,		/* should not be written: activate it */
	PAGE_SUCCESS,		/* the write started (or ended: a synchronous disk) */
	PAGE_CLEAN,		/* it was clean after all */
} pageout_t;

/*
 * Write a dirty, unmapped swap-cache page to its slot. The write ends by
 * interrupt later; the page is unlocked and kept meanwhile, with
 * PG_reclaim so that it moves to the inactive list's tail when clean.
 * Only the isolation's reference and the cache's may remain. Linux:
 * pageout() (Faultline has no other writeback: a tmpfs page goes through
 * shmem_writepage, which moves it into the swap cache first)
 */
static pageout_t pageout(struct page *page)
{
	bool shmem = PageSwapBacked(page) && !PageAnon(page) && !PageSwapCache(page) &&
		     page->mapping;	/* still in its file */

	if (page_ref_count(page) != 2 || (!PageSwapCache(page) && !shmem))
		return PAGE_KEEP;
	if (!TestClearPageDirty(page))
		return PAGE_CLEAN;
	SetPageReclaim(page);
	if (shmem ? shmem_writepage(page) : swap_writepage(page, false)) {
		ClearPageReclaim(page);
		SetPageDirty(page);
		return PAGE_ACTIVATE;
	}
	mod_node_page_state(page_pgdat(page), NR_VMSCAN_WRITE, 1);
	if (!PageWriteback(page))
		ClearPageReclaim(page);
	unlock_page(page);
	return PAGE_SUCCESS;
}

/*
 * Detach a clean, unmapped, locked page from the swap cache or its file
 * if nobody but reclaim holds it (the isolation's reference and the
 * cache's). Linux: __remove_mapping()
 */
static bool remove_mapping(struct page *page)
{
	swp_entry_t entry = { page_private(page) };

	if (page_ref_count(page) != 2 || PageDirty(page))
		return false;
	if (!PageSwapCache(page)) {	/* a clean tmpfs page: a hole again */
		if (PageAnon(page) || !page->mapping)
			return false;
		delete_from_page_cache(page);
		return true;
	}
	__delete_from_swap_cache(page, entry);
	put_swap_page(page, entry);
	put_page(page);		/* the cache's */
	return true;
}

/*
 * After the write: still under writeback or dirty again, the page is
 * kept for a later pass; a write that already ended (a synchronous
 * disk) lets it be freed now, if it can be locked again. Linux: the
 * PAGE_SUCCESS case of shrink_folio_list()
 */
static bool written_and_free(struct page *page)
{
	if (PageWriteback(page) || PageDirty(page))
		return false;
	return trylock_page(page);
}

/*
 * A page still being written: mark it for reclaim, so that it goes to
 * the inactive tail when the write ends, and let it be activated
 * meanwhile. kswapd meeting such a page a second time while the node is
 * all writeback counts it "immediate", and shrink_node then waits for
 * writes. Linux: the folio_test_writeback() cases 1 and 2 of
 * shrink_folio_list() (case 3, legacy memcg waiting, is not here)
 */
static void note_writeback(struct page *page, struct pglist_data *pgdat,
			   struct reclaim_stat *stat)
{
	if (current_is_kswapd() && PageReclaim(page) &&
	    (pgdat->flags & (1UL << PGDAT_WRITEBACK))) {
		stat->nr_immediate++;
		mod_node_page_state(pgdat, NR_VMSCAN_IMMEDIATE, 1);
		return;
	}
	SetPageReclaim(page);
	stat->nr_writeback++;
}

/*
 * Where an evictable page will go: an anonymous one needs a swap slot
 * first (add_to_swap), which only an allocation that may do I/O may
 * take; a tmpfs page's shmem_writepage needs __GFP_FS. PAGE_ACTIVATE
 * (no slot), PAGE_KEEP (not now), or PAGE_SUCCESS (go on).
 * Linux: the swap-backed cases of shrink_folio_list()
 */
static pageout_t prepare_swap(struct page *page, struct scan_control *sc)
{
	if (PageAnon(page) && PageSwapBacked(page) && !PageSwapCache(page)) {
		if (!sc->may_swap || !(sc->gfp_mask & __GFP_IO) || !add_to_swap(page))
			return PAGE_ACTIVATE;
	} else if (PageSwapBacked(page) && !PageAnon(page) &&
		   (!sc->may_swap || !(sc->gfp_mask & __GFP_FS))) {
		return PAGE_KEEP;
	}
	return PAGE_SUCCESS;
}

/*
 * The last step for a clean, unmapped page: a lazily freed one is
 * dropped unwritten if only reclaim holds it (pglazyfreed); any other
 * leaves the swap cache or its file (remove_mapping). false: keep it.
 */
static bool detach_page(struct page *page)
{
	if (PageAnon(page) && !PageSwapBacked(page)) {
		if (page_ref_count(page) != 1)
			return false;
		count_vm_event(PGLAZYFREED);
		return true;
	}
	return remove_mapping(page);
}

/*
 * Try to free each locked-or-lockable page of page_list (isolated from
 * its LRU list): check its references, give an anonymous page a swap
 * slot, unmap it, write it if dirty, and free it once clean and
 * unmapped. Pages that stay are left on page_list, those to activate
 * with PG_active. Returns how many were freed; *stat says what held
 * the others up. Linux: shrink_folio_list() (without THP, file-system
 * writeback, demotion and the dirty/congestion throttling)
 */
unsigned int shrink_page_list(struct list_head *page_list, struct pglist_data *pgdat,
			      struct scan_control *sc, struct reclaim_stat *stat)
{
	LIST_HEAD(ret_pages);
	unsigned int nr_reclaimed = 0, pgactivate = 0;

	memset(stat, 0, sizeof(*stat));
	while (!list_empty(page_list)) {
		struct page *page = list_first_entry(page_list, struct page, lru);
		enum page_references references;

		list_del(&page->lru);
		if (!trylock_page(page))
			goto keep;
		sc->nr_scanned++;
		if (!page_evictable(page))
			goto activate_locked;
		if (!sc->may_unmap && page_mapped(page))
			goto keep_locked;
		if (PageWriteback(page)) {
			note_writeback(page, pgdat, stat);
			goto activate_locked;
		}
		references = page_check_references(page);
		if (references == PAGEREF_ACTIVATE)
			goto activate_locked;
		if (references == PAGEREF_KEEP)
			goto keep_locked;
		switch (prepare_swap(page, sc)) {
		case PAGE_ACTIVATE:
			goto activate_locked;
		case PAGE_KEEP:
			goto keep_locked;
		default:
			break;
		}
		if (page_mapped(page) && !try_to_unmap(page))
			goto activate_locked;
		if (PageDirty(page)) {
			if (references == PAGEREF_RECLAIM_CLEAN || !sc->may_writepage)
				goto keep_locked;
			switch (pageout(page)) {
			case PAGE_KEEP:
				goto keep_locked;
			case PAGE_ACTIVATE:
				goto activate_locked;
			case PAGE_SUCCESS:
				stat->nr_pageout++;
				if (!written_and_free(page))
					goto keep;
				break;
			case PAGE_CLEAN:
				break;
			}
		}
		if (!detach_page(page))
			goto keep_locked;
		unlock_page(page);
		nr_reclaimed++;
		put_page(page);		/* the isolation's, the last: freed */
		continue;

activate_locked:
		/* A page kept in memory need not keep a slot when swap runs short. */
		if (PageSwapCache(page) && (vm_swap_full() || PageMlocked(page)))
			try_to_free_swap(page);
		if (!PageMlocked(page)) {
			SetPageActive(page);
			pgactivate++;
		}
keep_locked:
		unlock_page(page);
keep:
		list_add(&page->lru, &ret_pages);
	}
	list_splice(&ret_pages, page_list);
	count_vm_events(PGACTIVATE, pgactivate);
	return nr_reclaimed;
}

/*
 * Reclaim these isolated pages now, whatever their references, and put
 * back those that stay: MADV_PAGEOUT's way to push chosen pages out.
 * As reclaim, its own allocations may use the reserves (PF_MEMALLOC).
 * Linux: reclaim_pages() -> reclaim_folio_list()
 */
unsigned long reclaim_pages(struct list_head *page_list)
{
	struct scan_control sc = {
		.gfp_mask = GFP_KERNEL,
		.may_writepage = 1,
		.may_unmap = 1,
		.may_swap = 1,
	};
	struct reclaim_stat stat;
	struct page *page, *next;
	unsigned int nr, noreclaim_flag;

	noreclaim_flag = memalloc_noreclaim_save();
	list_for_each_entry(page, page_list, lru)
		ClearPageActive(page);
	nr = shrink_page_list(page_list, NODE_DATA(0), &sc, &stat);
	memalloc_noreclaim_restore(noreclaim_flag);
	list_for_each_entry_safe(page, next, page_list, lru) {
		list_del(&page->lru);
		putback_lru_page(page);
	}
	return nr;
}
