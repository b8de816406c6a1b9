// SPDX-License-Identifier: GPL-2.0
/*
 * swapoff's hard part: bring every page of a swap area back into memory,
 * put it back in each page table whose swap PTE points at its slot, and
 * empty the area's swap cache, so that no slot is in use.
 * Linux: mm/swapfile.c (try_to_unuse, unuse_mm, unuse_pte_range,
 * unuse_pte)
 *
 * Faultline differs in the order of the work, not its result: Linux
 * walks each mm's page tables and reads a page in (with readahead) as it
 * meets its swap PTE, relocking the page table after each sleep.
 * Faultline walks the area a cluster (512 slots) at a time: first it
 * reads the cluster's slots into the swap cache (sleeping on the disk),
 * then, without sleeping, walks every mm and maps the cached pages where
 * their swap PTEs are, so that no page table can change under the walk.
 * tmpfs pages come back first, into their files (shmem_unuse, as Linux).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/pagemap.h>
#include <linux/pagewalk.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/sched.h>
#include <linux/signal.h>

struct unuse_walk {
	unsigned int type;
	unsigned long first, last;	/* the slots of this cluster */
	unsigned long done;		/* swap PTEs replaced */
};

/*
 * One swap PTE of the cluster back to its page, as do_swap_page maps it,
 * but never writable: a later write fault decides on COW. Linux: unuse_pte()
 */
static void unuse_pte(struct vm_area_struct *vma, pte_t *pte, unsigned long addr,
		      swp_entry_t entry, struct page *page)
{
	pte_t new_pte = pte_mkold(mk_pte(page, vma->vm_page_prot));

	dec_mm_counter(vma->vm_mm, MM_SWAPENTS);
	inc_mm_counter(vma->vm_mm, MM_ANONPAGES);
	get_page(page);
	page_add_anon_rmap(page, vma, addr, pte_swp_exclusive(*pte));
	if (pte_swp_soft_dirty(*pte))
		new_pte = pte_mksoft_dirty(new_pte);
	if (pte_swp_uffd_wp(*pte))
		new_pte = pte_wrprotect(pte_mkuffd_wp(new_pte));
	set_pte(pte, new_pte);
	swap_free(entry);
}

/* Linux: unuse_pte_range(), for the slots of one cluster whose pages are cached */
static int unuse_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			   struct mm_walk *walk)
{
	struct unuse_walk *uw = walk->private;
	swp_entry_t entry;
	struct page *page;

	(void)next;
	if (!is_swap_pte(*pte))
		return 0;
	entry = pte_to_swp_entry(*pte);
	if (swp_type(entry) != uw->type || swp_offset(entry) < uw->first ||
	    swp_offset(entry) > uw->last)
		return 0;
	page = lookup_swap_cache(entry);
	if (!page)
		return 0;	/* not read (no memory): the next round */
	if (trylock_page(page)) {
		if (PageUptodate(page)) {
			unuse_pte(walk->vma, pte, addr, entry, page);
			uw->done++;
		}
		unlock_page(page);
	}
	put_page(page);
	return 0;
}

static const struct mm_walk_ops unuse_walk_ops = {
	.pte_entry = unuse_pte_entry,
};

/* Every anonymous part of every address space. Linux: unuse_mm() over the mmlist */
static void unuse_all_mms(struct unuse_walk *uw)
{
	struct mm_struct *mm;

	list_for_each_entry(mm, &mm_list, mmlist) {
		struct vm_area_struct *vma;

		for (vma = mm->mmap; vma; vma = vma->vm_next)
			if (vma->anon_vma)
				walk_page_vma(vma, &unuse_walk_ops, uw);
	}
}

/*
 * The cluster's slots still in use, read into the swap cache (waited
 * for). -ENOMEM when a page could not be had.
 */
static int read_cluster(struct swap_info_struct *si, unsigned long first, unsigned long last)
{
	for (unsigned long i = first; i <= last; i++) {
		unsigned char count = si->swap_map[i];
		struct page *page;

		/* free, bad, or only the cache's (free_cluster_cache's work) */
		if (!swap_count(count) || count == SWAP_MAP_BAD)
			continue;
		page = read_swap_cache_async(swp_entry(si->type, i), GFP_HIGHUSER_MOVABLE, true);
		if (!page)
			return -ENOMEM;
		put_page(page);
	}
	return 0;
}

/*
 * Drop the cluster's pages from the swap cache once no swap PTE needs
 * them (waiting for a write to end); each keeps its data in memory,
 * dirty. Linux: the find_next_to_unuse() loop of try_to_unuse()
 */
static void free_cluster_cache(struct swap_info_struct *si, unsigned long first, unsigned long last)
{
	for (unsigned long i = first; i <= last; i++) {
		struct page *page;

		if (si->swap_map[i] != SWAP_HAS_CACHE)
			continue;
		page = lookup_swap_cache(swp_entry(si->type, i));
		if (!page)
			continue;
		lock_page(page);
		wait_on_page_writeback(page);
		try_to_free_swap(page);
		unlock_page(page);
		put_page(page);
	}
}

/*
 * Empty swap area type: 0, -ENOMEM when pages could not be brought back,
 * -EINTR when a signal came meanwhile, -EBUSY when a round freed nothing
 * (swapoff then keeps the area).
 * Linux: try_to_unuse()
 */
int try_to_unuse(unsigned int type)
{
	struct swap_info_struct *si = swap_info[type];
	unsigned int before;

	while (si->inuse_pages) {
		int error;

		before = si->inuse_pages;
		error = shmem_unuse(type);
		if (error)
			return error;
		for (unsigned long first = 1; first < si->max && si->inuse_pages;
		     first += SWAPFILE_CLUSTER) {
			unsigned long last = min(first + SWAPFILE_CLUSTER, (unsigned long)si->max) - 1;
			struct unuse_walk uw = { .type = type, .first = first, .last = last };
			int err = read_cluster(si, first, last);

			if (err)
				return err;
			unuse_all_mms(&uw);
			free_cluster_cache(si, first, last);
			if (signal_pending(current))
				return -EINTR;
		}
		/*
		 * No progress: some slot is held by nobody we can find. Linux
		 * tries again until a signal comes; Faultline gives up, and
		 * swapoff keeps the area.
		 */
		if (si->inuse_pages >= before)
			return -EBUSY;
	}
	return 0;
}
