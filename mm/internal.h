/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

/* Interfaces inside mm/ only. Linux: mm/internal.h */
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/pagemap.h>

/* page_alloc.c: hand a boot-time free block to the buddy allocator. */
void memblock_free_pages(struct page *page, unsigned long pfn, unsigned int order);

/* mm_init.c: set up one struct page (Linux: __init_single_page). */
void init_single_page(struct page *page, unsigned long pfn, enum zone_type zone);

/*
 * May reclaim evict this page? Not while some locked VMA maps it
 * (PG_mlocked), nor when its file must stay in memory (a SHM_LOCKed
 * segment). Linux: folio_evictable()
 */
static inline bool page_evictable(const struct page *page)
{
	if (!PageAnon(page) && mapping_unevictable(page->mapping))
		return false;
	return !PageMlocked(page);
}

/* mlock.c: the LRU side of (un)locking a page (Linux: mlock_folio, munlock_page) */
void mlock_new_page(struct page *page);

#endif
