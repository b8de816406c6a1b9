// SPDX-License-Identifier: GPL-2.0
/*
 * What reclaim asks of the reverse map: has anyone used this page lately
 * (page_referenced), and take it out of every page table that maps it
 * (try_to_unmap). Both visit each PTE through the one rmap walk
 * (mm/rmap.c rmap_walk, page_vma_mapped_walk). Linux: mm/rmap.c
 * (folio_referenced, try_to_unmap)
 *
 * Locking: Linux holds the anon_vma's (or the file's i_mmap) lock for
 * the walk and each PTE table's lock per PTE; one CPU and no preemption
 * need neither. TLB flushes are per page (Linux batches them).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/pagemap.h>
#include <asm/tlbflush.h>
#include "internal.h"

struct page_referenced_arg {
	int mapcount;		/* mappings still to visit */
	int referenced;		/* VMAs where a PTE was young */
	unsigned long vm_flags;	/* their flags, VM_LOCKED if a locked VMA maps it */
};

/*
 * Clear the accessed bit of each PTE vma maps page with, counting the
 * young ones (not in a MADV_SEQUENTIAL VMA: read once, not in use). A
 * locked VMA stops the walk: the page is not to be reclaimed at all.
 * Linux: folio_referenced_one() (x86 clears the bit without a TLB
 * flush: a stale TLB entry only delays the next setting)
 */
static bool page_referenced_one(struct page *page, struct vm_area_struct *vma,
				unsigned long address, void *arg)
{
	struct page_referenced_arg *pra = arg;
	DEFINE_PAGE_VMA_WALK(pvmw, page, vma, address, 0);
	int referenced = 0;

	while (page_vma_mapped_walk(&pvmw)) {
		if (vma->vm_flags & VM_LOCKED) {
			mlock_vma_page(page, vma);
			pra->vm_flags |= VM_LOCKED;
			return false;
		}
		if (pte_young(*pvmw.pte)) {
			set_pte(pvmw.pte, pte_mkold(*pvmw.pte));
			if (!(vma->vm_flags & VM_SEQ_READ))
				referenced++;
		}
		pra->mapcount--;
	}
	if (referenced) {
		pra->referenced++;
		pra->vm_flags |= vma->vm_flags & ~VM_LOCKED;
	}
	return pra->mapcount > 0;
}

/*
 * How many of the VMAs mapping page found it young since the last look
 * (clearing the bits as it goes); *vm_flags gathers their flags.
 * is_locked: the caller holds the page lock (else a file page is
 * locked here, as Linux does, to keep its mapping). Linux: folio_referenced()
 */
int page_referenced(struct page *page, int is_locked, unsigned long *vm_flags)
{
	struct page_referenced_arg pra = { .mapcount = page_mapcount(page) };
	struct rmap_walk_control rwc = { .rmap_one = page_referenced_one, .arg = &pra };
	bool we_locked = false;

	*vm_flags = 0;
	if (!pra.mapcount || !page->mapping)
		return 0;
	if (!is_locked && !PageAnon(page)) {
		we_locked = trylock_page(page);
		if (!we_locked)
			return 1;
	}
	rmap_walk(page, &rwc);
	*vm_flags = pra.vm_flags;
	if (we_locked)
		unlock_page(page);
	return pra.referenced;
}

/*
 * The PTE that mapped an anonymous page becomes its swap entry: the slot
 * gains a count, the mm an MM_SWAPENTS for its MM_ANONPAGES, and the
 * soft-dirty, uffd-wp and exclusive bits move into the swap PTE.
 * false (the PTE restored) if the slot's count cannot grow.
 */
static bool unmap_to_swap(struct page *page, struct vm_area_struct *vma, pte_t *ptep,
			  pte_t pteval, bool anon_exclusive)
{
	swp_entry_t entry = { page_private(page) };
	pte_t swp_pte;

	if (swap_duplicate(entry) < 0) {
		set_pte(ptep, pteval);
		return false;
	}
	if (anon_exclusive)
		ClearPageAnonExclusive(page);	/* Linux: page_try_share_anon_rmap() */
	dec_mm_counter(vma->vm_mm, MM_ANONPAGES);
	inc_mm_counter(vma->vm_mm, MM_SWAPENTS);
	swp_pte = swp_entry_to_pte(entry);
	if (anon_exclusive)
		swp_pte = pte_swp_mkexclusive(swp_pte);
	if (pte_soft_dirty(pteval))
		swp_pte = pte_swp_mksoft_dirty(swp_pte);
	if (pte_uffd_wp(pteval))
		swp_pte = pte_swp_mkuffd_wp(swp_pte);
	set_pte(ptep, swp_pte);
	return true;
}

/*
 * Unmap page from vma. An anonymous page must be in the swap cache (its
 * PTE becomes the slot's swap entry), unless it is lazily free (MADV_FREE,
 * !PG_swapbacked): then, clean and used by nobody else, it is simply
 * dropped, and dirtied again it goes back to being swap-backed. A file
 * (tmpfs) page's PTE is just cleared: the page cache still finds it.
 * A locked VMA stops the walk. Linux: try_to_unmap_one()
 */
static bool try_to_unmap_one(struct page *page, struct vm_area_struct *vma,
			     unsigned long address, void *arg)
{
	/* LAB reclaim: unmap-one BEGIN */
	DEFINE_PAGE_VMA_WALK(pvmw, page, vma, address, 0);
	bool *failed = arg;

	while (page_vma_mapped_walk(&pvmw)) {
		bool anon_exclusive = PageAnon(page) && PageAnonExclusive(page);
		pte_t pteval;

		if (vma->vm_flags & VM_LOCKED) {
			mlock_vma_page(page, vma);
			*failed = true;
			return false;
		}
		pteval = *pvmw.pte;
		pte_clear(pvmw.pte);
		flush_tlb_page(vma, pvmw.address);
		if (pte_dirty(pteval))
			set_page_dirty(page);
		if (PageAnon(page) && !PageSwapBacked(page)) {
			/* reclaim's reference and the maps': nobody else holds it */
			if (page_ref_count(page) == 1 + page_mapcount(page) &&
			    !PageDirty(page)) {
				dec_mm_counter(vma->vm_mm, MM_ANONPAGES);
				goto discard;
			}
			set_pte(pvmw.pte, pteval);
			SetPageSwapBacked(page);
			*failed = true;
			return false;
		}
		if (PageAnon(page)) {
			if (WARN_ON_ONCE(!PageSwapCache(page))) {
				set_pte(pvmw.pte, pteval);
				*failed = true;
				return false;
			}
			if (!unmap_to_swap(page, vma, pvmw.pte, pteval, anon_exclusive)) {
				*failed = true;
				return false;
			}
		} else {
			dec_mm_counter(vma->vm_mm, mm_counter_file(page));
		}
discard:
		page_remove_rmap(page, vma);
		put_page(page);
	}
	return true;
	/* LAB reclaim: unmap-one END */
}

static int page_not_mapped(struct page *page)
{
	return !page_mapped(page);
}

/*
 * Take the locked page out of every page table. true if it is mapped
 * nowhere afterwards. Linux: try_to_unmap() (whose flags Faultline's one
 * caller, reclaim, does not need: no migration, no huge pages)
 */
bool try_to_unmap(struct page *page)
{
	bool failed = false;
	struct rmap_walk_control rwc = {
		.rmap_one = try_to_unmap_one,
		.arg = &failed,
		.done = page_not_mapped,
	};

	VM_BUG_ON(!PageLocked(page));
	rmap_walk(page, &rwc);
	return !page_mapped(page);
}
