/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/wait.h>
#include <linux/page-flags.h>
#include <asm/page.h>

/*
 * Zones and the buddy allocator's free lists. Linux: include/linux/mmzone.h
 *
 * Physical memory is split by what devices can reach:
 *
 *   ZONE_DMA     [0, 16 MiB)   ISA DMA
 *   ZONE_DMA32   [16 MiB, 4 GiB)  32-bit DMA
 *   ZONE_NORMAL  [4 GiB, end)
 *
 * Each zone keeps its free memory as blocks of 2^order pages, aligned to
 * their size, on free_area[order] for order 0..MAX_ORDER-1 (4 KiB .. 4 MiB).
 * One node (no NUMA), as contig_page_data.
 */
#define MAX_ORDER		11	/* orders 0..10, as in Linux 6.1 */
#define PAGE_ALLOC_COSTLY_ORDER	3	/* larger blocks are not worth an OOM kill */
#define MAX_ORDER_NR_PAGES	(1UL << (MAX_ORDER - 1))

enum zone_type {
	ZONE_DMA,
	ZONE_DMA32,
	ZONE_NORMAL,
	__MAX_NR_ZONES
};
#define MAX_NR_ZONES	__MAX_NR_ZONES
#define ZONES_SHIFT	2
#define ZONES_PGSHIFT	(64 - ZONES_SHIFT)
#define ZONES_MASK	((1UL << ZONES_SHIFT) - 1)

/*
 * The LRU lists, in Linux's order: inactive then active, anon then file,
 * so that LRU_BASE + LRU_FILE + LRU_ACTIVE names a list.
 * Linux: include/linux/mmzone.h enum lru_list
 */
#define LRU_BASE	0
#define LRU_ACTIVE	1
#define LRU_FILE	2

enum lru_list {
	LRU_INACTIVE_ANON = LRU_BASE,
	LRU_ACTIVE_ANON = LRU_BASE + LRU_ACTIVE,
	LRU_INACTIVE_FILE = LRU_BASE + LRU_FILE,
	LRU_ACTIVE_FILE = LRU_BASE + LRU_FILE + LRU_ACTIVE,
	LRU_UNEVICTABLE,
	NR_LRU_LISTS
};

#define for_each_lru(lru)	for (lru = 0; lru < NR_LRU_LISTS; lru++)
#define for_each_evictable_lru(lru)	for (lru = 0; lru <= LRU_ACTIVE_FILE; lru++)

static inline bool is_file_lru(enum lru_list lru)
{
	return lru == LRU_INACTIVE_FILE || lru == LRU_ACTIVE_FILE;
}

static inline bool is_active_lru(enum lru_list lru)
{
	return lru == LRU_ACTIVE_ANON || lru == LRU_ACTIVE_FILE;
}

/* Per-zone counters (Linux: enum zone_stat_item); /proc/zoneinfo names. */
enum zone_stat_item {
	NR_FREE_PAGES,
	NR_ZONE_LRU_BASE,		/* pages of this zone on each LRU list */
	NR_ZONE_INACTIVE_ANON = NR_ZONE_LRU_BASE,
	NR_ZONE_ACTIVE_ANON,
	NR_ZONE_INACTIVE_FILE,
	NR_ZONE_ACTIVE_FILE,
	NR_ZONE_UNEVICTABLE,
	NR_ZONE_WRITE_PENDING,		/* pages under writeback (Linux: also dirty file pages) */
	NR_MLOCK,			/* pages with PG_mlocked (mm/mlock.c) */
	NR_VM_ZONE_STAT_ITEMS
};

/* Per-node counters (Linux: enum node_stat_item). */
enum node_stat_item {
	NR_LRU_BASE,			/* pages on each LRU list (mm_inline.h) */
	NR_INACTIVE_ANON = NR_LRU_BASE,
	NR_ACTIVE_ANON,
	NR_INACTIVE_FILE,
	NR_ACTIVE_FILE,
	NR_UNEVICTABLE,
	NR_SLAB_RECLAIMABLE_B,		/* bytes */
	NR_SLAB_UNRECLAIMABLE_B,	/* bytes */
	NR_ISOLATED_ANON,		/* taken off the anon lists by reclaim for now */
	NR_ISOLATED_FILE,		/* ... off the file lists */
	NR_KERNEL_STACK_KB,		/* KiB */
	NR_PAGETABLE,			/* pages of page tables (PTE, PMD levels) */
	NR_FILE_PAGES,			/* pages in the page cache */
	NR_SHMEM,			/* of those, swap-backed (tmpfs, shared anon) */
	NR_SWAPCACHE,			/* pages in the swap cache (counted in NR_FILE_PAGES too) */
	NR_FILE_MAPPED,			/* page-cache pages mapped by some PTE */
	NR_ANON_MAPPED,			/* anonymous pages mapped by some PTE */
	NR_WRITEBACK,			/* pages under writeback (PG_writeback) */
	NR_VMSCAN_WRITE,		/* pages reclaim started writing (pageout) */
	NR_VMSCAN_IMMEDIATE,		/* of them, found still under writeback by reclaim */
	NR_WRITTEN,			/* pages whose writeback ended, ever */
	NR_THROTTLED_WRITTEN,		/* writes that ended while reclaim was throttled */
	NR_VM_NODE_STAT_ITEMS
};

