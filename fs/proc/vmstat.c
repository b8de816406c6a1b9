// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/vmstat, /proc/buddyinfo and /proc/zoneinfo. Linux keeps them in
 * mm/vmstat.c (vmstat_text, vmstat_show, frag_show, zoneinfo_show);
 * here they sit with the rest of procfs and read the counters of
 * mm/vmstat.c.
 *
 * /proc/vmstat prints every name Debian 12's Linux 6.1 prints, in its
 * order: the zone counters, NUMA events, node counters, the dirty
 * thresholds, then the events. Faultline's counters fill the names they
 * stand for; every other name (NUMA, compaction, THP, workingset, ...)
 * is something Faultline does not have and reads 0.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmstat.h>
#include "internal.h"

/* Where a name's value comes from. */
enum vmstat_src { SRC_NONE, SRC_ZONE, SRC_NODE, SRC_NODE_BYTES, SRC_EVENT, SRC_EVENT_SECTORS };

struct vmstat_item {
	const char *name;
	unsigned char src;
	unsigned char item;
};

#define ZERO(n)		{ n, SRC_NONE, 0 }
#define ZONE(n, i)	{ n, SRC_ZONE, i }
#define NODE(n, i)	{ n, SRC_NODE, i }
#define NODE_B(n, i)	{ n, SRC_NODE_BYTES, i }	/* a byte count, shown in pages */
#define EVENT(n, i)	{ n, SRC_EVENT, i }
#define PGPG(n, i)	{ n, SRC_EVENT_SECTORS, i }	/* sectors, shown in KiB (Linux: vmstat_start) */

/*
 * How many names of each of Linux's enums vmstat_text holds, and so where
 * each group starts: zoneinfo prints the groups apart.
 * Linux: NR_VM_ZONE_STAT_ITEMS, NR_VM_NUMA_EVENT_ITEMS, NR_VM_NODE_STAT_ITEMS
 */
#define LINUX_ZONE_STAT_ITEMS	11
#define LINUX_NUMA_EVENT_ITEMS	6
#define LINUX_NODE_STAT_ITEMS	43
#define NUMA_EVENT_FIRST	LINUX_ZONE_STAT_ITEMS
#define NODE_STAT_FIRST		(NUMA_EVENT_FIRST + LINUX_NUMA_EVENT_ITEMS)

