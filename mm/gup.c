// SPDX-License-Identifier: GPL-2.0
/*
 * Getting at the pages behind user addresses of an address space that
 * need not be the current one: exec writes the new program's arguments
 * into its stack this way, before switching to it. Linux: mm/gup.c
 * (get_user_pages_remote with FOLL_WRITE | FOLL_FORCE, one page)
 *
 * The page is faulted in as a user access would fault it (so the new
 * pages are ordinary anonymous pages, counted in that mm's RSS), and
 * returned with a reference; the caller reaches it through the direct map.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>

static struct page *follow_page(struct vm_area_struct *vma, unsigned long addr, bool write)
{
	pmd_t *pmd = mm_find_pmd(vma->vm_mm, addr);
	struct page *page;
	pte_t pte;

	if (!pmd)
		return NULL;
	pte = *pte_offset_kernel(pmd, addr);
	if (!pte_present(pte) || (write && !pte_write(pte)))
		return NULL;
	page = vm_normal_page(vma, addr, pte);
	if (page)
		get_page(page);
	return page;
}

struct page *get_user_page_remote(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (!vma)
		return ERR_PTR(-EFAULT);
	if (vma->vm_start > addr &&
	    (!(vma->vm_flags & VM_GROWSDOWN) || expand_stack(vma, addr)))
		return ERR_PTR(-EFAULT);
	for (int tries = 0; tries < 3; tries++) {
		struct page *page = follow_page(vma, addr, write);
		vm_fault_t ret;

		if (page)
			return page;
		ret = handle_mm_fault(vma, addr, write ? FAULT_FLAG_WRITE : 0, NULL);
		if (ret & VM_FAULT_OOM)
			return ERR_PTR(-ENOMEM);
		if (ret & VM_FAULT_ERROR)
			return ERR_PTR(-EFAULT);
	}
	return ERR_PTR(-EFAULT);
}
