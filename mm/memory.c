// SPDX-License-Identifier: GPL-2.0
/*
 * Demand paging: the page-fault handler for user address spaces, and the
 * allocation of the page tables on the way. Linux: mm/memory.c
 *
 * handle_pte_fault() is a table of cases:
 *
 *   PTE empty, anonymous VMA    do_anonymous_page  read: the shared zero
 *                                                  page; write: a new page
 *                                                  (registered with a
 *                                                  userfaultfd for missing
 *                                                  pages: handle_userfault)
 *   PTE empty, file VMA         do_fault           read: the cache page
 *                                                  (and its neighbours);
 *                                                  private write: a copy;
 *                                                  shared write: the cache
 *                                                  page, dirtied
 *   PTE holds a swap entry      do_swap_page       (with swap)
 *   write to a read-only PTE    do_wp_page         copy-on-write, or reuse
 *                                                  a page only we map (a
 *                                                  PTE userfaultfd write-
 *                                                  protects: handle_userfault)
 *   anything else               the PTE was fine: mark it young (and dirty)
 *
 * Each mapping of a page takes a page reference and a map count; counters
 * (rss_stat, NR_*_MAPPED) follow. Unmapping is in mm/zap.c.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/rmap.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/pagemap.h>
#include <linux/userfaultfd_k.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include "fault_trace.h"

/* Fault-around maps up to 64 KiB of cached pages (Linux's default). */
unsigned long fault_around_bytes = 65536;

/* --- page tables (the allocators: mm/pgalloc.c) --- */

static int pte_alloc(struct mm_struct *mm, pmd_t *pmd)
{
	return pmd_none(*pmd) ? __pte_alloc(mm, pmd) : 0;
}

/*
 * The struct page behind a PTE, or NULL for a "special" mapping that has
 * none to count: the shared zero page. Linux: vm_normal_page()
 */
struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	unsigned long pfn = pte_pfn(pte);

	(void)vma;
	(void)addr;
	if (pte_special(pte) || is_zero_pfn(pfn))
		return NULL;
	return pfn_to_page(pfn);
}

static pte_t maybe_mkwrite(pte_t pte, struct vm_area_struct *vma)
{
	return (vma->vm_flags & VM_WRITE) ? pte_mkwrite(pte) : pte;
}

static pgoff_t min3_pgoff(pgoff_t a, pgoff_t b, pgoff_t c)
{
	return min(a, min(b, c));
}

static struct page *alloc_zeroed_user_page(void)
{
	return alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_ZERO);
}

/* --- empty PTE, anonymous VMA --- */

/* LAB demand: eager-helper */
/*
 * The first touch of a page of an anonymous VMA (the PTE is empty). A
 * read maps the shared zero page, read-only and special (no struct page
 * to count); a write gets a new zeroed page of its own: counted in the
 * mm's rss, added to the rmap (page_add_new_anon_rmap) and the inactive
 * anon LRU list (unevictable in a locked VMA), mapped writable and dirty. A shared anonymous VMA is a tmpfs file and never comes
 * here. Linux: do_anonymous_page() (which also charges the memcg,
 * handles userfaultfd and takes the PTE table's lock before checking
 * the PTE is still empty)
 */
static vm_fault_t do_anonymous_page(struct vm_fault *vmf)
{
	/* LAB demand: anon-fault BEGIN */
	struct vm_area_struct *vma = vmf->vma;
	struct page *page;
	pte_t entry;

	if (vma->vm_flags & VM_SHARED)
		return VM_FAULT_SIGBUS;
	if (pte_alloc(vma->vm_mm, vmf->pmd))
		return VM_FAULT_OOM;
	/* Linux: pte_offset_map_lock() takes the PTE table's lock (vmf->ptl) here. */
	vmf->pte = pte_offset_kernel(vmf->pmd, vmf->address);

	if (!(vmf->flags & FAULT_FLAG_WRITE)) {
		/* A read: every untouched page reads as the one zero page. */
		entry = pte_mkspecial(pfn_pte(page_to_pfn(ZERO_PAGE(0)), vma->vm_page_prot));
		set_pte(vmf->pte, entry);
		vmf->fault_case = FAULT_ZERO_PAGE;
		return 0;
	}
	if (anon_vma_prepare(vma))
		return VM_FAULT_OOM;
	page = alloc_zeroed_user_page();
	if (!page)
		return VM_FAULT_OOM;
	if (!pte_none(*vmf->pte)) {
		/* another thread mapped it while reclaim made room for us */
		put_page(page);
		return 0;
	}
	SetPageUptodate(page);
	entry = mk_pte(page, vma->vm_page_prot);
	entry = maybe_mkwrite(pte_mkdirty(entry), vma);
	inc_mm_counter(vma->vm_mm, MM_ANONPAGES);
	page_add_new_anon_rmap(page, vma, vmf->address);
	lru_cache_add_inactive_or_unevictable(page, vma);
	set_pte(vmf->pte, entry);
	vmf->fault_case = FAULT_ANON_NEW;
	return 0;
	/* LAB demand: anon-fault END */
}

