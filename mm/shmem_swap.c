// SPDX-License-Identifier: GPL-2.0
/*
 * tmpfs pages in swap: the pages of tmpfs files, System V shared memory
 * and MAP_SHARED|MAP_ANONYMOUS regions go to swap under reclaim and
 * come back when used. Linux: mm/shmem.c (shmem_writepage,
 * shmem_swapin_folio, shmem_free_swap, shmem_unuse and their helpers)
 *
 * Where a page went to swap, its file's page-cache slot holds the swap
 * entry instead, as a value entry (swp_to_radix_entry); the page itself
 * moves into the swap cache until its write ends and reclaim frees it:
 *
 *   file's i_pages[index]           swap cache[slot]      swap_map[slot]
 *   page                            -                     -          (in memory)
 *   value(entry)                    page (writeback)      SHMEM|CACHE (written out)
 *   value(entry)                    -                     SHMEM      (out)
 *   page (dirty)                    -                     -          (read back)
 *
 * The file's reference to the slot is SWAP_MAP_SHMEM (swap_shmem_alloc):
 * one, as only the file points at it; the PTEs that mapped the page were
 * emptied by try_to_unmap, and a fault finds the page through the file.
 * inode->i_shmem_swapped counts the file's swap entries (Linux:
 * shmem_inode_info.swapped); a file with any is on shmem_swaplist, where
 * swapoff (shmem_unuse) finds it.
 *
 * Locking: Linux takes info->lock, the i_pages lock and the swaplist
 * mutex; one CPU and no preemption need none between sleeps, and each
 * function confirms the entry again after a sleep (shmem_confirm_swap).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/shmem_fs.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/vmstat.h>
#include <linux/list.h>

/* Files with entries in swap, for swapoff. Linux: shmem_swaplist */
static LIST_HEAD(shmem_swaplist);

/* Does index's slot still hold swap? Linux: shmem_confirm_swap() */
static bool shmem_confirm_swap(struct address_space *mapping, pgoff_t index, swp_entry_t swap)
{
	return radix_tree_lookup(&mapping->i_pages, index) == swp_to_radix_entry(swap);
}

/*
 * Put replacement where index's slot holds expected: -ENOENT if it holds
 * something else. In place: it cannot fail for memory.
 * Linux: shmem_replace_entry()
 */
static int shmem_replace_entry(struct address_space *mapping, pgoff_t index, void *expected,
			       void *replacement)
{
	void **slot = radix_tree_lookup_slot(&mapping->i_pages, index);

	if (!slot || *slot != expected)
		return -ENOENT;
	radix_tree_replace_slot(&mapping->i_pages, slot, replacement);
	return 0;
}

/*
 * The page leaves the page cache, radswap taking its slot; the cache's
 * reference goes (the swap cache has its own by now).
 * Linux: shmem_delete_from_page_cache()
 */
static void shmem_delete_from_page_cache(struct page *page, void *radswap)
{
	struct address_space *mapping = page->mapping;
	int error = shmem_replace_entry(mapping, page->index, page, radswap);

	page->mapping = NULL;
	mapping->nrpages--;
	mod_node_page_state(NODE_DATA(0), NR_FILE_PAGES, -1);
	mod_node_page_state(NODE_DATA(0), NR_SHMEM, -1);
	put_page(page);
	BUG_ON(error);
}

/*
 * The locked page back at index, where the slot holds expected (its
 * swap entry); the cache takes a reference. Linux: shmem_add_to_page_cache()
 */
static int shmem_add_to_page_cache(struct page *page, struct address_space *mapping,
				   pgoff_t index, void *expected)
{
	int error = shmem_replace_entry(mapping, index, expected, page);

	if (error)
		return -EEXIST;
	get_page(page);
	page->mapping = mapping;
	page->index = index;
	mapping->nrpages++;
	mod_node_page_state(NODE_DATA(0), NR_FILE_PAGES, 1);
	mod_node_page_state(NODE_DATA(0), NR_SHMEM, 1);
	return 0;
}

/*
 * Reclaim's write of a dirty, unmapped tmpfs page (locked, its dirty bit
 * cleared by pageout): give it a slot, move it from the page cache into
 * the swap cache, leave the entry in its file slot, and start the write.
 * Returns 0 once the write started (the page still locked: pageout
 * unlocks it), or AOP_WRITEPAGE_ACTIVATE with the page dirty again when
 * it must stay: its file is SHM_LOCKed, no swap is on, no slot is free.
 * Faultline differs: a page fallocate made and nothing used yet
 * (!Uptodate) stays too; Linux zeroes and writes it unless its
 * fallocate is still running.
 * Linux: shmem_writepage() (for_reclaim: the only caller)
 */
