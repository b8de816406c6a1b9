// SPDX-License-Identifier: GPL-2.0
/*
 * mremap(2): shrink, grow or move a mapping, keeping its pages. Linux:
 * mm/mremap.c
 *
 *   shrink            unmap the tail: [addr + new_len, addr + old_len)
 *   grow in place     the space after the VMA is free: the VMA grows
 *                     (vma_merge with the extension, which may also join
 *                     the next VMA)
 *   move (MAYMOVE,    a new VMA elsewhere (copy_vma), the page tables
 *    FIXED,           moved under it (move_page_tables: PTE by PTE, or a
 *    DONTUNMAP)       whole PTE table at once when 2 MiB line up), then
 *                     the old range unmapped (or, DONTUNMAP, left empty)
 *
 * A move keeps every page where rmap will look for it: the new VMA gets
 * the old range's vm_pgoff, so page->index still gives the page's
 * address in it (vma_address()), and it joins the same anon_vmas. Only
 * a VMA that never had an anonymous page may take a fresh pgoff (its
 * new address), so that it can merge with its new neighbours.
 *
 * A range registered with a userfaultfd stays registered where it goes
 * only if the uffd asked for UFFD_FEATURE_EVENT_REMAP (and is told with
 * a REMAP event once the move is done); otherwise it arrives unregistered,
 * its uffd-wp bits cleared. The unmaps along the way send UNMAP events.
 *
 * Left out from Linux: huge pages, KSM, moving a whole PUD (1 GiB) at
 * once, vm_ops->mremap (no special mapping has one here).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/fs.h>
#include <linux/rmap.h>
#include <linux/pagewalk.h>
#include <linux/swapops.h>
#include <linux/userfaultfd_k.h>
#include <linux/syscalls.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include "internal.h"

/* --- moving page tables --- */

/* The PMD entry for addr in mm, with the tables above it made. Linux: alloc_new_pmd() */
static pmd_t *alloc_new_pmd(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pud_t *pud = pud_alloc(mm, p4d_offset(pgd, addr), addr);

	if (!pud)
		return NULL;
	return pmd_alloc(mm, pud, addr);
}

/*
 * Move the PTEs of [old_addr, old_end), all in one PTE table, to the
 * table of new_pmd from new_addr. A moved PTE is soft-dirty, so that a
 * tracker (clear_refs 4) sees the page as written at its new place.
 * Linux: move_ptes() (which takes both tables' locks, and the rmap
 * locks when rmap could otherwise miss the page between the two PTEs;
 * with one CPU and no preemption no walk can run in between)
 */
static void move_ptes(pmd_t *old_pmd, unsigned long old_addr, unsigned long old_end,
		      pmd_t *new_pmd, unsigned long new_addr, bool clear_uffd_wp)
{
	pte_t *old_pte = pte_offset_kernel(old_pmd, old_addr);
	pte_t *new_pte = pte_offset_kernel(new_pmd, new_addr);

	for (; old_addr < old_end; old_pte++, new_pte++, old_addr += PAGE_SIZE) {
		pte_t pte = *old_pte;

		if (pte_none(pte))
			continue;
		pte_clear(old_pte);
		/* Linux: move_soft_dirty_pte(); a swap PTE keeps its bits apart */
		if (pte_present(pte)) {
			pte = pte_mksoft_dirty(pte);
			if (clear_uffd_wp)
				pte = pte_clear_uffd_wp(pte);
		} else {
			pte = pte_swp_mksoft_dirty(pte);
			if (clear_uffd_wp)
				pte = pte_swp_clear_uffd_wp(pte);
		}
		set_pte(new_pte, pte);
	}
}

/*
 * Move a whole PTE table: the old PMD entry's table becomes the new
 * entry's. Only when the new entry is empty (free_pgtables() has freed
 * what was there). Linux: move_normal_pmd() (CONFIG_HAVE_MOVE_PMD)
 */
static bool move_normal_pmd(pmd_t *old_pmd, pmd_t *new_pmd)
{
	if (!pmd_none(*new_pmd))
		return false;
	set_pmd(new_pmd, *old_pmd);
	pmd_clear(old_pmd);
	return true;
}

