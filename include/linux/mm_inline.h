/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_INLINE_H
#define _LINUX_MM_INLINE_H

#include <linux/mm.h>
#include <asm/irqflags.h>

/*
 * Putting a page on, and taking it off, the node's LRU lists (the picture
 * is beside struct lruvec in mmzone.h). Linux: include/linux/mm_inline.h
 *
 * Linux 6.1 writes these for folios (lruvec_add_folio, folio_lru_list);
 * Faultline has no large folios and names everything by page, as Linux
 * did up to 5.15 and as 6.1 still does in add_page_to_lru_list and
 * del_page_from_lru_list. Left out: the multi-generational LRU (Debian's
 * 6.1 builds it but leaves it off), memory cgroups' own lruvecs.
 *
 * The caller holds the LRU lock (interrupts off: lock_page_lruvec_irqsave)
 * and keeps PG_lru itself: these move the page and its counts only.
 */

/*
 * Which half a page belongs on: file pages, and anonymous pages that
 * MADV_FREE made clean and lazily freeable, are not swap-backed; all
 * other anonymous pages, and tmpfs/shmem pages, are. Linux: folio_is_file_lru()
 */
static inline int page_is_file_lru(const struct page *page)
{
	return !PageSwapBacked(page);
}

/* The page's lruvec (Faultline: always the node's). Linux: folio_lruvec() */
static inline struct lruvec *page_lruvec(const struct page *page)
{
	(void)page;
	return node_lruvec(NODE_DATA(0));
}

/*
 * Linux: folio_lruvec_lock_irqsave(), unlock_page_lruvec_irqrestore();
 * lruvec->lru_lock there. One CPU and no kernel preemption: turning
 * interrupts off is the whole lock here.
 */
static inline struct lruvec *lock_page_lruvec_irqsave(const struct page *page,
						      unsigned long *flags)
{
	local_irq_save(*flags);
	return page_lruvec(page);
}

static inline void unlock_page_lruvec_irqrestore(struct lruvec *lruvec, unsigned long flags)
{
	(void)lruvec;
	local_irq_restore(flags);
}

/* Count nr_pages more (or fewer) on list lru, node and zone. Linux: update_lru_size() */
static inline void update_lru_size(struct lruvec *lruvec, enum lru_list lru,
				   enum zone_type zid, long nr_pages)
{
	struct pglist_data *pgdat = lruvec_pgdat(lruvec);

	mod_node_page_state(pgdat, NR_LRU_BASE + lru, nr_pages);
	__mod_zone_page_state(&pgdat->node_zones[zid], NR_ZONE_LRU_BASE + lru, nr_pages);
}

/*
 * The list page's flags name: unevictable first, then file or anon,
 * inactive or active. PG_active and PG_unevictable together is a bug.
 * Linux: folio_lru_list() (page_lru() up to 5.15)
 */
static inline enum lru_list page_lru(const struct page *page)
{
	enum lru_list lru;

	VM_BUG_ON(PageActive(page) && PageUnevictable(page));
	if (PageUnevictable(page))
		return LRU_UNEVICTABLE;
	lru = page_is_file_lru(page) ? LRU_INACTIVE_FILE : LRU_INACTIVE_ANON;
	if (PageActive(page))
		lru += LRU_ACTIVE;
	return lru;
}

/*
 * Onto the head (the young end) of the list its flags name. An
 * unevictable page is counted but linked nowhere: its lru field holds
 * mlock_count (mm_types.h). Linux: add_page_to_lru_list(), lruvec_add_folio()
 */
static inline void add_page_to_lru_list(struct page *page, struct lruvec *lruvec)
{
	enum lru_list lru = page_lru(page);

	update_lru_size(lruvec, lru, page_zonenum(page), 1);
	if (lru != LRU_UNEVICTABLE)
		list_add(&page->lru, &lruvec->lists[lru]);
}

/* Onto the tail: the next page reclaim looks at. Linux: lruvec_add_folio_tail() */
static inline void add_page_to_lru_list_tail(struct page *page, struct lruvec *lruvec)
{
	enum lru_list lru = page_lru(page);

	VM_BUG_ON(lru == LRU_UNEVICTABLE);
	update_lru_size(lruvec, lru, page_zonenum(page), 1);
	list_add_tail(&page->lru, &lruvec->lists[lru]);
}

/* Off its list; its flags must still name that list. Linux: del_page_from_lru_list() */
static inline void del_page_from_lru_list(struct page *page, struct lruvec *lruvec)
{
	enum lru_list lru = page_lru(page);

	if (lru != LRU_UNEVICTABLE)
		list_del(&page->lru);
	update_lru_size(lruvec, lru, page_zonenum(page), -1);
}

/*
 * A page leaving the LRU for good (its last reference is gone): clear
 * the flags that say where it was, so the free path finds none of them.
 * Linux: __folio_clear_lru_flags()
 */
static inline void __clear_page_lru_flags(struct page *page)
{
	VM_BUG_ON(!PageLRU(page));
	__ClearPageLRU(page);
	if (PageActive(page) && PageUnevictable(page))
		return;		/* impossible: leave it for bad_page() */
	__ClearPageActive(page);
	__ClearPageUnevictable(page);
}

#endif