int shmem_writepage(struct page *page)
{
	struct address_space *mapping = page->mapping;
	struct inode *inode = mapping->host;
	swp_entry_t swap;

	VM_BUG_ON(!PageLocked(page));
	if ((inode->i_shmem_flags & VM_LOCKED) || !total_swap_pages || !PageUptodate(page))
		goto redirty;
	swap = get_swap_page(page);
	if (!swap.val)
		goto redirty;
	if (list_empty(&inode->i_shmem_swaplist))
		list_add(&inode->i_shmem_swaplist, &shmem_swaplist);
	if (add_to_swap_cache(page, swap, __GFP_HIGH | __GFP_NOMEMALLOC | __GFP_NOWARN)) {
		put_swap_page(page, swap);
		goto redirty;
	}
	inode->i_shmem_swapped++;
	swap_shmem_alloc(swap);
	shmem_delete_from_page_cache(page, swp_to_radix_entry(swap));
	BUG_ON(page_mapped(page));
	return swap_writepage(page, false);

redirty:
	set_page_dirty(page);
	return AOP_WRITEPAGE_ACTIVATE;
}

/*
 * Bring index's page back from swap: found in the swap cache, or read
 * (a major fault, when fault_type asks: the caller is a fault). The
 * page returns to the page cache in place of the entry, dirty (its only
 * copy is in memory again), and the slot is freed. Returns 0 with the
 * page locked and referenced in *pagep; -EEXIST when the entry changed
 * meanwhile (the caller looks again); -ENOMEM; -EIO when the read failed.
 * The read brings the neighbouring slots into the swap cache too
 * (readahead), as 6.1's does. Faultline differs: no swapin-error entry
 * is left after -EIO. Linux: shmem_swapin_folio()
 */
int shmem_swapin_page(struct inode *inode, pgoff_t index, swp_entry_t swap,
		      struct page **pagep, enum sgp_type sgp, vm_fault_t *fault_type)
{
	struct address_space *mapping = inode->i_mapping;
	struct page *page = swap_cache_get_page(swap);
	int error;

	*pagep = NULL;
	if (!page) {
		if (fault_type)
			*fault_type |= VM_FAULT_MAJOR;
		/* Linux: shmem_swapin_cluster(), a pseudo-VMA for swap_cluster_readahead */
		page = swap_cluster_readahead(swap, GFP_HIGHUSER_MOVABLE);
		if (!page)
			return shmem_confirm_swap(mapping, index, swap) ? -ENOMEM : -EEXIST;
	}
	lock_page(page);
	wait_on_page_writeback(page);
	error = -EEXIST;
	if (!PageSwapCache(page) || page_private(page) != swap.val ||
	    !shmem_confirm_swap(mapping, index, swap))
		goto unlock;
	error = -EIO;
	if (!PageUptodate(page))
		goto unlock;
	error = shmem_add_to_page_cache(page, mapping, index, swp_to_radix_entry(swap));
	if (error)
		goto unlock;
	inode->i_shmem_swapped--;
	if (sgp == SGP_WRITE)
		mark_page_accessed(page);
	delete_from_swap_cache(page);
	set_page_dirty(page);
	swap_free(swap);
	*pagep = page;
	return 0;

unlock:
	unlock_page(page);
	put_page(page);
	return error;
}

/*
 * Before truncate_inode_pages_range zeroes the inside part of a page
 * only partly inside bytes lstart..lend (-1: to the end), such a page in
 * swap comes back. Linux: the shmem_get_folio(SGP_READ) of the partial
 * folios in shmem_undo_range()
 */
void shmem_swapin_partial(struct inode *inode, loff_t lstart, loff_t lend)
{
	pgoff_t partial[2] = { lstart >> PAGE_SHIFT, lend >> PAGE_SHIFT };
	bool cut[2] = { lstart & (PAGE_SIZE - 1), lend != -1 && ((lend + 1) & (PAGE_SIZE - 1)) };

	for (int i = 0; i < 2 && inode->i_shmem_swapped; i++) {
		struct page *page = NULL;

		if (cut[i] && !shmem_get_page(inode, partial[i], &page, SGP_READ) && page) {
			unlock_page(page);
			put_page(page);
		}
	}
}

/*
 * Take a swap entry out of index's slot and free its slot (and the swap
 * cache's page, if nobody else holds it). Linux: shmem_free_swap()
 */
static int shmem_free_swap(struct address_space *mapping, pgoff_t index, void *radswap)
{
	if (radix_tree_lookup(&mapping->i_pages, index) != radswap)
		return -ENOENT;
	radix_tree_delete(&mapping->i_pages, index);
	free_swap_and_cache(radix_to_swp_entry(radswap));
	return 0;
}

/*
 * Free the swap entries of pages start..end-1 (truncate, hole punch,
 * the file's end); shmem_recalc_inode gives their charge back.
 * Linux: the value-entry case of shmem_undo_range()
 */
