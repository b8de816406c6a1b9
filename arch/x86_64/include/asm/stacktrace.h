/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_STACKTRACE_H
#define _ASM_X86_STACKTRACE_H

#include <linux/types.h>
#include <asm/traps.h>

/* A kernel stack's bounds, [begin, end). Linux: asm/stacktrace.h */
struct stack_info {
	unsigned long begin, end;
	const char *name;		/* "TASK", "#DF", "NMI", ... */
};

bool get_stack_info(unsigned long addr, struct stack_info *info);
bool get_stack_guard_info(unsigned long addr, struct stack_info *info);
bool in_exception_stack(unsigned long addr, struct stack_info *info);
unsigned long exception_stack_top(enum exception_stack ist);
unsigned long init_task_stack_top(void);

void show_trace(unsigned long ip, unsigned long bp);
void show_regs(struct pt_regs *regs);
void dump_stack(void);
__attribute__((__noreturn__)) void call_on_stack(unsigned long stack_top,
						 void (*fn)(void *), void *arg);

#endif
