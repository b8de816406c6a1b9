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
#include <linux/string.h>
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

/* Is addr mapped to the shared zero page (a read of untouched memory)? */
static bool maps_zero_page(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = mm_find_pmd(mm, addr);
	pte_t pte;

	if (!pmd)
		return false;
	pte = *pte_offset_kernel(pmd, addr);
	return pte_present(pte) && is_zero_pfn(pte_pfn(pte));
}

/*
 * Read len bytes at addr of another address space (for /proc/<pid>/
 * cmdline and environ), faulting pages in as a read by its owner would;
 * the shared zero page reads as zeros. Returns the bytes read, which
 * stop short at the first address that cannot be read.
 * Linux: mm/memory.c __access_remote_vm()
 */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len)
{
	int done = 0;

	/* Linux: __access_remote_vm() holds mmap_lock for reading. */
	while (done < len) {
		unsigned int offset = addr & (PAGE_SIZE - 1);
		int bytes = (int)min((unsigned long)(len - done), PAGE_SIZE - offset);
		struct page *page = get_user_page_remote(mm, addr, false);

		if (!IS_ERR(page)) {
			memcpy((char *)buf + done, (char *)page_address(page) + offset, bytes);
			put_page(page);
		} else if (maps_zero_page(mm, addr)) {
			memset((char *)buf + done, 0, bytes);
		} else {
			break;
		}
		done += bytes;
		addr += bytes;
	}
	return done;
}
