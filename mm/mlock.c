// SPDX-License-Identifier: GPL-2.0
/*
 * Locking memory: mlock, mlock2, munlock, mlockall, munlockall. Linux:
 * mm/mlock.c
 *
 * Two things are locked, as in Linux:
 *   the VMA    VM_LOCKED (and VM_LOCKONFAULT: lock pages only as they
 *              fault in, mlock2's MLOCK_ONFAULT); mm->locked_vm counts
 *              its pages (VmLck), RLIMIT_MEMLOCK bounds it for callers
 *              without CAP_IPC_LOCK
 *   the page   PG_mlocked while some VM_LOCKED VMA maps it, with
 *              page->mlock_count saying how many; NR_MLOCK counts such
 *              pages (Mlocked in /proc/meminfo)
 *
 * A page is locked when it is mapped into a VM_LOCKED VMA (the rmap
 * calls mlock_vma_page; a new anonymous page comes through
 * mlock_new_page) and when a VMA with pages becomes VM_LOCKED
 * (mlock_fixup walks them); it is unlocked as those mappings go. A
 * locked page is unevictable: it leaves the active or inactive list for
 * LRU_UNEVICTABLE (counted there, linked nowhere), and page->mlock_count,
 * which then overlays its lru field, counts the locked VMAs mapping it.
 * As in Linux 6.1, the count is kept only while the page is on the LRU:
 * a page reclaim has isolated is locked (PG_mlocked) but not counted,
 * and reclaim puts it right when it finds the locked VMA. Nothing
 * isolates pages yet, so here the count is exact.
 * Faultline differs: Linux queues these moves in a per-CPU batch
 * (mlock_pvec) applied at lru_add_drain(); here they happen at once.
 * Left out: huge pages.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pagewalk.h>
#include <linux/capability.h>
#include <linux/vmstat.h>
#include <linux/syscalls.h>
#include <linux/mm_inline.h>
#include <linux/swap.h>
#include "internal.h"

/* Linux: VM_LOCKED_CLEAR_MASK */
#define VM_LOCKED_CLEAR_MASK	(~(VM_LOCKED | VM_LOCKONFAULT))

/* May the caller lock memory at all? Linux: can_do_mlock() */
bool can_do_mlock(void)
{
	if (rlimit(RLIMIT_MEMLOCK) != 0)
		return true;
	return capable(CAP_IPC_LOCK);
}

/*
 * Would len more bytes of a VM_LOCKED mapping pass RLIMIT_MEMLOCK?
 * -EAGAIN if so (and no CAP_IPC_LOCK). Linux: mm/mmap.c mlock_future_check()
 */
int mlock_future_check(struct mm_struct *mm, unsigned long flags, unsigned long len)
{
	unsigned long locked, lock_limit;

	if (!(flags & VM_LOCKED))
		return 0;
	locked = (len >> PAGE_SHIFT) + mm->locked_vm;
	lock_limit = rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT;
	if (locked > lock_limit && !capable(CAP_IPC_LOCK))
		return -EAGAIN;
	return 0;
}

/* --- pages --- */

/*
 * The LRU side of locking a page on a list: count one more locked VMA,
 * or, the first time, move it to the unevictable list. Linux: __mlock_page()
 */
static void __mlock_page(struct page *page)
{
	struct lruvec *lruvec;
	unsigned long flags;

	if (!TestClearPageLRU(page))
		return;		/* isolated: nothing more to do off the LRU */
	lruvec = lock_page_lruvec_irqsave(page, &flags);
	if (page_evictable(page)) {
		/* unlocked again meanwhile (Linux: another CPU); Faultline cannot get here */
		goto out;
	}
	if (PageUnevictable(page)) {
		if (PageMlocked(page))
			page->mlock_count++;
		goto out;
	}
	del_page_from_lru_list(page, lruvec);
	ClearPageActive(page);
	SetPageUnevictable(page);
	page->mlock_count = 1;
	add_page_to_lru_list(page, lruvec);
	count_vm_event(UNEVICTABLE_PGCULLED);
out:
	unlock_page_lruvec_irqrestore(lruvec, flags);
	SetPageLRU(page);
}

