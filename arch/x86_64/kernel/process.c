// SPDX-License-Identifier: GPL-2.0
/*
 * The CPU side of tasks: a new task's first stack frame, the switch from
 * one task to another, a fresh register set at exec, the user's FPU
 * state and fs/gs bases. Linux: arch/x86/kernel/process_64.c, process.c,
 * fpu/core.c
 *
 * A task switched out leaves on its kernel stack:
 *
 *   stack top  +------------------+
 *              | pt_regs          |  user registers (user tasks)
 *              +------------------+
 *              |  ... kernel call frames, down to schedule() ...
 *              | inactive_task_frame |  callee-saved registers, return address
 *   thread.sp->+------------------+
 *
 * A new task's stack holds only a pt_regs and a frame whose return
 * address is ret_from_fork (entry.S): the switch "returns" into it.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/msr-index.h>
#include <asm/processor.h>
#include <asm/pgtable.h>
#include <asm/segment.h>
#include <asm/switch_to.h>
#include <asm/prctl.h>
#include <asm/uaccess.h>

unsigned long cpu_current_top_of_stack;
u32 mxcsr_feature_mask = 0xffbf;	/* all but DAZ, if the CPU says nothing */

/* entry.S finds these fields at fixed offsets. */
BUILD_BUG_ON(offsetof(struct pt_regs, ax) != 80);
BUILD_BUG_ON(offsetof(struct pt_regs, cs) != 136);
BUILD_BUG_ON(sizeof(struct pt_regs) != 168);

/* The initial x87/SSE state: what fninit and a reset MXCSR leave. */
void fpstate_init(struct fxregs_state *fx)
{
	memset(fx, 0, sizeof(*fx));
	fx->cwd = FCW_DEFAULT;
	fx->mxcsr = MXCSR_DEFAULT;
}

/* Learn which MXCSR bits the CPU takes. Linux: fpu__init_prepare_fx_sw_frame et al. */
void fpu__init_cpu(void)
{
	static struct fxregs_state fx;

	fxsave(&fx);
	if (fx.mxcsr_mask)
		mxcsr_feature_mask = fx.mxcsr_mask;
	fpstate_init(&init_task.thread.fpu);
}

/* exec: the new program starts with clean FPU registers. */
void fpu__clear_user_states(void)
{
	fpstate_init(&current->thread.fpu);
	fxrstor(&current->thread.fpu);
}

static bool is_user_task(const struct task_struct *p)
{
	return !(p->flags & PF_KTHREAD);
}

/*
 * The child's registers and first frame. A task started with a function
 * (kernel thread, init before its exec) runs it from ret_from_fork; a
 * forked process returns to user space with the parent's registers,
 * rax = 0 and, if asked, its own stack and TLS. Linux: copy_thread()
 */
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	struct pt_regs *childregs = task_pt_regs(p);
	struct fork_frame *fork_frame = container_of(childregs, struct fork_frame, regs);
	struct inactive_task_frame *frame = &fork_frame->frame;

	memset(frame, 0, sizeof(*frame));
	frame->ret_addr = (unsigned long)ret_from_fork;
	p->thread.sp = (unsigned long)fork_frame;
	p->thread.cr2 = p->thread.trap_nr = p->thread.error_code = 0;
	/* The parent's live FPU registers are its state: copy them. */
	if (is_user_task(current))
		fxsave(&p->thread.fpu);

	if (args->fn) {
		memset(childregs, 0, sizeof(*childregs));
		frame->bx = (unsigned long)args->fn;
		frame->r12 = (unsigned long)args->fn_arg;
		return 0;
	}
	*childregs = *task_pt_regs(current);
	childregs->ax = 0;
	if (args->stack)
		childregs->sp = args->stack;
	if (args->flags & CLONE_SETTLS) {
		if (args->tls >= TASK_SIZE_MAX)
			return -EPERM;
		p->thread.fsbase = args->tls;
	}
	return 0;
}

/*
 * The C half of a switch, on next's stack: user FPU state, TLS bases,
 * the stack the CPU enters the kernel on, current.
 * Linux: __switch_to() (process_64.c), switch_fpu_prepare/finish
 */
struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next)
{
	if (is_user_task(prev))
		fxsave(&prev->thread.fpu);
	if (is_user_task(next)) {
		fxrstor(&next->thread.fpu);
		if (next->thread.fsbase != prev->thread.fsbase || !is_user_task(prev))
			wrmsr(MSR_FS_BASE, next->thread.fsbase);
		if (next->thread.gsbase != prev->thread.gsbase || !is_user_task(prev))
			wrmsr(MSR_GS_BASE, next->thread.gsbase);
	}
	cpu_current_top_of_stack = task_stack_top(next);
	cpu_tss_rw.sp0 = cpu_current_top_of_stack;
	current_task = next;
	return prev;
}

/*
 * exec: registers for the new program, all zero but the entry point, the
 * stack and interrupts on. Linux: start_thread() + ELF_PLAT_INIT
 */
void start_thread(struct pt_regs *regs, unsigned long new_ip, unsigned long new_sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ip = new_ip;
	regs->sp = new_sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	regs->orig_ax = ~0UL;
	current->thread.fsbase = 0;
	current->thread.gsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	wrmsr(MSR_GS_BASE, 0);
	fpu__clear_user_states();
}

/* arch_prctl(2): the fs and gs bases (TLS). Linux: do_arch_prctl_64() */
SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
{
	struct thread_struct *t = &current->thread;

	switch (option) {
	case ARCH_SET_FS:
	case ARCH_SET_GS:
		if (arg2 >= TASK_SIZE_MAX)
			return -EPERM;
		if (option == ARCH_SET_FS) {
			t->fsbase = arg2;
			wrmsr(MSR_FS_BASE, arg2);
		} else {
			t->gsbase = arg2;
			wrmsr(MSR_GS_BASE, arg2);
		}
		return 0;
	case ARCH_GET_FS:
		return put_user(t->fsbase, (unsigned long __user *)arg2);
	case ARCH_GET_GS:
		return put_user(t->gsbase, (unsigned long __user *)arg2);
	case ARCH_GET_CPUID:
		return 1;		/* cpuid is allowed */
	case ARCH_SET_CPUID:
		return arg2 ? 0 : -ENODEV;	/* no CPUID faulting here */
	default:
		return -EINVAL;
	}
}

/*
 * SYSCALL enters at entry_SYSCALL_64 with CS/SS from STAR and the flags
 * in SFMASK cleared (interrupts off, no single-step, direction up, SMAP
 * closed); SYSRET leaves with STAR's user selectors. With __USER32_CS at
 * 0x23, SYSRET's CS is 0x23 + 16 = __USER_CS and SS 0x23 + 8 = __USER_DS.
 * Linux: syscall_init()
 */
void syscall_init(void)
{
	wrmsr(MSR_STAR, ((u64)__USER32_CS << 48) | ((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (unsigned long)entry_SYSCALL_64);
	wrmsr(MSR_CSTAR, (unsigned long)entry_SYSCALL_compat_ignore);
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_IF |
				X86_EFLAGS_IOPL | X86_EFLAGS_AC | X86_EFLAGS_NT);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}