struct free_area {
	struct list_head free_list;	/* blocks of this order, via page->lru */
	unsigned long nr_free;		/* how many blocks */
};

/*
 * A zone's free-page thresholds: below low, kswapd is woken to reclaim
 * up to high; below min, only reserves (GFP_ATOMIC, an OOM victim) may
 * allocate, and an allocation that may sleep reclaims directly.
 * Linux: enum zone_watermarks
 */
enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	WMARK_PROMO,			/* NUMA memory tiering: unused here */
	NR_WMARK
};

struct zone {
	const char *name;		/* "DMA", "DMA32", "Normal" */
	unsigned long _watermark[NR_WMARK];	/* mm/watermark.c */
	/*
	 * Pages this zone keeps back from an allocation that could have
	 * used a higher zone (index: that allocation's highest zone), so
	 * that GFP_KERNEL does not use up what only DMA can use.
	 */
	long lowmem_reserve[MAX_NR_ZONES];
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;	/* end pfn - start pfn, holes included */
	unsigned long present_pages;	/* frames that exist (RAM) */
	unsigned long managed_pages;	/* frames given to the buddy allocator */
	struct free_area free_area[MAX_ORDER];
	long vm_stat[NR_VM_ZONE_STAT_ITEMS];
};

/*
 * A node's LRU lists: the pages that reclaim may look at, oldest at the
 * tail. Linux: include/linux/mmzone.h struct lruvec (one per node and
 * memory cgroup; Faultline has no memory cgroups, so one: the node's)
 *
 *   lists[LRU_INACTIVE_ANON]  anonymous and tmpfs/shmem pages (PG_swapbacked)
 *   lists[LRU_ACTIVE_ANON]    ... of them, PG_active
 *   lists[LRU_INACTIVE_FILE]  page cache with a backing file, and MADV_FREE
 *                             pages (PG_swapbacked cleared)
 *   lists[LRU_ACTIVE_FILE]    ... of them, PG_active
 *   lists[LRU_UNEVICTABLE]    stays empty, as in Linux 6.1: an unevictable
 *                             page (PG_unevictable: mlocked, SHM_LOCKed) is
 *                             only counted, and its lru field holds its
 *                             mlock_count instead
 *
 * A page is on a list exactly while PG_lru is set; page_lru() names the
 * list from its flags, and NR_LRU_BASE + lru (node) and NR_ZONE_LRU_BASE
 * + lru (its zone) count it (mm/debug_lru.c checks all of this).
 *
 * Lock: Linux guards the lists with lruvec->lru_lock, a spinlock taken
 * with interrupts off (writeback completion rotates pages from interrupt
 * context). Faultline has one CPU and no kernel preemption, so interrupts
 * off is the whole of that lock (lock_page_lruvec_irqsave in mm_inline.h).
 */
struct lruvec {
	struct list_head lists[NR_LRU_LISTS];
	unsigned long anon_cost;	/* for reclaim's anon/file balance (Linux) */
	unsigned long file_cost;
};

#define MAX_RECLAIM_RETRIES	16	/* reclaim passes without progress before giving up */

/* Why a reclaimer waits (Linux: enum vmscan_throttle_state). */
enum vmscan_throttle_state {
	VMSCAN_THROTTLE_WRITEBACK,	/* for pages reclaim is writing */
	VMSCAN_THROTTLE_ISOLATED,	/* too many pages isolated (not used here) */
	VMSCAN_THROTTLE_NOPROGRESS,	/* nothing reclaimed at the last priority */
	VMSCAN_THROTTLE_CONGESTED,	/* a congested disk (not used here) */
	NR_VMSCAN_THROTTLE,
};

