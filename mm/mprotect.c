// SPDX-License-Identifier: GPL-2.0
/*
 * mprotect(2): new protections for a range, splitting or merging VMAs so
 * that each VMA still has one protection, and rewriting present PTEs.
 * Linux: mm/mprotect.c
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/rmap.h>
#include <linux/pagewalk.h>
#include <linux/userfaultfd_k.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>

/*
 * May this PTE of a writable VMA be made writable right away, without a
 * write fault? Only if a write fault would do exactly that: the page is
 * dirty already, not write-protected by userfaultfd, and (private VMA)
 * an anonymous page no one else maps. A page still shared after fork
 * stays write-protected, so the next write copies it.
 * Linux 6.1: can_change_pte_writable()
 */
static bool can_change_pte_writable(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	struct page *page;

	if (pte_protnone(pte) || !pte_dirty(pte))
		return false;
	/* Soft-dirty tracking wants write faults (VM_SOFTDIRTY off means on). */
	if (!(vma->vm_flags & VM_SOFTDIRTY) && !pte_soft_dirty(pte))
		return false;
	if (userfaultfd_pte_wp(vma, pte))
		return false;
	if (!(vma->vm_flags & VM_SHARED)) {
		page = vm_normal_page(vma, addr, pte);
		if (!page || !PageAnon(page) || !PageAnonExclusive(page))
			return false;
	}
	return true;
}

/*
 * One PTE table's part of change_protection(): each present PTE gets
 * newprot, and with MM_CP_UFFD_WP / MM_CP_UFFD_WP_RESOLVE userfaultfd's
 * write protection set (the write bit goes too) or lifted.
 */
static unsigned long change_pte_range(struct vm_area_struct *vma, pmd_t *pmd,
				      unsigned long addr, unsigned long end, pgprot_t newprot,
				      unsigned long cp_flags)
{
	bool try_writable = (cp_flags & MM_CP_TRY_CHANGE_WRITABLE) &&
			    (vma->vm_flags & VM_WRITE) && !(vma->vm_flags & VM_SHARED);
	pte_t *pte = pte_offset_kernel(pmd, addr);
	unsigned long pages = 0;

	/* Linux: pte_offset_map_lock(): the PTE table's lock for the loop. */
	for (; addr < end; addr += PAGE_SIZE, pte++) {
		pte_t ptent = *pte;

		if (!pte_present(ptent))
			continue;	/* empty (swap entries come with swap) */
		ptent = pte_modify(ptent, newprot);
		if (cp_flags & MM_CP_UFFD_WP)
			ptent = pte_mkuffd_wp(ptent);
		else if (cp_flags & MM_CP_UFFD_WP_RESOLVE)
			ptent = pte_clear_uffd_wp(ptent);
		if (try_writable && !pte_write(ptent) && can_change_pte_writable(vma, addr, ptent))
			ptent = pte_mkwrite(ptent);
		set_pte(pte, ptent);
		pages++;
	}
	return pages;
}

struct prot_walk {
	pgprot_t newprot;
	unsigned long cp_flags;
	unsigned long pages;	/* PTEs rewritten */
};

static int change_pmd_entry(pmd_t *pmd, unsigned long addr, unsigned long next,
			    struct mm_walk *walk)
{
	struct prot_walk *pw = walk->private;

	pw->pages += change_pte_range(walk->vma, pmd, addr, next, pw->newprot, pw->cp_flags);
	return 0;
}

static const struct mm_walk_ops prot_walk_ops = {
	.pmd_entry = change_pmd_entry,
};

/*
 * Rewrite the present PTEs of [start, end) with newprot (cp_flags:
 * MM_CP_*), visiting only the PTE tables that exist; mprotect and
 * userfaultfd's write protection both come here. Returns the PTEs
 * rewritten. Linux: change_protection() (which walks with its own
 * change_p*d_range loops and takes each PTE table's lock)
 */
unsigned long change_protection(struct vm_area_struct *vma, unsigned long start,
				unsigned long end, pgprot_t newprot, unsigned long cp_flags)
{
	struct prot_walk pw = { .newprot = newprot, .cp_flags = cp_flags };

	walk_page_range_vma(vma, start, end, &prot_walk_ops, &pw);
	flush_tlb_range(vma, start, end);
	return pw.pages;
}

