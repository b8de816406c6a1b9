// SPDX-License-Identifier: GPL-2.0
/*
 * Running a signal handler and coming back: the signal frame on the user
 * stack (asm/sigframe.h has the picture), rt_sigreturn, and restarting
 * system calls a signal interrupted. Linux: arch/x86/kernel/signal.c
 *
 * Delivery rewrites the saved user registers so that the return to user
 * mode "calls" the handler: rip = handler, rsp = the frame, rdi = signal,
 * rsi = &siginfo, rdx = &ucontext. The handler returns to sa_restorer
 * (musl's and glibc's __restore_rt), which makes the rt_sigreturn system
 * call; that copies the registers and mask saved in the frame back.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <asm/fpu.h>
#include <asm/processor-flags.h>
#include <asm/segment.h>
#include <asm/sigframe.h>
#include <asm/uaccess.h>

#define __NR_restart_syscall	219

/* The flags a handler may change through its frame. Linux: FIX_EFLAGS */
#define FIX_EFLAGS	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | X86_EFLAGS_TF | \
			 X86_EFLAGS_CF | 0x4UL /* PF */ | 0x10UL /* AF */ | \
			 X86_EFLAGS_ZF | 0x80UL /* SF */ | X86_EFLAGS_RF)

/*
 * Where the frame goes: below the interrupted code's red zone, or on the
 * sigaltstack for SA_ONSTACK. The FPU area is 64-aligned; the frame is
 * placed so that the handler starts with rsp % 16 == 8, as after a call.
 * A frame that would run off the bottom of the sigaltstack gets an
 * address that cannot be written instead, so the task dies of SIGSEGV.
 * Linux: get_sigframe(), fpu__alloc_mathframe(), align_sigframe()
 */
static void __user *get_sigframe(struct ksignal *ksig, struct pt_regs *regs,
				 size_t frame_size, void __user **fpstate)
{
	bool nested_altstack = on_sig_stack(regs->sp), entering_altstack = false;
	unsigned long sp = regs->sp - 128;

	if ((ksig->ka.sa.sa_flags & SA_ONSTACK) && sas_ss_flags(sp) == 0) {
		sp = current->sas_ss_sp + current->sas_ss_size;
		entering_altstack = true;
	}
	sp = ALIGN_DOWN(sp - sizeof(struct fxregs_state), 64);
	*fpstate = (void __user *)sp;
	sp = ALIGN_DOWN(sp - frame_size, 16) - 8;
	if ((nested_altstack || entering_altstack) && !__on_sig_stack(sp))
		return (void __user *)-1L;
	return (void __user *)sp;
}

static void setup_sigcontext(struct sigcontext_64 *sc, struct pt_regs *regs,
			     unsigned long mask, void __user *fpstate)
{
	struct thread_struct *t = &current->thread;

	memset(sc, 0, sizeof(*sc));
	sc->r8 = regs->r8;
	sc->r9 = regs->r9;
	sc->r10 = regs->r10;
	sc->r11 = regs->r11;
	sc->r12 = regs->r12;
	sc->r13 = regs->r13;
	sc->r14 = regs->r14;
	sc->r15 = regs->r15;
	sc->di = regs->di;
	sc->si = regs->si;
	sc->bp = regs->bp;
	sc->bx = regs->bx;
	sc->dx = regs->dx;
	sc->ax = regs->ax;
	sc->cx = regs->cx;
	sc->sp = regs->sp;
	sc->ip = regs->ip;
	sc->flags = regs->flags;
	sc->cs = (u16)regs->cs;
	sc->ss = (u16)regs->ss;
	sc->err = t->error_code;
	sc->trapno = t->trap_nr;
	sc->oldmask = mask;
	sc->cr2 = t->cr2;
	sc->fpstate = (u64)(unsigned long)fpstate;
}

/* Build the frame on the user stack. Linux: x64_setup_rt_frame() */
static int setup_rt_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	sigset_t *set = current->restore_sigmask ? &current->saved_sigmask : &current->blocked;
	void __user *fpstate;
	struct rt_sigframe __user *frame;
	struct rt_sigframe kframe;

	/* x86_64 has no default restorer: a handler without one cannot return. */
	if (!(ksig->ka.sa.sa_flags & SA_RESTORER))
		return -EFAULT;
	frame = get_sigframe(ksig, regs, sizeof(*frame), &fpstate);
	if (frame == (void __user *)-1L)
		return -EFAULT;		/* nothing written below the sigaltstack */
	memset(&kframe, 0, sizeof(kframe));
	kframe.pretcode = (char *)ksig->ka.sa.sa_restorer;
	kframe.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	kframe.uc.uc_stack.ss_sp = (void *)current->sas_ss_sp;
	kframe.uc.uc_stack.ss_size = current->sas_ss_size;
	kframe.uc.uc_stack.ss_flags = (int)current->sas_ss_flags;	/* as set; Linux: __save_altstack() */
	setup_sigcontext(&kframe.uc.uc_mcontext, regs, set->sig[0], fpstate);
	kframe.uc.uc_sigmask = *set;
	kframe.info.info = ksig->info;
	fxsave(&current->thread.fpu);
	if (copy_to_user(fpstate, &current->thread.fpu, sizeof(struct fxregs_state)) ||
	    copy_to_user(frame, &kframe, sizeof(kframe)))
		return -EFAULT;
	/* Disarmed while the handler runs; its sigreturn re-arms it from uc_stack. */
	if (current->sas_ss_flags & SS_AUTODISARM)
		sas_ss_reset(current);

	regs->di = (unsigned long)ksig->sig;
	regs->ax = 0;		/* for handlers declared without a prototype */
	regs->si = (unsigned long)&frame->info;
	regs->dx = (unsigned long)&frame->uc;
	regs->ip = (unsigned long)ksig->ka.sa.sa_handler;
	regs->sp = (unsigned long)frame;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
	return 0;
}

