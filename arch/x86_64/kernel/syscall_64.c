// SPDX-License-Identifier: GPL-2.0
/*
 * System call dispatch: the table from numbers to handlers, and the C
 * side of the SYSCALL entry. Linux: arch/x86/entry/syscall_64.c, common.c
 *
 * The numbers are Linux's x86_64 ones (asm/syscalls_64.h lists those
 * Faultline implements). Any other number returns -ENOSYS, and the first
 * time a program uses it the kernel log says which call it was, so a
 * student sees what a program needed that is missing.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/entry-common.h>
#include <asm/irqflags.h>
#include <asm/segment.h>
#include <asm/pgtable.h>
#include <asm/processor-flags.h>

#define __SYSCALL(nr, sym) long __x64_##sym(const struct pt_regs *);
#include <asm/syscalls_64.h>
#undef __SYSCALL

#define __SYSCALL(nr, sym) [nr] = __x64_##sym,
static const sys_call_ptr_t sys_call_table[] = {
#include <asm/syscalls_64.h>
};
#undef __SYSCALL

#define NR_syscalls	ARRAY_SIZE(sys_call_table)

static const char *const syscall_names[] = {
#include "syscall_names.h"
};

/* Once per number below 1024; numbers beyond (garbage, -1) share one report. */
static void report_unknown_syscall(unsigned long nr)
{
	static unsigned long reported[1024 / 64];
	static bool reported_beyond;
	const char *name = nr < ARRAY_SIZE(syscall_names) && syscall_names[nr] ?
			   syscall_names[nr] : "not a Linux x86_64 system call";

	if (nr < 1024) {
		if (reported[nr / 64] & (1UL << (nr % 64)))
			return;
		reported[nr / 64] |= 1UL << (nr % 64);
	} else {
		if (reported_beyond)
			return;
		reported_beyond = true;
	}
	pr_notice("%s[%d]: system call %lu (%s) is not implemented: -ENOSYS\n",
		  current->comm, current->pid, nr, name);
}

/*
 * Run system call regs->orig_ax with interrupts on, leave its result in
 * rax, do the exit work, and say whether SYSRET can return: only when
 * rcx and r11 still hold rip and rflags (SYSRET reloads them from there),
 * rip is a user address (SYSRET to a non-canonical rip faults in the
 * kernel on Intel CPUs) and no single-step or resume flag is set.
 * Linux: do_syscall_64()
 */
bool do_syscall_64(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_ax;

	local_irq_enable();
	regs->ax = (unsigned long)-ENOSYS;
	if (nr < NR_syscalls && sys_call_table[nr])
		regs->ax = (unsigned long)sys_call_table[nr](regs);
	else if (nr != ~0UL)
		report_unknown_syscall(nr);
	syscall_exit_to_user_mode(regs);

	if (regs->cx != regs->ip || regs->r11 != regs->flags)
		return false;
	if (regs->cs != __USER_CS || regs->ss != __USER_DS)
		return false;
	if (regs->ip >= TASK_SIZE_MAX)
		return false;
	return !(regs->flags & (X86_EFLAGS_RF | X86_EFLAGS_TF));
}