struct move_walk {
	unsigned long old_start, new_start;
	bool clear_uffd_wp;		/* the moved range leaves its uffd behind */
	unsigned long failed_at;	/* where a table allocation failed */
	unsigned long tables_moved;	/* whole PTE tables moved (for the ktests) */
};

/*
 * One old PTE table's part of the move, [addr, next): in pieces that
 * also stay within one new PTE table (the two ranges need not line up
 * on 2 MiB). Linux: the loop body of move_page_tables()
 */
static int move_pmd_entry(pmd_t *old_pmd, unsigned long addr, unsigned long next,
			  struct mm_walk *walk)
{
	struct move_walk *mw = walk->private;
	unsigned long extent;

	for (; addr < next; addr += extent) {
		unsigned long new_addr = addr - mw->old_start + mw->new_start;
		pmd_t *new_pmd;

		extent = min(next - addr, PMD_SIZE - (new_addr & ~PMD_MASK));
		new_pmd = alloc_new_pmd(walk->mm, new_addr);
		if (!new_pmd)
			goto fail;
		/* Whole tables only where no PTE needs its uffd-wp bit cleared. */
		if (extent == PMD_SIZE && !mw->clear_uffd_wp && move_normal_pmd(old_pmd, new_pmd)) {
			mw->tables_moved++;
			continue;
		}
		if (pmd_none(*new_pmd) && __pte_alloc(walk->mm, new_pmd))
			goto fail;
		move_ptes(old_pmd, addr, addr + extent, new_pmd, new_addr, mw->clear_uffd_wp);
	}
	return 0;
fail:
	mw->failed_at = addr;
	return -ENOMEM;
}

static const struct mm_walk_ops move_walk_ops = {
	.pmd_entry = move_pmd_entry,
};

/*
 * Move the page tables of [old_addr, old_addr + len) of vma to new_addr
 * (in new_vma): the pages go with their PTEs, nothing is copied. Returns
 * how many bytes were moved: len, or less if a page table for the new
 * place could not be allocated. Linux: move_page_tables()
 */
unsigned long move_page_tables(struct vm_area_struct *vma, unsigned long old_addr,
			       struct vm_area_struct *new_vma, unsigned long new_addr,
			       unsigned long len)
{
	struct move_walk mw = {
		.old_start = old_addr, .new_start = new_addr,
		.clear_uffd_wp = vma_has_uffd_without_event_remap(vma),
	};
	unsigned long moved = len;

	(void)new_vma;
	if (!len)
		return 0;
	if (walk_page_range_vma(vma, old_addr, old_addr + len, &move_walk_ops, &mw))
		moved = mw.failed_at - old_addr;
	flush_tlb_range(vma, old_addr, old_addr + len);
	return moved;
}

/* --- the new VMA --- */

/*
 * A VMA for [addr, addr + len) to take over part of *vmap at pgoff:
 * merged into a neighbour when they are compatible, else a copy of it.
 * A VMA that never had anonymous pages takes pgoff from its new address,
 * which may merge it with itself (moving next to its own old place):
 * then *vmap is the merged VMA. Linux: mm/mmap.c copy_vma()
 */
