/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#include <linux/types.h>
#include <linux/signal_types.h>
#include <linux/sched.h>

/*
 * Signal sets and sending signals. Linux: include/linux/signal.h,
 * include/linux/sched/signal.h, kernel/signal.c
 */
static inline unsigned long sigmask(int sig)
{
	return 1UL << (sig - 1);
}

static inline void sigaddset(sigset_t *set, int sig)
{
	set->sig[0] |= sigmask(sig);
}

static inline void sigdelset(sigset_t *set, int sig)
{
	set->sig[0] &= ~sigmask(sig);
}

static inline bool sigismember(const sigset_t *set, int sig)
{
	return set->sig[0] & sigmask(sig);
}

static inline void sigemptyset(sigset_t *set)
{
	set->sig[0] = 0;
}

static inline void sigaddsetmask(sigset_t *set, unsigned long mask)
{
	set->sig[0] |= mask;
}

static inline void sigdelsetmask(sigset_t *set, unsigned long mask)
{
	set->sig[0] &= ~mask;
}

static inline bool sigisemptyset(const sigset_t *set)
{
	return !set->sig[0];
}

/* The signals whose default action is to stop, or that can't be caught. */
#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_KERNEL_STOP_MASK	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
				 sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_KERNEL_COREDUMP_MASK (sigmask(SIGQUIT) | sigmask(SIGILL) | sigmask(SIGTRAP) | \
				  sigmask(SIGABRT) | sigmask(SIGFPE) | sigmask(SIGSEGV) | \
				  sigmask(SIGBUS) | sigmask(SIGSYS) | sigmask(SIGXCPU) | \
				  sigmask(SIGXFSZ))
#define SIG_KERNEL_IGNORE_MASK	(sigmask(SIGCONT) | sigmask(SIGCHLD) | \
				 sigmask(SIGWINCH) | sigmask(SIGURG))

static inline bool sig_kernel_only(int sig)
{
	return sig < SIGRTMIN && (sigmask(sig) & SIG_KERNEL_ONLY_MASK);
}

static inline bool sig_kernel_coredump(int sig)
{
	return sig < SIGRTMIN && (sigmask(sig) & SIG_KERNEL_COREDUMP_MASK);
}

static inline bool sig_kernel_ignore(int sig)
{
	return sig < SIGRTMIN && (sigmask(sig) & SIG_KERNEL_IGNORE_MASK);
}

static inline bool sig_kernel_stop(int sig)
{
	return sig < SIGRTMIN && (sigmask(sig) & SIG_KERNEL_STOP_MASK);
}

static inline bool valid_signal(unsigned long sig)
{
	return sig <= _NSIG;
}

static inline bool __fatal_signal_pending(const struct task_struct *p)
{
	return sigismember(&p->pending.signal, SIGKILL);
}

static inline bool fatal_signal_pending(const struct task_struct *p)
{
	return signal_pending(p) && __fatal_signal_pending(p);
}

/*
 * Whether a pending signal should end a sleep in state: any signal for
 * an interruptible sleep, only SIGKILL for a killable one.
 * Linux: signal_pending_state()
 */
static inline bool signal_pending_state(unsigned int state, const struct task_struct *p)
{
	if (!(state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)))
		return false;
	if (!signal_pending(p))
		return false;
	return (state & TASK_INTERRUPTIBLE) || __fatal_signal_pending(p);
}

/* kernel/signal.c */
struct pt_regs;
void signals_init(void);
/* kernel/signal_syscalls.c: also for pidfd_send_signal (kernel/pidfd.c) */
void prepare_kill_siginfo(int sig, struct kernel_siginfo *info, int code);
int group_send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p);
int copy_siginfo_from_user(struct kernel_siginfo *info, const void __user *uinfo);
int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p);
int send_sig(int sig, struct task_struct *p, int priv);
int kill_pgrp(pid_t pgrp, int sig, int priv);
void force_sig(int sig);
int force_sig_fault(int sig, int code, void *addr);
void force_fatal_sig(int sig);
int do_send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p);
void recalc_sigpending(void);
void flush_signals(struct task_struct *t);
void flush_signal_handlers(struct task_struct *t, int force_default);
void ignore_signals(struct task_struct *t);
bool do_notify_parent(struct task_struct *tsk, int sig);
void set_current_blocked(const sigset_t *newset);
void exit_signals(struct task_struct *tsk);
void arch_do_signal_or_restart(struct pt_regs *regs);
void __set_current_blocked(const sigset_t *newset);
struct ksignal;
bool get_signal(struct ksignal *ksig);
void signal_setup_done(int failed, struct ksignal *ksig, int stepping);
int restore_altstack(const stack_t *uss);
int do_sigaction(int sig, struct k_sigaction *act, struct k_sigaction *oact);
int dequeue_signal(struct task_struct *tsk, const sigset_t *mask, struct kernel_siginfo *info);
void flush_sigqueue(struct sigpending *queue);
void force_sigsegv(int sig);
int task_stopped_code(struct task_struct *p, bool consume);
bool task_continued(struct task_struct *p, bool consume);
void restore_saved_sigmask(void);
int __save_altstack(stack_t *uss, unsigned long sp);

/* A signal about to be delivered to a handler. Linux: struct ksignal */
struct ksignal {
	struct k_sigaction ka;
	struct kernel_siginfo info;
	int sig;
};

/* Whether sp lies on the task's sigaltstack. Linux: include/linux/sched/signal.h */
static inline bool __on_sig_stack(unsigned long sp)
{
	return sp > current->sas_ss_sp && sp - current->sas_ss_sp <= current->sas_ss_size;
}

/* ...as far as the kernel can tell: with SS_AUTODISARM, a handler is never on it. */
static inline bool on_sig_stack(unsigned long sp)
{
	if (current->sas_ss_flags & SS_AUTODISARM)
		return false;
	return __on_sig_stack(sp);
}

/* What sigaltstack reports about sp: SS_DISABLE, SS_ONSTACK or 0. */
static inline int sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

static inline void sas_ss_reset(struct task_struct *p)
{
	p->sas_ss_sp = 0;
	p->sas_ss_size = 0;
	p->sas_ss_flags = SS_DISABLE;
}

#endif
