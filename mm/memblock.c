// SPDX-License-Identifier: GPL-2.0
/*
 * memblock: physical memory bookkeeping before the buddy allocator exists.
 * Linux: mm/memblock.c
 *
 * Both lists hold disjoint ranges sorted by base, with touching ranges
 * merged, so "is this address reserved" and "what is free" are simple
 * walks. Faultline leaves out Linux's per-range flags, NUMA node ids and
 * the array doubling (128 ranges each are plenty for a QEMU memory map).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include "internal.h"

static struct memblock_region memory_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region reserved_regions[INIT_MEMBLOCK_REGIONS];

struct memblock memblock = {
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
	.memory = { .max = INIT_MEMBLOCK_REGIONS, .regions = memory_regions,
		    .name = "memory" },
	.reserved = { .max = INIT_MEMBLOCK_REGIONS, .regions = reserved_regions,
		      .name = "reserved" },
};

static bool memblock_debug;

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/* Clamp size so that base + size does not wrap past the top of memory. */
static phys_addr_t memblock_cap_size(phys_addr_t base, phys_addr_t *size)
{
	return *size = min(*size, ~(phys_addr_t)0 - base);
}

static void remove_region(struct memblock_type *type, unsigned long i)
{
	type->total_size -= type->regions[i].size;
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

static int insert_region(struct memblock_type *type, unsigned long i,
			 phys_addr_t base, phys_addr_t size)
{
	if (type->cnt >= type->max) {
		pr_err("memblock: too many %s ranges (more than %lu); ignoring "
		       "[%#018llx-%#018llx]\n", type->name, type->max,
		       (unsigned long long)base, (unsigned long long)(base + size - 1));
		return -ENOMEM;
	}
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i].base = base;
	type->regions[i].size = size;
	type->total_size += size;
	type->cnt++;
	return 0;
}

/*
 * Add [base, base + size) to type: every range it overlaps or touches is
 * absorbed into one, so the list stays disjoint, sorted and merged.
 */
static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size)
{
	phys_addr_t end;
	unsigned long i = 0;

	if (!memblock_cap_size(base, &size))
		return 0;
	end = base + size;
	while (i < type->cnt && region_end(&type->regions[i]) < base)
		i++;
	while (i < type->cnt && type->regions[i].base <= end) {
		base = min(base, type->regions[i].base);
		end = max(end, region_end(&type->regions[i]));
		remove_region(type, i);
	}
	return insert_region(type, i, base, end - base);
}

/* Take [base, base + size) out of type, splitting a range that spans it. */
static int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
				 phys_addr_t size)
{
	phys_addr_t end;
	unsigned long i = 0;

	if (!memblock_cap_size(base, &size))
		return 0;
	end = base + size;
	while (i < type->cnt) {
		struct memblock_region r = type->regions[i];

		if (region_end(&r) <= base || r.base >= end) {
			i++;
			continue;
		}
		remove_region(type, i);
		if (r.base < base) {
			insert_region(type, i, r.base, base - r.base);
			i++;
		}
		if (region_end(&r) > end) {
			insert_region(type, i, end, region_end(&r) - end);
			i++;
		}
	}
	return 0;
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	if (memblock_debug)
		pr_info("memblock_add: [%#018llx-%#018llx]\n", (unsigned long long)base,
			(unsigned long long)(base + size - 1));
	return memblock_add_range(&memblock.memory, base, size);
}

int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	return memblock_remove_range(&memblock.memory, base, size);
}

int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	if (memblock_debug)
		pr_info("memblock_reserve: [%#018llx-%#018llx]\n",
			(unsigned long long)base, (unsigned long long)(base + size - 1));
	return memblock_add_range(&memblock.reserved, base, size);
}

/* Give back a range taken with memblock_reserve or memblock_phys_alloc. */
int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	return memblock_remove_range(&memblock.reserved, base, size);
}

void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

/*
 * The next free range: a piece of some memory range that no reserved
 * range covers. The cursor packs two indices, as Linux's __next_mem_range:
 * the memory range (low half) and the gap between reserved ranges (high
 * half); gap ri lies between reserved[ri - 1] and reserved[ri].
 */
