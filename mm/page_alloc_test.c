// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for the buddy allocator (mm/page_alloc.c), run on the live zones.
 *
 * To see a split or a merge happen, a test first makes the free lists of
 * the low orders empty (it allocates their blocks and keeps them), so
 * that the block it frees is the only candidate; everything it took is
 * given back at the end and the runner checks nothing leaked.
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/string.h>

/* NORETRY: a test that empties memory must fail, not call the OOM killer. */
#define TEST_GFP	(GFP_KERNEL | __GFP_NOWARN | __GFP_NORETRY)

/* Blocks a test holds, chained through page->lru, order in page->index. */
struct held {
	struct list_head pages;
};

static void hold(struct held *h, struct page *page, unsigned int order)
{
	page->index = order;
	list_add(&page->lru, &h->pages);
}

static void release_all(struct held *h)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, &h->pages, lru) {
		unsigned int order = (unsigned int)page->index;

		list_del(&page->lru);
		page->index = 0;
		__free_pages(page, order);
	}
}

/* The zone GFP_KERNEL allocations come from first. */
static struct zone *first_zone(void)
{
	for (int z = ZONE_NORMAL; z >= 0; z--)
		if (contig_page_data.node_zones[z].managed_pages)
			return &contig_page_data.node_zones[z];
	return NULL;
}

/* Take every free block of orders 0..max_order from zone and keep them. */
static void drain_low_orders(struct held *h, struct zone *zone, unsigned int max_order)
{
	for (unsigned int order = 0; order <= max_order; order++)
		while (zone->free_area[order].nr_free) {
			struct page *page = alloc_pages(TEST_GFP, order);

			if (!page)
				return;
			hold(h, page, order);
		}
}

static bool is_free_block(const struct page *page, unsigned int order)
{
	return PageBuddy(page) && page_private(page) == order;
}

/*
 * An order-5 block C, its upper half held, the lower half split into two
 * order-3 halves; only the second half (C + 8) is freed. Returns C.
 */
static struct page *make_lone_order3(struct held *h, struct zone *zone)
{
	struct page *c;

	drain_low_orders(h, zone, 4);
	c = alloc_pages(TEST_GFP, 5);
	if (!c)
		return NULL;
	set_page_count(c + 16, 1);		/* upper half: held as order 4 */
	hold(h, c + 16, 4);
	set_page_count(c + 8, 1);
	__free_pages(c + 8, 3);			/* now the only free order-3 block */
	return c;
}

KTEST(buddy, split, "allocating order 0 from a lone order-3 block leaves one free block each of order 2, 1 and 0")
{
	struct held h = { LIST_HEAD_INIT(h.pages) };
	struct zone *zone = first_zone();
	struct page *c, *page;

	KT_ASSERT_TRUE(t, zone);
	c = make_lone_order3(&h, zone);
	KT_ASSERT_TRUE(t, c);
	KT_EXPECT_EQ(t, 1, zone->free_area[3].nr_free);
	KT_EXPECT_TRUE(t, is_free_block(c + 8, 3));

	page = alloc_page(TEST_GFP);
	KT_EXPECT_PTR_EQ(t, c + 8, page);
	KT_EXPECT_EQ(t, 0, zone->free_area[3].nr_free);
	KT_EXPECT_EQ(t, 1, zone->free_area[2].nr_free);
	KT_EXPECT_EQ(t, 1, zone->free_area[1].nr_free);
	KT_EXPECT_EQ(t, 1, zone->free_area[0].nr_free);
	KT_EXPECT_TRUE(t, is_free_block(c + 12, 2));
	KT_EXPECT_TRUE(t, is_free_block(c + 10, 1));
	KT_EXPECT_TRUE(t, is_free_block(c + 9, 0));

	/* Freeing it merges the pieces back: 0+0 -> 1, +1 -> 2, +2 -> 3. */
	if (page)
		__free_page(page);
	KT_EXPECT_EQ(t, 1, zone->free_area[3].nr_free);
	KT_EXPECT_EQ(t, 0, zone->free_area[0].nr_free);
	KT_EXPECT_TRUE(t, is_free_block(c + 8, 3));
	__free_pages(c, 3);
	release_all(&h);
}

