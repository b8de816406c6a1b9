// SPDX-License-Identifier: GPL-2.0
/*
 * madvise(2): advice about a range of the address space. Linux:
 * mm/madvise.c
 *
 * Every advice Linux 6.1 (as Debian builds it) accepts is accepted, and
 * does what it does in 6.1 wherever Faultline has the concept:
 *
 *   DONTNEED, DONTNEED_LOCKED  drop the pages now: the next touch reads
 *                              zeros (anonymous) or the file again
 *   FREE                       lazy free: the pages stay, clean and
 *                              marked (LazyFree in smaps) until reclaim
 *                              may drop them; a write keeps them
 *   POPULATE_READ/WRITE        fault the range in, as an access would
 *   REMOVE                     punch the hole in the tmpfs file
 *   DONTFORK/DOFORK, WIPEONFORK/KEEPONFORK, DONTDUMP/DODUMP,
 *   NORMAL/RANDOM/SEQUENTIAL, HUGEPAGE/NOHUGEPAGE, MERGEABLE/UNMERGEABLE
 *                              VMA flags (VmFlags dc, wf, dd, rr, sr, hg,
 *                              nh, mg), which fork, core dumps and unmap
 *                              look at; Faultline has no THP and no KSM,
 *                              so the last four are flags only
 *   WILLNEED                   nothing to read ahead: files live in RAM
 *   COLD, PAGEOUT              deactivate, or reclaim now (madvise_pageout.c)
 *   COLLAPSE                   EINVAL: no huge pages to collapse into
 *   HWPOISON, SOFT_OFFLINE     EPERM without CAP_SYS_ADMIN, else EINVAL:
 *                              Faultline has no memory-failure handling
 *
 * Left out: userfaultfd's events, anonymous VMA names (PR_SET_VMA).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/fs.h>
#include <linux/falloc.h>
#include <linux/rmap.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/pagewalk.h>
#include <linux/userfaultfd_k.h>
#include <linux/capability.h>
#include <linux/vmstat.h>
#include <linux/ptrace.h>
#include <linux/syscalls.h>
#include <linux/slab.h>
#include <linux/uio.h>
#include <linux/pid.h>
#include <asm/tlbflush.h>
#include "internal.h"

/* Linux: madvise_behavior_valid() with CONFIG_KSM, THP and MEMORY_FAILURE */
static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_DOFORK: case MADV_DONTFORK: case MADV_NORMAL: case MADV_SEQUENTIAL:
	case MADV_RANDOM: case MADV_REMOVE: case MADV_WILLNEED: case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED: case MADV_FREE: case MADV_COLD: case MADV_PAGEOUT:
	case MADV_POPULATE_READ: case MADV_POPULATE_WRITE: case MADV_MERGEABLE:
	case MADV_UNMERGEABLE: case MADV_HUGEPAGE: case MADV_NOHUGEPAGE: case MADV_COLLAPSE:
	case MADV_DONTDUMP: case MADV_DODUMP: case MADV_WIPEONFORK: case MADV_KEEPONFORK:
	case MADV_HWPOISON: case MADV_SOFT_OFFLINE:
		return true;
	default:
		return false;
	}
}

/* --- dropping pages --- */

/*
 * DONTNEED refuses locked and PFN-mapped VMAs (DONTNEED_LOCKED takes
 * locked ones). Linux: madvise_dontneed_free_valid_vma()
 */
static bool madvise_dontneed_free_valid_vma(struct vm_area_struct *vma, int behavior)
{
	unsigned long forbidden = VM_PFNMAP;

	if (behavior != MADV_DONTNEED_LOCKED)
		forbidden |= VM_LOCKED;
	return !(vma->vm_flags & forbidden);
}

/*
 * Make one anonymous page lazily freeable: clean, old, and no longer
 * swap-backed (on the inactive file list), so that reclaim may drop it
 * instead of swapping it out. A page another process also maps keeps
 * its dirty state.
 * Linux: the body of madvise_free_pte_range(), folio_mark_lazyfree()
 */
static int madvise_free_pte(pte_t *pte, unsigned long addr, unsigned long next,
			    struct mm_walk *walk)
{
	pte_t ptent = *pte;
	struct page *page;

