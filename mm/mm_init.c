// SPDX-License-Identifier: GPL-2.0
/*
 * Setting up zones and struct pages at boot, and handing memory from
 * memblock to the buddy allocator.
 * Linux 6.1: mm/page_alloc.c (free_area_init, memmap_init), mm/mm_init.c
 * from 6.3 on; init/main.c (mm_init)
 *
 * The boot log shows each step in Linux's words: the zone ranges, the
 * memory ranges, the holes inside memory sections ("pages in unavailable
 * ranges"), and the "Memory: ...K/...K available" summary.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/slab.h>
#include "internal.h"

unsigned long max_pfn;

/* Zone boundaries in frames (Linux: MAX_DMA_PFN, MAX_DMA32_PFN). */
#define MAX_DMA_PFN	(SZ_16M >> PAGE_SHIFT)
#define MAX_DMA32_PFN	(SZ_4G >> PAGE_SHIFT)

static const char *const zone_names[MAX_NR_ZONES] = { "DMA", "DMA32", "Normal" };

static enum zone_type zone_for_pfn(unsigned long pfn, const unsigned long *max_zone_pfn)
{
	enum zone_type z = ZONE_DMA;

	while (z < ZONE_NORMAL && pfn >= max_zone_pfn[z])
		z++;
	return z;
}

/* Linux: __init_single_page() */
void init_single_page(struct page *page, unsigned long pfn, enum zone_type zone)
{
	(void)pfn;
	memset(page, 0, sizeof(*page));
	set_page_zone(page, zone);
	init_page_count(page);
	page_mapcount_reset(page);
	INIT_LIST_HEAD(&page->lru);
}

/* Frames of [start_pfn, end_pfn) that memblock calls memory. */
static unsigned long memory_pages_in(unsigned long start_pfn, unsigned long end_pfn)
{
	struct memblock_region *r;
	unsigned long n = 0;

	for_each_mem_region(r) {
		unsigned long s = max(start_pfn, (unsigned long)PFN_UP(r->base));
		unsigned long e = min(end_pfn, (unsigned long)PFN_DOWN(r->base + r->size));

		if (s < e)
			n += e - s;
	}
	return n;
}

static void print_zone_ranges(const unsigned long *max_zone_pfn, unsigned long start_pfn,
			      unsigned long end_pfn)
{
	struct memblock_region *r;
	unsigned long lo = start_pfn;

	pr_info("Zone ranges:\n");
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		unsigned long hi = min(max_zone_pfn[z], end_pfn);

		if (lo >= hi) {
			pr_info("  %-8s empty\n", zone_names[z]);
			continue;
		}
		pr_info("  %-8s [mem %#018llx-%#018llx]\n", zone_names[z],
			(unsigned long long)PFN_PHYS(lo), (unsigned long long)PFN_PHYS(hi) - 1);
		lo = hi;
	}
	pr_info("Movable zone start for each node\n");
	pr_info("Early memory node ranges\n");
	for_each_mem_region(r)
		pr_info("  node   0: [mem %#018llx-%#018llx]\n",
			(unsigned long long)PFN_PHYS(PFN_UP(r->base)),
			(unsigned long long)PFN_PHYS(PFN_DOWN(r->base + r->size)) - 1);
	pr_info("Initmem setup node 0 [mem %#018llx-%#018llx]\n",
		(unsigned long long)PFN_PHYS(start_pfn), (unsigned long long)PFN_PHYS(end_pfn) - 1);
}

static void init_zones(const unsigned long *max_zone_pfn, unsigned long start_pfn,
		       unsigned long end_pfn)
{
	struct pglist_data *pgdat = NODE_DATA(0);
	unsigned long lo = start_pfn;

	pgdat->node_start_pfn = start_pfn;
	pgdat->node_spanned_pages = end_pfn - start_pfn;
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &pgdat->node_zones[z];
		unsigned long hi = max(lo, min(max_zone_pfn[z], end_pfn));

		zone->name = zone_names[z];
		zone->zone_start_pfn = lo;
		zone->spanned_pages = hi - lo;
		zone->present_pages = memory_pages_in(lo, hi);
		for (int order = 0; order < MAX_ORDER; order++)
			INIT_LIST_HEAD(&zone->free_area[order].free_list);
		pgdat->node_present_pages += zone->present_pages;
		if (zone->spanned_pages)
			pgdat->nr_zones = z + 1;
		lo = hi;
	}
	lruvec_init(node_lruvec(pgdat));
	/* Linux: pgdat_init_internals() */
	init_waitqueue_head(&pgdat->kswapd_wait);
	for (int i = 0; i < NR_VMSCAN_THROTTLE; i++)
		init_waitqueue_head(&pgdat->reclaim_wait[i]);
	pgdat->kswapd_highest_zoneidx = MAX_NR_ZONES;
}

