// SPDX-License-Identifier: GPL-2.0
/*
 * From VMA flags to PTE protections. Linux: arch/x86/mm/pgprot.c,
 * mm/mmap.c (vm_get_page_prot)
 *
 * Index: VM_SHARED (8) | VM_EXEC (4) | VM_WRITE (2) | VM_READ (1). x86
 * cannot express write-only or execute-only, so write implies read and
 * exec implies read. Private writable areas get read-only "copy" PTEs:
 * the first write faults and copies (or reuses) the page.
 */
#include <linux/mm.h>

pgprot_t protection_map[16] = {
	[VM_NONE]					= __pgprot(__PAGE_NONE),
	[VM_READ]					= __pgprot(__PAGE_READONLY),
	[VM_WRITE]					= __pgprot(__PAGE_COPY),
	[VM_WRITE | VM_READ]				= __pgprot(__PAGE_COPY),
	[VM_EXEC]					= __pgprot(__PAGE_READONLY_EXEC),
	[VM_EXEC | VM_READ]				= __pgprot(__PAGE_READONLY_EXEC),
	[VM_EXEC | VM_WRITE]				= __pgprot(__PAGE_COPY_EXEC),
	[VM_EXEC | VM_WRITE | VM_READ]			= __pgprot(__PAGE_COPY_EXEC),
	[VM_SHARED]					= __pgprot(__PAGE_NONE),
	[VM_SHARED | VM_READ]				= __pgprot(__PAGE_READONLY),
	[VM_SHARED | VM_WRITE]				= __pgprot(__PAGE_SHARED),
	[VM_SHARED | VM_WRITE | VM_READ]		= __pgprot(__PAGE_SHARED),
	[VM_SHARED | VM_EXEC]				= __pgprot(__PAGE_READONLY_EXEC),
	[VM_SHARED | VM_EXEC | VM_READ]			= __pgprot(__PAGE_READONLY_EXEC),
	[VM_SHARED | VM_EXEC | VM_WRITE]		= __pgprot(__PAGE_SHARED_EXEC),
	[VM_SHARED | VM_EXEC | VM_WRITE | VM_READ]	= __pgprot(__PAGE_SHARED_EXEC),
};

pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	pgprot_t prot = protection_map[vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED)];

	return __pgprot(pgprot_val(prot) & __supported_pte_mask);
}

/*
 * A shared writable VMA is mapped read-only when the kernel wants to
 * hear of each page's first write: for soft-dirty tracking (VM_SOFTDIRTY
 * off since clear_refs 4) and for userfaultfd's write protection (a
 * write must come to do_wp_page to be checked). Linux also does it for
 * file systems that account dirty pages or have page_mkwrite; tmpfs
 * does not. Linux: mm/mmap.c vma_wants_writenotify()
 */
static bool vma_wants_writenotify(const struct vm_area_struct *vma)
{
	if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) != (VM_WRITE | VM_SHARED))
		return false;	/* private or read-only: not writable anyway */
	if (vma->vm_flags & VM_UFFD_WP)
		return true;
	return !(vma->vm_flags & VM_SOFTDIRTY);
}

/* Linux: mm/mmap.c vma_set_page_prot() */
void vma_set_page_prot(struct vm_area_struct *vma)
{
	unsigned long vm_flags = vma->vm_flags;

	if (vma_wants_writenotify(vma))
		vm_flags &= ~VM_SHARED;	/* the private protections: read-only */
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
}