static struct vm_area_struct *copy_vma(struct vm_area_struct **vmap, unsigned long addr,
				       unsigned long len, pgoff_t pgoff, bool keep_source)
{
	struct vm_area_struct *vma = *vmap, *new_vma, *prev;
	struct mm_struct *mm = vma->vm_mm;
	unsigned long vma_start = vma->vm_start;
	bool can_self_merge = false;

	if (vma_is_anonymous(vma) && !vma->anon_vma) {
		pgoff = addr >> PAGE_SHIFT;
		can_self_merge = true;
	}
	new_vma = find_vma_prev(mm, addr, &prev);
	if (new_vma && new_vma->vm_start < addr + len)
		return NULL;	/* the caller unmapped the range: cannot happen */
	/* DONTUNMAP keeps the source: it must not merge with its copy. */
	if (can_self_merge && keep_source && (addr == vma->vm_end || vma->vm_start == addr + len))
		new_vma = NULL;
	else
		new_vma = vma_merge(mm, prev, addr, addr + len, vma->vm_flags, vma->anon_vma,
				    vma->vm_file, pgoff, vma->vm_userfaultfd_ctx);
	if (new_vma) {
		if (vma_start >= new_vma->vm_start && vma_start < new_vma->vm_end) {
			VM_BUG_ON(!can_self_merge);
			*vmap = new_vma;
		}
		return new_vma;
	}
	new_vma = vm_area_dup(vma);
	if (!new_vma)
		return NULL;
	new_vma->vm_start = addr;
	new_vma->vm_end = addr + len;
	new_vma->vm_pgoff = pgoff;
	if (anon_vma_clone(new_vma, vma))
		goto out_free;
	if (new_vma->vm_file)
		get_file(new_vma->vm_file);
	if (new_vma->vm_ops && new_vma->vm_ops->open)
		new_vma->vm_ops->open(new_vma);
	if (vma_insert_at(mm, new_vma))
		goto out_unlink;
	return new_vma;

out_unlink:
	if (new_vma->vm_ops && new_vma->vm_ops->close)
		new_vma->vm_ops->close(new_vma);
	if (new_vma->vm_file)
		fput(new_vma->vm_file);
	unlink_anon_vmas(new_vma);
out_free:
	vm_area_free(new_vma);
	return NULL;
}

/* --- moving a VMA --- */

/*
 * DONTUNMAP leaves the old range mapped but empty: unlocked, and if the
 * whole VMA moved, without anon_vmas (an anonymous VMA that never
 * faulted has pgoff = start >> PAGE_SHIFT again). Linux: in move_vma()
 */
static void dontunmap_leave_empty(struct vm_area_struct *vma, unsigned long old_addr,
				  unsigned long old_len)
{
	vma->vm_flags &= ~(VM_LOCKED | VM_LOCKONFAULT);
	if (vma->vm_start == old_addr && vma->vm_end == old_addr + old_len) {
		unlink_anon_vmas(vma);
		if (vma_is_anonymous(vma) && !vma->vm_file)
			vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT;
	}
}

/*
 * Move [old_addr, old_addr + old_len) of vma to new_addr, as new_len
 * bytes: a new VMA, the page tables moved into it, the old range
 * unmapped. Accounting as 6.1: the growth is charged first; the old
 * range's VM_ACCOUNT is hidden from the unmap so its charge stays with
 * the new VMA. If the tables cannot all be moved, they are moved back
 * and the new VMA unmapped instead. Returns new_addr or -errno.
 * Linux: move_vma()
 */
