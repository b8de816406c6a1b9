// SPDX-License-Identifier: GPL-2.0
/*
 * The page cache: each file's pages, indexed by page offset in the file's
 * address_space (a radix tree). Linux: mm/filemap.c
 *
 * A page in the cache has page->mapping = the address_space, page->index
 * = its offset in pages, and one reference held by the cache; every PTE
 * that maps it holds another. NR_FILE_PAGES counts cache pages ("Cached"
 * in /proc/meminfo), NR_SHMEM those of them that are swap-backed (tmpfs,
 * shared anonymous memory: "Shmem").
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/pagemap.h>
#include <linux/rmap.h>
#include <linux/wait.h>
#include <asm/irqflags.h>

/*
 * Tasks waiting for a page's lock or its writeback sleep on one of 256
 * queues picked by the page's frame number: a queue per page would
 * double struct page. A wake-up wakes every sleeper of that queue, and
 * each looks again at its own page. Linux: folio_wait_table,
 * folio_wait_bit_common(), folio_wake_bit() (which also keep PG_waiters
 * to skip the wake-up when nobody waits: left out)
 */
#define PAGE_WAIT_TABLE_BITS	8
static struct wait_queue_head page_wait_table[1 << PAGE_WAIT_TABLE_BITS];

static struct wait_queue_head *page_waitqueue(struct page *page)
{
	return &page_wait_table[(page_to_pfn(page) * 0x9e3779b97f4a7c15UL) >>
				(64 - PAGE_WAIT_TABLE_BITS)];
}

void pagecache_init(void)
{
	for (int i = 0; i < (1 << PAGE_WAIT_TABLE_BITS); i++)
		init_waitqueue_head(&page_wait_table[i]);
}

/* Sleep until the page's lock is ours. Linux: __folio_lock() */
void __lock_page(struct page *page)
{
	wait_event(*page_waitqueue(page), trylock_page(page));
}

/* May be called from the disk's interrupt, when a read ends. Linux: folio_unlock() */
void unlock_page(struct page *page)
{
	VM_BUG_ON(!PageLocked(page));
	__ClearPageLocked(page);
	wake_up_all(page_waitqueue(page));
}

/* Linux: folio_wait_locked() */
void wait_on_page_locked(struct page *page)
{
	wait_event(*page_waitqueue(page), !PageLocked(page));
}

/*
 * Count a page under writeback (NR_WRITEBACK, its zone's
 * NR_ZONE_WRITE_PENDING) from here until end_page_writeback(). The
 * interrupt that ends a write changes the same counters, so they change
 * with interrupts off (Linux: the irq-safe mod_*_state()).
 * Linux: mm/page-writeback.c __folio_start_writeback()
 */
void set_page_writeback(struct page *page)
{
	unsigned long flags;

	VM_BUG_ON(PageWriteback(page));
	local_irq_save(flags);
	SetPageWriteback(page);
	mod_node_page_state(NODE_DATA(0), NR_WRITEBACK, 1);
	__mod_zone_page_state(page_zone(page), NR_ZONE_WRITE_PENDING, 1);
	local_irq_restore(flags);
}

/*
 * The write to disk ended (interrupt context too); a page reclaim wrote
 * goes to the inactive list's tail, and reclaimers waiting for writes
 * hear of it. Linux: folio_end_writeback(), __folio_end_writeback()
 * (the counters)
 */
void end_page_writeback(struct page *page)
{
	unsigned long flags;

	if (PageReclaim(page)) {
		ClearPageReclaim(page);
		rotate_reclaimable_page(page);
	}
	local_irq_save(flags);
	ClearPageWriteback(page);
	mod_node_page_state(NODE_DATA(0), NR_WRITEBACK, -1);
	__mod_zone_page_state(page_zone(page), NR_ZONE_WRITE_PENDING, -1);
	mod_node_page_state(NODE_DATA(0), NR_WRITTEN, 1);
	acct_reclaim_writeback(page);
	local_irq_restore(flags);
	wake_up_all(page_waitqueue(page));
}

/* Linux: folio_wait_writeback() */
void wait_on_page_writeback(struct page *page)
{
	wait_event(*page_waitqueue(page), !PageWriteback(page));
}

static void account_cache_page(struct page *page, int sign)
{
	mod_node_page_state(NODE_DATA(0), NR_FILE_PAGES, sign);
	if (PageSwapBacked(page))
		mod_node_page_state(NODE_DATA(0), NR_SHMEM, sign);
}

/*
 * Insert a locked page at index. The cache takes its own reference; the
 * caller's stays the caller's, and so does putting the page on the LRU
 * (lru_cache_add), as shmem does in Linux. Linux: __filemap_add_folio()
 */
