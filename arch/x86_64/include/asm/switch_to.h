/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SWITCH_TO_H
#define _ASM_X86_SWITCH_TO_H

struct task_struct;

/*
 * Save prev's callee-saved registers and stack pointer (in *prev_sp),
 * load next's, then finish in __switch_to(). It returns, on next's
 * stack, the task that switched to next. Linux: arch/x86/entry/entry_64.S
 */
struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next,
				    unsigned long *prev_sp, unsigned long next_sp);

#define switch_to(prev, next) \
	__switch_to_asm(prev, next, &(prev)->thread.sp, (next)->thread.sp)

void ret_from_fork(void);

#endif