/* --- empty PTE, file VMA --- */

/*
 * Install the PTE for page at addr in vmf->pte, the reference already
 * taken for it. A private write maps the copy as anonymous memory; all
 * else maps the cache page. Linux: do_set_pte()
 */
void do_set_pte(struct vm_fault *vmf, struct page *page, unsigned long addr)
{
	struct vm_area_struct *vma = vmf->vma;
	bool write = vmf->flags & FAULT_FLAG_WRITE;
	pte_t entry = mk_pte(page, vma->vm_page_prot);

	if (write && addr == vmf->address)
		entry = maybe_mkwrite(pte_mkdirty(entry), vma);
	if (write && addr == vmf->address && !(vma->vm_flags & VM_SHARED)) {
		inc_mm_counter(vma->vm_mm, MM_ANONPAGES);
		page_add_new_anon_rmap(page, vma, addr);
		lru_cache_add_inactive_or_unevictable(page, vma);
	} else {
		inc_mm_counter(vma->vm_mm, mm_counter_file(page));
		page_add_file_rmap(page, vma);
	}
	set_pte(vmf->pte, entry);
}

/*
 * What ends a fault without a page to map: an error, a PTE installed
 * already (NOPAGE), or a sleep after which the fault starts over (RETRY:
 * userfaultfd). Linux: the test after each __do_fault() call
 */
#define VM_FAULT_NO_PAGE_TO_MAP	(VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY)

/* Ask the file for the page (locked, referenced). Linux: __do_fault() */
static vm_fault_t __do_fault(struct vm_fault *vmf)
{
	vm_fault_t ret = vmf->vma->vm_ops->fault(vmf);

	if (ret & VM_FAULT_NO_PAGE_TO_MAP)
		return ret;
	if (!(ret & VM_FAULT_LOCKED))
		lock_page(vmf->page);
	return ret;
}

/* Map vmf->cow_page (private write) or vmf->page. Linux: finish_fault() */
static vm_fault_t finish_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	bool cow = (vmf->flags & FAULT_FLAG_WRITE) && !(vma->vm_flags & VM_SHARED);
	struct page *page = cow ? vmf->cow_page : vmf->page;

	if (pte_alloc(vma->vm_mm, vmf->pmd))
		return VM_FAULT_OOM;
	/* Linux: pte_offset_map_lock(): the PTE table's lock, then the recheck. */
	vmf->pte = pte_offset_kernel(vmf->pmd, vmf->address);
	if (!pte_none(*vmf->pte))
		return VM_FAULT_NOPAGE;		/* fault-around got here first */
	do_set_pte(vmf, page, vmf->address);
	return 0;
}

/*
 * Before reading a page, map the cached pages around it: a window of
 * fault_around_bytes, aligned, clipped to the VMA and the PTE table.
 * Linux: do_fault_around()
 */
