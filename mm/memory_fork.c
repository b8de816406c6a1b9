// SPDX-License-Identifier: GPL-2.0
/*
 * Copying page tables at fork: copy-on-write from the first moment.
 * Linux: mm/memory.c (copy_page_range, copy_pte_range, copy_present_pte)
 *
 * The child gets the parent's PTEs, not copies of its pages. In a
 * private writable mapping (a "COW mapping") the PTEs are write-protected
 * in both processes: the first write by either faults, and do_wp_page
 * copies the page (or reuses it if the other process has let it go).
 * Every page gains a reference and a mapping; anonymous pages stop being
 * exclusive to one process. Shared mappings keep their write permission.
 *
 * A mapping with no anonymous pages (no anon_vma) is not copied at all:
 * its pages are in the page cache, and the child faults them in when it
 * touches them (Linux 6.1's vma_needs_copy), so the child starts with a
 * small RSS.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/userfaultfd_k.h>
#include <linux/pagewalk.h>
#include <asm/pgalloc.h>

/* Linux: vma_needs_copy() */
static bool vma_needs_copy(const struct vm_area_struct *dst_vma,
			   const struct vm_area_struct *src_vma)
{
	/* userfaultfd's write protection lives only in the PTEs: keep it. */
	if (userfaultfd_wp(dst_vma))
		return true;
	return (src_vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP)) || src_vma->anon_vma;
}

/*
 * A swap PTE of the parent into the child: the slot gains a count, and
 * the entry is shared now, so neither copy may be reused as exclusive
 * when it comes back. -ENOMEM when the count is full (Linux chains a
 * continuation page instead). Linux: copy_nonpresent_pte()
 */
static int copy_swap_pte(struct vm_area_struct *dst_vma, pte_t *dst_pte, pte_t *src_pte,
			 long *rss)
{
	pte_t pte = *src_pte;

	if (swap_duplicate(pte_to_swp_entry(pte)) < 0)
		return -ENOMEM;
	if (pte_swp_exclusive(pte)) {
		pte = pte_swp_clear_exclusive(pte);
		set_pte(src_pte, pte);
	}
	rss[MM_SWAPENTS]++;
	set_pte(dst_pte, pte);
	return 0;
}

/*
 * One present PTE of the parent into the child: the child maps the same
 * page, which gains a reference and a mapping (and stops being exclusive
 * to the parent if anonymous). In a COW mapping (private, writable) the
 * PTE loses its write bit in both: the first write by either faults, and
 * do_wp_page copies or reuses. Returns 0 (or -ENOMEM, which a copy that
 * allocates could give). Linux: copy_present_pte() (which also copies at
 * once a page pinned for DMA, and returns -EAGAIN to preallocate for it)
 */
static int copy_present_pte(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
			    pte_t *dst_pte, pte_t *src_pte, unsigned long addr, long *rss)
{
	/* LAB cow: fork-share BEGIN */
	pte_t pte = *src_pte;
	struct page *page = vm_normal_page(src_vma, addr, pte);

	if (page && PageAnon(page)) {
		get_page(page);
		page_dup_anon_rmap(page, dst_vma);
		rss[MM_ANONPAGES]++;
	} else if (page) {
		get_page(page);
		page_dup_file_rmap(page, dst_vma);
		rss[mm_counter_file(page)]++;
	}
	if (is_cow_mapping(src_vma->vm_flags) && pte_write(pte)) {
		set_pte(src_pte, pte_wrprotect(pte));
		pte = pte_wrprotect(pte);
	}
	if (src_vma->vm_flags & VM_SHARED)
		pte = pte_mkclean(pte);
	set_pte(dst_pte, pte_mkold(pte));
	return 0;
	/* LAB cow: fork-share END */
}

static int copy_pte_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
			  pmd_t *dst_pmd, pmd_t *src_pmd, unsigned long addr, unsigned long end)
{
	struct mm_struct *dst_mm = dst_vma->vm_mm;
	long rss[NR_MM_COUNTERS] = { 0 };
	pte_t *src_pte, *dst_pte;
	int err = 0;

	if (pmd_none(*dst_pmd) && __pte_alloc(dst_mm, dst_pmd))
		return -ENOMEM;
	src_pte = pte_offset_kernel(src_pmd, addr);
	dst_pte = pte_offset_kernel(dst_pmd, addr);
	/* Linux: pte_offset_map_lock() on dst, and the src table's lock nested. */
	for (; addr < end; addr += PAGE_SIZE, src_pte++, dst_pte++) {
		if (pte_none(*src_pte))
			continue;
		if (!pte_present(*src_pte))
			err = copy_swap_pte(dst_vma, dst_pte, src_pte, rss);
		else
			err = copy_present_pte(dst_vma, src_vma, dst_pte, src_pte, addr, rss);
		if (err)
			break;
		/*
		 * The child's range is not write-protected by a uffd unless
		 * the child has one (EVENT_FORK). Linux: in copy_present_pte()
		 */
		if (!userfaultfd_wp(dst_vma))
			set_pte(dst_pte, pte_present(*dst_pte) ? pte_clear_uffd_wp(*dst_pte) :
							       pte_swp_clear_uffd_wp(*dst_pte));
	}
	for (int i = 0; i < NR_MM_COUNTERS; i++)
		if (rss[i])
			add_mm_counter(dst_mm, i, rss[i]);
	return err;
}

static int copy_pmd_entry(pmd_t *src_pmd, unsigned long addr, unsigned long next,
			  struct mm_walk *walk)
{
	struct vm_area_struct *dst_vma = walk->private;
	struct mm_struct *dst_mm = dst_vma->vm_mm;
	pud_t *dst_pud = pud_alloc(dst_mm, p4d_offset(pgd_offset(dst_mm, addr), addr), addr);
	pmd_t *dst_pmd = dst_pud ? pmd_alloc(dst_mm, dst_pud, addr) : NULL;

	if (!dst_pmd)
		return -ENOMEM;
	return copy_pte_range(dst_vma, walk->vma, dst_pmd, src_pmd, addr, next);
}

static const struct mm_walk_ops copy_walk_ops = {
	.pmd_entry = copy_pmd_entry,
};

/*
 * Copy the PTEs of src_vma (in the parent) into dst_vma (in the child),
 * allocating the child's page tables where the parent has PTE tables.
 * Linux: copy_page_range() (its own copy_p*d_range loops, which also
 * take both PTE tables' locks and tell MMU notifiers)
 */
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma)
{
	if (!vma_needs_copy(dst_vma, src_vma))
		return 0;
	return walk_page_vma(src_vma, &copy_walk_ops, dst_vma);
}
