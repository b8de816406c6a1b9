/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_USERFAULTFD_K_H
#define _LINUX_USERFAULTFD_K_H

/*
 * userfaultfd inside the kernel: what the fault path and the VMA code
 * ask of a registered range, and the hooks by which fork, mremap,
 * madvise and munmap tell the monitor. fs/userfaultfd.c holds the file
 * and the waiting; mm/userfaultfd.c fills and protects pages.
 * Linux: include/linux/userfaultfd_k.h
 */
#include <linux/userfaultfd.h>
#include <linux/fcntl.h>
#include <linux/mm.h>
#include <linux/shmem_fs.h>

/* Every VM_* flag userfaultfd sets; a VMA has some exactly when it has a ctx. */
#define __VM_UFFD_FLAGS		(VM_UFFD_MISSING | VM_UFFD_WP | VM_UFFD_MINOR)

/* userfaultfd(2)'s flags that are also the file's (UFFD_CLOEXEC, UFFD_NONBLOCK). */
#define UFFD_SHARED_FCNTL_FLAGS	(O_CLOEXEC | O_NONBLOCK)

/* vm.unprivileged_userfaultfd: may users without CAP_SYS_PTRACE handle kernel faults? */
extern int sysctl_unprivileged_userfaultfd;

/* How mcopy_atomic fills a page: copied, the zero page, or the file's own page. */
enum mcopy_atomic_mode {
	MCOPY_ATOMIC_NORMAL,
	MCOPY_ATOMIC_ZEROPAGE,
	MCOPY_ATOMIC_CONTINUE,
};

vm_fault_t handle_userfault(struct vm_fault *vmf, unsigned long reason);

/* mm/userfaultfd.c */
ssize_t mcopy_atomic(struct mm_struct *dst_mm, unsigned long dst_start, unsigned long src_start,
		     unsigned long len, atomic_t *mmap_changing, u64 mode);
ssize_t mfill_zeropage(struct mm_struct *dst_mm, unsigned long dst_start, unsigned long len,
		       atomic_t *mmap_changing);
ssize_t mcopy_continue(struct mm_struct *dst_mm, unsigned long dst_start, unsigned long len,
		       atomic_t *mmap_changing);
int mwriteprotect_range(struct mm_struct *dst_mm, unsigned long start, unsigned long len,
			bool enable_wp, atomic_t *mmap_changing);
void uffd_wp_range(struct mm_struct *dst_mm, struct vm_area_struct *vma, unsigned long start,
		   unsigned long len, bool enable_wp);
int mfill_atomic_install_pte(struct vm_area_struct *dst_vma, pmd_t *dst_pmd,
			     unsigned long dst_addr, struct page *page, bool wp_copy);

static inline bool is_mergeable_vm_userfaultfd_ctx(const struct vm_area_struct *vma,
						   struct vm_userfaultfd_ctx vm_ctx)
{
	return vma->vm_userfaultfd_ctx.ctx == vm_ctx.ctx;
}

static inline bool userfaultfd_missing(const struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_UFFD_MISSING;
}

static inline bool userfaultfd_wp(const struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_UFFD_WP;
}

static inline bool userfaultfd_minor(const struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_UFFD_MINOR;
}

/* A write to this PTE is the monitor's: the range is in WP mode and the PTE marked. */
static inline bool userfaultfd_pte_wp(const struct vm_area_struct *vma, pte_t pte)
{
	return userfaultfd_wp(vma) && pte_uffd_wp(pte);
}

static inline bool userfaultfd_armed(const struct vm_area_struct *vma)
{
	return vma->vm_flags & __VM_UFFD_FLAGS;
}

/*
 * Fault-around would map pages the monitor must hear of first: not in
 * WP or MINOR ranges. Linux: uffd_disable_fault_around()
 */
static inline bool uffd_disable_fault_around(const struct vm_area_struct *vma)
{
	return vma->vm_flags & (VM_UFFD_WP | VM_UFFD_MINOR);
}

/*
 * Which memory may be registered for what: anonymous and shmem for
 * MISSING and WP, shmem alone for MINOR. Faultline has no hugetlbfs.
 * Linux: vma_can_userfault()
 */
static inline bool vma_can_userfault(const struct vm_area_struct *vma, unsigned long vm_flags)
{
	if ((vm_flags & VM_UFFD_MINOR) && !vma_is_shmem(vma))
		return false;
	return vma_is_anonymous(vma) || vma_is_shmem(vma);
}

/* fork: the child's VMAs, and the FORK events once the child exists. */
int dup_userfaultfd(struct vm_area_struct *vma, struct list_head *fcs);
void dup_userfaultfd_complete(struct list_head *fcs);

/* mremap: does the moved range leave its uffd (and its uffd-wp bits) behind? */
bool vma_has_uffd_without_event_remap(struct vm_area_struct *vma);
/* mremap: the REMAP event (or, without the feature, the range forgets its uffd). */
void mremap_userfaultfd_prep(struct vm_area_struct *vma, struct vm_userfaultfd_ctx *vm_ctx);
void mremap_userfaultfd_complete(struct vm_userfaultfd_ctx *vm_ctx, unsigned long from,
				 unsigned long to, unsigned long len);

/* MADV_DONTNEED, MADV_REMOVE: false when the REMOVE event was sent (VMAs may have changed). */
bool userfaultfd_remove(struct vm_area_struct *vma, unsigned long start, unsigned long end);

/* munmap: the UNMAP events, prepared before the unmap and sent after it. */
int userfaultfd_unmap_prep(struct mm_struct *mm, unsigned long start, unsigned long end,
			   struct list_head *unmaps);
void userfaultfd_unmap_complete(struct mm_struct *mm, struct list_head *unmaps);

#endif
