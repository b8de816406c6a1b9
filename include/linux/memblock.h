/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>

/*
 * The boot-time memory allocator. Linux: include/linux/memblock.h
 *
 * Two sorted lists of physical ranges: memory (RAM the firmware reported)
 * and reserved (in use: kernel image, boot information, early allocations).
 * Allocation takes the highest free range below the current limit. Once
 * the buddy allocator is up, memblock_free_all() hands it every page that
 * is memory and not reserved, and memblock is not used again.
 */
#define INIT_MEMBLOCK_REGIONS	128
#define MEMBLOCK_ALLOC_ANYWHERE	(~(phys_addr_t)0)

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned long cnt;
	unsigned long max;
	phys_addr_t total_size;
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	phys_addr_t current_limit;	/* allocate below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
void *memblock_alloc(phys_addr_t size, phys_addr_t align);
void memblock_set_current_limit(phys_addr_t limit);
bool memblock_is_reserved(phys_addr_t addr);
bool memblock_is_memory(phys_addr_t addr);
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
void memblock_dump_all(void);

/*
 * Walk the free ranges: memory minus reserved, in address order.
 * *idx starts at 0; returns false when there are no more.
 */
bool memblock_next_free_range(u64 *idx, phys_addr_t *start, phys_addr_t *end);

#define for_each_free_mem_range(i, start, end)				\
	for (i = 0; memblock_next_free_range(&i, &start, &end); )

#define for_each_mem_region(r)						\
	for (r = memblock.memory.regions;				\
	     r < memblock.memory.regions + memblock.memory.cnt; r++)

#define for_each_reserved_mem_region(r)					\
	for (r = memblock.reserved.regions;				\
	     r < memblock.reserved.regions + memblock.reserved.cnt; r++)

unsigned long memblock_free_all(void);

#endif
