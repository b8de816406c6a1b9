// SPDX-License-Identifier: GPL-2.0
/*
 * Signals arriving: what a thread does with them on its way back to
 * user mode (get_signal), the default actions that act on the whole
 * process (the group exit, the group stop), the masks that hold them
 * back, and what a parent hears of its children (SIGCHLD).
 * Linux: kernel/signal.c (kernel/signal.c here queues and sends them)
 *
 * The group stop: the thread that takes SIGSTOP (or SIGTSTP, SIGTTIN,
 * SIGTTOU with no handler) asks every other thread to stop
 * (JOBCTL_STOP_PENDING and a wake-up) and counts them in
 * group_stop_count; each stops in do_signal_stop when it next heads
 * for user mode, and the last to stop marks the process stopped and
 * tells the parent (CLD_STOPPED, wait4's WUNTRACED). SIGCONT resumes
 * them all (kernel/signal.c continue_process).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/pid.h>
#include <linux/wait.h>
#include <linux/coredump.h>
#include <asm/irqflags.h>

#define USER_HZ		100	/* clock ticks as user space counts them */

static unsigned long nsec_to_clock_t(u64 ns)
{
	return (unsigned long)(ns / (NSEC_PER_SEC / USER_HZ));
}

/*
 * Tell the parent a child process stopped or continued (whichever of
 * its threads noticed, the process is named by its leader): SIGCHLD
 * (unless it asked for SA_NOCLDSTOP) and a wake-up for its wait4.
 * Linux: do_notify_parent_cldstop()
 */
void do_notify_parent_cldstop(struct task_struct *tsk, int why)
{
	struct task_struct *parent;
	struct kernel_siginfo info;

	tsk = tsk->group_leader;
	parent = tsk->real_parent;

	memset(&info, 0, sizeof(info));
	info.si_signo = SIGCHLD;
	info.si_code = why;
	info.si_pid = tsk->pid;
	info.si_status = why == CLD_CONTINUED ? SIGCONT : tsk->signal->stop_code;
	info.si_utime = (long)nsec_to_clock_t(tsk->utime);
	info.si_stime = (long)nsec_to_clock_t(tsk->stime);
	if (parent->sighand &&
	    !(parent->sighand->action[SIGCHLD - 1].sa.sa_flags & SA_NOCLDSTOP))
		group_send_sig_info(SIGCHLD, &info, parent, PIDTYPE_TGID);
	wake_up_interruptible_all(&parent->signal->wait_chldexit);
}

/*
 * A child is exiting: send its exit signal (normally SIGCHLD) with the
 * status, and wake the parent's wait4. Returns true when the parent has
 * asked not to get zombies (SIGCHLD ignored, or SA_NOCLDWAIT): the child
 * then reaps itself. Linux: do_notify_parent()
 */
