/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_MMU_CONTEXT_H
#define _ASM_X86_MMU_CONTEXT_H

#include <linux/mm_types.h>
#include <asm/page.h>
#include <asm/processor.h>

struct task_struct;

/*
 * Make next's page tables the CPU's: load CR3. Without PCIDs this also
 * flushes every non-global TLB entry, so no stale user translation
 * survives a switch. Linux: arch/x86/mm/tlb.c switch_mm_irqs_off()
 */
static inline void switch_mm(struct mm_struct *prev, struct mm_struct *next,
			     struct task_struct *tsk)
{
	(void)tsk;
	if (prev != next)
		write_cr3(__pa(next->pgd));
}

#endif