static const struct vmstat_item vmstat_text[] = {
	/* enum zone_stat_item */
	ZONE("nr_free_pages", NR_FREE_PAGES),
	ZONE("nr_zone_inactive_anon", NR_ZONE_INACTIVE_ANON),
	ZONE("nr_zone_active_anon", NR_ZONE_ACTIVE_ANON),
	ZONE("nr_zone_inactive_file", NR_ZONE_INACTIVE_FILE),
	ZONE("nr_zone_active_file", NR_ZONE_ACTIVE_FILE),
	ZONE("nr_zone_unevictable", NR_ZONE_UNEVICTABLE),
	ZONE("nr_zone_write_pending", NR_ZONE_WRITE_PENDING),
	ZONE("nr_mlock", NR_MLOCK), ZERO("nr_bounce"), ZERO("nr_zspages"), ZERO("nr_free_cma"),
	/* enum numa_stat_item */
	ZERO("numa_hit"), ZERO("numa_miss"), ZERO("numa_foreign"), ZERO("numa_interleave"),
	ZERO("numa_local"), ZERO("numa_other"),
	/* enum node_stat_item */
	NODE("nr_inactive_anon", NR_INACTIVE_ANON), NODE("nr_active_anon", NR_ACTIVE_ANON),
	NODE("nr_inactive_file", NR_INACTIVE_FILE), NODE("nr_active_file", NR_ACTIVE_FILE),
	NODE("nr_unevictable", NR_UNEVICTABLE),
	NODE_B("nr_slab_reclaimable", NR_SLAB_RECLAIMABLE_B),
	NODE_B("nr_slab_unreclaimable", NR_SLAB_UNRECLAIMABLE_B),
	NODE("nr_isolated_anon", NR_ISOLATED_ANON), NODE("nr_isolated_file", NR_ISOLATED_FILE),
	ZERO("workingset_nodes"), ZERO("workingset_refault_anon"),
	ZERO("workingset_refault_file"), ZERO("workingset_activate_anon"),
	ZERO("workingset_activate_file"), ZERO("workingset_restore_anon"),
	ZERO("workingset_restore_file"), ZERO("workingset_nodereclaim"),
	NODE("nr_anon_pages", NR_ANON_MAPPED),
	NODE("nr_mapped", NR_FILE_MAPPED),
	NODE("nr_file_pages", NR_FILE_PAGES),
	ZERO("nr_dirty"), NODE("nr_writeback", NR_WRITEBACK), ZERO("nr_writeback_temp"),
	NODE("nr_shmem", NR_SHMEM),
	ZERO("nr_shmem_hugepages"), ZERO("nr_shmem_pmdmapped"), ZERO("nr_file_hugepages"),
	ZERO("nr_file_pmdmapped"), ZERO("nr_anon_transparent_hugepages"),
	NODE("nr_vmscan_write", NR_VMSCAN_WRITE),
	NODE("nr_vmscan_immediate_reclaim", NR_VMSCAN_IMMEDIATE), ZERO("nr_dirtied"),
	NODE("nr_written", NR_WRITTEN), NODE("nr_throttled_written", NR_THROTTLED_WRITTEN),
	ZERO("nr_kernel_misc_reclaimable"),
	ZERO("nr_foll_pin_acquired"), ZERO("nr_foll_pin_released"),
	NODE("nr_kernel_stack", NR_KERNEL_STACK_KB),
	NODE("nr_page_table_pages", NR_PAGETABLE),
	ZERO("nr_sec_page_table_pages"), NODE("nr_swapcached", NR_SWAPCACHE),
	ZERO("pgpromote_success"), ZERO("pgpromote_candidate"),
	/* enum writeback_stat_item: no writeback, so no thresholds */
	ZERO("nr_dirty_threshold"), ZERO("nr_dirty_background_threshold"),
	/* enum vm_event_item */
	PGPG("pgpgin", PGPGIN), PGPG("pgpgout", PGPGOUT), EVENT("pswpin", PSWPIN),
	EVENT("pswpout", PSWPOUT),
	EVENT("pgalloc_dma", PGALLOC_DMA),
	EVENT("pgalloc_dma32", PGALLOC_DMA32),
	EVENT("pgalloc_normal", PGALLOC_NORMAL),
	ZERO("pgalloc_movable"), ZERO("pgalloc_device"),
	EVENT("allocstall_dma", ALLOCSTALL_DMA), EVENT("allocstall_dma32", ALLOCSTALL_DMA32),
	EVENT("allocstall_normal", ALLOCSTALL_NORMAL),
	EVENT("allocstall_movable", ALLOCSTALL_MOVABLE), ZERO("allocstall_device"),
	EVENT("pgskip_dma", PGSKIP_DMA), EVENT("pgskip_dma32", PGSKIP_DMA32),
	EVENT("pgskip_normal", PGSKIP_NORMAL),
	ZERO("pgskip_movable"), ZERO("pgskip_device"),
	EVENT("pgfree", PGFREE),
	EVENT("pgactivate", PGACTIVATE), EVENT("pgdeactivate", PGDEACTIVATE),
	EVENT("pglazyfree", PGLAZYFREE),
	EVENT("pgfault", PGFAULT),
	EVENT("pgmajfault", PGMAJFAULT),
	EVENT("pglazyfreed", PGLAZYFREED), EVENT("pgrefill", PGREFILL),
	EVENT("pgreuse", PGREUSE),
	EVENT("pgsteal_kswapd", PGSTEAL_KSWAPD), EVENT("pgsteal_direct", PGSTEAL_DIRECT), ZERO("pgdemote_kswapd"),
	ZERO("pgdemote_direct"), EVENT("pgscan_kswapd", PGSCAN_KSWAPD),
	EVENT("pgscan_direct", PGSCAN_DIRECT),
	ZERO("pgscan_direct_throttle"), EVENT("pgscan_anon", PGSCAN_ANON), EVENT("pgscan_file", PGSCAN_FILE),
	EVENT("pgsteal_anon", PGSTEAL_ANON), EVENT("pgsteal_file", PGSTEAL_FILE), ZERO("zone_reclaim_failed"),
	ZERO("pginodesteal"), ZERO("slabs_scanned"), ZERO("kswapd_inodesteal"),
	EVENT("kswapd_low_wmark_hit_quickly", KSWAPD_LOW_WMARK_HIT_QUICKLY),
	EVENT("kswapd_high_wmark_hit_quickly", KSWAPD_HIGH_WMARK_HIT_QUICKLY),
	EVENT("pageoutrun", PAGEOUTRUN), EVENT("pgrotated", PGROTATED), EVENT("drop_pagecache", DROP_PAGECACHE),
	EVENT("drop_slab", DROP_SLAB),
	EVENT("oom_kill", OOM_KILL), ZERO("numa_pte_updates"), ZERO("numa_huge_pte_updates"),
	ZERO("numa_hint_faults"), ZERO("numa_hint_faults_local"), ZERO("numa_pages_migrated"),
	ZERO("pgmigrate_success"), ZERO("pgmigrate_fail"), ZERO("thp_migration_success"),
	ZERO("thp_migration_fail"), ZERO("thp_migration_split"),
	ZERO("compact_migrate_scanned"), ZERO("compact_free_scanned"), ZERO("compact_isolated"),
	ZERO("compact_stall"), ZERO("compact_fail"), ZERO("compact_success"),
	ZERO("compact_daemon_wake"), ZERO("compact_daemon_migrate_scanned"),
	ZERO("compact_daemon_free_scanned"), ZERO("htlb_buddy_alloc_success"),
	ZERO("htlb_buddy_alloc_fail"), EVENT("unevictable_pgs_culled", UNEVICTABLE_PGCULLED),
	EVENT("unevictable_pgs_scanned", UNEVICTABLE_PGSCANNED),
	EVENT("unevictable_pgs_rescued", UNEVICTABLE_PGRESCUED),
	EVENT("unevictable_pgs_mlocked", UNEVICTABLE_PGMLOCKED),
	EVENT("unevictable_pgs_munlocked", UNEVICTABLE_PGMUNLOCKED),
	ZERO("unevictable_pgs_cleared"),
	EVENT("unevictable_pgs_stranded", UNEVICTABLE_PGSTRANDED),
	ZERO("thp_fault_alloc"), ZERO("thp_fault_fallback"), ZERO("thp_fault_fallback_charge"),
	ZERO("thp_collapse_alloc"), ZERO("thp_collapse_alloc_failed"), ZERO("thp_file_alloc"),
	ZERO("thp_file_fallback"), ZERO("thp_file_fallback_charge"), ZERO("thp_file_mapped"),
	ZERO("thp_split_page"), ZERO("thp_split_page_failed"), ZERO("thp_deferred_split_page"),
	ZERO("thp_split_pmd"), ZERO("thp_scan_exceed_none_pte"),
	ZERO("thp_scan_exceed_swap_pte"), ZERO("thp_scan_exceed_share_pte"),
	ZERO("thp_split_pud"), ZERO("thp_zero_page_alloc"), ZERO("thp_zero_page_alloc_failed"),
	ZERO("thp_swpout"), ZERO("thp_swpout_fallback"), ZERO("balloon_inflate"),
	ZERO("balloon_deflate"), ZERO("balloon_migrate"), EVENT("swap_ra", SWAP_RA),
	EVENT("swap_ra_hit", SWAP_RA_HIT),
	ZERO("ksm_swpin_copy"), ZERO("cow_ksm"), ZERO("zswpin"), ZERO("zswpout"),
	ZERO("direct_map_level2_splits"), ZERO("direct_map_level3_splits"),
	ZERO("nr_unstable"),
};

