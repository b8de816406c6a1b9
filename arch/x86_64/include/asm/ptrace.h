/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#include <linux/types.h>
#include <asm/segment.h>

/*
 * The registers an exception or interrupt saved, in the order entry.S
 * pushes them: the same layout as Linux's struct pt_regs, so that the
 * oops and (later) signal frames read the same.
 *
 *   high addresses
 *     ss, sp, flags, cs, ip     pushed by the CPU
 *     orig_ax                   error code, IRQ vector, or -1
 *     di .. r15                 pushed by entry.S
 *   low addresses  <- struct pt_regs *regs
 */
struct pt_regs {
	unsigned long r15;
	unsigned long r14;
	unsigned long r13;
	unsigned long r12;
	unsigned long bp;
	unsigned long bx;
	unsigned long r11;
	unsigned long r10;
	unsigned long r9;
	unsigned long r8;
	unsigned long ax;
	unsigned long cx;
	unsigned long dx;
	unsigned long si;
	unsigned long di;
	unsigned long orig_ax;
	unsigned long ip;
	unsigned long cs;
	unsigned long flags;
	unsigned long sp;
	unsigned long ss;
};

static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

#endif
