/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

/* Interfaces inside mm/ only. Linux: mm/internal.h */
#include <linux/mm.h>

/* page_alloc.c: hand a boot-time free block to the buddy allocator. */
void memblock_free_pages(struct page *page, unsigned long pfn, unsigned int order);

/* mm_init.c: set up one struct page (Linux: __init_single_page). */
void init_single_page(struct page *page, unsigned long pfn, enum zone_type zone);

#endif
