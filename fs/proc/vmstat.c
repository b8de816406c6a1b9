// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/vmstat and /proc/buddyinfo. Linux keeps both in mm/vmstat.c
 * (vmstat_text, vmstat_show, frag_show); here they sit with the rest of
 * procfs and read the counters of mm/vmstat.c.
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

static const struct vmstat_item vmstat_text[] = {
	/* enum zone_stat_item */
	ZONE("nr_free_pages", NR_FREE_PAGES),
	ZONE("nr_zone_inactive_anon", NR_ZONE_INACTIVE_ANON),
	ZONE("nr_zone_active_anon", NR_ZONE_ACTIVE_ANON),
	ZONE("nr_zone_inactive_file", NR_ZONE_INACTIVE_FILE),
	ZONE("nr_zone_active_file", NR_ZONE_ACTIVE_FILE),
	ZONE("nr_zone_unevictable", NR_ZONE_UNEVICTABLE), ZONE("nr_zone_write_pending", NR_ZONE_WRITE_PENDING),
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
	ZERO("nr_written"), NODE("nr_throttled_written", NR_THROTTLED_WRITTEN), ZERO("nr_kernel_misc_reclaimable"),
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
	ZERO("allocstall_movable"), ZERO("allocstall_device"),
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