static vm_fault_t do_fault_around(struct vm_fault *vmf)
{
	/* LAB demand: fault-around BEGIN */
	struct vm_area_struct *vma = vmf->vma;
	unsigned long nr_pages = fault_around_bytes >> PAGE_SHIFT;
	unsigned long mask = ~(nr_pages * PAGE_SIZE - 1) & PAGE_MASK;
	unsigned long address = max(vmf->address & mask, vma->vm_start);
	pgoff_t start_pgoff = vmf->pgoff - ((vmf->address - address) >> PAGE_SHIFT);
	pgoff_t end_pgoff = start_pgoff - ((address >> PAGE_SHIFT) & (PTRS_PER_PTE - 1)) +
			    PTRS_PER_PTE - 1;

	end_pgoff = min3_pgoff(end_pgoff, vma_pages(vma) + vma->vm_pgoff - 1,
			       start_pgoff + nr_pages - 1);
	if (pte_alloc(vma->vm_mm, vmf->pmd))
		return VM_FAULT_OOM;
	vmf->pte = pte_offset_kernel(vmf->pmd, vmf->address);
	return vma->vm_ops->map_pages(vmf, start_pgoff, end_pgoff);
	/* LAB demand: fault-around END */
}

static vm_fault_t do_read_fault(struct vm_fault *vmf)
{
	vm_fault_t ret;

	if (vmf->vma->vm_ops->map_pages && fault_around_bytes >> PAGE_SHIFT > 1 &&
	    !uffd_disable_fault_around(vmf->vma)) {
		ret = do_fault_around(vmf);
		if (ret) {
			vmf->fault_case = FAULT_FILE_CACHE;
			return ret;
		}
	}
	ret = __do_fault(vmf);
	if (ret & VM_FAULT_NO_PAGE_TO_MAP)
		return ret;
	ret |= finish_fault(vmf);
	unlock_page(vmf->page);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))
		put_page(vmf->page);
	vmf->fault_case = FAULT_FILE_CACHE;
	return ret;
}

/* A private write to a file page never mapped: copy it. Linux: do_cow_fault() */
static vm_fault_t do_cow_fault(struct vm_fault *vmf)
{
	vm_fault_t ret;

	if (anon_vma_prepare(vmf->vma))
		return VM_FAULT_OOM;
	vmf->cow_page = alloc_page(GFP_HIGHUSER_MOVABLE);
	if (!vmf->cow_page)
		return VM_FAULT_OOM;
	ret = __do_fault(vmf);
	if (ret & VM_FAULT_NO_PAGE_TO_MAP) {
		put_page(vmf->cow_page);
		return ret;
	}
	copy_page(page_address(vmf->cow_page), page_address(vmf->page));
	SetPageUptodate(vmf->cow_page);
	ret |= finish_fault(vmf);
	unlock_page(vmf->page);
	put_page(vmf->page);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))
		put_page(vmf->cow_page);
	vmf->fault_case = FAULT_FILE_COPY;
	return ret;
}

/* A shared write: map the cache page writable and dirty it. Linux: do_shared_fault() */
static vm_fault_t do_shared_fault(struct vm_fault *vmf)
{
	vm_fault_t ret = __do_fault(vmf);

	if (ret & VM_FAULT_NO_PAGE_TO_MAP)
		return ret;
	ret |= finish_fault(vmf);
	if (!(ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE)))
		set_page_dirty(vmf->page);
	unlock_page(vmf->page);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))
		put_page(vmf->page);
	vmf->fault_case = FAULT_SHARED_WRITE;
	return ret;
}

static vm_fault_t do_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;

	if (!vma->vm_ops->fault)
		return VM_FAULT_SIGBUS;
	if (!(vmf->flags & FAULT_FLAG_WRITE))
		return do_read_fault(vmf);
	if (!(vma->vm_flags & VM_SHARED))
		return do_cow_fault(vmf);
	return do_shared_fault(vmf);
}

/* --- write to a write-protected PTE --- */

/* Only we map this page: make the PTE writable. Linux: wp_page_reuse() */
static vm_fault_t wp_page_reuse(struct vm_fault *vmf)
{
	pte_t entry = pte_mkyoung(vmf->orig_pte);

	entry = maybe_mkwrite(pte_mkdirty(entry), vmf->vma);
	set_pte(vmf->pte, entry);
	flush_tlb_page(vmf->vma, vmf->address);
	count_vm_event(PGREUSE);
	vmf->fault_case = FAULT_COW_REUSE;
	return 0;
}

/*
 * Copy-on-write: map a private copy of the page (a zeroed page for the
 * zero page) in place of the shared one. Linux: wp_page_copy()
 */
