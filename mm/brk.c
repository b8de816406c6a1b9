// SPDX-License-Identifier: GPL-2.0
/*
 * brk: the heap, one anonymous area from the end of the program's data
 * up to mm->brk, grown and shrunk in place. Linux: mm/mmap.c (brk,
 * do_brk_flags, vm_brk_flags)
 *
 * mm->brk may be any address (glibc asks for unaligned ones); the area
 * covers it rounded up to a page. brk grows only a VMA that reaches
 * above start_brk, so the first growth makes a VMA of its own even when
 * exec's bss VMA ends right at start_brk with the same flags: as in 6.1,
 * whose brk looks for the VMA to expand no lower than start_brk
 * (mas_prev(&mas, mm->start_brk)). /proc/<pid>/maps then shows two
 * [heap] lines, the bss (a VMA is [heap] when it touches
 * [start_brk, brk]) and the heap.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mman.h>


/* RLIMIT_DATA covers the heap plus the program's initialised data. */
static int check_data_rlimit(unsigned long rlim, unsigned long new, unsigned long start,
			     unsigned long end_data, unsigned long start_data)
{
	if (rlim < RLIM_INFINITY && (new - start) + (end_data - start_data) > rlim)
		return -ENOSPC;
	return 0;
}

/*
 * Map [addr, addr + len) as private anonymous memory, growing brkvma
 * (the VMA just below, if the caller allows one) when it can merge.
 * Linux: do_brk_flags()
 */
static int do_brk_flags(struct vm_area_struct *brkvma, unsigned long addr,
			unsigned long len, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long vm_flags = VM_DATA_DEFAULT_FLAGS | VM_ACCOUNT | mm->def_flags | flags;
	unsigned long mapped;
	struct vm_area_struct *vma;
	int err;

	len = PAGE_ALIGN(len);
	if (!len)
		return 0;
	mapped = get_unmapped_area(NULL, addr, len, 0, MAP_FIXED);
	if (IS_ERR_VALUE(mapped))
		return (int)mapped;
	err = do_munmap(mm, addr, len);		/* (nothing there, normally) */
	if (err)
		return err;
	if (!may_expand_vm(mm, vm_flags, len >> PAGE_SHIFT))
		return -ENOMEM;
	if (mm->map_count > sysctl_max_map_count)
		return -ENOMEM;
	if (__vm_enough_memory(mm, len >> PAGE_SHIFT))
		return -ENOMEM;
	vm_flags |= VM_SOFTDIRTY;

	vma = NULL;
	if (brkvma)
		vma = vma_merge(mm, brkvma, addr, addr + len, vm_flags, NULL, NULL,
				addr >> PAGE_SHIFT, NULL_VM_UFFD_CTX);
	if (!vma) {
		vma = vm_area_alloc(mm);
		if (!vma) {
			vm_unacct_memory(len >> PAGE_SHIFT);
			return -ENOMEM;
		}
		vma->vm_start = addr;
		vma->vm_end = addr + len;
		vma->vm_pgoff = addr >> PAGE_SHIFT;
		vma->vm_flags = vm_flags;
		vma->vm_page_prot = vm_get_page_prot(vm_flags);
		vma_insert_at(mm, vma);
	}
	vm_stat_account(mm, vm_flags, len >> PAGE_SHIFT);
	if (vm_flags & VM_LOCKED)
		mm->locked_vm += len >> PAGE_SHIFT;
	/* LAB demand: eager-brk */
	return 0;
}

/*
 * Map exec's bss: it may merge with whatever VMA ends at addr.
 * Linux: vm_brk_flags()
 */
int vm_brk_flags(unsigned long addr, unsigned long len, unsigned long flags)
{
	struct vm_area_struct *prev;

	find_vma_prev(current->mm, addr, &prev);
	return do_brk_flags(prev, addr, len, flags);
}

/*
 * The brk(2) system call: move the break to brk if allowed; return the
 * break as it now is (unchanged on refusal, as Linux does).
 * Linux: SYSCALL_DEFINE1(brk)
 */
unsigned long do_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk;
	struct vm_area_struct *next, *brkvma;

	/* Linux: brk() holds mmap_lock for writing from here on. */
	if (brk < mm->start_brk)
		return mm->brk;
	if (check_data_rlimit(rlimit(RLIMIT_DATA), brk, mm->start_brk, mm->end_data,
			      mm->start_data))
		return mm->brk;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (oldbrk == newbrk) {
		mm->brk = brk;
		return brk;
	}
	if (brk <= mm->brk) {			/* shrinking is always allowed */
		if (do_munmap(mm, newbrk, oldbrk - newbrk))
			return mm->brk;
		mm->brk = brk;
		return brk;
	}
	/* Not into the next mapping, nor its stack guard gap. */
	next = find_vma(mm, oldbrk);
	if (next && newbrk + PAGE_SIZE > vm_start_gap(next))
		return mm->brk;
	/* The VMA to grow: only one that reaches above start_brk (6.1's mas_prev). */
	find_vma_prev(mm, oldbrk, &brkvma);
	if (brkvma && brkvma->vm_end <= mm->start_brk)
		brkvma = NULL;
	if (do_brk_flags(brkvma, oldbrk, newbrk - oldbrk, 0))
		return mm->brk;
	mm->brk = brk;
	/* After mlockall(MCL_FUTURE) the new heap is locked: fault it in. */
	if (mm->def_flags & VM_LOCKED)
		mm_populate(oldbrk, newbrk - oldbrk);
	return brk;
}
