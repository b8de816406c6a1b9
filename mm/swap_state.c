// SPDX-License-Identifier: GPL-2.0
/*
 * The swap cache: pages on their way to or from a swap slot, found by
 * the slot. Linux: mm/swap_state.c
 *
 * Reclaim puts an anonymous page in the swap cache before it writes it
 * out (add_to_swap): from then on the page's slot is page_private(page)
 * and each PTE that mapped it can be replaced by the slot's swap entry.
 * A fault on such an entry looks in the cache first (the page may not
 * have left memory yet, or another process read it in already), and
 * otherwise reads the slot into a new cache page. Each swap area has
 * one address_space whose radix tree is indexed by slot offset (Linux
 * splits an area into 64 MiB address_spaces to spread its locks).
 *
 * A page in the swap cache has PG_swapcache, the cache's reference, and
 * holds SWAP_HAS_CACHE in its slot's count; it counts in NR_FILE_PAGES
 * and NR_SWAPCACHE (meminfo's SwapCached).
 *
 * Locking: Linux takes the address_space's i_pages lock; one CPU and no
 * preemption, and no swap cache change from an interrupt, need none.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/bio.h>
#include <linux/vmstat.h>
#include <linux/rmap.h>
#include <linux/sched.h>

static struct address_space swapper_spaces[MAX_SWAPFILES];

/* The cache of entry's area. Linux: swap_address_space() */
struct address_space *swap_address_space(swp_entry_t entry)
{
	return &swapper_spaces[swp_type(entry)];
}

static void account_swap_cache(int sign)
{
	mod_node_page_state(NODE_DATA(0), NR_FILE_PAGES, sign);
	mod_node_page_state(NODE_DATA(0), NR_SWAPCACHE, sign);
}

/*
 * Put a locked, swap-backed page in the cache at entry, whose slot
 * already holds SWAP_HAS_CACHE for it; the cache takes a reference.
 * Linux: add_to_swap_cache()
 */
int add_to_swap_cache(struct page *page, swp_entry_t entry, gfp_t gfp)
{
	struct address_space *space = swap_address_space(entry);
	int err;

	VM_BUG_ON(!PageLocked(page) || !PageSwapBacked(page) || PageSwapCache(page));
	(void)gfp;	/* the radix tree allocates its own nodes */
	get_page(page);
	SetPageSwapCache(page);
	set_page_private(page, entry.val);
	err = radix_tree_insert(&space->i_pages, swp_offset(entry), page);
	if (err) {
		ClearPageSwapCache(page);
		set_page_private(page, 0);
		put_page(page);
		return err;
	}
	space->nrpages++;
	account_swap_cache(1);
	return 0;
}

/*
 * Take the page out of the cache, leaving its slot's SWAP_HAS_CACHE and
 * the cache's reference to the caller. Linux: __delete_from_swap_cache()
 */
void __delete_from_swap_cache(struct page *page, swp_entry_t entry)
{
	struct address_space *space = swap_address_space(entry);

	VM_BUG_ON(!PageLocked(page) || !PageSwapCache(page) || PageWriteback(page));
	radix_tree_delete(&space->i_pages, swp_offset(entry));
	space->nrpages--;
	account_swap_cache(-1);
	set_page_private(page, 0);
	ClearPageSwapCache(page);
}

/* ...and give up the slot's cache claim and the reference. Linux: delete_from_swap_cache() */
void delete_from_swap_cache(struct page *page)
{
	swp_entry_t entry = { page_private(page) };

	__delete_from_swap_cache(page, entry);
	put_swap_page(page, entry);
	put_page(page);
}

/*
 * Give a locked, uptodate anonymous page a slot and put it in the cache,
 * dirty (its contents are not on the disk yet); false when swap is full
 * or the cache could not take it. Linux: add_to_swap()
 */
