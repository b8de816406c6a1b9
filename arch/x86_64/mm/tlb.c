// SPDX-License-Identifier: GPL-2.0
/*
 * TLB flushes for user address spaces (the rules are in asm/tlbflush.h).
 * One CPU: no shootdown IPIs. Linux: arch/x86/mm/tlb.c
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm_types.h>
#include <asm/tlbflush.h>

/* Beyond this many pages one CR3 reload is cheaper than invlpg each. */
#define TLB_FLUSH_CEILING	33

static bool is_current_mm(const struct mm_struct *mm)
{
	return mm == current->active_mm;
}

void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr)
{
	if (is_current_mm(vma->vm_mm))
		__flush_tlb_one_kernel(addr);
}

void flush_tlb_mm(struct mm_struct *mm)
{
	if (is_current_mm(mm))
		write_cr3(__read_cr3());
}

void flush_tlb_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	if (!is_current_mm(vma->vm_mm))
		return;
	if ((end - start) >> 12 > TLB_FLUSH_CEILING) {
		write_cr3(__read_cr3());
		return;
	}
	for (unsigned long addr = start; addr < end; addr += 4096)
		__flush_tlb_one_kernel(addr);
}
