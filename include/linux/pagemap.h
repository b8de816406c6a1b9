/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/swap.h>
#include <asm/irqflags.h>

/*
 * The page cache: each file's pages, found by (address_space, index).
 * A page in the cache has page->mapping and page->index set, and the
 * cache holds one reference to it. Linux: include/linux/pagemap.h,
 * mm/filemap.c
 */
/*
 * Bits of mapping->flags. AS_UNEVICTABLE: the file's pages must stay in
 * memory (a SHM_LOCKed segment; ramfs in Linux), so they go on the
 * unevictable LRU list. Linux: enum mapping_flags (bit 3 there too)
 */
enum mapping_flags {
	AS_UNEVICTABLE = 3,
};

static inline void mapping_set_unevictable(struct address_space *mapping)
{
	mapping->flags |= 1UL << AS_UNEVICTABLE;
}

static inline void mapping_clear_unevictable(struct address_space *mapping)
{
	mapping->flags &= ~(1UL << AS_UNEVICTABLE);
}

static inline bool mapping_unevictable(const struct address_space *mapping)
{
	return mapping && (mapping->flags & (1UL << AS_UNEVICTABLE));
}

int add_to_page_cache(struct page *page, struct address_space *mapping, pgoff_t index,
		      gfp_t gfp);
void delete_from_page_cache(struct page *page);
struct page *find_get_page(struct address_space *mapping, pgoff_t index);
struct page *find_lock_page(struct address_space *mapping, pgoff_t index);
unsigned int find_get_pages(struct address_space *mapping, pgoff_t start,
			    unsigned int nr_pages, struct page **pages);

void truncate_inode_pages(struct address_space *mapping, loff_t lstart);
void truncate_inode_pages_range(struct address_space *mapping, loff_t lstart, loff_t lend);
void truncate_pagecache(struct inode *inode, loff_t newsize);
void truncate_setsize(struct inode *inode, loff_t newsize);

/*
 * Page lock (PG_locked): held while a page is being filled or changed,
 * across swap I/O too. A task that finds it taken sleeps until the
 * holder (or the disk's interrupt, when a read ends) unlocks it
 * (mm/filemap.c: the page wait queues). Linux: folio_lock() and friends
 * (the bit is set with interrupts off: one CPU, no atomics needed)
 */
static inline bool trylock_page(struct page *page)
{
	unsigned long flags;
	bool got;

	local_irq_save(flags);
	got = !PageLocked(page);
	if (got)
		__SetPageLocked(page);
	local_irq_restore(flags);
	return got;
}

void __lock_page(struct page *page);
void unlock_page(struct page *page);
void wait_on_page_locked(struct page *page);
void set_page_writeback(struct page *page);
void end_page_writeback(struct page *page);
void wait_on_page_writeback(struct page *page);
void pagecache_init(void);

static inline void lock_page(struct page *page)
{
	if (!trylock_page(page))
		__lock_page(page);
}

vm_fault_t filemap_map_pages(struct vm_fault *vmf, pgoff_t start_pgoff, pgoff_t end_pgoff);
bool set_page_dirty(struct page *page);

#endif