KTEST(buddy, coalesce, "coalescing two order-3 buddies gives order 4")
{
	struct held h = { LIST_HEAD_INIT(h.pages) };
	struct zone *zone = first_zone();
	unsigned long free4;
	struct page *c;

	KT_ASSERT_TRUE(t, zone);
	c = make_lone_order3(&h, zone);
	KT_ASSERT_TRUE(t, c);
	free4 = zone->free_area[4].nr_free;

	__free_pages(c, 3);	/* its buddy c + 8 is free: they merge */
	KT_EXPECT_TRUE(t, is_free_block(c, 4));
	KT_EXPECT_TRUE(t, !PageBuddy(c + 8));
	KT_EXPECT_EQ(t, 0, zone->free_area[3].nr_free);
	KT_EXPECT_EQ(t, free4 + 1, zone->free_area[4].nr_free);
	release_all(&h);
}

KTEST(buddy, alignment, "a block of order n starts at a frame number that is a multiple of 2^n")
{
	for (unsigned int order = 0; order < MAX_ORDER; order++) {
		struct page *page = alloc_pages(TEST_GFP, order);

		if (!KT_EXPECT_TRUE(t, page))
			continue;
		KT_EXPECT_EQ(t, 0, page_to_pfn(page) & ((1UL << order) - 1));
		KT_EXPECT_EQ(t, 1, page_ref_count(page));
		__free_pages(page, order);
	}
}

/* Walk every free list: each entry a buddy head of the right order and zone. */
static unsigned long check_free_lists(struct ktest_ctx *t, struct zone *zone)
{
	unsigned long pages = 0;

	for (unsigned int order = 0; order < MAX_ORDER; order++) {
		struct free_area *area = &zone->free_area[order];
		unsigned long n = 0;
		struct page *page;

		list_for_each_entry(page, &area->free_list, lru) {
			n++;
			KT_EXPECT_TRUE(t, is_free_block(page, order));
			KT_EXPECT_EQ(t, zone_idx(zone), page_zonenum(page));
			KT_EXPECT_EQ(t, 0, page_to_pfn(page) & ((1UL << order) - 1));
			KT_EXPECT_EQ(t, 0, page_ref_count(page));
		}
		KT_EXPECT_EQ(t, area->nr_free, n);
		pages += n << order;
	}
	return pages;
}

KTEST(buddy, counters, "each zone's free lists, nr_free and NR_FREE_PAGES agree")
{
	struct zone *zone;
	unsigned long total = 0;

	for_each_zone(zone) {
		unsigned long pages = check_free_lists(t, zone);

		KT_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), pages);
		total += pages;
	}
	KT_EXPECT_EQ(t, nr_free_pages(), total);
}

KTEST(buddy, all_pages, "allocating every free page, then freeing them all, gives back MemFree and every free block exactly")
{
	unsigned long nr_free_before[MAX_NR_ZONES][MAX_ORDER];
	unsigned long memfree_kb = nr_free_pages() << (PAGE_SHIFT - 10);
	unsigned long expected = nr_free_pages(), got = 0;
	struct held h = { LIST_HEAD_INIT(h.pages) };
	struct page *page;
	struct zone *zone;

	for_each_zone(zone)
		for (int o = 0; o < MAX_ORDER; o++)
			nr_free_before[zone_idx(zone)][o] = zone->free_area[o].nr_free;

	/* MEMALLOC: past the watermarks, to the last page */
	while ((page = alloc_page(TEST_GFP | __GFP_MEMALLOC))) {
		hold(&h, page, 0);
		got++;
	}
	KT_EXPECT_EQ(t, expected, got);
	KT_EXPECT_EQ(t, 0, nr_free_pages());
	release_all(&h);

	KT_EXPECT_EQ(t, memfree_kb, nr_free_pages() << (PAGE_SHIFT - 10));
	for_each_zone(zone)
		for (int o = 0; o < MAX_ORDER; o++)
			KT_EXPECT_EQ(t, nr_free_before[zone_idx(zone)][o], zone->free_area[o].nr_free);
}

