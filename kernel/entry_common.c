// SPDX-License-Identifier: GPL-2.0
/*
 * The last stop before user mode: after every system call, and after
 * every interrupt or exception that came from user mode, do the work
 * flagged in thread_info: switch to another task if the time slice ran
 * out (TIF_NEED_RESCHED), deliver signals (TIF_SIGPENDING).
 * Linux: kernel/entry/common.c
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/entry-common.h>
#include <asm/irqflags.h>
#include <asm/page.h>

#define EXIT_TO_USER_MODE_WORK \
	((1UL << TIF_SIGPENDING) | (1UL << TIF_NEED_RESCHED) | (1UL << TIF_NOTIFY_RESUME))

/* Work with interrupts on; loop until nothing is left, then interrupts off. */
static void exit_to_user_mode_loop(struct pt_regs *regs, unsigned long ti_work)
{
	while (ti_work & EXIT_TO_USER_MODE_WORK) {
		local_irq_enable();
		if (ti_work & (1UL << TIF_NEED_RESCHED))
			schedule();
		if (ti_work & (1UL << TIF_SIGPENDING))
			arch_do_signal_or_restart(regs);
		if (ti_work & (1UL << TIF_NOTIFY_RESUME))
			clear_thread_flag(TIF_NOTIFY_RESUME);
		local_irq_disable();
		ti_work = READ_ONCE(current->thread_info.flags);
	}
}

/*
 * A rip that rt_sigreturn (or exec) left non-canonical would make the
 * IRET itself fault, in kernel mode on Intel CPUs: instead the task takes
 * the #GP it would have taken in user mode, and its work runs again (the
 * SIGSEGV is delivered or kills).
 */
static void exit_to_user_mode_prepare(struct pt_regs *regs)
{
	unsigned long ti_work;

	for (;;) {
		local_irq_disable();
		ti_work = READ_ONCE(current->thread_info.flags);
		if (ti_work & EXIT_TO_USER_MODE_WORK)
			exit_to_user_mode_loop(regs, ti_work);
		if (likely(__is_canonical_address(regs->ip)))
			return;
		local_irq_enable();
		fixup_bad_iret(regs);
	}
}

void syscall_exit_to_user_mode(struct pt_regs *regs)
{
	exit_to_user_mode_prepare(regs);
}

void irqentry_exit_to_user_mode(struct pt_regs *regs)
{
	exit_to_user_mode_prepare(regs);
}
