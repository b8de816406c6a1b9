/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/page-flags.h>
#include <linux/page_ref.h>
#include <linux/mmzone.h>
#include <linux/gfp.h>
#include <linux/vmstat.h>
#include <asm/page.h>
#include <asm/pgtable.h>

/* Linux: include/linux/mm.h */

extern unsigned long max_pfn;		/* one past the highest RAM frame */
extern unsigned long totalram_pages;	/* frames the buddy allocator manages */

static inline unsigned long page_private(const struct page *page)
{
	return page->private;
}

static inline void set_page_private(struct page *page, unsigned long v)
{
	page->private = v;
}

static inline struct page *virt_to_head_page(const void *x)
{
	return compound_head(virt_to_page(x));
}

static inline void get_page(struct page *page)
{
	page = compound_head(page);
	VM_BUG_ON(page_ref_count(page) <= 0);
	page_ref_inc(page);
}

/* Drop a reference; the last one frees the page (or compound page). */
static inline void put_page(struct page *page)
{
	page = compound_head(page);
	__free_pages(page, compound_order(page));
}

/* Free pages in the buddy allocator, all zones (MemFree in pages). */
static inline unsigned long nr_free_pages(void)
{
	return global_zone_page_state(NR_FREE_PAGES);
}

/* mm/debug.c */
void dump_page(struct page *page, const char *reason);
/* mm/page_alloc.c: report a page in an impossible state and taint. */
void bad_page(struct page *page, const char *reason);
unsigned long bad_page_reports(void);
void show_buddyinfo(void);

/* mm/mm_init.c */
void free_area_init(unsigned long *max_zone_pfn);
void mem_init_print_info(void);
void mm_core_init(void);
/* arch: release boot memory to the buddy allocator (Linux: mem_init). */
void mem_init(void);

/* mm/sparse.c */
void sparse_init(void);
int vmemmap_populate(unsigned long start, unsigned long end);

/* mm/memory.c: page-table allocation (Linux: __pud_alloc and friends) */
pud_t *pud_alloc(struct mm_struct *mm, p4d_t *p4d, unsigned long addr);
pmd_t *pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long addr);
pte_t *pte_alloc_kernel(pmd_t *pmd, unsigned long addr);

#endif