KTEST(buddy, zero_and_events, "__GFP_ZERO pages read as zero, and pgalloc/pgfree count every page")
{
	unsigned long allocs_before = vm_event_states[PGALLOC_DMA] +
				      vm_event_states[PGALLOC_DMA32] +
				      vm_event_states[PGALLOC_NORMAL];
	unsigned long frees_before = vm_event_states[PGFREE];
	struct page *page = alloc_pages(TEST_GFP, 2);
	unsigned long allocs;
	u8 *p;

	KT_ASSERT_TRUE(t, page);
	memset(page_address(page), 0xa5, 4 * PAGE_SIZE);
	__free_pages(page, 2);
	page = alloc_pages(TEST_GFP | __GFP_ZERO, 2);
	KT_ASSERT_TRUE(t, page);
	p = page_address(page);
	for (unsigned long i = 0; i < 4 * PAGE_SIZE; i++)
		if (!KT_EXPECT_EQ(t, 0, p[i]))
			break;
	__free_pages(page, 2);

	allocs = vm_event_states[PGALLOC_DMA] + vm_event_states[PGALLOC_DMA32] +
		 vm_event_states[PGALLOC_NORMAL];
	KT_EXPECT_EQ(t, allocs_before + 8, allocs);
	KT_EXPECT_EQ(t, frees_before + 8, vm_event_states[PGFREE]);
}

KTEST(buddy, zones, "__GFP_DMA allocations come from ZONE_DMA, below 16 MiB")
{
	struct page *page = alloc_pages(TEST_GFP | __GFP_DMA, 1);

	KT_ASSERT_TRUE(t, page);
	KT_EXPECT_EQ(t, ZONE_DMA, page_zonenum(page));
	KT_EXPECT_TRUE(t, page_to_phys(page) < SZ_16M);
	__free_pages(page, 1);
}

KTEST(buddy, compound, "a __GFP_COMP block links its tails to the head, and put_page on a tail frees it all")
{
	unsigned long before = nr_free_pages();
	struct page *head = alloc_pages(TEST_GFP | __GFP_COMP, 3);

	KT_ASSERT_TRUE(t, head);
	KT_EXPECT_TRUE(t, PageHead(head));
	KT_EXPECT_EQ(t, 3, compound_order(head));
	for (int i = 1; i < 8; i++) {
		KT_EXPECT_TRUE(t, PageTail(head + i));
		KT_EXPECT_PTR_EQ(t, head, compound_head(head + i));
	}
	KT_EXPECT_PTR_EQ(t, head, virt_to_head_page((char *)page_address(head) + 5 * PAGE_SIZE));
	put_page(head + 5);
	KT_EXPECT_EQ(t, before, nr_free_pages());
	KT_EXPECT_TRUE(t, !PageHead(head) && !PageTail(head + 1));
}

KTEST(buddy, too_large, "an order of MAX_ORDER or more fails cleanly")
{
	KT_EXPECT_TRUE(t, alloc_pages(TEST_GFP, MAX_ORDER) == NULL);
	KT_EXPECT_TRUE(t, alloc_pages(TEST_GFP, 40) == NULL);
}

KTEST_FLAGS(buddy, double_free, "freeing a free page is reported and leaves the free lists intact",
	    KTEST_BAD_PAGE_OK)
{
	unsigned long reports = bad_page_reports();
	struct page *page = alloc_page(TEST_GFP);
	unsigned long free;

	KT_ASSERT_TRUE(t, page);
	__free_page(page);
	free = nr_free_pages();
	__free_page(page);
	KT_EXPECT_EQ(t, reports + 1, bad_page_reports());
	KT_EXPECT_EQ(t, free, nr_free_pages());
	KT_EXPECT_EQ(t, 0, page_ref_count(page));
	check_free_lists(t, page_zone(page));
}