struct task_struct;

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	int nr_zones;			/* zones that span memory */
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	struct lruvec __lruvec;		/* the node's LRU lists */
	long vm_stat[NR_VM_NODE_STAT_ITEMS];

	/* kswapd (mm/kswapd.c) and reclaim's throttling (mm/vmscan_lru.c) */
	struct wait_queue_head kswapd_wait;	/* kswapd sleeps here */
	struct task_struct *kswapd;
	int kswapd_order;		/* the largest order a waker wanted */
	int kswapd_highest_zoneidx;	/* the highest zone it wanted (MAX_NR_ZONES: none) */
	int kswapd_failures;		/* balance_pgdat runs that reclaimed nothing */
	struct wait_queue_head reclaim_wait[NR_VMSCAN_THROTTLE];
	int nr_writeback_throttled;	/* reclaimers waiting for writes to end */
	unsigned long nr_reclaim_start;	/* NR_THROTTLED_WRITTEN when the first began */
	unsigned long flags;		/* PGDAT_* (mm/internal.h) */
} pg_data_t;

extern struct pglist_data contig_page_data;
#define NODE_DATA(nid)		(&contig_page_data)
#define page_pgdat(page)	((void)(page), &contig_page_data)	/* one node */

void lruvec_init(struct lruvec *lruvec);

/* The node's lruvec. Linux: mem_cgroup_lruvec(NULL, pgdat) */
static inline struct lruvec *node_lruvec(struct pglist_data *pgdat)
{
	return &pgdat->__lruvec;
}

static inline struct pglist_data *lruvec_pgdat(struct lruvec *lruvec)
{
	return container_of(lruvec, struct pglist_data, __lruvec);
}

#define for_each_zone(zone)						\
	for (zone = contig_page_data.node_zones;			\
	     zone < contig_page_data.node_zones + MAX_NR_ZONES; zone++)

#define min_wmark_pages(z)	((z)->_watermark[WMARK_MIN])
#define low_wmark_pages(z)	((z)->_watermark[WMARK_LOW])
#define high_wmark_pages(z)	((z)->_watermark[WMARK_HIGH])
#define wmark_pages(z, i)	((z)->_watermark[i])

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return zone->zone_start_pfn <= pfn && pfn < zone_end_pfn(zone);
}

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)((page->flags >> ZONES_PGSHIFT) & ZONES_MASK);
}

static inline void set_page_zone(struct page *page, enum zone_type zone)
{
	page->flags &= ~(ZONES_MASK << ZONES_PGSHIFT);
	page->flags |= (unsigned long)zone << ZONES_PGSHIFT;
}

static inline struct zone *page_zone(const struct page *page)
{
	return &contig_page_data.node_zones[page_zonenum(page)];
}

static inline int zone_idx(const struct zone *zone)
{
	return (int)(zone - contig_page_data.node_zones);
}

/*
 * Sparse memory (Linux: SPARSEMEM_VMEMMAP): physical memory in 128 MiB
 * sections; a section that holds any RAM gets its 32768 struct pages
 * (2 MiB) in vmemmap, and only such pfns are valid.
 */
#define SECTION_SIZE_BITS	27
#define PFN_SECTION_SHIFT	(SECTION_SIZE_BITS - PAGE_SHIFT)
#define PAGES_PER_SECTION	(1UL << PFN_SECTION_SHIFT)
#define NR_MEM_SECTIONS		(1UL << (MAX_PHYSMEM_BITS - SECTION_SIZE_BITS))

struct mem_section {
	unsigned long section_mem_map;	/* SECTION_* flags */
};
#define SECTION_MARKED_PRESENT	(1UL << 0)	/* holds some RAM */
#define SECTION_HAS_MEM_MAP	(1UL << 1)	/* its struct pages exist */

extern struct mem_section mem_section[NR_MEM_SECTIONS];

static inline unsigned long pfn_to_section_nr(unsigned long pfn)
{
	return pfn >> PFN_SECTION_SHIFT;
}

static inline unsigned long section_nr_to_pfn(unsigned long sec)
{
	return sec << PFN_SECTION_SHIFT;
}

/* Does frame pfn have a struct page? */
static inline bool pfn_valid(unsigned long pfn)
{
	unsigned long nr = pfn_to_section_nr(pfn);

	return nr < NR_MEM_SECTIONS &&
	       (mem_section[nr].section_mem_map & SECTION_HAS_MEM_MAP);
}

#endif
