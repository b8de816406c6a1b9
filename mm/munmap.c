// SPDX-License-Identifier: GPL-2.0
/*
 * Unmapping: munmap (split the VMAs at the ends, detach the ones inside,
 * zap their pages, free their page tables and the VMAs) and the end of
 * an address space (exit_mmap). Linux: mm/mmap.c (__do_munmap,
 * unmap_region, remove_vma_list, exit_mmap)
 *
 * Faultline takes no locks: one CPU and no kernel preemption (Linux
 * holds mmap_lock for writing here).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/rmap.h>
#include <linux/userfaultfd_k.h>

void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma);
void remove_vma(struct vm_area_struct *vma);

/*
 * Unmap the pages of the VMAs from vma up to end and free the page
 * tables only they used, between the neighbours' ends (floor, ceiling).
 * Linux: unmap_region()
 */
static void unmap_region(struct mm_struct *mm, struct vm_area_struct *vma,
			 struct vm_area_struct *prev, struct vm_area_struct *next,
			 unsigned long start, unsigned long end)
{
	update_hiwater_rss(mm);
	unmap_vmas(vma, start, end);
	free_pgtables(vma, prev ? prev->vm_end : 0, next ? next->vm_start : 0);
}

/* Account and free a detached chain of VMAs. Linux: remove_vma_list() */
static void remove_vma_list(struct mm_struct *mm, struct vm_area_struct *vma)
{
	long nr_accounted = 0;

	update_hiwater_vm(mm);
	while (vma) {
		struct vm_area_struct *next = vma->vm_next;
		long nrpages = vma_pages(vma);

		if (vma->vm_flags & VM_ACCOUNT)
			nr_accounted += nrpages;
		if (vma->vm_flags & VM_LOCKED)
			mm->locked_vm -= nrpages;
		vm_stat_account(mm, vma->vm_flags, -nrpages);
		remove_vma(vma);
		vma = next;
	}
	vm_unacct_memory(nr_accounted);
	validate_mm(mm);
}

/*
 * Remove [start, start + len): split the VMAs at both ends, take the
 * ones inside out of the index (keeping them chained through vm_next),
 * unmap their pages and free them. With uf, the userfaultfd UNMAP
 * events for the range are prepared there, to be sent by the caller
 * (userfaultfd_unmap_complete) once the unmap is done. Linux: __do_munmap()
 */
int __do_munmap(struct mm_struct *mm, unsigned long start, size_t len, struct list_head *uf)
{
	struct vm_area_struct *vma, *prev, *last, *next, *detached, *tail;
	unsigned long end;

	if ((start & ~PAGE_MASK) || start > TASK_SIZE || len > TASK_SIZE - start)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (!len)
		return -EINVAL;
	vma = find_vma_intersection(mm, start, end);
	if (!vma)
		return 0;
	prev = vma->vm_prev;
	if (start > vma->vm_start) {
		/* A split in the middle makes one VMA more. */
		if (end < vma->vm_end && mm->map_count >= sysctl_max_map_count)
			return -ENOMEM;
		if (__split_vma(mm, vma, start, 0))
			return -ENOMEM;
		prev = vma;
		vma = vma->vm_next;
	}
	last = find_vma(mm, end);
	if (last && end > last->vm_start && __split_vma(mm, last, end, 1))
		return -ENOMEM;
	if (uf && userfaultfd_unmap_prep(mm, start, end, uf))
		return -ENOMEM;
	/* The splits may have replaced vma: start again from prev. */
	vma = prev ? prev->vm_next : mm->mmap;

	/* Detach [vma .. the last VMA below end] from the index. */
	detached = vma;
	for (tail = vma; tail->vm_next && tail->vm_next->vm_start < end; tail = tail->vm_next)
		;
	next = tail->vm_next;
	for (struct vm_area_struct *v = vma, *after; v != next; v = after) {
		after = v->vm_next;
		vma_unlink(mm, v);
		v->vm_next = after == next ? NULL : after;
	}
	unmap_region(mm, detached, prev, next, start, end);
	remove_vma_list(mm, detached);
	return 0;
}

/* The same, for callers with no UNMAP events to send. Linux: do_munmap() */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	return __do_munmap(mm, start, len, NULL);
}

/* munmap(2): the userfaultfd UNMAP events go once the range is gone. */
int vm_munmap(unsigned long start, size_t len)
{
	struct mm_struct *mm = current->mm;
	LIST_HEAD(uf);
	int ret;

	/* Linux: __vm_munmap() holds mmap_lock for writing, and sends the events after it. */
	ret = __do_munmap(mm, start, len, &uf);
	userfaultfd_unmap_complete(mm, &uf);
	return ret;
}

/*
 * The address space's last user is gone: unmap and free everything.
 * Linux: exit_mmap()
 */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma = mm->mmap;
	long nr_accounted = 0;

	/* Linux: mmap_lock for reading to unmap, then for writing to free the VMAs. */
	mm->flags |= MMF_OOM_SKIP;	/* its memory is going: the OOM killer looks elsewhere */
	if (!vma)
		return;
	unmap_vmas(vma, 0, TASK_SIZE);
	free_pgtables(vma, 0, 0);
	while (vma) {
		struct vm_area_struct *next = vma->vm_next;

		if (vma->vm_flags & VM_ACCOUNT)
			nr_accounted += vma_pages(vma);
		remove_vma(vma);
		vma = next;
	}
	mm->mmap = NULL;
	mm->mm_rb = RB_ROOT;
	mm->map_count = 0;
	vm_unacct_memory(nr_accounted);
}