static unsigned long vmstat_value(const struct vmstat_item *it)
{
	switch (it->src) {
	case SRC_ZONE:
		return global_zone_page_state(it->item);
	case SRC_NODE:
		return global_node_page_state(it->item);
	case SRC_NODE_BYTES:
		return global_node_page_state(it->item) >> PAGE_SHIFT;
	case SRC_EVENT:
		return vm_event_states[it->item];
	case SRC_EVENT_SECTORS:
		return vm_event_states[it->item] / 2;
	}
	return 0;
}

/* Linux: vmstat_show(), one "name value" line each */
int vmstat_show(struct seq_file *m, struct task_struct *task)
{
	for (size_t i = 0; i < ARRAY_SIZE(vmstat_text); i++) {
		seq_puts(m, vmstat_text[i].name);
		seq_put_decimal_ull(m, " ", vmstat_value(&vmstat_text[i]));
		seq_putc(m, '\n');
	}
	return 0;
}

/* Free blocks of each order, for every zone with memory. Linux: frag_show_print() */
int buddyinfo_show(struct seq_file *m, struct task_struct *task)
{
	struct zone *zone;

	for_each_zone(zone) {
		if (!populated_zone(zone))
			continue;
		seq_printf(m, "Node %d, zone %8s ", 0, zone->name);
		for (int order = 0; order < MAX_ORDER; order++)
			seq_printf(m, "%6lu ", zone->free_area[order].nr_free);
		seq_putc(m, '\n');
	}
	return 0;
}

/*
 * Linux 6.1 (Debian's build) has two zone types more than Faultline:
 * ZONE_MOVABLE (memory that can be unplugged) and ZONE_DEVICE (device
 * memory with struct pages). zoneinfo prints every zone of the node,
 * populated or not (it shows what lowmem_reserve_ratio does), so these
 * two print as the empty zones they would be, and each zone's protection
 * has a column for each.
 */
static const char *const absent_zone_names[] = { "Movable", "Device" };
#define LINUX_MAX_NR_ZONES	(MAX_NR_ZONES + (int)ARRAY_SIZE(absent_zone_names))

static bool is_zone_first_populated(const struct zone *zone)
{
	struct zone *z;

	for_each_zone(z)
		if (populated_zone(z))
			return z == zone;
	return false;
}

