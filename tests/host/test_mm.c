// SPDX-License-Identifier: GPL-2.0
/*
 * memblock, zone set-up and the buddy allocator, built for the host and
 * run under ASan/UBSan on a fake machine: 48 MiB of "physical memory"
 * (an ordinary allocation that __va points into) and one memory section
 * of struct pages.
 *
 *   memblock   random add/reserve/remove/free/alloc against a page-by-page
 *              model: the lists stay sorted, disjoint and merged, the free
 *              ranges and allocations are exactly the model's
 *   buddy      random allocations and frees of orders 0..7 in all zones;
 *              every 500 steps every free list is walked and checked
 *              (alignment, order, zone, no overlap with what is allocated,
 *              fully merged, counters); at the end everything is freed and
 *              the free lists must be exactly as at the start
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/prandom.h>
#include "tap.h"

extern unsigned long page_offset_base, vmemmap_base;
extern int host_printk_quiet;

static struct rnd_state rng = { 0x9e3779b97f4a7c15ULL };

static unsigned long rnd(unsigned long n)
{
	return prandom_below(&rng, n);
}

/* --- memblock against a model --- */

#define MODEL_PAGES	16384		/* 64 MiB */
#define M_MEMORY	1
#define M_RESERVED	2
static unsigned char model[MODEL_PAGES];

static void memblock_reset(void)
{
	memblock.memory.cnt = 0;
	memblock.memory.total_size = 0;
	memblock.reserved.cnt = 0;
	memblock.reserved.total_size = 0;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	memset(model, 0, sizeof(model));
}

/* The type's ranges must be exactly the model's runs of `bit`. */
static void check_type(struct memblock_type *type, unsigned char bit)
{
	unsigned long i = 0, r = 0;
	phys_addr_t total = 0;

	while (i < MODEL_PAGES) {
		unsigned long start;

		if (!(model[i] & bit)) {
			i++;
			continue;
		}
		start = i;
		while (i < MODEL_PAGES && (model[i] & bit))
			i++;
		if (r >= type->cnt) {
			printf("#   %s: model run [%lu, %lu) missing\n", type->name, start, i);
			tap_case_failed = 1;
			return;
		}
		CHECK_EQ((phys_addr_t)start << 12, type->regions[r].base);
		CHECK_EQ((phys_addr_t)(i - start) << 12, type->regions[r].size);
		total += type->regions[r].size;
		r++;
	}
	CHECK_EQ(r, type->cnt);
	CHECK_EQ(total, type->total_size);
}

static void check_free_ranges(void)
{
	phys_addr_t start, end;
	unsigned long p = 0;
	u64 i;

	for_each_free_mem_range(i, start, end) {
		while (p < MODEL_PAGES && model[p] != M_MEMORY)
			p++;
		CHECK_EQ((phys_addr_t)p << 12, start);
		while (p < MODEL_PAGES && model[p] == M_MEMORY)
			p++;
		CHECK_EQ((phys_addr_t)p << 12, end);
		if (tap_case_failed)
			return;
	}
	while (p < MODEL_PAGES && model[p] != M_MEMORY)
		p++;
	CHECK_EQ(MODEL_PAGES, p);
}

static void model_apply(unsigned long start, unsigned long n, unsigned char set,
			unsigned char clear)
{
	for (unsigned long i = start; i < start + n && i < MODEL_PAGES; i++)
		model[i] = (model[i] | set) & ~clear;
}

/* Where memblock_phys_alloc must put npages aligned to align pages. */
static unsigned long model_alloc(unsigned long npages, unsigned long align)
{
	for (long s = (long)ALIGN_DOWN(MODEL_PAGES - npages, align); s > 0; s -= align) {
		unsigned long i;

		for (i = 0; i < npages && model[s + i] == M_MEMORY; i++)
			;
		if (i == npages)
			return s;
	}
	return 0;
}