bool add_to_swap(struct page *page)
{
	swp_entry_t entry;

	VM_BUG_ON(!PageLocked(page) || !PageUptodate(page));
	entry = get_swap_page(page);
	if (!entry.val)
		return false;
	if (add_to_swap_cache(page, entry, __GFP_HIGH | __GFP_NOMEMALLOC | __GFP_NOWARN)) {
		put_swap_page(page, entry);
		return false;
	}
	SetPageDirty(page);
	return true;
}

/* The cached page of entry, with a reference, or NULL. Linux: swap_cache_get_folio() */
struct page *lookup_swap_cache(swp_entry_t entry)
{
	struct page *page = radix_tree_lookup(&swap_address_space(entry)->i_pages,
					      swp_offset(entry));

	if (page)
		get_page(page);
	return page;
}

/* Swap PTEs still pointing at the page's slot. Linux: page_swapcount() */
static int page_swapcount(struct page *page)
{
	swp_entry_t entry = { page_private(page) };

	return __swap_count(entry);
}

/*
 * A locked page in the swap cache that no swap PTE needs any more (all
 * were faulted back): drop it from the cache, so the slot is freed, and
 * mark it dirty: its only copy is in memory now. Linux: folio_free_swap()
 */
bool try_to_free_swap(struct page *page)
{
	VM_BUG_ON(!PageLocked(page));
	if (!PageSwapCache(page) || PageWriteback(page) || page_swapcount(page))
		return false;
	delete_from_swap_cache(page);
	SetPageDirty(page);
	return true;
}

/*
 * A swap PTE went (unmap, exit): drop its count, and if only the cache
 * holds the slot now and its page is mapped nowhere, drop that too.
 * Linux: free_swap_and_cache() -> __try_to_reclaim_swap()
 */
void free_swap_and_cache(swp_entry_t entry)
{
	struct swap_info_struct *si = swp_swap_info(entry);
	struct page *page;

	swap_free(entry);
	if (!si || si->swap_map[swp_offset(entry)] != SWAP_HAS_CACHE)
		return;
	page = lookup_swap_cache(entry);
	if (!page)
		return;
	if (trylock_page(page)) {
		if (!page_mapped(page))
			try_to_free_swap(page);
		unlock_page(page);
	}
	put_page(page);
}

/*
 * A page just unmapped for good (unmap, exit): if it sits in the swap
 * cache with no mapping left and no swap PTE, drop it from the cache so
 * the slot is freed with it. Linux: free_swap_cache() (from
 * free_pages_and_swap_cache, as the unmapping's TLB batch is freed)
 */
void free_swap_cache(struct page *page)
{
	if (PageSwapCache(page) && !page_mapped(page) && trylock_page(page)) {
		try_to_free_swap(page);
		unlock_page(page);
	}
}

/*
 * The cache page of entry, found or made: a new one is locked, on the
 * LRU and still to be read (*new_page_allocated). NULL when the slot
 * was freed meanwhile or memory ran out. Linux: __read_swap_cache_async()
 */
struct page *__read_swap_cache_async(swp_entry_t entry, gfp_t gfp, bool *new_page_allocated)
{
	struct page *page;
	int err;

	*new_page_allocated = false;
	for (;;) {
		page = lookup_swap_cache(entry);
		if (page)
			return page;
		if (!__swap_count(entry))
			return NULL;	/* freed: nothing to read */
		page = alloc_page(gfp);
		if (!page)
			return NULL;
		err = swapcache_prepare(entry);
		if (!err)
			break;
		__free_page(page);
		if (err != -EEXIST)
			return NULL;
		/* Another task is adding it and sleeps: let it finish. */
		schedule_timeout_uninterruptible(1);
	}
	__SetPageLocked(page);
	__SetPageSwapBacked(page);
	if (add_to_swap_cache(page, entry, gfp)) {
		put_swap_page(page, entry);
		__ClearPageLocked(page);
		__free_page(page);
		return NULL;
	}
	lru_cache_add(page);
	*new_page_allocated = true;
	return page;
}