static unsigned long move_vma(struct vm_area_struct *vma, unsigned long old_addr,
			      unsigned long old_len, unsigned long new_len, unsigned long new_addr,
			      bool *locked, unsigned long flags, struct vm_userfaultfd_ctx *uf,
			      struct list_head *uf_unmap)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long vm_flags = vma->vm_flags, hiwater_vm, moved_len, excess = 0;
	long to_account = (long)new_len - (long)old_len;
	struct vm_area_struct *new_vma;
	bool split = false;
	pgoff_t new_pgoff;
	long err = 0;

	/* Unmapping the old range may split a VMA in three: keep room. */
	if (mm->map_count >= sysctl_max_map_count - 3)
		return -ENOMEM;
	if (flags & MREMAP_DONTUNMAP)
		to_account = (long)new_len;
	/* A locked VMA is split first, so locked_vm follows what stays locked. */
	if ((flags & MREMAP_DONTUNMAP) && (vma->vm_flags & VM_LOCKED)) {
		if (vma->vm_start != old_addr)
			err = split_vma(mm, vma, old_addr, 1);
		if (!err && vma->vm_end != old_addr + old_len)
			err = split_vma(mm, vma, old_addr + old_len, 0);
		if (err)
			return err;
	}
	if ((vm_flags & VM_ACCOUNT) && __vm_enough_memory(mm, to_account >> PAGE_SHIFT))
		return -ENOMEM;

	new_pgoff = vma->vm_pgoff + ((old_addr - vma->vm_start) >> PAGE_SHIFT);
	new_vma = copy_vma(&vma, new_addr, new_len, new_pgoff, flags & MREMAP_DONTUNMAP);
	if (!new_vma) {
		if (vm_flags & VM_ACCOUNT)
			vm_unacct_memory(to_account >> PAGE_SHIFT);
		return -ENOMEM;
	}
	moved_len = move_page_tables(vma, old_addr, new_vma, new_addr, old_len);
	if (moved_len < old_len) {
		/* Put back what moved, then unmap the new range, not the old. */
		move_page_tables(new_vma, new_addr, vma, old_addr, moved_len);
		vma = new_vma;
		old_len = new_len;
		old_addr = new_addr;
		new_addr = -ENOMEM;
		err = -ENOMEM;
	} else {
		mremap_userfaultfd_prep(new_vma, uf);
	}

	/* Hide VM_ACCOUNT from the unmap: the charge moves with the pages. */
	if ((vm_flags & VM_ACCOUNT) && !(flags & MREMAP_DONTUNMAP)) {
		vma->vm_flags &= ~VM_ACCOUNT;
		excess = vma->vm_end - vma->vm_start - old_len;
		if (old_addr > vma->vm_start && old_addr + old_len < vma->vm_end)
			split = true;
	}
	/* total_vm counts both ranges for a moment: keep the peak true. */
	hiwater_vm = mm->hiwater_vm;
	vm_stat_account(mm, vma->vm_flags, new_len >> PAGE_SHIFT);

	if (!err && (flags & MREMAP_DONTUNMAP)) {
		dontunmap_leave_empty(vma, old_addr, old_len);
		return new_addr;	/* nothing unmapped: locked_vm stays */
	}
	if (__do_munmap(mm, old_addr, old_len, uf_unmap) < 0) {
		/* The split failed: at least keep the charge right. */
		if ((vm_flags & VM_ACCOUNT) && !(flags & MREMAP_DONTUNMAP))
			vm_acct_memory(old_len >> PAGE_SHIFT);
		excess = 0;
	}
	if (vm_flags & VM_LOCKED) {
		mm->locked_vm += new_len >> PAGE_SHIFT;
		*locked = true;
	}
	mm->hiwater_vm = hiwater_vm;
	/* Give VM_ACCOUNT back to what is left of the old VMA (one or two pieces). */
	if (excess) {
		vma->vm_flags |= VM_ACCOUNT;
		if (split)
			find_vma(mm, vma->vm_end)->vm_flags |= VM_ACCOUNT;
	}
	return new_addr;
}

/*
 * The VMA that [addr, addr + old_len) lies in, if it may become new_len
 * long: EFAULT if the range is not in one VMA (or the VMA may not grow),
 * EINVAL for a private "duplicate" (old_len 0) or a DONTUNMAP of a
 * special mapping, EAGAIN past RLIMIT_MEMLOCK, ENOMEM past RLIMIT_AS or
 * RLIMIT_DATA. Linux: vma_to_resize()
 */
static struct vm_area_struct *vma_to_resize(unsigned long addr, unsigned long old_len,
					    unsigned long new_len, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = vma_lookup(mm, addr);
	pgoff_t pgoff;

	if (!vma)
		return ERR_PTR(-EFAULT);
	if (!old_len && !(vma->vm_flags & (VM_SHARED | VM_MAYSHARE))) {
		pr_warn_once("%s (%d): attempted to duplicate a private mapping with mremap.  This is not supported.\n",
			     current->comm, current->pid);
		return ERR_PTR(-EINVAL);
	}
	if ((flags & MREMAP_DONTUNMAP) && (vma->vm_flags & (VM_DONTEXPAND | VM_PFNMAP)))
		return ERR_PTR(-EINVAL);
	if (old_len > vma->vm_end - addr)
		return ERR_PTR(-EFAULT);
	if (new_len == old_len)
		return vma;
	pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	if (pgoff + (new_len >> PAGE_SHIFT) < pgoff)
		return ERR_PTR(-EINVAL);
	if (vma->vm_flags & (VM_DONTEXPAND | VM_PFNMAP))
		return ERR_PTR(-EFAULT);
	if (mlock_future_check(mm, vma->vm_flags, new_len - old_len))
		return ERR_PTR(-EAGAIN);
	if (!may_expand_vm(mm, vma->vm_flags, (new_len - old_len) >> PAGE_SHIFT))
		return ERR_PTR(-ENOMEM);
	return vma;
}

