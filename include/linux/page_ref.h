/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PAGE_REF_H
#define _LINUX_PAGE_REF_H

#include <linux/mm_types.h>

/* page->_refcount and _mapcount. Linux: include/linux/page_ref.h, mm.h */
static inline int page_ref_count(const struct page *page)
{
	return page->_refcount.counter;
}

static inline void set_page_count(struct page *page, int v)
{
	page->_refcount.counter = v;
}

static inline void init_page_count(struct page *page)
{
	set_page_count(page, 1);
}

static inline void page_ref_inc(struct page *page)
{
	page->_refcount.counter++;
}

static inline bool page_ref_dec_and_test(struct page *page)
{
	return --page->_refcount.counter == 0;
}

static inline int page_mapcount(const struct page *page)
{
	return page->_mapcount.counter + 1;
}

/* Does any PTE map it? Linux: page_mapped() */
static inline bool page_mapped(const struct page *page)
{
	return page_mapcount(page) > 0;
}

static inline void page_mapcount_reset(struct page *page)
{
	page->_mapcount.counter = -1;
}

#endif