/* One more locked VMA maps page, which is on the LRU. Linux: mlock_folio() */
static void mlock_page(struct page *page)
{
	if (!TestSetPageMlocked(page)) {
		__mod_zone_page_state(page_zone(page), NR_MLOCK, 1);
		count_vm_event(UNEVICTABLE_PGMLOCKED);
	}
	__mlock_page(page);
}

/*
 * A new page, on no list yet, mapped into a locked VMA: locked, and
 * straight onto the unevictable list. Linux: mlock_new_page(), __mlock_new_page()
 */
void mlock_new_page(struct page *page)
{
	struct lruvec *lruvec;
	unsigned long flags;

	VM_BUG_ON(PageLRU(page));
	SetPageMlocked(page);
	__mod_zone_page_state(page_zone(page), NR_MLOCK, 1);
	count_vm_event(UNEVICTABLE_PGMLOCKED);
	lruvec = lock_page_lruvec_irqsave(page, &flags);
	SetPageUnevictable(page);
	page->mlock_count = 1;
	count_vm_event(UNEVICTABLE_PGCULLED);
	add_page_to_lru_list(page, lruvec);
	SetPageLRU(page);
	unlock_page_lruvec_irqrestore(lruvec, flags);
}

/*
 * One locked VMA less maps page: at the last, clear PG_mlocked and give
 * the page back to the evictable lists (rescued). A page off the LRU is
 * unlocked at once (stranded if it was unevictable). Linux:
 * munlock_page() -> __munlock_page()
 */
static void munlock_page(struct page *page)
{
	struct lruvec *lruvec = NULL;
	unsigned long flags = 0;
	bool isolated = TestClearPageLRU(page);

	if (isolated) {
		lruvec = lock_page_lruvec_irqsave(page, &flags);
		if (PageUnevictable(page)) {
			if (page->mlock_count)
				page->mlock_count--;
			if (page->mlock_count)
				goto out;
		}
	}
	if (TestClearPageMlocked(page)) {
		__mod_zone_page_state(page_zone(page), NR_MLOCK, -1);
		if (isolated || !PageUnevictable(page))
			count_vm_event(UNEVICTABLE_PGMUNLOCKED);
		else
			count_vm_event(UNEVICTABLE_PGSTRANDED);
	}
	/* page_evictable() only now: PG_mlocked has just been cleared */
	if (isolated && PageUnevictable(page) && page_evictable(page)) {
		del_page_from_lru_list(page, lruvec);
		ClearPageUnevictable(page);
		add_page_to_lru_list(page, lruvec);
		count_vm_event(UNEVICTABLE_PGRESCUED);
	}
out:
	if (isolated) {
		unlock_page_lruvec_irqrestore(lruvec, flags);
		SetPageLRU(page);
	}
}

/*
 * The rmap's hooks: page was just mapped into, or unmapped from, vma.
 * Linux: mm/internal.h mlock_vma_folio(), munlock_vma_folio()
 */
void mlock_vma_page(struct page *page, struct vm_area_struct *vma)
{
	if ((vma->vm_flags & (VM_LOCKED | VM_SPECIAL)) == VM_LOCKED)
		mlock_page(page);
}

void munlock_vma_page(struct page *page, struct vm_area_struct *vma)
{
	if ((vma->vm_flags & (VM_LOCKED | VM_SPECIAL)) == VM_LOCKED)
		munlock_page(page);
}

static int mlock_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			   struct mm_walk *walk)
{
	struct page *page;

	(void)next;
	if (!pte_present(*pte))
		return 0;
	page = vm_normal_page(walk->vma, addr, *pte);
	if (!page)
		return 0;
	if (walk->vma->vm_flags & VM_LOCKED)
		mlock_page(page);
	else
		munlock_page(page);
	return 0;
}