static void test_memblock_random(void)
{
	memblock_reset();
	for (int step = 0; step < 3000 && !tap_case_failed; step++) {
		unsigned long start = rnd(MODEL_PAGES - 1), n = 1 + rnd(rnd(2) ? 8 : 600);
		phys_addr_t base = (phys_addr_t)start << 12, size = (phys_addr_t)n << 12;

		if (start + n > MODEL_PAGES)
			n = MODEL_PAGES - start, size = (phys_addr_t)n << 12;
		switch (rnd(5)) {
		case 0:
		case 1:
			memblock_add(base, size);
			model_apply(start, n, M_MEMORY, 0);
			break;
		case 2:
			memblock_reserve(base, size);
			model_apply(start, n, M_RESERVED, 0);
			break;
		case 3:
			if (rnd(2)) {
				memblock_remove(base, size);
				model_apply(start, n, 0, M_MEMORY);
			} else {
				memblock_phys_free(base, size);
				model_apply(start, n, 0, M_RESERVED);
			}
			break;
		case 4: {
			unsigned long align = 1UL << rnd(4), want = model_alloc(n, align);
			phys_addr_t got = memblock_phys_alloc(size, (phys_addr_t)align << 12);

			CHECK_EQ((phys_addr_t)want << 12, got);
			if (got)
				model_apply(want, n, M_RESERVED, 0);
			break;
		}
		}
		check_type(&memblock.memory, M_MEMORY);
		check_type(&memblock.reserved, M_RESERVED);
		check_free_ranges();
		if (tap_case_failed)
			printf("#   after step %d\n", step);
	}
}

static void test_memblock_edges(void)
{
	memblock_reset();
	/* Unaligned and touching ranges merge into one. */
	memblock_add(0x1000, 0x800);
	memblock_add(0x1800, 0x800);
	memblock_add(0x3000, 0x1000);
	memblock_add(0x2000, 0x1000);
	CHECK_EQ(1, memblock.memory.cnt);
	CHECK_EQ(0x1000, memblock.memory.regions[0].base);
	CHECK_EQ(0x3000, memblock.memory.regions[0].size);
	/* Removing the middle splits it. */
	memblock_remove(0x2000, 0x100);
	CHECK_EQ(2, memblock.memory.cnt);
	CHECK_EQ(0x2100, memblock.memory.regions[1].base);
	/* A range up to the top of the address space does not wrap. */
	memblock_add(~(phys_addr_t)0 - 0xfff, 0x10000);
	CHECK_EQ(3, memblock.memory.cnt);
	CHECK_EQ(0xfff, memblock.memory.regions[2].size);
	/* Nothing fits: 0, not a wrong address. */
	CHECK_EQ(0, memblock_phys_alloc(1ULL << 40, 4096));
	CHECK_EQ(0, memblock_phys_alloc(4096, 3000));	/* not a power of two */
	CHECK(memblock_is_memory(0x1000) && !memblock_is_memory(0x4000));
	/* The limit is honoured. */
	memblock_reset();
	memblock_add(0, 1 << 20);
	memblock_set_current_limit(0x80000);
	CHECK_EQ(0x7f000, memblock_phys_alloc(4096, 4096));
	CHECK(memblock_is_reserved(0x7f000));
	/* More ranges than the array holds: refused with a message, no overflow. */
	memblock_reset();
	for (int i = 0; i < INIT_MEMBLOCK_REGIONS + 10; i++)
		memblock_add((phys_addr_t)i * 0x2000, 0x1000);
	CHECK_EQ(INIT_MEMBLOCK_REGIONS, memblock.memory.cnt);
}

/* --- the machine for the buddy tests --- */

#define RAM_BYTES	(48UL << 20)
#define RAM_PAGES	(RAM_BYTES >> 12)
static void *ram;
static struct page *memmap;

