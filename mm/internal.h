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
 * How hard an allocation may dig (Linux's ALLOC_* values): which
 * watermark it must leave (the low two bits), or none, and which
 * reserves below min it may use.
 */
#define ALLOC_WMARK_MIN		WMARK_MIN
#define ALLOC_WMARK_LOW		WMARK_LOW
#define ALLOC_WMARK_HIGH	WMARK_HIGH
#define ALLOC_NO_WATERMARKS	0x04	/* __GFP_MEMALLOC: everything */
#define ALLOC_WMARK_MASK	(ALLOC_NO_WATERMARKS - 1)
#define ALLOC_OOM		0x08	/* an OOM victim: half of what is left of min */
#define ALLOC_NON_BLOCK		0x10	/* cannot sleep: a quarter more */
#define ALLOC_MIN_RESERVE	0x20	/* __GFP_HIGH: half of min */
#define ALLOC_RESERVES		(ALLOC_NON_BLOCK | ALLOC_MIN_RESERVE | ALLOC_OOM)

/* page_alloc.c */
bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       int highest_zoneidx, unsigned int alloc_flags);

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

/* madvise_pageout.c: MADV_COLD and MADV_PAGEOUT on one VMA's range */
int madvise_cold_or_pageout(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, bool pageout);

/* mlock.c: the LRU side of (un)locking a page (Linux: mlock_folio, munlock_page) */
void mlock_new_page(struct page *page);

/* vma.c: the largest free gap in vma's subtree, as it should be cached */
unsigned long vma_compute_subtree_gap(struct vm_area_struct *vma);

#endif
