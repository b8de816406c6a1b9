/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCATTERLIST_H
#define _LINUX_SCATTERLIST_H

#include <linux/types.h>
#include <linux/mm.h>

/*
 * One piece of a buffer a device reads or writes by DMA: length bytes at
 * offset in page. Faultline differs: Linux chains these into tables and
 * maps them through the DMA API (an IOMMU may translate); here a list
 * is an array, and a device sees physical addresses as they are.
 * Linux: include/linux/scatterlist.h
 */
struct scatterlist {
	struct page *page;
	unsigned int offset;
	unsigned int length;		/* bytes */
};

static inline void sg_set_page(struct scatterlist *sg, struct page *page,
			       unsigned int len, unsigned int offset)
{
	sg->page = page;
	sg->offset = offset;
	sg->length = len;
}

/* A buffer in the direct map (kmalloc'd, or a page's address). */
static inline void sg_init_one(struct scatterlist *sg, const void *buf, unsigned int len)
{
	sg_set_page(sg, virt_to_page(buf), len, (unsigned long)buf & ~PAGE_MASK);
}

static inline phys_addr_t sg_phys(const struct scatterlist *sg)
{
	return page_to_phys(sg->page) + sg->offset;
}

#endif