bool memblock_next_free_range(u64 *idx, phys_addr_t *out_start, phys_addr_t *out_end)
{
	struct memblock_type *mem = &memblock.memory, *rsv = &memblock.reserved;
	unsigned long mi = (unsigned long)(*idx & 0xffffffff);
	unsigned long ri = (unsigned long)(*idx >> 32);

	for (; mi < mem->cnt; mi++) {
		phys_addr_t m_start = mem->regions[mi].base;
		phys_addr_t m_end = region_end(&mem->regions[mi]);

		for (; ri < rsv->cnt + 1; ri++) {
			phys_addr_t r_start = ri ? region_end(&rsv->regions[ri - 1]) : 0;
			phys_addr_t r_end = ri < rsv->cnt ? rsv->regions[ri].base
							  : ~(phys_addr_t)0;

			if (r_start >= m_end)
				break;		/* this gap starts past the range */
			if (m_start < r_end) {
				*out_start = max(m_start, r_start);
				*out_end = min(m_end, r_end);
				if (m_end <= r_end)
					mi++;
				else
					ri++;
				*idx = (u64)mi | ((u64)ri << 32);
				return true;
			}
		}
	}
	return false;
}

/*
 * Allocate size bytes aligned to align, as high as possible below
 * current_limit (Linux allocates top-down too, keeping low memory for
 * whoever needs it). Returns the physical address, or 0 when nothing fits.
 */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t start, end, best = 0;
	u64 i;

	if (!size || !align || (align & (align - 1)))
		return 0;
	for_each_free_mem_range(i, start, end) {
		phys_addr_t top = min(end, memblock.current_limit), cand;

		if (top < size || top - size < start)
			continue;
		cand = ALIGN_DOWN(top - size, align);
		if (cand >= start && cand > best)
			best = cand;
	}
	if (best && memblock_reserve(best, size))
		return 0;
	return best;
}

/* Allocate and zero, returning a direct-map address (NULL on failure). */
void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t phys = memblock_phys_alloc(size, align);
	void *p;

	if (!phys)
		return NULL;
	p = __va(phys);
	memset(p, 0, size);
	return p;
}

static bool type_contains(const struct memblock_type *type, phys_addr_t addr)
{
	for (unsigned long i = 0; i < type->cnt; i++)
		if (addr >= type->regions[i].base && addr < region_end(&type->regions[i]))
			return true;
	return false;
}

bool memblock_is_reserved(phys_addr_t addr)
{
	return type_contains(&memblock.reserved, addr);
}

bool memblock_is_memory(phys_addr_t addr)
{
	return type_contains(&memblock.memory, addr);
}

phys_addr_t memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

phys_addr_t memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

phys_addr_t memblock_end_of_DRAM(void)
{
	unsigned long n = memblock.memory.cnt;

	return n ? region_end(&memblock.memory.regions[n - 1]) : 0;
}

static void memblock_dump(const struct memblock_type *type)
{
	pr_info(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		pr_info(" %s[0x%lx]\t[%#018llx-%#018llx], %#llx bytes\n", type->name, i,
			(unsigned long long)r->base,
			(unsigned long long)(region_end(r) - 1),
			(unsigned long long)r->size);
	}
}

/* The lists, as Linux prints them with memblock=debug. */
void memblock_dump_all(void)
{
	if (!memblock_debug)
		return;
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = %#llx reserved size = %#llx\n",
		(unsigned long long)memblock.memory.total_size,
		(unsigned long long)memblock.reserved.total_size);
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}

static int __init early_memblock(char *p)
{
	if (p && strstr(p, "debug"))
		memblock_debug = true;
	return 0;
}
early_param("memblock", early_memblock);

/*
 * Free [start, end) frames to the buddy allocator in the largest aligned
 * blocks that fit (Linux: __free_pages_memory).
 */
static unsigned long free_pages_memory(unsigned long start, unsigned long end)
{
	unsigned long freed = 0;

	while (start < end) {
		unsigned int order = MAX_ORDER - 1;

		if (start)
			order = min_t(unsigned int, order, __builtin_ctzl(start));
		while (start + (1UL << order) > end)
			order--;
		memblock_free_pages(pfn_to_page(start), start, order);
		freed += 1UL << order;
		start += 1UL << order;
	}
	return freed;
}

/*
 * Mark every reserved frame PG_reserved and release every free frame to
 * the buddy allocator. Returns the number of frames released.
 * Linux: memblock_free_all() -> free_low_memory_core_early()
 */
unsigned long memblock_free_all(void)
{
	struct memblock_region *r;
	phys_addr_t start, end;
	unsigned long count = 0;
	u64 i;

	for_each_reserved_mem_region(r) {
		for (unsigned long pfn = PFN_DOWN(r->base); pfn < PFN_UP(region_end(r)); pfn++)
			if (pfn_valid(pfn))
				__SetPageReserved(pfn_to_page(pfn));
	}
	for_each_free_mem_range(i, start, end)
		count += free_pages_memory(PFN_UP(start), PFN_DOWN(end));
	totalram_pages += count;
	return count;
}