void shmem_free_swap_range(struct inode *inode, pgoff_t start, pgoff_t end)
{
	struct address_space *mapping = inode->i_mapping;
	void **slots[16];
	unsigned long indices[16];
	unsigned int n;

	while (inode->i_shmem_swapped && start < end &&
	       (n = radix_tree_gang_lookup_slot(&mapping->i_pages, slots, indices, start, 16))) {
		void *entries[16];

		/* A delete may move slots: take the entries first. */
		for (unsigned int i = 0; i < n; i++)
			entries[i] = *slots[i];
		start = indices[n - 1] + 1;
		for (unsigned int i = 0; i < n && indices[i] < end; i++)
			if (xa_is_value(entries[i]) &&
			    !shmem_free_swap(mapping, indices[i], entries[i]))
				inode->i_shmem_swapped--;
		if (!start)
			break;
	}
}

/* Of pages start..end-1, the bytes in swap. Linux: shmem_partial_swap_usage() */
unsigned long shmem_partial_swap_usage(struct address_space *mapping, pgoff_t start, pgoff_t end)
{
	unsigned long swapped = 0;
	void **slots[16];
	unsigned long indices[16];
	unsigned int n;

	while (start < end &&
	       (n = radix_tree_gang_lookup_slot(&mapping->i_pages, slots, indices, start, 16))) {
		for (unsigned int i = 0; i < n && indices[i] < end; i++)
			swapped += xa_is_value(*slots[i]);
		start = indices[n - 1] + 1;
		if (!start)
			break;
	}
	return swapped << PAGE_SHIFT;
}

/*
 * The bytes in swap of the part of a tmpfs file vma maps: the file's
 * count when it maps it all. Linux: shmem_swap_usage()
 */
unsigned long shmem_swap_usage(struct vm_area_struct *vma)
{
	struct inode *inode = file_inode(vma->vm_file);

	if (!inode->i_shmem_swapped)
		return 0;
	if (!vma->vm_pgoff && vma->vm_end - vma->vm_start >= (unsigned long)inode->i_size)
		return inode->i_shmem_swapped << PAGE_SHIFT;
	return shmem_partial_swap_usage(inode->i_mapping, vma->vm_pgoff,
					vma->vm_pgoff + vma_pages(vma));
}

/*
 * Every entry of area type in the file, read back into its page cache.
 * Returns 0 or -ENOMEM. Linux: shmem_unuse_inode(),
 * shmem_find_swap_entries(), shmem_unuse_swap_entries()
 */
static int shmem_unuse_inode(struct inode *inode, unsigned int type)
{
	struct address_space *mapping = inode->i_mapping;
	pgoff_t start = 0;
	void **slots[16];
	unsigned long indices[16];
	unsigned int n;

	while (inode->i_shmem_swapped &&
	       (n = radix_tree_gang_lookup_slot(&mapping->i_pages, slots, indices, start, 16))) {
		void *entries[16];

		for (unsigned int i = 0; i < n; i++)
			entries[i] = *slots[i];	/* the swap-ins below sleep */
		start = indices[n - 1] + 1;
		for (unsigned int i = 0; i < n; i++) {
			swp_entry_t swap;
			struct page *page;

			if (!xa_is_value(entries[i]))
				continue;
			swap = radix_to_swp_entry(entries[i]);
			if (swp_type(swap) != type)
				continue;
			if (shmem_swapin_page(inode, indices[i], swap, &page, SGP_CACHE,
					      NULL) == -ENOMEM)
				return -ENOMEM;
			if (page) {
				unlock_page(page);
				put_page(page);
			}
		}
		if (!start)
			break;
	}
	return 0;
}

/*
 * swapoff's first step: read every tmpfs page in area type back into
 * its file. Files with nothing left in swap leave the list. A file in
 * the middle of this keeps a reference, so that its unlink cannot free
 * it under us (Linux: info->stop_eviction).
 * Linux: shmem_unuse()
 */
int shmem_unuse(unsigned int type)
{
	struct inode *inode, *next;
	int error = 0;

	list_for_each_entry_safe(inode, next, &shmem_swaplist, i_shmem_swaplist) {
		if (!inode->i_shmem_swapped) {
			list_del_init(&inode->i_shmem_swaplist);
			continue;
		}
		ihold(inode);
		error = shmem_unuse_inode(inode, type);
		next = list_next_entry(inode, i_shmem_swaplist);
		if (!inode->i_shmem_swapped)
			list_del_init(&inode->i_shmem_swaplist);
		iput(inode);
		if (error)
			break;
	}
	return error;
}

/* The file goes: it leaves the swaplist. Linux: the end of shmem_evict_inode() */
void shmem_swaplist_del(struct inode *inode)
{
	if (!list_empty(&inode->i_shmem_swaplist))
		list_del_init(&inode->i_shmem_swaplist);
}
