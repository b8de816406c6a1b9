/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H

#include <asm/processor.h>

/*
 * The TLB caches translations; after changing or removing a present entry
 * the kernel must flush the stale one (adding a new entry needs nothing:
 * not-present entries are never cached). One CPU, so no shootdowns.
 * Linux: arch/x86/include/asm/tlbflush.h, arch/x86/mm/tlb.c
 */
static inline void __flush_tlb_one_kernel(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

/* Everything, global entries included: toggle CR4.PGE. */
static inline void flush_tlb_all(void)
{
	unsigned long cr4 = __read_cr4();

	if (cr4 & X86_CR4_PGE) {
		__write_cr4(cr4 & ~X86_CR4_PGE);
		__write_cr4(cr4);
	} else {
		write_cr3(__read_cr3());
	}
}

static inline void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	if (end - start > 32 * 4096UL) {
		flush_tlb_all();
		return;
	}
	for (unsigned long a = start; a < end; a += 4096)
		__flush_tlb_one_kernel(a);
}

struct vm_area_struct;
struct mm_struct;

/*
 * User translations: only the CPU's current mm can have any cached (a CR3
 * switch drops the others), so a flush for another mm is a no-op.
 * Linux: arch/x86/mm/tlb.c
 */
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr);
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);
void flush_tlb_mm(struct mm_struct *mm);

#endif