static vm_fault_t wp_page_copy(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	struct page *old_page = vmf->page, *new_page;
	pte_t entry;

	if (anon_vma_prepare(vma))
		goto oom;
	if (!old_page) {
		new_page = alloc_zeroed_user_page();
	} else {
		new_page = alloc_page(GFP_HIGHUSER_MOVABLE);
		if (new_page)
			copy_page(page_address(new_page), page_address(old_page));
	}
	if (!new_page)
		goto oom;
	SetPageUptodate(new_page);
	/*
	 * The allocation may have reclaimed, and reclaim may have unmapped
	 * old_page here (its PTE now a swap entry); or another thread got
	 * here first. Then this fault is moot: let the access fault again.
	 * Linux: the pte_same() check under the PTE lock
	 */
	if (!pte_same(*vmf->pte, vmf->orig_pte)) {
		put_page(new_page);
		if (old_page)
			put_page(old_page);
		return 0;
	}

	if (old_page) {
		if (!PageAnon(old_page)) {
			dec_mm_counter(mm, mm_counter_file(old_page));
			inc_mm_counter(mm, MM_ANONPAGES);
		}
	} else {
		inc_mm_counter(mm, MM_ANONPAGES);
	}
	entry = mk_pte(new_page, vma->vm_page_prot);
	entry = maybe_mkwrite(pte_mkdirty(entry), vma);
	pte_clear(vmf->pte);
	flush_tlb_page(vma, vmf->address);
	page_add_new_anon_rmap(new_page, vma, vmf->address);
	lru_cache_add_inactive_or_unevictable(new_page, vma);
	set_pte(vmf->pte, entry);
	if (old_page) {
		page_remove_rmap(old_page, vma);
		put_page(old_page);	/* the mapping's reference */
		put_page(old_page);	/* ours, from do_wp_page */
	}
	vmf->fault_case = FAULT_COW_COPY;
	return 0;
oom:
	if (old_page)
		put_page(old_page);
	return VM_FAULT_OOM;
}

/*
 * A write to a present, read-only PTE of a writable VMA. Shared: the page
 * is ours to write (make it writable, dirty it). Private anonymous: reuse
 * it if it is exclusive to us or we hold its only reference, as Linux 6.1
 * decides; otherwise, and for file pages and the zero page, copy.
 * Linux: do_wp_page()
 */
static vm_fault_t do_wp_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page = vm_normal_page(vma, vmf->address, vmf->orig_pte);

	/* Write-protected by userfaultfd: the monitor's to allow. */
	if (userfaultfd_pte_wp(vma, vmf->orig_pte))
		return handle_userfault(vmf, VM_UFFD_WP);
	vmf->page = page;
	if (vma->vm_flags & (VM_SHARED | VM_MAYSHARE)) {
		if (page)
			set_page_dirty(page);
		wp_page_reuse(vmf);
		vmf->fault_case = FAULT_SHARED_WRITE;
		return 0;
	}
	/* LAB cow: wp-reuse BEGIN */
	if (page && PageAnon(page)) {
		if (PageAnonExclusive(page))
			return wp_page_reuse(vmf);
		if (page_ref_count(page) == 1) {
			page_move_anon_rmap(page, vma);
			return wp_page_reuse(vmf);
		}
	}
	/* LAB cow: wp-reuse END */
	if (page)
		get_page(page);
	return wp_page_copy(vmf);
}

/*
 * Drop the swap cache's copy now? When swap is over half full, when the
 * page is to stay in memory (mlocked), or when a write will want it for
 * ourselves alone (only our reference and the cache's).
 * Linux: should_try_to_free_swap(), vm_swap_full() (no memory cgroups)
 */
static bool should_try_to_free_swap(struct page *page, struct vm_area_struct *vma,
				    unsigned int fault_flags)
{
	if (!PageSwapCache(page))
		return false;
	if ((long)get_nr_swap_pages() * 2 < total_swap_pages ||
	    (vma->vm_flags & VM_LOCKED) || PageMlocked(page))
		return true;
	return (fault_flags & FAULT_FLAG_WRITE) && page_ref_count(page) == 2;
}

/*
 * The page of a swap PTE's slot, with a reference and locked: from the
 * swap cache, or read in (a major fault). NULL when memory ran out, or
 * the slot was freed meanwhile (then *ret stays 0: the PTE changed), or
 * the page was locked and has been waited for (VM_FAULT_RETRY: the
 * fault is tried again). The read brings the slot's neighbours on the
 * disk with it.
 * Linux: the first half of do_swap_page() (without the SWP_SYNCHRONOUS_IO
 * shortcut past the swap cache: virtio-blk is not such a disk)
 */