static const struct mm_walk_ops mlock_walk_ops = {
	.pte_entry = mlock_pte_entry,
};

/*
 * vma's range [start, end) changes between locked and unlocked: set the
 * flags, then lock or unlock each page it maps now (pages faulted later
 * are locked by the rmap). Linux: mlock_vma_pages_range()
 */
static void mlock_vma_pages_range(struct vm_area_struct *vma, unsigned long start,
				  unsigned long end, unsigned long newflags)
{
	vma->vm_flags = newflags;
	lru_add_drain();
	walk_page_range_vma(vma, start, end, &mlock_walk_ops, NULL);
	lru_add_drain();
}

/* --- VMAs --- */

/*
 * Give [start, end) of vma the lock flags in newflags: merge or split as
 * mprotect does, count locked_vm, lock or unlock the pages. Special
 * mappings are left as they are. *prev is set to the VMA now covering
 * the range. Linux: mlock_fixup()
 */
int mlock_fixup(struct vm_area_struct *vma, struct vm_area_struct **prev, unsigned long start,
		unsigned long end, unsigned long newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long oldflags = vma->vm_flags;
	long nr_pages;

	if (newflags == oldflags || (oldflags & VM_SPECIAL)) {
		*prev = vma;
		return 0;
	}
	vma = vma_modify_flags(prev, vma, start, end, newflags);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	nr_pages = (long)((end - start) >> PAGE_SHIFT);
	if (!(newflags & VM_LOCKED))
		nr_pages = -nr_pages;
	else if (oldflags & VM_LOCKED)
		nr_pages = 0;
	mm->locked_vm += nr_pages;
	if ((newflags & VM_LOCKED) && (oldflags & VM_LOCKED))
		vma->vm_flags = newflags;	/* only ONFAULT changes: the pages stay locked */
	else
		mlock_vma_pages_range(vma, start, end, newflags);
	return 0;
}

/*
 * Set (flags = VM_LOCKED [| VM_LOCKONFAULT]) or clear (0) the lock flags
 * of every VMA in [start, start + len); ENOMEM where part of it is not
 * mapped. Linux: apply_vma_lock_flags()
 */
static int apply_vma_lock_flags(unsigned long start, size_t len, unsigned long flags)
{
	unsigned long nstart, end, tmp;
	struct vm_area_struct *vma, *prev;
	int error = 0;

	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	vma = vma_lookup(current->mm, start);
	if (!vma)
		return -ENOMEM;
	prev = start > vma->vm_start ? vma : vma->vm_prev;
	for (nstart = start;;) {
		unsigned long newflags = (vma->vm_flags & VM_LOCKED_CLEAR_MASK) | flags;

		tmp = min(vma->vm_end, end);
		error = mlock_fixup(vma, &prev, nstart, tmp, newflags);
		if (error)
			break;
		nstart = tmp;
		if (nstart < prev->vm_end)
			nstart = prev->vm_end;
		if (nstart >= end)
			break;
		vma = prev->vm_next;
		if (!vma || vma->vm_start != nstart) {
			error = -ENOMEM;
			break;
		}
	}
	return error;
}

/*
 * Pages of [start, start + len) already in VM_LOCKED VMAs: locking them
 * again costs nothing against RLIMIT_MEMLOCK.
 * Linux: count_mm_mlocked_page_nr()
 */
static unsigned long count_mm_mlocked_page_nr(struct mm_struct *mm, unsigned long start,
					      size_t len)
{
	unsigned long end = start + len, count = 0;
	struct vm_area_struct *vma;

	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma->vm_next) {
		if (!(vma->vm_flags & VM_LOCKED))
			continue;
		if (start > vma->vm_start)
			count -= start - vma->vm_start;
		if (end < vma->vm_end) {
			count += end - vma->vm_start;
			break;
		}
		count += vma->vm_end - vma->vm_start;
	}
	return count >> PAGE_SHIFT;
}