int add_to_page_cache(struct page *page, struct address_space *mapping, pgoff_t index,
		      gfp_t gfp)
{
	int err;

	VM_BUG_ON(!PageLocked(page));
	VM_BUG_ON(page->mapping);
	(void)gfp;
	get_page(page);
	page->mapping = mapping;
	page->index = index;
	err = radix_tree_insert(&mapping->i_pages, index, page);
	if (err) {
		page->mapping = NULL;
		put_page(page);
		return err;
	}
	mapping->nrpages++;
	account_cache_page(page, 1);
	return 0;
}

/* Take a page out of the cache and drop the cache's reference. */
void delete_from_page_cache(struct page *page)
{
	struct address_space *mapping = page->mapping;

	VM_BUG_ON(page_mapcount(page));
	radix_tree_delete(&mapping->i_pages, page->index);
	mapping->nrpages--;
	account_cache_page(page, -1);
	page->mapping = NULL;
	ClearPageDirty(page);
	put_page(page);
}

/* The cached page at index, with a reference for the caller; or NULL. */
struct page *find_get_page(struct address_space *mapping, pgoff_t index)
{
	struct page *page = radix_tree_lookup(&mapping->i_pages, index);

	if (!page || xa_is_value(page))
		return NULL;
	get_page(page);
	return page;
}

struct page *find_lock_page(struct address_space *mapping, pgoff_t index)
{
	struct page *page = find_get_page(mapping, index);

	if (page)
		lock_page(page);
	return page;
}

/*
 * Up to nr_pages cached pages from index start on, in order, referenced;
 * swap entries are stepped over, so that 0 means no page is left.
 * Linux: find_get_pages_range()
 */
unsigned int find_get_pages(struct address_space *mapping, pgoff_t start,
			    unsigned int nr_pages, struct page **pages)
{
	void **slots[16];
	unsigned long indices[16];
	unsigned int found = 0, n;

	while (found < nr_pages &&
	       (n = radix_tree_gang_lookup_slot(&mapping->i_pages, slots, indices, start,
						min(nr_pages - found, 16U)))) {
		for (unsigned int i = 0; i < n; i++) {
			struct page *page = *slots[i];

			if (xa_is_value(page))
				continue;
			get_page(page);
			pages[found++] = page;
		}
		start = indices[n - 1] + 1;
		if (!start)
			break;	/* the last index there is */
	}
	return found;
}

/*
 * Mark a page's contents newer than its backing store. Every file here
 * is tmpfs, which has no backing store to write back to, so, as Linux's
 * noop_dirty_folio, this only sets PG_dirty (and counts nothing in
 * NR_FILE_DIRTY).
 */
bool set_page_dirty(struct page *page)
{
	if (PageDirty(page))
		return false;
	SetPageDirty(page);
	return true;
}

/*
 * Fault-around: map the pages of [start_pgoff, end_pgoff] that are already
 * cached and up to date, wherever the PTE is still empty, so that reading
 * through a file faults once per 64 KiB instead of once per page.
 * Returns VM_FAULT_NOPAGE if the faulting page itself got mapped.
 * Linux: filemap_map_pages()
 */
vm_fault_t filemap_map_pages(struct vm_fault *vmf, pgoff_t start_pgoff, pgoff_t end_pgoff)
{
	struct vm_area_struct *vma = vmf->vma;
	struct address_space *mapping = vma->vm_file->f_mapping;
	pgoff_t max_idx = DIV_ROUND_UP(i_size_read(mapping->host), PAGE_SIZE);
	unsigned long addr = vmf->address - ((vmf->pgoff - start_pgoff) << PAGE_SHIFT);
	pte_t *pte_base = vmf->pte - (vmf->pgoff - start_pgoff);
	vm_fault_t ret = 0;

	for (pgoff_t index = start_pgoff; index <= end_pgoff && index < max_idx;
	     index++, addr += PAGE_SIZE) {
		pte_t *pte = pte_base + (index - start_pgoff);
		struct page *page;

		if (!pte_none(*pte))
			continue;
		page = radix_tree_lookup(&mapping->i_pages, index);
		if (!page || xa_is_value(page) || !PageUptodate(page) || PageLocked(page))
			continue;
		get_page(page);
		vmf->pte = pte;
		do_set_pte(vmf, page, addr);
		if (addr == vmf->address)
			ret = VM_FAULT_NOPAGE;
	}
	vmf->pte = pte_base + (vmf->pgoff - start_pgoff);
	return ret;
}
