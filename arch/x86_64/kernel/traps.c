// SPDX-License-Identifier: GPL-2.0
/*
 * CPU exceptions: dispatch, and the oops for the ones the kernel caused.
 * Linux: arch/x86/kernel/traps.c, dumpstack.c (die)
 *
 * Until processes exist every exception comes from kernel mode. A kernel
 * exception either has an exception-table fixup (an expected fault) or is
 * a bug: die() prints the oops (what, registers, backtrace) and panics.
 */
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <asm/traps.h>
#include <asm/extable.h>
#include <asm/processor.h>
#include <asm/stacktrace.h>

static const char *const trap_names[NR_EXCEPTION_VECTORS] = {
	[X86_TRAP_DE] = "divide error",
	[X86_TRAP_DB] = "debug",
	[X86_TRAP_NMI] = "NMI",
	[X86_TRAP_BP] = "int3",
	[X86_TRAP_OF] = "overflow",
	[X86_TRAP_BR] = "bounds",
	[X86_TRAP_UD] = "invalid opcode",
	[X86_TRAP_NM] = "device not available",
	[X86_TRAP_DF] = "double fault",
	[X86_TRAP_OLD_MF] = "coprocessor segment overrun",
	[X86_TRAP_TS] = "invalid TSS",
	[X86_TRAP_NP] = "segment not present",
	[X86_TRAP_SS] = "stack segment",
	[X86_TRAP_GP] = "general protection fault",
	[X86_TRAP_PF] = "page fault",
	[X86_TRAP_SPURIOUS] = "spurious interrupt bug",
	[X86_TRAP_MF] = "coprocessor error",
	[X86_TRAP_AC] = "alignment check",
	[X86_TRAP_MC] = "machine check",
	[X86_TRAP_XF] = "simd exception",
	[X86_TRAP_VE] = "virtualization exception",
	[X86_TRAP_CP] = "control protection fault",
	[X86_TRAP_HV] = "hypervisor injection",
	[X86_TRAP_VC] = "VMM communication",
	[X86_TRAP_SX] = "security exception",
};

const char *trap_name(unsigned long vector)
{
	if (vector < NR_EXCEPTION_VECTORS && trap_names[vector])
		return trap_names[vector];
	return "reserved exception";
}

static int die_counter;

/*
 * The oops: "<what>: <error code> [#n]", the task, the registers, the
 * backtrace; then panic, since there is no process to kill instead.
 * Linux: arch/x86/kernel/dumpstack.c die(), __die(), oops_end()
 */
void die(const char *str, struct pt_regs *regs, unsigned long err)
{
	console_loglevel = CONSOLE_LOGLEVEL_DEBUG;
	oops_in_progress++;
	pr_emerg("%s: %04lx [#%d] NOPTI\n", str, err & 0xffff, ++die_counter);
	show_regs(regs);
	pr_emerg("---[ end trace 0000000000000000 ]---\n");
	add_taint(TAINT_DIE);
	panic("Fatal exception");
}

/* Exceptions with nothing to fix: a fixup if expected, else an oops. */
static void do_error_trap(struct pt_regs *regs, unsigned long vector)
{
	BUG_ON(user_mode(regs));	/* no user mode until processes exist */
	if (fixup_exception(regs, (int)vector, regs->orig_ax, 0))
		return;
	/* orig_ax is -1 where the CPU pushed no error code: Linux shows 0. */
	die(trap_name(vector), regs, regs->orig_ax == ~0UL ? 0 : regs->orig_ax);
}

/*
 * A #DF is a fault while delivering another: with a sane IDT that means a
 * kernel stack overflow (the #PF could not push its frame). It runs on
 * its own IST stack. Linux: exc_double_fault()
 */
static void exc_double_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long cr2 = read_cr2();
	struct stack_info info;

	if (get_stack_guard_info(cr2, &info)) {
		console_loglevel = CONSOLE_LOGLEVEL_DEBUG;
		pr_emerg("BUG: %s stack guard page was hit at %px (stack is %px..%px)\n",
			 info.name, (void *)cr2, (void *)info.begin, (void *)info.end);
		pr_emerg("kernel stack overflow (double-fault): the stack grew past its %lu KiB\n",
			 (info.end - info.begin) / 1024);
		die("stack guard page", regs, 0);
	}
	pr_emerg("PANIC: double fault, error_code: 0x%lx\n", error_code);
	die("double fault", regs, error_code);
}

/* Nothing sends NMIs on purpose here (no watchdog); say so and go on. */
static void exc_nmi(struct pt_regs *regs)
{
	pr_emerg("Uhhuh. NMI received for unknown reason on CPU 0.\n");
	pr_emerg("Dazed and confused, but trying to continue\n");
	(void)regs;
}

void do_exception(struct pt_regs *regs, unsigned long vector)
{
	switch (vector) {
	case X86_TRAP_PF:
		exc_page_fault(regs, regs->orig_ax);
		break;
	case X86_TRAP_DF:
		exc_double_fault(regs, regs->orig_ax);
		break;
	case X86_TRAP_NMI:
		exc_nmi(regs);
		break;
	default:
		do_error_trap(regs, vector);
		break;
	}
}