/* Empty LRU lists. Linux: mm/mmzone.c lruvec_init() */
void lruvec_init(struct lruvec *lruvec)
{
	enum lru_list lru;

	memset(lruvec, 0, sizeof(*lruvec));
	for_each_lru(lru)
		INIT_LIST_HEAD(&lruvec->lists[lru]);
}

/*
 * Frames with a struct page but no RAM behind them (holes inside a memory
 * section) are initialised as reserved, so nothing ever frees or merges
 * them. Linux: init_unavailable_range()
 */
static void init_unavailable_range(unsigned long start, unsigned long end,
				   const unsigned long *max_zone_pfn)
{
	unsigned long count = 0;
	enum zone_type z = zone_for_pfn(start, max_zone_pfn);

	for (unsigned long pfn = start; pfn < end; pfn++) {
		if (!pfn_valid(pfn))
			continue;
		init_single_page(pfn_to_page(pfn), pfn, zone_for_pfn(pfn, max_zone_pfn));
		__SetPageReserved(pfn_to_page(pfn));
		count++;
	}
	if (count)
		pr_info("On node 0, zone %s: %lu pages in unavailable ranges\n",
			zone_names[z], count);
}

/* Every struct page in vmemmap gets its zone, one reference, no mapcount. */
static void memmap_init(const unsigned long *max_zone_pfn)
{
	struct memblock_region *r;
	unsigned long hole_start = 0;

	for_each_mem_region(r) {
		unsigned long start = PFN_UP(r->base), end = PFN_DOWN(r->base + r->size);

		if (hole_start < start)
			init_unavailable_range(hole_start, start, max_zone_pfn);
		for (unsigned long pfn = start; pfn < end; pfn++)
			init_single_page(pfn_to_page(pfn), pfn, zone_for_pfn(pfn, max_zone_pfn));
		hole_start = max(hole_start, end);
	}
	/* The tail of the last section, past the end of RAM. */
	init_unavailable_range(hole_start, ALIGN(hole_start, PAGES_PER_SECTION), max_zone_pfn);
}

/*
 * Zones and struct pages for all of memory. max_zone_pfn[z] is the frame
 * after the end of zone z. Linux: free_area_init()
 */
void free_area_init(unsigned long *max_zone_pfn)
{
	unsigned long start_pfn = PFN_UP(memblock_start_of_DRAM());
	unsigned long end_pfn = PFN_DOWN(memblock_end_of_DRAM());

	max_pfn = end_pfn;
	print_zone_ranges(max_zone_pfn, start_pfn, end_pfn);
	init_zones(max_zone_pfn, start_pfn, end_pfn);
	memmap_init(max_zone_pfn);
}

static unsigned long kib_between(const char *start, const char *end)
{
	return (unsigned long)(end - start) >> 10;
}

/* Linux: mem_init_print_info() */
void mem_init_print_info(void)
{
	extern char _stext[], _etext[], _sdata[], _edata[], __start_rodata[],
		__end_rodata[], __bss_start[], __bss_stop[];
	unsigned long physpages = NODE_DATA(0)->node_present_pages;

	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, "
		"%luK rodata, 0K init, %luK bss, %luK reserved, 0K cma-reserved)\n",
		nr_free_pages() << (PAGE_SHIFT - 10), physpages << (PAGE_SHIFT - 10),
		kib_between(_stext, _etext), kib_between(_sdata, _edata),
		kib_between(__start_rodata, __end_rodata),
		kib_between(__bss_start, __bss_stop),
		(physpages - totalram_pages) << (PAGE_SHIFT - 10));
}

/*
 * The hand-over: memblock's free memory becomes the buddy allocator's,
 * then the slab allocator starts on top of it. Linux: mm_init()
 */
void mm_core_init(void)
{
	mem_init();
	pr_info("Built 1 zonelists, mobility grouping off.  Total pages: %lu\n",
		totalram_pages);
	mem_init_print_info();
	init_per_zone_wmark_min();	/* Linux: a postcore initcall */
	kmem_cache_init();
}