/*
 * MREMAP_FIXED (to new_addr, unmapping what is there) or MREMAP_DONTUNMAP
 * (the old range stays, empty). Linux: mremap_to()
 */
static unsigned long mremap_to(unsigned long addr, unsigned long old_len,
			       unsigned long new_addr, unsigned long new_len, bool *locked,
			       unsigned long flags, struct vm_userfaultfd_ctx *uf,
			       struct list_head *uf_unmap_early, struct list_head *uf_unmap)
{
	struct mm_struct *mm = current->mm;
	unsigned long map_flags = 0, ret;
	struct vm_area_struct *vma;

	if (new_addr & ~PAGE_MASK)
		return -EINVAL;
	if (new_len > TASK_SIZE || new_addr > TASK_SIZE - new_len)
		return -EINVAL;
	if (addr + old_len > new_addr && new_addr + new_len > addr)
		return -EINVAL;	/* the two ranges overlap */
	/* Both ends may split in three: stay clear of move_vma()'s limit. */
	if (mm->map_count + 2 >= sysctl_max_map_count - 3)
		return -ENOMEM;
	if (flags & MREMAP_FIXED) {
		ret = __do_munmap(mm, new_addr, new_len, uf_unmap_early);
		if (ret)
			return ret;
	}
	if (old_len > new_len) {
		ret = __do_munmap(mm, addr + new_len, old_len - new_len, uf_unmap);
		if (ret)
			return ret;
		old_len = new_len;
	}
	vma = vma_to_resize(addr, old_len, new_len, flags);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	if ((flags & MREMAP_DONTUNMAP) && !may_expand_vm(mm, vma->vm_flags, old_len >> PAGE_SHIFT))
		return -ENOMEM;
	if (flags & MREMAP_FIXED)
		map_flags |= MAP_FIXED;
	if (vma->vm_flags & VM_MAYSHARE)
		map_flags |= MAP_SHARED;
	ret = get_unmapped_area(vma->vm_file, new_addr, new_len,
				vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT), map_flags);
	if (IS_ERR_VALUE(ret))
		return ret;
	if (!(flags & MREMAP_FIXED))
		new_addr = ret;
	return move_vma(vma, addr, old_len, new_len, new_addr, locked, flags, uf, uf_unmap);
}

/* Is the space after vma free for delta more bytes? Linux: vma_expandable() */
static bool vma_expandable(struct vm_area_struct *vma, unsigned long delta)
{
	unsigned long end = vma->vm_end + delta;

	if (end < vma->vm_end)
		return false;
	if (find_vma_intersection(vma->vm_mm, vma->vm_end, end))
		return false;
	if (get_unmapped_area(NULL, vma->vm_start, end - vma->vm_start, 0, MAP_FIXED) &
	    ~PAGE_MASK)
		return false;
	return true;
}

/*
 * Grow vma, which ends at addr + old_len, in place to addr + new_len:
 * the extension merges into it (and into the next VMA, if it now
 * touches a compatible one). Returns addr or -ENOMEM.
 * Linux: the "can we just expand the current mapping?" part of mremap
 */
static unsigned long mremap_expand(struct vm_area_struct *vma, unsigned long addr,
				   unsigned long old_len, unsigned long new_len, bool *locked)
{
	struct mm_struct *mm = vma->vm_mm;
	long pages = (long)((new_len - old_len) >> PAGE_SHIFT);
	unsigned long ext_start = addr + old_len, ext_end = addr + new_len;
	pgoff_t ext_pgoff = vma->vm_pgoff + ((ext_start - vma->vm_start) >> PAGE_SHIFT);

	if ((vma->vm_flags & VM_ACCOUNT) && __vm_enough_memory(mm, pages))
		return -ENOMEM;
	vma = vma_merge(mm, vma, ext_start, ext_end, vma->vm_flags, vma->anon_vma,
			vma->vm_file, ext_pgoff, vma->vm_userfaultfd_ctx);
	if (!vma) {
		vm_unacct_memory(pages);
		return -ENOMEM;
	}
	vm_stat_account(mm, vma->vm_flags, pages);
	if (vma->vm_flags & VM_LOCKED) {
		mm->locked_vm += pages;
		*locked = true;
	}
	return addr;
}