/* Linux's per-node stats, under the first populated zone (one node: the global ones). */
static void zoneinfo_show_node(struct seq_file *m)
{
	seq_puts(m, "\n  per-node stats");
	for (int i = NODE_STAT_FIRST; i < NODE_STAT_FIRST + LINUX_NODE_STAT_ITEMS; i++)
		seq_printf(m, "\n      %-12s %lu", vmstat_text[i].name, vmstat_value(&vmstat_text[i]));
}

/*
 * lowmem_reserve against each of Linux's zone types: against an absent
 * one, what the zone keeps back from the highest zone Faultline has,
 * since the absent zones add no pages (Linux:
 * setup_per_zone_lowmem_reserve() sums the managed pages above).
 */
static void zoneinfo_show_protection(struct seq_file *m, const struct zone *zone)
{
	seq_printf(m, "\n        protection: (%ld", zone->lowmem_reserve[0]);
	for (int i = 1; i < LINUX_MAX_NR_ZONES; i++)
		seq_printf(m, ", %ld", zone->lowmem_reserve[min(i, MAX_NR_ZONES - 1)]);
	seq_putc(m, ')');
}

/*
 * The free pages, watermarks, sizes and reserves every zone prints.
 * Faultline has no watermark boosting (boost 0) and no CMA (cma 0).
 */
static void zoneinfo_show_sizes(struct seq_file *m, const struct zone *zone)
{
	seq_printf(m, "\n  pages free     %lu\n        boost    %lu\n        min      %lu"
		   "\n        low      %lu\n        high     %lu\n        spanned  %lu"
		   "\n        present  %lu\n        managed  %lu\n        cma      %lu",
		   zone_page_state(zone, NR_FREE_PAGES), 0UL, min_wmark_pages(zone),
		   low_wmark_pages(zone), high_wmark_pages(zone), zone->spanned_pages,
		   zone->present_pages, zone->managed_pages, 0UL);
	zoneinfo_show_protection(m, zone);
}

/*
 * A populated zone's counters: its own (zone_stat_item), then Linux's
 * NUMA events (no NUMA: 0), then its per-CPU pageset. Faultline has no
 * per-CPU page lists: every page freed goes straight back to the buddy
 * lists, which is what Linux's boot pageset does (high 0, batch 1:
 * BOOT_PAGESET_HIGH, BOOT_PAGESET_BATCH), so that is what cpu 0 shows.
 * Its counters are exact, with no per-CPU deltas to fold: threshold 0.
 */
static void zoneinfo_show_counters(struct seq_file *m, const struct zone *zone)
{
	for (int i = 0; i < NUMA_EVENT_FIRST + LINUX_NUMA_EVENT_ITEMS; i++) {
		const struct vmstat_item *it = &vmstat_text[i];

		seq_printf(m, "\n      %-12s %lu", it->name,
			   it->src == SRC_ZONE ? zone_page_state(zone, it->item) : 0UL);
	}
	seq_printf(m, "\n  pagesets\n    cpu: %i\n              count: %i\n              high:  %i"
		   "\n              batch: %i\n  vm stats threshold: %d", 0, 0, 0, 1, 0);
}

/*
 * One zone: the node's counters first if it is the first with memory,
 * then its sizes, and for a populated zone its counters, pageset, whether
 * its node is unreclaimable (kswapd failed on it MAX_RECLAIM_RETRIES
 * times running) and its first pfn. Linux: zoneinfo_show_print()
 */
static void zoneinfo_show_print(struct seq_file *m, const struct zone *zone)
{
	seq_printf(m, "Node %d, zone %8s", 0, zone->name);
	if (is_zone_first_populated(zone))
		zoneinfo_show_node(m);
	zoneinfo_show_sizes(m, zone);
	if (populated_zone(zone)) {
		zoneinfo_show_counters(m, zone);
		seq_printf(m, "\n  node_unreclaimable:  %u\n  start_pfn:           %lu",
			   contig_page_data.kswapd_failures >= MAX_RECLAIM_RETRIES,
			   zone->zone_start_pfn);
	}
	seq_putc(m, '\n');
}

/*
 * Every zone of the node, populated or not, then the two Linux has and
 * Faultline has not. Linux: zoneinfo_show(), each zone under its
 * zone->lock (not needed here: one CPU, no kernel preemption; a disk's
 * interrupt may still move a counter meanwhile, as in Linux).
 */
int zoneinfo_show(struct seq_file *m, struct task_struct *task)
{
	static const struct zone absent;	/* no pages, no watermarks, no reserves */
	struct zone *zone;

	for_each_zone(zone)
		zoneinfo_show_print(m, zone);
	for (size_t i = 0; i < ARRAY_SIZE(absent_zone_names); i++) {
		seq_printf(m, "Node %d, zone %8s", 0, absent_zone_names[i]);
		zoneinfo_show_sizes(m, &absent);
		seq_putc(m, '\n');
	}
	return 0;
}
