/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/gfp.h>

/*
 * Virtually contiguous kernel memory: single pages, wherever the buddy
 * allocator finds them, mapped side by side in the vmalloc range.
 * Linux: include/linux/vmalloc.h, mm/vmalloc.c
 */
struct page;

struct vm_struct {
	struct list_head list;		/* vmap_area_list, by address */
	unsigned long addr;
	unsigned long size;		/* bytes, the guard page included */
	struct page **pages;
	unsigned int nr_pages;
};

/* One PGD entry's worth (512 GiB), preallocated so every mm shares it. */
#define VMALLOC_SIZE		(1UL << 39)

void vmalloc_init(void);
void *vmalloc(unsigned long size);
void *__vmalloc_node(unsigned long size, unsigned long align, gfp_t gfp);
void vfree(const void *addr);

static inline void *vzalloc(unsigned long size)
{
	return __vmalloc_node(size, PAGE_SIZE, GFP_KERNEL | __GFP_ZERO);
}
struct vm_struct *find_vm_area(const void *addr);
bool is_vmalloc_addr(const void *addr);
struct page *vmalloc_to_page(const void *addr);
unsigned long vmalloc_nr_pages(void);

#endif
