// SPDX-License-Identifier: GPL-2.0
/*
 * The memory state, printed into the kernel log when an allocation fails
 * or the OOM killer acts, so that the log says where the memory went.
 * Linux: lib/show_mem.c show_mem(), mm/page_alloc.c show_free_areas()
 *
 * In Linux's format, the lines Faultline has the counters for: no
 * per-CPU lists or migrate types, no dirty or writeback pages.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmstat.h>
#include <linux/swap.h>

/* "Node 0 DMA32 free:..kB min:..kB low:..kB high:..kB" then the free blocks by order. */
static void show_zone_free_areas(struct zone *zone)
{
	unsigned long total = 0;

	printk(KERN_INFO "Node 0 %s free:%lukB min:%lukB low:%lukB high:%lukB present:%lukB managed:%lukB\n",
	       zone->name, zone_page_state(zone, NR_FREE_PAGES) << (PAGE_SHIFT - 10),
	       min_wmark_pages(zone) << (PAGE_SHIFT - 10), low_wmark_pages(zone) << (PAGE_SHIFT - 10),
	       high_wmark_pages(zone) << (PAGE_SHIFT - 10), zone->present_pages << (PAGE_SHIFT - 10),
	       zone->managed_pages << (PAGE_SHIFT - 10));

	printk(KERN_INFO "Node 0 %s: ", zone->name);
	for (int order = 0; order < MAX_ORDER; order++) {
		unsigned long nr = zone->free_area[order].nr_free;

		pr_cont("%lu*%lukB ", nr, 4UL << order);
		total += nr << order;
	}
	pr_cont("= %lukB\n", total << (PAGE_SHIFT - 10));
}

void show_mem(void)
{
	struct zone *zone;

	printk(KERN_INFO "Mem-Info:\n");
	printk(KERN_INFO "active_anon:%lu inactive_anon:%lu isolated_anon:0\n"
	       " active_file:%lu inactive_file:%lu isolated_file:0\n"
	       " unevictable:%lu dirty:0 writeback:0\n",
	       global_node_page_state(NR_ACTIVE_ANON), global_node_page_state(NR_INACTIVE_ANON),
	       global_node_page_state(NR_ACTIVE_FILE), global_node_page_state(NR_INACTIVE_FILE),
	       global_node_page_state(NR_UNEVICTABLE));
	printk(KERN_INFO " slab_reclaimable:%lu slab_unreclaimable:%lu\n"
	       " mapped:%lu shmem:%lu pagetables:%lu\n"
	       " free:%lu\n",
	       global_node_page_state(NR_SLAB_RECLAIMABLE_B) >> PAGE_SHIFT,
	       global_node_page_state(NR_SLAB_UNRECLAIMABLE_B) >> PAGE_SHIFT,
	       global_node_page_state(NR_FILE_MAPPED), global_node_page_state(NR_SHMEM),
	       global_node_page_state(NR_PAGETABLE), global_zone_page_state(NR_FREE_PAGES));
	for_each_zone(zone)
		if (populated_zone(zone))
			show_zone_free_areas(zone);
	printk(KERN_INFO "%lu total pagecache pages\n", global_node_page_state(NR_FILE_PAGES));
	printk(KERN_INFO "Free swap  = %lukB\n", get_nr_swap_pages() << (PAGE_SHIFT - 10));
	printk(KERN_INFO "Total swap = %lukB\n", (unsigned long)total_swap_pages << (PAGE_SHIFT - 10));
	printk(KERN_INFO "%lu pages RAM\n", totalram_pages);
}