static struct page *swapin_page(struct vm_fault *vmf, swp_entry_t entry, vm_fault_t *ret)
{
	struct page *page = swap_cache_get_page(entry);

	if (!page) {
		page = swapin_readahead(entry, GFP_HIGHUSER_MOVABLE);
		if (!page) {
			if (pte_same(*vmf->pte, vmf->orig_pte))
				*ret = VM_FAULT_OOM;
			return NULL;
		}
		*ret = VM_FAULT_MAJOR;
	}
	if (!trylock_page(page)) {
		/*
		 * Locked: its read still in flight (or another task at it).
		 * A first try waits for it and has the fault retried, which
		 * counts major in maj_flt
		 * (Linux: __folio_lock_or_retry(), which drops mmap_lock to
		 * wait; Faultline's fault holds no lock to drop).
		 */
		if ((vmf->flags & FAULT_FLAG_ALLOW_RETRY) && !(vmf->flags & FAULT_FLAG_TRIED)) {
			wait_on_page_locked(page);
			put_page(page);
			*ret |= VM_FAULT_RETRY;
			return NULL;
		}
		lock_page(page);
	}
	if (!PageSwapCache(page) || page_private(page) != entry.val) {
		unlock_page(page);	/* it left the cache meanwhile: fault again */
		put_page(page);
		return NULL;
	}
	return page;
}

/*
 * A PTE holding a swap entry: bring the page back and map it. The swap
 * PTE's count on the slot goes; if nothing else needs the slot (no other
 * swap PTE, not a locked VMA's page), the page leaves the swap cache and
 * the slot is freed. A write fault on a page that was ours alone
 * (exclusive swap PTE, or no other reference) maps it writable and
 * dirty at once; otherwise do_wp_page decides. The soft-dirty and uffd-wp
 * bits come back from the swap PTE. Linux: do_swap_page()
 */
static vm_fault_t do_swap_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	swp_entry_t entry = pte_to_swp_entry(vmf->orig_pte);
	bool exclusive = pte_swp_exclusive(vmf->orig_pte);
	vm_fault_t ret = 0;
	struct page *page;
	pte_t pte;

	vmf->fault_case = FAULT_SWAP;
	if (!swp_swap_info(entry))
		return VM_FAULT_SIGBUS;	/* Linux: print_bad_pte() */
	page = swapin_page(vmf, entry, &ret);
	if (!page)
		return ret;
	/* Linux: under the PTE table's lock, which the read slept without */
	if (!pte_same(*vmf->pte, vmf->orig_pte)) {
		ret = 0;
		goto out_page;
	}
	if (!PageUptodate(page)) {
		ret = VM_FAULT_SIGBUS;
		goto out_page;
	}
	swap_free(entry);
	if (should_try_to_free_swap(page, vma, vmf->flags))
		try_to_free_swap(page);
	inc_mm_counter(vma->vm_mm, MM_ANONPAGES);
	dec_mm_counter(vma->vm_mm, MM_SWAPENTS);
	pte = mk_pte(page, vma->vm_page_prot);
	/* our reference, which becomes the PTE's, is the only one */
	if (exclusive || page_ref_count(page) == 1) {
		if (vmf->flags & FAULT_FLAG_WRITE) {
			pte = maybe_mkwrite(pte_mkdirty(pte), vma);
			vmf->flags &= ~FAULT_FLAG_WRITE;
		}
		exclusive = true;
	}
	if (pte_swp_soft_dirty(vmf->orig_pte))
		pte = pte_mksoft_dirty(pte);
	if (pte_swp_uffd_wp(vmf->orig_pte))
		pte = pte_wrprotect(pte_mkuffd_wp(pte));
	page_add_anon_rmap(page, vma, vmf->address, exclusive);
	set_pte(vmf->pte, pte);
	vmf->orig_pte = pte;
	unlock_page(page);
	if (vmf->flags & FAULT_FLAG_WRITE) {
		ret |= do_wp_page(vmf);
		if (ret & VM_FAULT_ERROR)
			ret &= VM_FAULT_ERROR;
	}
	return ret;

