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
#define ALLOC_KSWAPD		0x800	/* __GFP_KSWAPD_RECLAIM: wake kswapd when low */

/* page_alloc.c */
bool __zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
			 int highest_zoneidx, unsigned int alloc_flags, long free_pages);
bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       int highest_zoneidx, unsigned int alloc_flags);

/*
 * Reclaim (vmscan.c, vmscan_lru.c, kswapd.c). Linux keeps all of it in
 * mm/vmscan.c.
 */
#define DEF_PRIORITY		12	/* scan 1/4096 of each list first */

/* pglist_data.flags */
enum pgdat_flags {
	PGDAT_WRITEBACK,		/* kswapd found only pages under writeback */
};

/*
 * What a reclaim pass may do, and what it did. Linux: struct
 * scan_control (without memory cgroups, node masks, compaction and
 * proactive reclaim)
 */
struct scan_control {
	unsigned long nr_to_reclaim;	/* enough once this many are freed */
	gfp_t gfp_mask;
	int order;
	int priority;			/* scan lru_size >> priority: DEF_PRIORITY down to 0 */
	int reclaim_idx;		/* the highest zone whose pages help */
	unsigned int may_writepage:1;	/* write dirty pages out */
	unsigned int may_unmap:1;	/* take mapped pages out of page tables */
	unsigned int may_swap:1;	/* give anonymous pages swap slots */
	unsigned int may_deactivate:2;	/* DEACTIVATE_ANON, DEACTIVATE_FILE */
	unsigned int force_deactivate:1;
	unsigned int skipped_deactivate:1;
	unsigned int cache_trim_mode:1;	/* plenty of inactive file: leave anon alone */
	unsigned int file_is_tiny:1;	/* almost no file pages: scan anon */
	unsigned long anon_cost;	/* the lruvec's costs when the pass began */
	unsigned long file_cost;
	struct {			/* one shrink_node pass's findings */
		unsigned int writeback;	/* pages found under writeback */
		unsigned int immediate;	/* ... and already marked for reclaim */
		unsigned int taken;	/* pages isolated */
	} nr;
	unsigned long nr_scanned;	/* pages shrink_page_list looked at */
	unsigned long nr_reclaimed;	/* pages freed */
};

#define DEACTIVATE_ANON	1
#define DEACTIVATE_FILE	2

/* What shrink_page_list saw. Linux: struct reclaim_stat */
struct reclaim_stat {
	unsigned int nr_writeback;	/* under writeback: marked PG_reclaim */
	unsigned int nr_immediate;	/* under writeback and marked before */
	unsigned int nr_pageout;	/* writes started */
};

unsigned int shrink_page_list(struct list_head *page_list, struct pglist_data *pgdat,
			      struct scan_control *sc, struct reclaim_stat *stat);
void reclaim_throttle(struct pglist_data *pgdat, enum vmscan_throttle_state reason);
void shrink_node(struct pglist_data *pgdat, struct scan_control *sc);
void shrink_active_list(unsigned long nr_to_scan, struct lruvec *lruvec,
			struct scan_control *sc, enum lru_list lru);
bool inactive_is_low(struct lruvec *lruvec, enum lru_list inactive_lru);
bool can_age_anon_pages(void);

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