/*
 * Give [start, end), which lies within vma, the flags newflags: merge
 * with a neighbour or split vma as needed, then update the PTEs and the
 * counters. *pprev is set to the VMA now covering the range.
 * Linux: mprotect_fixup()
 */
int mprotect_fixup(struct vm_area_struct *vma, struct vm_area_struct **pprev,
		   unsigned long start, unsigned long end, unsigned long newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long oldflags = vma->vm_flags;
	long nrpages = (end - start) >> PAGE_SHIFT;
	unsigned long charged = 0;
	int error;

	if (newflags == oldflags) {
		*pprev = vma;
		return 0;
	}
	/* Turning private memory writable: charge it, check RLIMIT_DATA. */
	if (newflags & VM_WRITE) {
		if (!may_expand_vm(mm, newflags, nrpages) && may_expand_vm(mm, oldflags, nrpages))
			return -ENOMEM;
		if (!(oldflags & (VM_ACCOUNT | VM_WRITE | VM_HUGETLB | VM_SHARED | VM_NORESERVE))) {
			charged = nrpages;
			if (__vm_enough_memory(mm, charged))
				return -ENOMEM;
			newflags |= VM_ACCOUNT;
		}
	}

	vma = vma_modify_flags(pprev, vma, start, end, newflags);
	if (IS_ERR(vma)) {
		error = PTR_ERR(vma);
		goto fail;
	}
	vma->vm_flags = newflags;
	vma_set_page_prot(vma);
	change_protection(vma, start, end, vma->vm_page_prot, MM_CP_TRY_CHANGE_WRITABLE);
	vm_stat_account(mm, oldflags, -nrpages);
	vm_stat_account(mm, newflags, nrpages);
	validate_mm(mm);
	return 0;
fail:
	vm_unacct_memory(charged);
	return error;
}

/*
 * mprotect(2). Linux's errno rules: EINVAL for an unaligned start or an
 * unknown bit, ENOMEM where part of the range is not mapped, EACCES
 * where a VMA may not take the protection (a read-only file mapped
 * shared, asked for write). Linux: do_mprotect_pkey()
 */
int do_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, nstart, tmp, reqprot = prot;
	unsigned long grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	struct vm_area_struct *vma, *prev;
	int error;

	/* Linux: do_mprotect_pkey() holds mmap_lock for writing from here on. */
	prot &= ~(PROT_GROWSDOWN | PROT_GROWSUP);
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
		return -EINVAL;

	vma = find_vma_prev(mm, start, &prev);
	if (!vma)
		return -ENOMEM;
	if (grows & PROT_GROWSDOWN) {
		if (vma->vm_start >= end)
			return -ENOMEM;
		start = vma->vm_start;
		if (!(vma->vm_flags & VM_GROWSDOWN))
			return -EINVAL;
	} else if (vma->vm_start > start) {
		return -ENOMEM;
	}
	if (start > vma->vm_start)
		prev = vma;

	for (nstart = start;;) {
		unsigned long mask_off_old_flags = VM_READ | VM_WRITE | VM_EXEC;
		unsigned long newflags = (vma->vm_flags & ~mask_off_old_flags) |
					 ((reqprot & PROT_READ) ? VM_READ : 0) |
					 ((reqprot & PROT_WRITE) ? VM_WRITE : 0) |
					 ((reqprot & PROT_EXEC) ? VM_EXEC : 0);

		/* newflags >> 4 shifts VM_MAY% in place of VM_% */
		if ((newflags & ~(newflags >> 4)) & VM_ACCESS_FLAGS)
			return -EACCES;
		tmp = min(vma->vm_end, end);
		error = mprotect_fixup(vma, &prev, nstart, tmp, newflags);
		if (error)
			return error;
		nstart = tmp;
		if (nstart < prev->vm_end)
			nstart = prev->vm_end;
		if (nstart >= end)
			return 0;
		vma = prev->vm_next;
		if (!vma || vma->vm_start != nstart)
			return -ENOMEM;
	}
}