static void setup_machine(void)
{
	unsigned long max_zone_pfns[MAX_NR_ZONES] = { 4096, 1UL << 20, RAM_PAGES };

	memblock_reset();
	ram = aligned_alloc(4096, RAM_BYTES);
	memmap = calloc(PAGES_PER_SECTION, sizeof(struct page));
	page_offset_base = (unsigned long)ram;
	vmemmap_base = (unsigned long)memmap;
	/* A PC's map: low memory below 640 KiB, the rest from 1 MiB. */
	memblock_add(0x1000, 0x9e000);
	memblock_add(0x100000, RAM_BYTES - 0x100000);
	memblock_reserve(0, 0x100000);
	memblock_reserve(16UL << 20, 1UL << 20);	/* "the kernel image" */
	sparse_init();
	free_area_init(max_zone_pfns);
	memblock_free_all();
}

struct block {
	struct page *page;
	unsigned int order;
};

#define MAX_HELD	4096
static struct block held[MAX_HELD];
static int nheld;
static unsigned char owner[RAM_PAGES];	/* 0 free/reserved, 1 held */

static void mark(struct page *page, unsigned int order, unsigned char v)
{
	unsigned long pfn = page_to_pfn(page);

	for (unsigned long i = 0; i < (1UL << order); i++) {
		if (v)
			CHECK_EQ(0, owner[pfn + i]);	/* handed out twice? */
		owner[pfn + i] = v;
	}
}

/* Walk every free list and check what the allocator promises. */
static void check_all_free_lists(void)
{
	static unsigned char seen[RAM_PAGES];
	unsigned long total = 0;
	struct zone *zone;

	memset(seen, 0, sizeof(seen));
	for_each_zone(zone) {
		unsigned long zone_pages = 0;

		for (unsigned int order = 0; order < MAX_ORDER; order++) {
			unsigned long n = 0;
			struct page *page;

			list_for_each_entry(page, &zone->free_area[order].free_list, lru) {
				unsigned long pfn = page_to_pfn(page);

				n++;
				CHECK(PageBuddy(page));
				CHECK_EQ(order, page_private(page));
				CHECK_EQ(zone_idx(zone), page_zonenum(page));
				CHECK_EQ(0, pfn & ((1UL << order) - 1));
				CHECK_EQ(0, page_ref_count(page));
				for (unsigned long i = 0; i < (1UL << order); i++) {
					CHECK_EQ(0, owner[pfn + i]);
					CHECK_EQ(0, seen[pfn + i]);
					CHECK(!PageReserved(page + i));
					seen[pfn + i] = 1;
				}
				/* Fully merged: the buddy is never a free block of this order. */
				if (order < MAX_ORDER - 1) {
					struct page *buddy = pfn_to_page(pfn ^ (1UL << order));

					CHECK(!(PageBuddy(buddy) && page_private(buddy) == order &&
						page_zonenum(buddy) == page_zonenum(page)));
				}
				if (tap_case_failed)
					return;
			}
			CHECK_EQ(zone->free_area[order].nr_free, n);
			zone_pages += n << order;
		}
		CHECK_EQ(zone_page_state(zone, NR_FREE_PAGES), zone_pages);
		total += zone_pages;
	}
	CHECK_EQ(nr_free_pages(), total);
}

static void test_zones(void)
{
	struct zone *dma = &contig_page_data.node_zones[ZONE_DMA];
	struct zone *dma32 = &contig_page_data.node_zones[ZONE_DMA32];

	CHECK_EQ(1, dma->zone_start_pfn);
	CHECK_EQ(4095, dma->spanned_pages);
	CHECK_EQ(0x9e + 3840, dma->present_pages);
	CHECK_EQ(3840, dma->managed_pages);		/* 1 MiB..16 MiB */
	CHECK_EQ(4096, dma32->zone_start_pfn);
	CHECK_EQ(RAM_PAGES - 4096 - 256, dma32->managed_pages);	/* minus the "kernel" */
	CHECK_EQ(dma->managed_pages + dma32->managed_pages, nr_free_pages());
	CHECK_EQ(nr_free_pages(), totalram_pages);
	CHECK(PageReserved(pfn_to_page(0)) && PageReserved(pfn_to_page(0xa0)));
	CHECK(PageReserved(pfn_to_page(4096 + 100)));	/* inside the "kernel" */
	CHECK(!pfn_valid(PAGES_PER_SECTION));
	check_all_free_lists();
}