	(void)next;
	if (!pte_present(ptent)) {
		/* Swapped out: the contents need not come back. */
		pte_clear(pte);
		dec_mm_counter(walk->mm, MM_SWAPENTS);
		free_swap_and_cache(pte_to_swp_entry(ptent));
		return 0;
	}
	page = vm_normal_page(walk->vma, addr, ptent);
	if (!page || !PageAnon(page))
		return 0;
	if (PageDirty(page)) {
		if (page_mapcount(page) != 1)
			return 0;
		ClearPageDirty(page);
	}
	if (pte_young(ptent) || pte_dirty(ptent)) {
		set_pte(pte, pte_mkold(pte_mkclean(ptent)));
		flush_tlb_page(walk->vma, addr);
	}
	mark_page_lazyfree(page);
	return 0;
}

static const struct mm_walk_ops madvise_free_walk_ops = {
	.pte_entry = madvise_free_pte,
};

/*
 * A userfaultfd monitor was told of the removal (UFFD_EVENT_REMOVE) and
 * the VMAs may have changed while we waited for it to read: find the
 * VMA at start again. ENOMEM if a hole appeared there; the range is cut
 * to the VMA's end if it shrank (the rest is the next VMA's turn, which
 * sends its own event). Linux: in madvise_dontneed_free()
 */
static int madvise_dontneed_revalidate(struct mm_struct *mm, struct vm_area_struct **vmap,
				       unsigned long start, unsigned long *end, int behavior)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	if (!vma || start < vma->vm_start)
		return -ENOMEM;
	if (!madvise_dontneed_free_valid_vma(vma, behavior))
		return -EINVAL;
	*end = min(*end, vma->vm_end);
	*vmap = vma;
	return 0;
}

/*
 * DONTNEED: zap the range (private COW copies too); FREE: mark its
 * anonymous pages lazily freeable. Linux: madvise_dontneed_free()
 */
static int madvise_dontneed_free(struct vm_area_struct *vma, struct vm_area_struct **prev,
				 unsigned long start, unsigned long end, int behavior)
{
	int err;

	*prev = vma;
	if (!madvise_dontneed_free_valid_vma(vma, behavior))
		return -EINVAL;
	if (!userfaultfd_remove(vma, start, end)) {
		*prev = NULL;	/* stale now */
		err = madvise_dontneed_revalidate(vma->vm_mm, &vma, start, &end, behavior);
		if (err)
			return err;
	}
	if (behavior == MADV_FREE) {
		if (!vma_is_anonymous(vma))
			return -EINVAL;
		update_hiwater_rss(vma->vm_mm);
		lru_add_drain();
		walk_page_range_vma(vma, start, end, &madvise_free_walk_ops, NULL);
		return 0;
	}
	zap_page_range_single(vma, start, end - start, true);
	return 0;
}

/*
 * REMOVE: free the backing store of a shared file range that may be
 * written (a hole punched in the tmpfs file), so that every mapping of
 * it reads zeros. A shared mapping that may not become writable (a
 * read-only file, a write-sealed memfd) is EACCES; a locked one EINVAL.
 * Linux: madvise_remove() (which drops mmap_lock around vfs_fallocate()
 * and so takes a file reference; here nothing can unmap it meanwhile)
 */
static int madvise_remove(struct vm_area_struct *vma, struct vm_area_struct **prev,
			  unsigned long start, unsigned long end)
{
	loff_t offset;

	*prev = vma;
	if (vma->vm_flags & VM_LOCKED)
		return -EINVAL;
	if (!vma->vm_file || !vma->vm_file->f_mapping || !vma->vm_file->f_mapping->host)
		return -EINVAL;
	if (!is_shared_maywrite(vma->vm_flags))
		return -EACCES;
	offset = (loff_t)(start - vma->vm_start) + ((loff_t)vma->vm_pgoff << PAGE_SHIFT);
	/* The monitor hears first (a REMOVE event). */
	(void)userfaultfd_remove(vma, start, end);
	return vfs_fallocate(vma->vm_file, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, offset,
			     (loff_t)(end - start));
}

/* --- faulting in --- */

/*
 * POPULATE_READ/WRITE: fault [start, end) in as a read or write would,
 * never past the protection (EINVAL), EFAULT where the fault fails
 * (SIGBUS past a file's end), ENOMEM with no memory. Linux: madvise_populate()
 */