/*
 * Swap readahead. A fault on a swapped-out page reads its neighbours on
 * the disk too, in one aligned block of up to 1 << page_cluster slots,
 * betting that pages swapped out together are wanted together. The
 * neighbours are read asynchronously and marked PG_readahead; a fault
 * that then finds one in the swap cache is a readahead hit, and the
 * hits since the last read decide the next block's size
 * (swapin_nr_pages).
 *
 * 6.1 has a second kind, swap_vma_readahead, which reads the pages
 * around the faulting address in the VMA instead; swapin_readahead
 * takes it only when no rotational disk is swapped on
 * (swap_use_vma_readahead). Faultline's one kind of swap disk,
 * virtio-blk, is rotational (so is the oracle VM's: its
 * /sys/block/vda/queue/rotational is 1), so Faultline leaves the VMA
 * kind out.
 */
int page_cluster = 3;	/* Linux: mm/swap.c swap_setup(), vm.page-cluster (more than 16 MiB of memory) */
/*
 * Readahead hits since the last read, started at 4 as in Linux (so the
 * first swap-in reads a full block). Linux keeps it (and
 * swapin_nr_pages' statics) atomic for its CPUs; Faultline has one.
 */
static int swapin_readahead_hits = 4;

/*
 * The cached page of entry, with a reference, or NULL; a readahead
 * page's first lookup counts a hit. Linux: swap_cache_get_folio()
 * (without its VMA readahead bookkeeping: see above)
 */
struct page *swap_cache_get_page(swp_entry_t entry)
{
	struct page *page = lookup_swap_cache(entry);

	if (page && TestClearPageReadahead(page)) {
		count_vm_event(SWAP_RA_HIT);
		swapin_readahead_hits++;
	}
	return page;
}

/*
 * How many slots to read: hits + 2, rounded up to a power of two from
 * 4; with no hits to judge by, 2 if this fault is next to the last one
 * that had none, else 1; at most max_pages, and no less than half the
 * last block (it shrinks slowly). Linux: __swapin_nr_pages()
 */
static unsigned int __swapin_nr_pages(unsigned long prev_offset, unsigned long offset,
				      unsigned int hits, unsigned int max_pages,
				      unsigned int prev_win)
{
	unsigned int pages = hits + 2, roundup = 4;

	if (pages == 2) {
		if (offset != prev_offset + 1 && offset != prev_offset - 1)
			pages = 1;
	} else {
		while (roundup < pages)
			roundup <<= 1;
		pages = roundup;
	}
	if (pages > max_pages)
		pages = max_pages;
	if (pages < prev_win / 2)
		pages = prev_win / 2;
	return pages;
}

/* The block size for a fault at offset, taking the hits so far. Linux: swapin_nr_pages() */
static unsigned long swapin_nr_pages(unsigned long offset)
{
	static unsigned long prev_offset;
	static unsigned int last_readahead_pages;
	unsigned int hits, pages, max_pages = 1U << min(page_cluster, 30);	/* no shift past the int */

	if (max_pages <= 1)
		return 1;
	hits = (unsigned int)swapin_readahead_hits;
	swapin_readahead_hits = 0;
	pages = __swapin_nr_pages(prev_offset, offset, hits, max_pages, last_readahead_pages);
	if (!hits)
		prev_offset = offset;
	last_readahead_pages = pages;
	return pages;
}

/*
 * Read a new, locked cache page (synchronously: wait for it). A read
 * that could not be sent (no memory for its bio) leaves the page
 * unlocked and not uptodate: it leaves the cache, so that a fault reads the slot again
 * rather than find a page never filled (and give SIGBUS). Faultline
 * differs: 6.1's bio comes from a mempool and is always had.
 */