static void free_block(int i)
{
	mark(held[i].page, held[i].order, 0);
	__free_pages(held[i].page, held[i].order);
	held[i] = held[--nheld];
}

static void test_buddy_random(unsigned long free_before[MAX_NR_ZONES][MAX_ORDER])
{
	for (int step = 0; step < 60000 && !tap_case_failed; step++) {
		if (nheld < MAX_HELD && (nheld == 0 || rnd(100) < 55)) {
			unsigned int order = (unsigned int)(rnd(4) ? rnd(3) : rnd(8));
			gfp_t gfp = GFP_KERNEL | __GFP_NOWARN | (rnd(10) ? 0 : __GFP_DMA);
			struct page *page = alloc_pages(gfp, order);

			if (page) {
				CHECK_EQ(1, page_ref_count(page));
				if (gfp & __GFP_DMA)
					CHECK_EQ(ZONE_DMA, page_zonenum(page));
				held[nheld++] = (struct block){ page, order };
				mark(page, order, 1);
			}
		} else {
			free_block((int)rnd(nheld));
		}
		if (step % 500 == 0)
			check_all_free_lists();
	}
	while (nheld)
		free_block(nheld - 1);
	check_all_free_lists();
	for (int z = 0; z < MAX_NR_ZONES; z++)
		for (int o = 0; o < MAX_ORDER; o++)
			CHECK_EQ(free_before[z][o], contig_page_data.node_zones[z].free_area[o].nr_free);
}

static void test_exhaustion(void)
{
	unsigned long before = nr_free_pages(), got = 0;
	struct page *page, *next;
	LIST_HEAD(pages);

	while ((page = alloc_page(GFP_KERNEL | __GFP_NOWARN))) {
		list_add(&page->lru, &pages);
		got++;
	}
	CHECK_EQ(before, got);
	CHECK_EQ(0, nr_free_pages());
	CHECK(alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0) == NULL);
	list_for_each_entry_safe(page, next, &pages, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
	CHECK_EQ(before, nr_free_pages());
	check_all_free_lists();
}

static void test_bad_frees(void)
{
	unsigned long reports = bad_page_reports(), free;
	struct page *page = alloc_page(GFP_KERNEL);

	__free_page(page);
	free = nr_free_pages();
	__free_page(page);				/* double free */
	CHECK_EQ(reports + 1, bad_page_reports());
	CHECK_EQ(free, nr_free_pages());
	__free_page(pfn_to_page(4096 + 10));		/* a reserved page */
	CHECK_EQ(reports + 2, bad_page_reports());
	CHECK_EQ(free, nr_free_pages());
	set_page_count(pfn_to_page(4096 + 10), 1);
	check_all_free_lists();
}

int main(void)
{
	unsigned long free_before[MAX_NR_ZONES][MAX_ORDER];

	test_memblock_edges();
	tap_result("memblock: touching ranges merge, removal splits, the top of memory does not wrap, limits hold");
	test_memblock_random();
	tap_result("memblock: 3000 random add/reserve/remove/free/alloc steps agree with a page model");

	setup_machine();
	test_zones();
	tap_result("zones: a 48 MiB PC map gives DMA and DMA32 with the right spans, holes reserved, all free pages in the buddy lists");
	for (int z = 0; z < MAX_NR_ZONES; z++)
		for (int o = 0; o < MAX_ORDER; o++)
			free_before[z][o] = contig_page_data.node_zones[z].free_area[o].nr_free;
	test_buddy_random(free_before);
	tap_result("buddy: 60000 random allocations and frees keep every free list aligned, merged and counted, and end where they began");
	test_exhaustion();
	tap_result("buddy: allocating every page then freeing all restores the free count");
	host_printk_quiet = 1;
	test_bad_frees();
	tap_result("buddy: a double free and a reserved page are reported and change nothing");
	free(memmap);
	free(ram);
	return tap_done();
}