static int madvise_populate(struct vm_area_struct *vma, struct vm_area_struct **prev,
			    unsigned long start, unsigned long end, int behavior)
{
	bool write = behavior == MADV_POPULATE_WRITE;
	struct mm_struct *mm = vma->vm_mm;

	*prev = vma;
	while (start < end) {
		unsigned long tmp_end;
		long pages;

		if (!vma || start >= vma->vm_end) {
			vma = vma_lookup(mm, start);
			if (!vma)
				return -ENOMEM;
		}
		tmp_end = min(end, vma->vm_end);
		pages = faultin_vma_page_range(vma, start, tmp_end, write);
		if (pages < 0)
			return pages == -EINVAL || pages == -EFAULT ? (int)pages : -ENOMEM;
		start += (unsigned long)pages * PAGE_SIZE;
	}
	return 0;
}

/* --- flags --- */

/* Not for locked, PFN-mapped or huge VMAs. Linux: can_madv_lru_vma() */
static bool can_madv_lru_vma(struct vm_area_struct *vma)
{
	return !(vma->vm_flags & (VM_LOCKED | VM_PFNMAP | VM_HUGETLB));
}

/*
 * The VMA flags an advice sets, from vma's: -EINVAL where it does not
 * apply to this VMA. Linux: the switch of madvise_vma_behavior(), with
 * ksm_madvise() and hugepage_madvise() reduced to their flags
 */
static long madvise_new_flags(struct vm_area_struct *vma, int behavior)
{
	unsigned long flags = vma->vm_flags;

	switch (behavior) {
	case MADV_NORMAL:
		return flags & ~(VM_RAND_READ | VM_SEQ_READ);
	case MADV_SEQUENTIAL:
		return (flags & ~VM_RAND_READ) | VM_SEQ_READ;
	case MADV_RANDOM:
		return (flags & ~VM_SEQ_READ) | VM_RAND_READ;
	case MADV_DONTFORK:
		return flags | VM_DONTCOPY;
	case MADV_DOFORK:
		return (flags & VM_IO) ? -EINVAL : (long)(flags & ~VM_DONTCOPY);
	case MADV_WIPEONFORK:
		if (vma->vm_file || (flags & VM_SHARED))
			return -EINVAL;	/* anonymous private memory only */
		return flags | VM_WIPEONFORK;
	case MADV_KEEPONFORK:
		return flags & ~VM_WIPEONFORK;
	case MADV_DONTDUMP:
		return flags | VM_DONTDUMP;
	case MADV_DODUMP:
		return (flags & VM_SPECIAL) ? -EINVAL : (long)(flags & ~VM_DONTDUMP);
	case MADV_MERGEABLE:
		if (flags & (VM_MERGEABLE | VM_SHARED | VM_MAYSHARE | VM_PFNMAP | VM_IO |
			     VM_DONTEXPAND | VM_HUGETLB | VM_MIXEDMAP))
			return flags;
		return flags | VM_MERGEABLE;
	case MADV_UNMERGEABLE:
		return flags & ~VM_MERGEABLE;
	case MADV_HUGEPAGE:
		return (flags & ~VM_NOHUGEPAGE) | VM_HUGEPAGE;
	case MADV_NOHUGEPAGE:
		return (flags & ~VM_HUGEPAGE) | VM_NOHUGEPAGE;
	}
	return -EINVAL;
}

/*
 * Apply one advice to [start, end), all inside vma; *prev is set to the
 * VMA now covering it. A flag change that cannot get its VMA (no memory)
 * is EAGAIN, as in Linux. Linux: madvise_vma_behavior()
 */
static int madvise_vma_behavior(struct vm_area_struct *vma, struct vm_area_struct **prev,
				unsigned long start, unsigned long end, int behavior)
{
	long new_flags;

	switch (behavior) {
	case MADV_REMOVE:
		return madvise_remove(vma, prev, start, end);
	case MADV_WILLNEED:
		*prev = vma;
		return 0;
	case MADV_COLD:
	case MADV_PAGEOUT:
		*prev = vma;
		if (!can_madv_lru_vma(vma))
			return -EINVAL;
		return madvise_cold_or_pageout(vma, start, end, behavior == MADV_PAGEOUT);
	case MADV_FREE:
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
		return madvise_dontneed_free(vma, prev, start, end, behavior);
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return madvise_populate(vma, prev, start, end, behavior);
	case MADV_COLLAPSE:
		*prev = vma;
		return -EINVAL;
	}
	new_flags = madvise_new_flags(vma, behavior);
	if (new_flags < 0)
		return (int)new_flags;
	if ((unsigned long)new_flags == vma->vm_flags) {
		*prev = vma;
		return 0;
	}
	vma = vma_modify_flags(prev, vma, start, end, (unsigned long)new_flags);
	if (IS_ERR(vma))
		return PTR_ERR(vma) == -ENOMEM ? -EAGAIN : (int)PTR_ERR(vma);
	vma->vm_flags = (unsigned long)new_flags;
	return 0;
}

