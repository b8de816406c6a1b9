/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/pgtable_types.h>

struct address_space;
struct kmem_cache;

/*
 * One struct page per physical page frame, in the vmemmap array at
 * 0xffffea0000000000: frame pfn is vmemmap[pfn]. Linux: include/linux/mm_types.h
 *
 * The first union says what the frame is used for; which member is live
 * follows from the flags and page type:
 *
 *   free in the buddy allocator  PageBuddy: lru links it into
 *                                zone->free_area[order], private = order
 *   page cache / anonymous       lru (LRU list), mapping, index
 *   slab                         PageSlab: slab_list, slab_cache, freelist
 *                                (Linux 6.1 overlays these as struct slab)
 *   tail of a compound page      compound_head = head page | 1
 *
 * _mapcount counts the page-table entries that map the page, minus one
 * (-1 = unmapped). While the page is not mappable it holds a page type
 * instead: a value near 0xffffffff with one bit cleared (PG_buddy, PG_table).
 * _refcount counts references; it is 0 exactly while the page is free.
 *
 * 64 bytes, as in Linux, so that a 128 MiB memory section's array is
 * exactly one 2 MiB page.
 */
struct page {
	unsigned long flags;		/* PG_* bits; zone number in the top bits */
	union {
		struct {
			struct list_head lru;
			struct address_space *mapping;
			pgoff_t index;		/* offset in mapping, in pages */
			unsigned long private;	/* buddy order while PageBuddy */
		};
		struct {
			struct list_head slab_list;	/* partial or full list */
			struct kmem_cache *slab_cache;
			void *freelist;			/* first free object */
			unsigned int inuse;		/* objects handed out */
			unsigned int objects;		/* objects in the slab */
		};
		struct {
			unsigned long compound_head;	/* bit 0 set: a tail */
			unsigned char compound_dtor;
			unsigned char compound_order;	/* in page[1] */
			unsigned int compound_nr;	/* in page[1]: pages */
		};
	};
	union {
		atomic_t _mapcount;
		unsigned int page_type;
	};
	atomic_t _refcount;
	unsigned long memcg_data;	/* no memory cgroups: always 0 */
};

/*
 * The kernel's address space. For now it holds only the kernel page
 * tables (init_mm); the VMAs, counters and locks arrive with user
 * address spaces. Linux: struct mm_struct
 */
struct mm_struct {
	pgd_t *pgd;			/* top-level table: what CR3 points at */
};

extern struct mm_struct init_mm;

#endif