bool do_notify_parent(struct task_struct *tsk, int sig)
{
	struct task_struct *parent = tsk->real_parent;
	struct sighand_struct *psig = parent->sighand;
	struct kernel_siginfo info;
	bool autoreap = false;
	int status = tsk->exit_code;

	do_notify_pidfd(tsk);	/* its pidfds poll readable now */
	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_pid = tsk->pid;
	info.si_utime = (long)nsec_to_clock_t(tsk->utime + tsk->signal->utime);
	info.si_stime = (long)nsec_to_clock_t(tsk->stime + tsk->signal->stime);
	if ((status & 0x7f) == 0) {
		info.si_code = CLD_EXITED;
		info.si_status = status >> 8;
	} else {
		info.si_code = (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
		info.si_status = status & 0x7f;
	}
	if (psig && sig == SIGCHLD &&
	    (psig->action[SIGCHLD - 1].sa.sa_handler == SIG_IGN ||
	     (psig->action[SIGCHLD - 1].sa.sa_flags & SA_NOCLDWAIT))) {
		autoreap = true;
		if (psig->action[SIGCHLD - 1].sa.sa_handler == SIG_IGN)
			sig = 0;
	}
	if (psig && sig > 0 && valid_signal(sig) && !(parent->flags & PF_KTHREAD))
		group_send_sig_info(sig, &info, parent, PIDTYPE_TGID);
	wake_up_interruptible_all(&parent->signal->wait_chldexit);
	return autoreap;
}

/*
 * One thread stops for the group stop; the last to do so marks the
 * process stopped and returns true (the parent is to be told).
 * Linux: task_participate_group_stop()
 */
static bool task_participate_group_stop(struct task_struct *t)
{
	struct signal_struct *sig = t->signal;

	t->jobctl &= ~JOBCTL_STOP_PENDING;
	if (sig->group_stop_count && --sig->group_stop_count)
		return false;
	sig->flags = (sig->flags & ~SIGNAL_STOP_CONTINUED) | SIGNAL_STOP_STOPPED;
	sig->stop_reported = false;
	return true;
}

/*
 * Stop until SIGCONT or SIGKILL, with every thread of the process: the
 * thread that took the stop signal (signr) starts the group stop, asking
 * each other thread to stop too (JOBCTL_STOP_PENDING, and a wake-up);
 * each of them comes here with signr 0. Linux: do_signal_stop()
 */
static void do_signal_stop(int signr)
{
	struct signal_struct *sig = current->signal;
	struct task_struct *t;

	/* Linux: the siglock, dropped just before schedule(). */
	if (!(current->jobctl & JOBCTL_STOP_PENDING)) {
		if (sig->flags & SIGNAL_GROUP_EXIT || sig->group_exec_task)
			return;
		sig->stop_code = signr;
		sig->group_stop_count = 1;
		current->jobctl |= JOBCTL_STOP_PENDING;
		for_each_thread(current, t) {
			if (t == current || (t->flags & PF_EXITING) ||
			    (READ_ONCE(t->__state) & __TASK_STOPPED))
				continue;
			t->jobctl |= JOBCTL_STOP_PENDING;
			sig->group_stop_count++;
			signal_wake_up(t, false);
		}
	}
	set_current_state(TASK_STOPPED);
	if (task_participate_group_stop(current))
		do_notify_parent_cldstop(current, CLD_STOPPED);
	schedule();
}

/*
 * Take the next deliverable signal. Returns true with ksig filled when a
 * handler should run; applies default actions itself (ignore, stop, or
 * exit, which does not return). Linux: get_signal()
 */
bool get_signal(struct ksignal *ksig)
{
	struct sighand_struct *sighand = current->sighand;
	struct signal_struct *signal = current->signal;

	for (;;) {
		struct k_sigaction *ka;
		int signr, exit_code;

		/* Killed with the rest of the group: exit_group, a fatal signal, an exec. */
		if ((signal->flags & SIGNAL_GROUP_EXIT) || signal->group_exec_task) {
			sigdelset(&current->pending.signal, SIGKILL);
			recalc_sigpending();
			current->flags |= PF_SIGNALED;
			do_group_exit(SIGKILL);
		}
		if (current->jobctl & JOBCTL_STOP_PENDING) {
			do_signal_stop(0);
			continue;
		}
		signr = dequeue_signal(current, &current->blocked, &ksig->info);
		if (!signr)
			return false;
		ka = &sighand->action[signr - 1];
		if (ka->sa.sa_handler == SIG_IGN)
			continue;
		if (ka->sa.sa_handler != SIG_DFL) {
			ksig->ka = *ka;
			if (ka->sa.sa_flags & SA_RESETHAND)
				ka->sa.sa_handler = SIG_DFL;
			ksig->sig = signr;
			return true;
		}
		if (sig_kernel_ignore(signr))
			continue;
		if ((signal->flags & SIGNAL_UNKILLABLE) && !sig_kernel_only(signr))
			continue;
		if (sig_kernel_stop(signr)) {
			do_signal_stop(signr);
			continue;
		}
		current->flags |= PF_SIGNALED;
		exit_code = signr;
		if (sig_kernel_coredump(signr) && do_coredump(&ksig->info))
			exit_code |= 0x80;
		do_group_exit(exit_code);
	}
}

/*
 * A handler's frame is in place: block what it asked to block while it
 * runs (its sa_mask, and the signal itself unless SA_NODEFER).
 * Linux: signal_delivered() / signal_setup_done()
 */
void signal_setup_done(int failed, struct ksignal *ksig, int stepping)
{
	sigset_t blocked;

	if (failed) {
		force_sigsegv(ksig->sig);
		return;
	}
	current->restore_sigmask = false;
	blocked = current->blocked;
	sigaddsetmask(&blocked, ksig->ka.sa.sa_mask.sig[0]);
	if (!(ksig->ka.sa.sa_flags & SA_NODEFER))
		sigaddset(&blocked, ksig->sig);
	set_current_blocked(&blocked);
}

/*
 * tsk will no longer take the process's signals in which (it blocks
 * them, or exits): wake other threads that can. Linux: retarget_shared_pending()
 */
static void retarget_shared_pending(struct task_struct *tsk, const sigset_t *which)
{
	struct task_struct *t;
	sigset_t retarget;

	if (tsk->signal->flags & SIGNAL_GROUP_EXIT)
		return;		/* nobody takes them: the group is dying */
	retarget.sig[0] = tsk->signal->shared_pending.signal.sig[0] & which->sig[0];
	for (t = next_thread(tsk); t != tsk && !sigisemptyset(&retarget); t = next_thread(t)) {
		if ((t->flags & PF_EXITING) || !has_pending_signals(&retarget, &t->blocked))
			continue;
		retarget.sig[0] &= t->blocked.sig[0];	/* t takes the rest */
		if (!signal_pending(t))
			signal_wake_up(t, false);
	}
}

void __set_current_blocked(const sigset_t *newset)
{
	unsigned long flags;
	sigset_t newblocked;

	local_irq_save(flags);
	if (signal_pending(current)) {
		newblocked.sig[0] = newset->sig[0] & ~current->blocked.sig[0];
		retarget_shared_pending(current, &newblocked);
	}
	current->blocked = *newset;
	recalc_sigpending();
	local_irq_restore(flags);
}

/* SIGKILL and SIGSTOP can never be blocked. */
void set_current_blocked(const sigset_t *newset)
{
	sigset_t set = *newset;

	sigdelsetmask(&set, SIG_KERNEL_ONLY_MASK);
	__set_current_blocked(&set);
}

/*
 * A thread leaving: no more signals for it. The process's signals it
 * would have taken go to another thread, and a group stop no longer
 * waits for it. Linux: exit_signals()
 */
void exit_signals(struct task_struct *tsk)
{
	sigset_t unblocked;

	tsk->flags |= PF_EXITING;
	if (!thread_group_empty(tsk) && !(tsk->signal->flags & SIGNAL_GROUP_EXIT)) {
		if (signal_pending(tsk)) {
			unblocked.sig[0] = ~tsk->blocked.sig[0];
			retarget_shared_pending(tsk, &unblocked);
		}
		if ((tsk->jobctl & JOBCTL_STOP_PENDING) && task_participate_group_stop(tsk))
			do_notify_parent_cldstop(tsk, CLD_STOPPED);
	}
	clear_tsk_thread_flag(tsk, TIF_SIGPENDING);
}

/* wait4 for stopped and continued children (WUNTRACED, WCONTINUED). */
int task_stopped_code(struct task_struct *p, bool consume)
{
	struct signal_struct *sig = p->signal;

	if (!(sig->flags & SIGNAL_STOP_STOPPED) || sig->stop_reported)
		return 0;
	if (consume)
		sig->stop_reported = true;
	return (sig->stop_code << 8) | 0x7f;
}

bool task_continued(struct task_struct *p, bool consume)
{
	if (!(p->signal->flags & SIGNAL_STOP_CONTINUED))
		return false;
	if (consume)
		p->signal->flags &= ~SIGNAL_STOP_CONTINUED;
	return true;
}

/* After sigsuspend/ppoll: the mask they replaced comes back. */
void restore_saved_sigmask(void)
{
	if (current->restore_sigmask) {
		current->restore_sigmask = false;
		__set_current_blocked(&current->saved_sigmask);
	}
}