/* Linux: the argument checks at the top of SYSCALL_DEFINE5(mremap) */
static bool mremap_flags_ok(unsigned long old_len, unsigned long new_len, unsigned long flags)
{
	if (flags & ~(MREMAP_FIXED | MREMAP_MAYMOVE | MREMAP_DONTUNMAP))
		return false;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return false;
	/* DONTUNMAP always moves, and never resizes. */
	if ((flags & MREMAP_DONTUNMAP) && (!(flags & MREMAP_MAYMOVE) || old_len != new_len))
		return false;
	return true;
}

/*
 * Resize or move a mapping. Returns the new address or -errno. A locked
 * mapping that grew has its new part faulted in. Linux: SYSCALL_DEFINE5(mremap)
 */
unsigned long do_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
			unsigned long flags, unsigned long new_addr)
{
	struct mm_struct *mm = current->mm;
	struct vm_userfaultfd_ctx uf = NULL_VM_UFFD_CTX;
	LIST_HEAD(uf_unmap_early);
	LIST_HEAD(uf_unmap);
	struct vm_area_struct *vma;
	bool locked = false;
	unsigned long ret;

	if (!mremap_flags_ok(old_len, new_len, flags) || (addr & ~PAGE_MASK))
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len)
		return -EINVAL;	/* a zero old_len "duplicates" a shared mapping; zero new_len is nothing */

	/* Linux: mmap_lock for writing from here to out. */
	if (!vma_lookup(mm, addr)) {
		ret = -EFAULT;
		goto out;
	}
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) {
		ret = mremap_to(addr, old_len, new_addr, new_len, &locked, flags, &uf,
				&uf_unmap_early, &uf_unmap);
		goto out;
	}
	/* Shrinking always works: it only unmaps the tail. */
	if (old_len >= new_len) {
		int err = __do_munmap(mm, addr + new_len, old_len - new_len, &uf_unmap);

		ret = (err < 0 && old_len != new_len) ? (unsigned long)err : addr;
		goto out;
	}
	vma = vma_to_resize(addr, old_len, new_len, flags);
	if (IS_ERR(vma)) {
		ret = PTR_ERR(vma);
		goto out;
	}
	if (old_len == vma->vm_end - addr && vma_expandable(vma, new_len - old_len)) {
		ret = mremap_expand(vma, addr, old_len, new_len, &locked);
		new_addr = addr;
		goto out;
	}
	ret = -ENOMEM;
	if (flags & MREMAP_MAYMOVE) {
		unsigned long map_flags = (vma->vm_flags & VM_MAYSHARE) ? MAP_SHARED : 0;

		new_addr = get_unmapped_area(vma->vm_file, 0, new_len, vma->vm_pgoff +
					     ((addr - vma->vm_start) >> PAGE_SHIFT), map_flags);
		if (IS_ERR_VALUE(new_addr)) {
			ret = new_addr;
			goto out;
		}
		ret = move_vma(vma, addr, old_len, new_len, new_addr, &locked, flags, &uf,
			       &uf_unmap);
	}
out:
	validate_mm(mm);
	if (!(ret & ~PAGE_MASK) && locked && new_len > old_len)
		mm_populate(new_addr + old_len, new_len - old_len);
	/* The userfaultfd events, once the address space is settled. */
	userfaultfd_unmap_complete(mm, &uf_unmap_early);
	mremap_userfaultfd_complete(&uf, addr, ret, old_len);
	userfaultfd_unmap_complete(mm, &uf_unmap);
	return ret;
}

SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len, unsigned long, new_len,
		unsigned long, flags, unsigned long, new_addr)
{
	return (long)do_mremap(addr, old_len, new_len, flags, new_addr);
}