out_page:
	unlock_page(page);
	put_page(page);
	return ret;
}

/* Linux: handle_pte_fault() */
static vm_fault_t handle_pte_fault(struct vm_fault *vmf)
{
	pte_t entry;

	/* Linux: the PTE table's lock (vmf->ptl) is taken before orig_pte is trusted. */
	vmf->pte = NULL;
	if (!pmd_none(*vmf->pmd)) {
		vmf->pte = pte_offset_kernel(vmf->pmd, vmf->address);
		vmf->orig_pte = *vmf->pte;
		if (pte_none(vmf->orig_pte))
			vmf->pte = NULL;
	}
	if (!vmf->pte) {
		if (!vma_is_anonymous(vmf->vma))
			return do_fault(vmf);
		/* Linux: in do_anonymous_page(), once the PTE is known to be empty */
		if (userfaultfd_missing(vmf->vma))
			return handle_userfault(vmf, VM_UFFD_MISSING);
		return do_anonymous_page(vmf);
	}
	if (!pte_present(vmf->orig_pte))
		return do_swap_page(vmf);

	entry = vmf->orig_pte;
	if (vmf->flags & FAULT_FLAG_WRITE) {
		if (!pte_write(entry))
			return do_wp_page(vmf);
		entry = pte_mkdirty(entry);
	}
	/* The PTE was fine already: only the accessed/dirty bits to set. */
	set_pte(vmf->pte, pte_mkyoung(entry));
	flush_tlb_page(vmf->vma, vmf->address);
	vmf->fault_case = FAULT_SPURIOUS;
	return 0;
}

/*
 * The PMD entry that covers address, or NULL when a level above it, or
 * the entry itself, is empty: the walk every reader of page tables
 * (zap, mprotect, the audits) starts with. Linux: mm/rmap.c mm_find_pmd()
 */
pmd_t *mm_find_pmd(struct mm_struct *mm, unsigned long address)
{
	pgd_t *pgd = pgd_offset(mm, address);
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd))
		return NULL;
	pud = pud_offset(p4d_offset(pgd, address), address);
	if (pud_none(*pud))
		return NULL;
	pmd = pmd_offset(pud, address);
	if (pmd_none(*pmd))
		return NULL;
	return pmd;
}

/*
 * Serve a fault at address in vma (the caller checked the access is
 * allowed). Linux: handle_mm_fault() -> __handle_mm_fault()
 */
static vm_fault_t __handle_mm_fault(struct vm_fault *vmf)
{
	struct mm_struct *mm = vmf->vma->vm_mm;
	unsigned long address = vmf->address;
	pgd_t *pgd = pgd_offset(mm, address);
	p4d_t *p4d = p4d_offset(pgd, address);
	pud_t *pud = pud_alloc(mm, p4d, address);

	if (!pud)
		return VM_FAULT_OOM;
	vmf->pmd = pmd_alloc(mm, pud, address);
	if (!vmf->pmd)
		return VM_FAULT_OOM;
	return handle_pte_fault(vmf);
}

/*
 * Count the fault in the task's maj_flt or min_flt, once it is served:
 * a retried fault is major (its first try waited, for I/O or for
 * userfaultfd). Linux: mm_account_fault()
 */
static void mm_account_fault(vm_fault_t ret, unsigned int flags)
{
	if (ret & (VM_FAULT_ERROR | VM_FAULT_RETRY))
		return;
	if ((ret & VM_FAULT_MAJOR) || (flags & FAULT_FLAG_TRIED))
		current->maj_flt++;
	else
		current->min_flt++;
}

vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags, struct pt_regs *regs)
{
	struct vm_fault vmf = {
		.vma = vma,
		.address = address & PAGE_MASK,
		.real_address = address,
		.flags = flags,
		.pgoff = linear_page_index(vma, address),
	};
	vm_fault_t ret;

	(void)regs;
	count_vm_event(PGFAULT);
	ret = __handle_mm_fault(&vmf);
	if (ret & VM_FAULT_MAJOR)
		count_vm_event(PGMAJFAULT);
	mm_account_fault(ret, flags);
	fault_trace_record_case(vmf.fault_case, ret);
	return ret;
}