KTEST_FLAGS(buddy, free_reserved, "freeing a reserved page (kernel text) is reported and the page stays out",
	    KTEST_BAD_PAGE_OK)
{
	extern char _text[];
	struct page *page = virt_to_page(_text);
	unsigned long reports = bad_page_reports(), free = nr_free_pages();

	KT_ASSERT_TRUE(t, PageReserved(page));
	KT_ASSERT_EQ(t, 1, page_ref_count(page));
	__free_page(page);
	KT_EXPECT_EQ(t, reports + 1, bad_page_reports());
	KT_EXPECT_EQ(t, free, nr_free_pages());
	KT_EXPECT_TRUE(t, !PageBuddy(page));
	set_page_count(page, 1);
}

KTEST_FLAGS(buddy, free_mapped, "freeing a page that page tables still map is reported and the page stays out",
	    KTEST_BAD_PAGE_OK)
{
	unsigned long reports = bad_page_reports(), free;
	struct page *page = alloc_page(TEST_GFP);

	KT_ASSERT_TRUE(t, page);
	free = nr_free_pages();
	page->_mapcount.counter = 0;	/* as if one PTE mapped it */
	__free_page(page);
	KT_EXPECT_EQ(t, reports + 1, bad_page_reports());
	KT_EXPECT_EQ(t, free, nr_free_pages());
	KT_EXPECT_TRUE(t, !PageBuddy(page));
	/* Give it back properly. */
	KT_EXPECT_EQ(t, -1, page->_mapcount.counter);
	set_page_count(page, 1);
	__free_page(page);
	KT_EXPECT_EQ(t, free + 1, nr_free_pages());
}

KTEST(buddy, va_pa, "__va, __pa, pfn_to_page, page_to_pfn and page_address agree")
{
	extern char _text[];
	struct page *page = alloc_page(TEST_GFP);
	unsigned long pfn;

	KT_ASSERT_TRUE(t, page);
	pfn = page_to_pfn(page);
	KT_EXPECT_PTR_EQ(t, page, pfn_to_page(pfn));
	KT_EXPECT_EQ(t, VMEMMAP_START + pfn * sizeof(struct page), (unsigned long)page);
	KT_EXPECT_EQ(t, 0xffff888000000000UL + (pfn << PAGE_SHIFT),
		     (unsigned long)page_address(page));
	KT_EXPECT_EQ(t, pfn << PAGE_SHIFT, __pa(page_address(page)));
	KT_EXPECT_PTR_EQ(t, page, virt_to_page(page_address(page)));
	KT_EXPECT_PTR_EQ(t, page_address(page), __va(page_to_phys(page)));
	KT_EXPECT_EQ(t, 0x1000000, __pa(_text));
	KT_EXPECT_EQ(t, 0xffffffff81000000UL, (unsigned long)_text);
	KT_EXPECT_TRUE(t, pfn_valid(pfn) && pfn < max_pfn);
	KT_EXPECT_TRUE(t, !pfn_valid(ALIGN(max_pfn, PAGES_PER_SECTION)));
	__free_page(page);
}

KTEST(buddy, reserved, "the first MiB and the kernel image are PG_reserved; page 0 is not memory at all")
{
	extern char _text[], _end[];

	KT_EXPECT_TRUE(t, PageReserved(pfn_to_page(0)));
	KT_EXPECT_TRUE(t, PageReserved(pfn_to_page(0x9f)));
	KT_EXPECT_TRUE(t, PageReserved(pfn_to_page(0xff)));
	for (char *p = _text; p < _end; p += PAGE_SIZE)
		if (!KT_EXPECT_TRUE(t, PageReserved(virt_to_page(p))))
			break;
	KT_EXPECT_EQ(t, ZONE_DMA, page_zonenum(pfn_to_page(1)));
}
