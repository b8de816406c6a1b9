// SPDX-License-Identifier: GPL-2.0
/*
 * Taking pages out of the page cache when a file shrinks or goes away.
 * Linux: mm/truncate.c
 *
 * Order matters: mappings of the pages past the new end are zapped first
 * (a later access faults and, being beyond EOF, gets SIGBUS), then the
 * pages leave the cache, and the part of the last page past the new end
 * is zeroed so that growing the file again shows zeros there.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/pagemap.h>

#define TRUNCATE_BATCH	16

/* Zero bytes [from, to) of the cached page at index, if there is one. */
static void truncate_partial_page(struct address_space *mapping, pgoff_t index,
				  unsigned int from, unsigned int to)
{
	struct page *page = find_get_page(mapping, index);

	if (page) {
		memset((char *)page_address(page) + from, 0, to - from);
		put_page(page);
	}
}

/*
 * Drop cached pages from byte lstart through byte lend (inclusive; -1:
 * to the end). A page only partly inside (at either end) stays, with
 * its inside part zeroed. Linux: truncate_inode_pages_range()
 */
void truncate_inode_pages_range(struct address_space *mapping, loff_t lstart, loff_t lend)
{
	pgoff_t start = (lstart + PAGE_SIZE - 1) >> PAGE_SHIFT;
	pgoff_t end = lend == -1 ? ~0UL : (pgoff_t)((lend + 1) >> PAGE_SHIFT);
	unsigned int partial_start = lstart & (PAGE_SIZE - 1);
	unsigned int partial_end = lend == -1 ? 0 : (lend + 1) & (PAGE_SIZE - 1);
	struct page *pages[TRUNCATE_BATCH];
	unsigned int n;

	if (partial_start && lend != -1 && (lstart >> PAGE_SHIFT) == (lend >> PAGE_SHIFT)) {
		/* One page, neither end on its boundary: only the middle goes. */
		truncate_partial_page(mapping, lstart >> PAGE_SHIFT, partial_start,
				      (lend & (PAGE_SIZE - 1)) + 1);
		return;
	}
	if (partial_start)
		truncate_partial_page(mapping, lstart >> PAGE_SHIFT, partial_start, PAGE_SIZE);
	if (partial_end)
		truncate_partial_page(mapping, end, 0, partial_end);
	while (start < end && (n = find_get_pages(mapping, start, TRUNCATE_BATCH, pages))) {
		for (unsigned int i = 0; i < n; i++) {
			struct page *page = pages[i];

			start = page->index + 1;
			if (page->index < end) {
				lock_page(page);
				/* unless it went to swap meanwhile (shmem_writepage) */
				if (page->mapping == mapping)
					delete_from_page_cache(page);
				unlock_page(page);
			}
			put_page(page);
		}
	}
}

void truncate_inode_pages(struct address_space *mapping, loff_t lstart)
{
	truncate_inode_pages_range(mapping, lstart, -1);
}

/* Linux: truncate_pagecache() */
void truncate_pagecache(struct inode *inode, loff_t newsize)
{
	struct address_space *mapping = inode->i_mapping;
	loff_t holebegin = (newsize + PAGE_SIZE - 1) & PAGE_MASK;

	unmap_mapping_range(mapping, holebegin, 0, true);
	truncate_inode_pages(mapping, newsize);
	unmap_mapping_range(mapping, holebegin, 0, true);
}

void truncate_setsize(struct inode *inode, loff_t newsize)
{
	i_size_write(inode, newsize);
	truncate_pagecache(inode, newsize);
}
