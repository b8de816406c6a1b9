/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

#include <linux/mmzone.h>

/*
 * Memory counters: per zone, per node, and global sums of each; plus event
 * counts. /proc/meminfo and /proc/vmstat will print these.
 * Linux: include/linux/vmstat.h, mm/vmstat.c
 */
enum vm_event_item {
	PGALLOC_DMA,
	PGALLOC_DMA32,
	PGALLOC_NORMAL,
	PGFREE,
	PGACTIVATE,			/* pages moved inactive -> active */
	PGLAZYFREED,			/* MADV_FREE pages reclaim dropped unwritten */
	PGDEACTIVATE,			/* ... active -> inactive */
	PGFAULT,			/* page faults served */
	PGMAJFAULT,			/* of them, needing I/O */
	PGPGIN,				/* sectors read from disks (shown in KiB) */
	PGPGOUT,			/* sectors written */
	PSWPIN,				/* pages read from swap */
	PSWPOUT,			/* pages written to swap */
	PGREUSE,			/* write faults that kept the page (wp_page_reuse) */
	PGLAZYFREE,			/* pages MADV_FREE made lazily freeable */
	PGROTATED,			/* pages moved to an inactive list's tail */
	UNEVICTABLE_PGCULLED,		/* pages put on the unevictable list */
	UNEVICTABLE_PGSCANNED,		/* ... looked at to leave it (SHM_UNLOCK) */
	UNEVICTABLE_PGRESCUED,		/* ...and taken off it again */
	UNEVICTABLE_PGMLOCKED,		/* PG_mlocked set */
	UNEVICTABLE_PGMUNLOCKED,	/* PG_mlocked cleared */
	UNEVICTABLE_PGSTRANDED,		/* ... while the page was off the LRU */
	DROP_PAGECACHE,			/* writes of 1 to vm.drop_caches */
	DROP_SLAB,			/* writes of 2 */
	OOM_KILL,			/* processes the OOM killer killed */
	ALLOCSTALL_DMA,			/* direct reclaims, by the allocation's highest zone */
	ALLOCSTALL_DMA32,
	ALLOCSTALL_NORMAL,
	ALLOCSTALL_MOVABLE,		/* 6.1's ZONE_MOVABLE: a movable user page's (served from Normal here) */
	PGSKIP_DMA,			/* pages of zones above the reclaim's, left on the list */
	PGSKIP_DMA32,
	PGSKIP_NORMAL,
	PGREFILL,			/* pages shrink_active_list looked at */
	PGSTEAL_KSWAPD,			/* pages kswapd freed from the inactive lists */
	PGSTEAL_DIRECT,			/* ... direct reclaim freed */
	PGSCAN_KSWAPD,			/* inactive pages kswapd looked at */
	PGSCAN_DIRECT,			/* ... direct reclaim looked at */
	PGSCAN_ANON,			/* of the scanned, anon */
	PGSCAN_FILE,
	PGSTEAL_ANON,			/* of the freed, anon */
	PGSTEAL_FILE,
	KSWAPD_LOW_WMARK_HIT_QUICKLY,	/* kswapd woken again before its short nap ended */
	KSWAPD_HIGH_WMARK_HIT_QUICKLY,	/* ... or unbalanced again after it */
	PAGEOUTRUN,			/* balance_pgdat runs */
	SWAP_RA,			/* pages swap readahead read besides the faulting one */
	SWAP_RA_HIT,			/* ... that a fault then found in the swap cache */
	NR_VM_EVENT_ITEMS
};

extern long vm_zone_stat[NR_VM_ZONE_STAT_ITEMS];
extern long vm_node_stat[NR_VM_NODE_STAT_ITEMS];
extern unsigned long vm_event_states[NR_VM_EVENT_ITEMS];

static inline void __mod_zone_page_state(struct zone *zone, enum zone_stat_item item,
					 long delta)
{
	zone->vm_stat[item] += delta;
	vm_zone_stat[item] += delta;
}

static inline void mod_node_page_state(struct pglist_data *pgdat,
				       enum node_stat_item item, long delta)
{
	pgdat->vm_stat[item] += delta;
	vm_node_stat[item] += delta;
}

static inline unsigned long zone_page_state(const struct zone *zone,
					    enum zone_stat_item item)
{
	return zone->vm_stat[item] < 0 ? 0 : (unsigned long)zone->vm_stat[item];
}

static inline unsigned long global_zone_page_state(enum zone_stat_item item)
{
	return vm_zone_stat[item] < 0 ? 0 : (unsigned long)vm_zone_stat[item];
}

static inline unsigned long global_node_page_state(enum node_stat_item item)
{
	return vm_node_stat[item] < 0 ? 0 : (unsigned long)vm_node_stat[item];
}

static inline void count_vm_events(enum vm_event_item item, unsigned long delta)
{
	vm_event_states[item] += delta;
}

static inline void count_vm_event(enum vm_event_item item)
{
	count_vm_events(item, 1);
}

#endif