/* populate's errors as POSIX wants them from mlock. Linux: __mlock_posix_error_return() */
static int mlock_posix_error(long retval)
{
	if (retval == -EFAULT)
		return -ENOMEM;
	if (retval == -ENOMEM)
		return -EAGAIN;
	return (int)retval;
}

/*
 * Lock [start, start + len), then fault it all in. EPERM without the
 * right to lock, ENOMEM past RLIMIT_MEMLOCK or over a hole, EAGAIN if
 * the pages cannot be had. Linux: do_mlock()
 */
int do_mlock(unsigned long start, size_t len, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long locked, lock_limit;
	int error = -ENOMEM;

	if (!can_do_mlock())
		return -EPERM;
	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	lock_limit = rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT;
	/* Linux: mmap_lock for writing while the flags change. */
	locked = (len >> PAGE_SHIFT) + mm->locked_vm;
	if (locked > lock_limit && !capable(CAP_IPC_LOCK))
		locked -= count_mm_mlocked_page_nr(mm, start, len);
	if (locked <= lock_limit || capable(CAP_IPC_LOCK))
		error = apply_vma_lock_flags(start, len, flags);
	if (error)
		return error;
	error = __mm_populate(start, len, 0);
	return error ? mlock_posix_error(error) : 0;
}

SYSCALL_DEFINE2(mlock, unsigned long, start, size_t, len)
{
	return do_mlock(start, len, VM_LOCKED);
}

SYSCALL_DEFINE3(mlock2, unsigned long, start, size_t, len, int, flags)
{
	unsigned long vm_flags = VM_LOCKED;

	if (flags & ~MLOCK_ONFAULT)
		return -EINVAL;
	if (flags & MLOCK_ONFAULT)
		vm_flags |= VM_LOCKONFAULT;
	return do_mlock(start, len, vm_flags);
}

/* Unlock [start, start + len) (rounded out to pages). Linux: SYSCALL_DEFINE2(munlock) */
int do_munlock(unsigned long start, size_t len)
{
	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	return apply_vma_lock_flags(start, len, 0);
}

SYSCALL_DEFINE2(munlock, unsigned long, start, size_t, len)
{
	return do_munlock(start, len);
}

/*
 * mlockall's flags: MCL_FUTURE goes into def_flags (every later mapping
 * is locked), MCL_CURRENT onto every VMA now (errors ignored, as in
 * Linux); 0 unlocks everything. Linux: apply_mlockall_flags()
 */
static void apply_mlockall_flags(int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *prev = NULL;
	unsigned long to_add = 0;

	mm->def_flags &= VM_LOCKED_CLEAR_MASK;
	if (flags & MCL_FUTURE) {
		mm->def_flags |= VM_LOCKED;
		if (flags & MCL_ONFAULT)
			mm->def_flags |= VM_LOCKONFAULT;
		if (!(flags & MCL_CURRENT))
			return;
	}
	if (flags & MCL_CURRENT) {
		to_add |= VM_LOCKED;
		if (flags & MCL_ONFAULT)
			to_add |= VM_LOCKONFAULT;
	}
	for (vma = mm->mmap; vma; vma = prev->vm_next) {
		unsigned long newflags = (vma->vm_flags & VM_LOCKED_CLEAR_MASK) | to_add;

		mlock_fixup(vma, &prev, vma->vm_start, vma->vm_end, newflags);
	}
}

SYSCALL_DEFINE1(mlockall, int, flags)
{
	unsigned long lock_limit;

	if (!flags || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)) || flags == MCL_ONFAULT)
		return -EINVAL;
	if (!can_do_mlock())
		return -EPERM;
	lock_limit = rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT;
	if ((flags & MCL_CURRENT) && current->mm->total_vm > lock_limit &&
	    !capable(CAP_IPC_LOCK))
		return -ENOMEM;
	apply_mlockall_flags(flags);
	if (flags & MCL_CURRENT)
		mm_populate(0, TASK_SIZE);
	return 0;
}

SYSCALL_DEFINE0(munlockall)
{
	apply_mlockall_flags(0);
	return 0;
}