/*
 * Apply the advice to every VMA in [start, end); ENOMEM at the end if
 * part of the range was not mapped (the rest is still advised), as in
 * Linux. Linux: madvise_walk_vmas()
 */
static int madvise_walk_vmas(struct mm_struct *mm, unsigned long start, unsigned long end,
			     int behavior)
{
	struct vm_area_struct *vma, *prev;
	int unmapped_error = 0, error;
	unsigned long tmp;

	vma = find_vma_prev(mm, start, &prev);
	if (vma && start > vma->vm_start)
		prev = vma;
	for (;;) {
		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start) {
			unmapped_error = -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		tmp = min(vma->vm_end, end);
		error = madvise_vma_behavior(vma, &prev, start, tmp, behavior);
		if (error)
			return error;
		start = tmp;
		if (prev && start < prev->vm_end)
			start = prev->vm_end;
		if (start >= end)
			break;
		vma = find_vma(mm, prev ? prev->vm_end : start);
	}
	return unmapped_error;
}

/* Linux: do_madvise() */
int do_madvise(struct mm_struct *mm, unsigned long start, size_t len_in, int behavior)
{
	unsigned long end;
	size_t len;
	int error;

	if (!madvise_behavior_valid(behavior))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	len = PAGE_ALIGN(len_in);
	if (len_in && !len)
		return -EINVAL;	/* a small negative length rounded up to 0 */
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	if (behavior == MADV_HWPOISON || behavior == MADV_SOFT_OFFLINE)
		return capable(CAP_SYS_ADMIN) ? -EINVAL : -EPERM;
	/* Linux: mmap_lock for reading or writing, as the advice needs. */
	error = madvise_walk_vmas(mm, start, end, behavior);
	validate_mm(mm);
	return error;
}

SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len_in, int, behavior)
{
	return do_madvise(current->mm, start, len_in, behavior);
}

/* The advice another process may be given: none that loses data. Linux: process_madvise_behavior_valid() */
static bool process_madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_COLD:
	case MADV_PAGEOUT:
	case MADV_WILLNEED:
	case MADV_COLLAPSE:
		return true;
	default:
		return false;
	}
}

/*
 * Advise each range of vec in the address space of the process pidfd
 * names; the bytes advised before the first range that failed, or that
 * failure's errno. Linux: SYSCALL_DEFINE5(process_madvise) (Faultline
 * differs: a zombie, which has no mm, is ESRCH; 6.1 follows the NULL)
 */
SYSCALL_DEFINE5(process_madvise, int, pidfd, const struct iovec __user *, vec, size_t, vlen,
		int, behavior, unsigned int, flags)
{
	struct iovec *iov;
	struct iov_iter iter;
	struct task_struct *task;
	struct mm_struct *mm;
	unsigned int f_flags;
	size_t total_len;
	long ret;

	if (flags != 0)
		return -EINVAL;
	ret = import_iovec(vec, vlen, &iov, &iter);
	if (ret < 0)
		return ret;
	task = pidfd_get_task(pidfd, &f_flags);
	if (IS_ERR(task)) {
		ret = PTR_ERR(task);
		goto free_iov;
	}
	ret = -EINVAL;
	if (!process_madvise_behavior_valid(behavior))
		goto release_task;
	/* PTRACE_MODE_READ: else the layout of another's memory would leak */
	mm = mm_access(task, PTRACE_MODE_READ_FSCREDS);
	ret = PTR_ERR_OR_ZERO(mm);
	if (ret)
		goto release_task;
	ret = -EPERM;
	if (!capable(CAP_SYS_NICE))
		goto release_mm;
	ret = 0;
	total_len = iov_iter_count(&iter);
	for (unsigned long seg = 0; seg < iter.nr_segs; seg++) {
		ret = do_madvise(mm, (unsigned long)iter.iov[seg].iov_base, iter.iov[seg].iov_len,
				 behavior);
		if (ret < 0)
			break;
		iter.count -= iter.iov[seg].iov_len;
	}
	ret = (total_len - iov_iter_count(&iter)) ? (long)(total_len - iov_iter_count(&iter)) : ret;
release_mm:
	mmput(mm);
release_task:
	put_task_struct(task);
free_iov:
	kfree(iov);
	return ret;
}
