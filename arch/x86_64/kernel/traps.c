// SPDX-License-Identifier: GPL-2.0
/*
 * CPU exceptions: dispatch, signals for the ones user code caused, and
 * the oops for the ones the kernel caused. Linux: arch/x86/kernel/traps.c,
 * dumpstack.c (die)
 *
 * From user mode an exception becomes a signal to the process, as
 * Linux sends them:
 *
 *   #DE divide error        SIGFPE  FPE_INTDIV, si_addr = ip
 *   #UD invalid opcode      SIGILL  ILL_ILLOPN, si_addr = ip
 *   #MF, #XF floating point SIGFPE  FPE_* from the FPU status, si_addr = ip
 *   #BP int3                SIGTRAP SI_KERNEL
 *   #GP protection          SIGSEGV SI_KERNEL (si_addr 0)
 *   #NP, #SS segment        SIGBUS  SI_KERNEL
 *   #AC alignment           SIGBUS  BUS_ADRALN
 *   #PF page fault          SIGSEGV or SIGBUS (arch/x86_64/mm/fault.c)
 *
 * A kernel exception either has an exception-table fixup (an expected
 * fault) or is a bug: die() prints the oops (what, registers, backtrace)
 * and panics. Linux kills the task instead and goes on; a teaching
 * kernel stops where the bug is.
 */
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <asm/traps.h>
#include <asm/extable.h>
#include <asm/processor.h>
#include <asm/stacktrace.h>
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <linux/signal.h>
#include <linux/mm.h>
#include <linux/entry-common.h>

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

/* Log the traps that kill a process (Linux's default: debug.exception-trace = 1). */
int show_unhandled_signals = 1;

static int die_counter;

/*
 * The oops: "<what>: <error code> [#n]", the task, the registers, the
 * backtrace; then panic. Linux: arch/x86/kernel/dumpstack.c die(),
 * __die(), oops_end()
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

/* Does sig kill tsk without a word from it (no handler)? Linux: unhandled_signal() */
bool unhandled_signal(struct task_struct *tsk, int sig)
{
	__sighandler_t handler = tsk->sighand->action[sig - 1].sa.sa_handler;

	return tsk->pid == 1 || handler == SIG_IGN || handler == SIG_DFL;
}

/* The kernel log line for a trap that will kill the process. Linux: do_trap(), show_signal() */
static void show_signal(struct pt_regs *regs, int signr, const char *type, const char *desc,
			unsigned long error_code)
{
	struct task_struct *tsk = current;

	if (!show_unhandled_signals || !unhandled_signal(tsk, signr))
		return;
	pr_info("traps: %s[%d] %s%s ip:%lx sp:%lx error:%lx", tsk->comm, tsk->pid, type,
		desc, regs->ip, regs->sp, error_code);
	print_vma_addr(KERN_CONT " in ", regs->ip);
	pr_cont("\n");
}

/* FPE_* for an x87 (#MF) or SSE (#XF) exception. Linux: fpu__exception_code() */
static int fpu_exception_code(unsigned long vector)
{
	struct fxregs_state *fx = &current->thread.fpu;
	unsigned int err;

	fxsave(fx);
	if (vector == X86_TRAP_MF)
		err = fx->swd & ~fx->cwd & 0x3f;
	else
		err = fx->mxcsr & 0x3f & ~((fx->mxcsr >> 7) & 0x3f);
	if (err & 0x001)
		return FPE_FLTINV;
	if (err & 0x004)
		return FPE_FLTDIV;
	if (err & 0x008)
		return FPE_FLTOVF;
	if (err & 0x012)
		return FPE_FLTUND;
	if (err & 0x020)
		return FPE_FLTRES;
	return 0;
}

/* A user-mode exception: remember what the CPU said, log, signal. */
static void do_user_trap(struct pt_regs *regs, unsigned long vector, unsigned long error_code)
{
	struct thread_struct *t = &current->thread;
	void *ip = (void *)regs->ip;

	t->trap_nr = vector;
	t->error_code = error_code;
	switch (vector) {
	case X86_TRAP_DE:
		show_signal(regs, SIGFPE, "trap ", trap_name(vector), error_code);
		force_sig_fault(SIGFPE, FPE_INTDIV, ip);
		break;
	case X86_TRAP_UD:
		show_signal(regs, SIGILL, "trap ", trap_name(vector), error_code);
		force_sig_fault(SIGILL, ILL_ILLOPN, ip);
		break;
	case X86_TRAP_MF:
	case X86_TRAP_XF:
		force_sig_fault(SIGFPE, fpu_exception_code(vector), ip);
		break;
	case X86_TRAP_BP:
	case X86_TRAP_DB:
		force_sig(SIGTRAP);
		break;
	case X86_TRAP_NP:
	case X86_TRAP_SS:
		show_signal(regs, SIGBUS, "trap ", trap_name(vector), error_code);
		force_sig(SIGBUS);
		break;
	case X86_TRAP_AC:
		force_sig_fault(SIGBUS, BUS_ADRALN, NULL);
		break;
	case X86_TRAP_GP:
		show_signal(regs, SIGSEGV, "", trap_name(vector), error_code);
		force_sig(SIGSEGV);
		break;
	default:		/* #OF, #BR, #TS, and anything else a program can cause */
		show_signal(regs, SIGSEGV, "trap ", trap_name(vector), error_code);
		force_sig(SIGSEGV);
		break;
	}
}

/*
 * The IRET to user mode would fault on a non-canonical rip: report it as
 * the #GP the user's instruction fetch would raise. Linux handles the
 * fault of the IRET itself (fixup_bad_iret); Faultline checks before.
 */
void fixup_bad_iret(struct pt_regs *regs)
{
	do_user_trap(regs, X86_TRAP_GP, 0);
}

/* Exceptions other than #PF, #DF, NMI: a signal, a fixup, or an oops. */
static void do_error_trap(struct pt_regs *regs, unsigned long vector, unsigned long error_code)
{
	if (user_mode(regs)) {
		if (regs->flags & X86_EFLAGS_IF)
			local_irq_enable();
		do_user_trap(regs, vector, error_code);
		local_irq_disable();
		return;
	}
	if (fixup_exception(regs, (int)vector, error_code, 0))
		return;
	die(trap_name(vector), regs, error_code);
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

/*
 * entry.S calls this with the vector and the CPU's error code (0 where
 * the CPU pushes none); pt_regs's orig_ax is -1 by then, as in Linux, so
 * that signal delivery knows no system call is to be restarted.
 */
void do_exception(struct pt_regs *regs, unsigned long vector, unsigned long error_code)
{
	switch (vector) {
	case X86_TRAP_PF:
		exc_page_fault(regs, error_code);
		break;
	case X86_TRAP_DF:
		exc_double_fault(regs, error_code);
		break;
	case X86_TRAP_NMI:
		exc_nmi(regs);
		break;
	default:
		do_error_trap(regs, vector, error_code);
		break;
	}
}
