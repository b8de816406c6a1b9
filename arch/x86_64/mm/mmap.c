// SPDX-License-Identifier: GPL-2.0
/*
 * Where mmap puts things: the layout of a user address space, and the
 * x86 entry points of get_unmapped_area. Linux: arch/x86/mm/mmap.c,
 * arch/x86/kernel/sys_x86_64.c
 *
 *   0x7ffffffff000  TASK_SIZE: top of the stack
 *   ...             stack, up to RLIMIT_STACK, then the guard gap
 *   mmap_base       = TASK_SIZE - max(128 MiB, RLIMIT_STACK + 1 MiB):
 *                   0x7ffff7fff000 with the default 8 MiB stack limit;
 *                   mmap searches top-down from here
 *   ...             heap (brk) grows up from the end of the program
 *   0x400000        a non-PIE program's text
 *
 * With an unlimited stack (ulimit -s unlimited) Linux switches to the
 * legacy layout: bottom-up from TASK_SIZE / 3. Randomization is off, as
 * in `setarch -R`, so the addresses are exactly these.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mman.h>

#define SIZE_128M		(128UL << 20)
#define TASK_UNMAPPED_BASE	PAGE_ALIGN(TASK_SIZE / 3)

static unsigned long mmap_base(unsigned long task_size)
{
	unsigned long gap = rlimit(RLIMIT_STACK);
	unsigned long pad = stack_guard_gap;
	unsigned long gap_min = SIZE_128M, gap_max = (task_size / 6) * 5;

	if (gap + pad > gap)		/* values close to RLIM_INFINITY overflow */
		gap += pad;
	if (gap < gap_min)
		gap = gap_min;
	else if (gap > gap_max)
		gap = gap_max;
	return PAGE_ALIGN(task_size - gap);
}

static bool mmap_is_legacy(void)
{
	return rlimit(RLIMIT_STACK) == RLIM_INFINITY;
}

/* Linux: arch_pick_mmap_layout(), at exec */
void arch_pick_mmap_layout(struct mm_struct *mm)
{
	mm->task_size = TASK_SIZE;
	mm->mmap_legacy_base = TASK_UNMAPPED_BASE;
	if (mmap_is_legacy()) {
		mm->mmap_base = mm->mmap_legacy_base;
		mm->get_unmapped_area = arch_get_unmapped_area;
	} else {
		mm->mmap_base = mmap_base(TASK_SIZE);
		mm->get_unmapped_area = arch_get_unmapped_area_topdown;
	}
}

/* A hint is usable if it fits below TASK_SIZE and is free up to the next VMA's gap. */
static bool hint_fits(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	struct vm_area_struct *vma;

	if (TASK_SIZE - len < addr)
		return false;
	vma = find_vma(mm, addr);
	return !vma || addr + len <= vm_start_gap(vma);
}

/* Bottom-up, for the legacy layout. */
unsigned long arch_get_unmapped_area(struct file *filp, unsigned long addr, unsigned long len,
				     unsigned long pgoff, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_unmapped_area_info info = {
		.flags = 0,
		.length = len,
		.low_limit = mm->mmap_legacy_base,
		.high_limit = TASK_SIZE,
		.align_offset = pgoff << PAGE_SHIFT,
	};

	if (flags & MAP_FIXED)
		return addr;
	if (len > TASK_SIZE)
		return -ENOMEM;
	if (addr) {
		addr = PAGE_ALIGN(addr);
		if (hint_fits(mm, addr, len))
			return addr;
	}
	return vm_unmapped_area(&info);
}

/* Top-down from mmap_base; bottom-up if that finds nothing. */
unsigned long arch_get_unmapped_area_topdown(struct file *filp, unsigned long addr,
					     unsigned long len, unsigned long pgoff,
					     unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_unmapped_area_info info = {
		.flags = VM_UNMAPPED_AREA_TOPDOWN,
		.length = len,
		.low_limit = PAGE_SIZE,
		.high_limit = mm->mmap_base,
		.align_offset = pgoff << PAGE_SHIFT,
	};
	unsigned long found;

	if (len > TASK_SIZE)
		return -ENOMEM;
	if (flags & MAP_FIXED)
		return addr;
	if (addr) {
		addr &= PAGE_MASK;
		if (hint_fits(mm, addr, len))
			return addr;
	}
	found = vm_unmapped_area(&info);
	if (!(found & ~PAGE_MASK))
		return found;
	return arch_get_unmapped_area(filp, addr, len, pgoff, flags);
}