/*
 * Before the handler runs: a system call it interrupted either fails
 * with EINTR or is restarted (rip back over the 2-byte syscall
 * instruction, rax = the number again), as the error code and SA_RESTART
 * say. Linux: handle_signal()
 */
static void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	int failed;

	if ((long)regs->orig_ax >= 0) {
		switch ((long)regs->ax) {
		case -ERESTART_RESTARTBLOCK:
		case -ERESTARTNOHAND:
			regs->ax = (unsigned long)-EINTR;
			break;
		case -ERESTARTSYS:
			if (!(ksig->ka.sa.sa_flags & SA_RESTART)) {
				regs->ax = (unsigned long)-EINTR;
				break;
			}
			fallthrough;
		case -ERESTARTNOINTR:
			regs->ax = regs->orig_ax;
			regs->ip -= 2;
			break;
		}
	}
	failed = setup_rt_frame(ksig, regs) < 0;
	if (!failed)
		fpu__clear_user_states();	/* the handler starts with clean FPU state */
	signal_setup_done(failed, ksig, 0);
}

/*
 * On the way back to user mode with a signal pending. With no handler to
 * run, an interrupted system call is restarted whatever its flavour.
 * Linux: arch_do_signal_or_restart()
 */
void arch_do_signal_or_restart(struct pt_regs *regs)
{
	struct ksignal ksig;

	if (get_signal(&ksig)) {
		handle_signal(&ksig, regs);
		return;
	}
	if ((long)regs->orig_ax >= 0) {
		switch ((long)regs->ax) {
		case -ERESTARTNOHAND:
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
			regs->ax = regs->orig_ax;
			regs->ip -= 2;
			break;
		case -ERESTART_RESTARTBLOCK:
			regs->ax = __NR_restart_syscall;
			regs->ip -= 2;
			break;
		}
	}
	restore_saved_sigmask();
}

/* Take the FPU registers back from the frame; bad MXCSR bits are dropped. */
static int restore_fpstate(u64 fpstate)
{
	struct fxregs_state *fx = &current->thread.fpu;

	if (!fpstate) {
		fpu__clear_user_states();
		return 0;
	}
	if (copy_from_user(fx, (void __user *)(unsigned long)fpstate, sizeof(*fx)))
		return -EFAULT;
	fx->mxcsr &= mxcsr_feature_mask;
	fxrstor(fx);
	return 0;
}

static int restore_sigcontext(struct pt_regs *regs, const struct sigcontext_64 *sc)
{
	regs->r8 = sc->r8;
	regs->r9 = sc->r9;
	regs->r10 = sc->r10;
	regs->r11 = sc->r11;
	regs->r12 = sc->r12;
	regs->r13 = sc->r13;
	regs->r14 = sc->r14;
	regs->r15 = sc->r15;
	regs->di = sc->di;
	regs->si = sc->si;
	regs->bp = sc->bp;
	regs->bx = sc->bx;
	regs->dx = sc->dx;
	regs->ax = sc->ax;
	regs->cx = sc->cx;
	regs->sp = sc->sp;
	regs->ip = sc->ip;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS);
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->orig_ax = ~0UL;	/* no system call to restart from here */
	return restore_fpstate(sc->fpstate);
}

/* The handler returned (through sa_restorer). Linux: sys_rt_sigreturn() */
SYSCALL_DEFINE_REGS(rt_sigreturn)
{
	struct pt_regs *uregs = task_pt_regs(current);
	struct rt_sigframe __user *frame = (void __user *)(uregs->sp - sizeof(long));
	struct rt_sigframe kframe;
	sigset_t set;

	(void)regs;
	if (copy_from_user(&kframe, frame, sizeof(kframe)))
		goto badframe;
	set = kframe.uc.uc_sigmask;
	set_current_blocked(&set);
	if (restore_sigcontext(uregs, &kframe.uc.uc_mcontext))
		goto badframe;
	if (restore_altstack(&kframe.uc.uc_stack))
		goto badframe;
	return (long)uregs->ax;
badframe:
	pr_info("%s[%d] bad frame in rt_sigreturn frame:%px ip:%lx sp:%lx orax:%lx\n",
		current->comm, current->pid, frame, uregs->ip, uregs->sp, uregs->orig_ax);
	force_sig(SIGSEGV);
	return 0;
}
