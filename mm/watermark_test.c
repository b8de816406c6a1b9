// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for the zones' watermarks (mm/watermark.c) and how the
 * allocator keeps them (mm/page_alloc.c).
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include "internal.h"

#define NORETRY_GFP	(GFP_KERNEL | __GFP_NOWARN | __GFP_NORETRY)

struct held {
	struct list_head pages;
	unsigned long nr;
};

static bool take(struct held *h, gfp_t gfp)
{
	struct page *page = alloc_page(gfp);

	if (!page)
		return false;
	list_add(&page->lru, &h->pages);
	h->nr++;
	return true;
}

static void give_back(struct held *h)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, &h->pages, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
	h->nr = 0;
}

KTEST(watermark, setup, "min_free_kbytes is shared out by zone size; low and high lie a quarter of min (or scale/10000 of the zone) above")
{
	int saved = min_free_kbytes;
	unsigned long total = 0, min_sum = 0;
	struct zone *zone;

	min_free_kbytes = 4096;
	setup_per_zone_wmarks();
	for_each_zone(zone)
		total += zone->managed_pages;
	for_each_zone(zone) {
		unsigned long want_min = 1024 * zone->managed_pages / total;
		unsigned long gap = max(want_min / 4, zone->managed_pages * 10 / 10000);

		KT_EXPECT_EQ(t, want_min, min_wmark_pages(zone));
		KT_EXPECT_EQ(t, want_min + gap, low_wmark_pages(zone));
		KT_EXPECT_EQ(t, want_min + 2 * gap, high_wmark_pages(zone));
		min_sum += min_wmark_pages(zone);
	}
	KT_EXPECT_TRUE(t, min_sum <= 1024 && min_sum + MAX_NR_ZONES >= 1024);
	min_free_kbytes = saved;
	setup_per_zone_wmarks();
}

KTEST(watermark, lowmem_reserve, "ZONE_DMA keeps 1/256 of the zones above it from allocations that could use them")
{
	struct zone *dma = &contig_page_data.node_zones[ZONE_DMA];
	struct zone *dma32 = &contig_page_data.node_zones[ZONE_DMA32];
	struct zone *normal = &contig_page_data.node_zones[ZONE_NORMAL];
	int saved = min_free_kbytes;

	/* As at boot, but from today's zone sizes (the initramfs has joined since). */
	init_per_zone_wmark_min();
	min_free_kbytes = saved;
	setup_per_zone_wmarks();
	KT_EXPECT_EQ(t, 0, dma->lowmem_reserve[ZONE_DMA]);
	KT_EXPECT_EQ(t, (long)(dma32->managed_pages / 256), dma->lowmem_reserve[ZONE_DMA32]);
	KT_EXPECT_EQ(t, (long)((dma32->managed_pages + normal->managed_pages) / 256),
		     dma->lowmem_reserve[ZONE_NORMAL]);
	KT_EXPECT_EQ(t, (long)(normal->managed_pages / 256), dma32->lowmem_reserve[ZONE_NORMAL]);
}

/*
 * An allocation that may not retry stops at min (plus the reserve);
 * GFP_ATOMIC goes on into the reserve below it, __GFP_MEMALLOC to the end.
 */
KTEST(watermark, kept, "GFP_KERNEL leaves each zone its min and reserve free; GFP_ATOMIC digs below; MEMALLOC takes the rest")
{
	struct held h = { LIST_HEAD_INIT(h.pages), 0 };
	unsigned long before = nr_free_pages(), kernel, atomic;
	struct zone *zone;

	while (take(&h, NORETRY_GFP))
		;
	kernel = h.nr;
	for_each_zone(zone) {
		unsigned long keep = min_wmark_pages(zone) + (unsigned long)zone->lowmem_reserve[ZONE_NORMAL];

		if (zone->managed_pages > keep)
			KT_EXPECT_EQ(t, keep, zone_page_state(zone, NR_FREE_PAGES));
	}
	while (take(&h, GFP_ATOMIC | __GFP_NOWARN))
		;
	atomic = h.nr - kernel;
	KT_EXPECT_TRUE(t, atomic > 0);
	while (take(&h, NORETRY_GFP | __GFP_MEMALLOC))
		;
	KT_EXPECT_EQ(t, before, h.nr);
	KT_EXPECT_EQ(t, 0, nr_free_pages());
	give_back(&h);
	KT_EXPECT_EQ(t, before, nr_free_pages());
}

/* A watermark written at run time holds at once (vm.min_free_kbytes's handler). */
KTEST(watermark, raised, "raising min_free_kbytes makes GFP_KERNEL stop earlier by as much")
{
	struct held h = { LIST_HEAD_INIT(h.pages), 0 };
	int saved = min_free_kbytes;
	unsigned long at_default, at_raised;

	while (take(&h, NORETRY_GFP))
		;
	at_default = h.nr;
	give_back(&h);
	min_free_kbytes = saved + 4096;
	setup_per_zone_wmarks();
	while (take(&h, NORETRY_GFP))
		;
	at_raised = h.nr;
	give_back(&h);
	min_free_kbytes = saved;
	setup_per_zone_wmarks();
	KT_EXPECT_TRUE(t, at_raised < at_default);
	KT_EXPECT_TRUE(t, at_default - at_raised >= 1000 && at_default - at_raised <= 1024 + MAX_NR_ZONES);
}