static int swap_read_or_drop(struct page *page, bool synchronous)
{
	int err = swap_readpage(page, synchronous);

	/* a synchronous read that was sent and failed keeps its page: the caller sees !uptodate */
	if (!err || (synchronous && err != -ENOMEM))
		return 0;
	lock_page(page);
	if (PageSwapCache(page) && !PageUptodate(page))
		delete_from_swap_cache(page);
	unlock_page(page);
	return err;
}

/*
 * entry's page, read in if it was not in the cache (synchronously when
 * asked). Returns it with a reference, unlocked once read; NULL when
 * memory ran out (for the page, or to send its read).
 * Linux: read_swap_cache_async()
 */
struct page *read_swap_cache_async(swp_entry_t entry, gfp_t gfp, bool synchronous)
{
	bool new;
	struct page *page = __read_swap_cache_async(entry, gfp, &new);

	if (!page || !new)
		return page;
	if (swap_read_or_drop(page, synchronous)) {
		put_page(page);
		return NULL;
	}
	return page;
}

/*
 * Send the read of a run of new, locked cache pages of neighbouring
 * slots, and drop the caller's references. A run whose read could not
 * be sent leaves the cache (as swap_read_or_drop).
 */
static void swap_read_run(struct page **run, unsigned int *nr)
{
	bool sent = *nr && !swap_readpage_run(run, *nr);

	for (unsigned int i = 0; i < *nr; i++) {
		if (!sent) {
			delete_from_swap_cache(run[i]);
			unlock_page(run[i]);
		}
		put_page(run[i]);
	}
	*nr = 0;
}

/*
 * entry's page, with a reference, after starting the reads of the
 * aligned block of slots around it (the header page left out): each
 * slot in use and not cached gets a new cache page, the neighbours
 * marked PG_readahead, and each run of new pages is read
 * asynchronously in one request. A block of one is read synchronously.
 * NULL when memory ran out for entry's page or its slot was freed
 * meanwhile. Linux: swap_cluster_readahead() (whose block plug merges
 * the runs' one-page bios: see swap_readpage_run)
 */
struct page *swap_cluster_readahead(swp_entry_t entry, gfp_t gfp)
{
	unsigned long entry_offset = swp_offset(entry), offset;
	unsigned long mask = swapin_nr_pages(entry_offset) - 1, start_offset, end_offset;
	struct swap_info_struct *si = swp_swap_info(entry);
	struct page *page, *run[BIO_MAX_VECS];
	unsigned int nr = 0;
	bool page_allocated;

	if (!mask || !si)
		return read_swap_cache_async(entry, gfp, true);
	start_offset = entry_offset & ~mask;
	end_offset = entry_offset | mask;
	if (!start_offset)	/* the header */
		start_offset++;
	if (end_offset >= si->max)
		end_offset = si->max - 1;
	for (offset = start_offset; offset <= end_offset; offset++) {
		page = __read_swap_cache_async(swp_entry(swp_type(entry), offset), gfp,
					       &page_allocated);
		if (!page || !page_allocated) {
			swap_read_run(run, &nr);	/* the run ends here */
			if (page)
				put_page(page);
			continue;
		}
		/* marked before the read: the interrupt ending it changes the flags too */
		if (offset != entry_offset) {
			SetPageReadahead(page);
			count_vm_event(SWAP_RA);
		}
		run[nr++] = page;
		if (nr == BIO_MAX_VECS)
			swap_read_run(run, &nr);
	}
	swap_read_run(run, &nr);
	lru_add_drain();	/* the new pages onto the LRU lists now */
	return read_swap_cache_async(entry, gfp, false);
}

/*
 * Read entry's page in, and its neighbours on the disk with it.
 * Linux: swapin_readahead() (which takes swap_vma_readahead instead
 * when no rotational disk is swapped on: never, in Faultline)
 */
struct page *swapin_readahead(swp_entry_t entry, gfp_t gfp)
{
	return swap_cluster_readahead(entry, gfp);
}
