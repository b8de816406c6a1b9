// SPDX-License-Identifier: GPL-2.0
/*
 * Signals: sending, queueing, and picking the next one to deliver.
 * Linux: kernel/signal.c
 *
 * Sending (kill, a fault, a child's exit) queues the signal on the
 * target's pending list with its siginfo and sets TIF_SIGPENDING; a
 * sleeping target is woken if its sleep is interruptible. A standard
 * signal already pending is not queued twice; real-time ones queue.
 * Delivery happens when the target returns to user mode: get_signal()
 * takes the next unblocked signal and either finds a handler (the arch
 * code builds a signal frame for it) or applies the default action:
 *
 *   ignore      SIGCHLD, SIGCONT, SIGWINCH, SIGURG
 *   stop        SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU (SIGCONT resumes)
 *   core        SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSEGV, SIGBUS,
 *               SIGSYS, SIGXCPU, SIGXFSZ: terminate, dumping core if
 *               RLIMIT_CORE allows (status bit 0x80)
 *   terminate   all the others
 *
 * One task per process (no threads), so Linux's per-process shared
 * pending queue and group stop collapse into the task's own.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/pid.h>
#include <linux/wait.h>
#include <linux/coredump.h>
#include <asm/irqflags.h>

#define USER_HZ		100	/* clock ticks as user space counts them */
#define SYNCHRONOUS_MASK \
	(sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | sigmask(SIGTRAP) | \
	 sigmask(SIGFPE) | sigmask(SIGSYS))

static struct kmem_cache *sigqueue_cachep;

/*
 * Queued siginfos of the one user (root): RLIMIT_SIGPENDING bounds them,
 * so that a process cannot fill kernel memory with blocked real-time
 * signals. Linux counts them per user (ucounts); here every process is root.
 */
static unsigned long nr_sigqueued;

void signals_init(void)
{
	sigqueue_cachep = kmem_cache_create("sigqueue", sizeof(struct sigqueue), 0,
					    SLAB_PANIC, NULL);
}

/* A queue entry for a signal to t, within t's RLIMIT_SIGPENDING unless overridden. */
static struct sigqueue *__sigqueue_alloc(struct task_struct *t, bool override_rlimit)
{
	struct sigqueue *q;

	if (!override_rlimit &&
	    nr_sigqueued >= t->signal->rlim[RLIMIT_SIGPENDING].rlim_cur)
		return NULL;
	q = kmem_cache_alloc(sigqueue_cachep, GFP_ATOMIC);
	if (q)
		nr_sigqueued++;
	return q;
}

static void __sigqueue_free(struct sigqueue *q)
{
	nr_sigqueued--;
	kmem_cache_free(sigqueue_cachep, q);
}

static unsigned long nsec_to_clock_t(u64 ns)
{
	return (unsigned long)(ns / (NSEC_PER_SEC / USER_HZ));
}

/* Set TIF_SIGPENDING if an unblocked signal is pending; clear it if not. */
static bool recalc_sigpending_tsk(struct task_struct *t)
{
	if (t->pending.signal.sig[0] & ~t->blocked.sig[0]) {
		set_tsk_thread_flag(t, TIF_SIGPENDING);
		return true;
	}
	return false;
}

void recalc_sigpending(void)
{
	if (!recalc_sigpending_tsk(current))
		clear_thread_flag(TIF_SIGPENDING);
}

/* Wake t to handle a signal; a fatal one ends even a killable sleep or a stop. */
static void signal_wake_up(struct task_struct *t, bool fatal)
{
	set_tsk_thread_flag(t, TIF_SIGPENDING);
	wake_up_state(t, TASK_INTERRUPTIBLE | (fatal ? TASK_WAKEKILL : 0));
}

static void flush_sigqueue_mask(const sigset_t *mask, struct sigpending *s)
{
	struct sigqueue *q, *n;

	if (!(s->signal.sig[0] & mask->sig[0]))
		return;
	sigdelsetmask(&s->signal, mask->sig[0]);
	list_for_each_entry_safe(q, n, &s->list, list) {
		if (sigismember(mask, q->info.si_signo)) {
			list_del(&q->list);
			__sigqueue_free(q);
		}
	}
}

void flush_sigqueue(struct sigpending *queue)
{
	struct sigqueue *q, *n;

	sigemptyset(&queue->signal);
	list_for_each_entry_safe(q, n, &queue->list, list) {
		list_del(&q->list);
		__sigqueue_free(q);
	}
}

void flush_signals(struct task_struct *t)
{
	unsigned long flags;

	local_irq_save(flags);
	flush_sigqueue(&t->pending);
	clear_tsk_thread_flag(t, TIF_SIGPENDING);
	local_irq_restore(flags);
}

static __sighandler_t sig_handler(const struct task_struct *t, int sig)
{
	return t->sighand->action[sig - 1].sa.sa_handler;
}

static bool sig_handler_ignored(__sighandler_t handler, int sig)
{
	return handler == SIG_IGN || (handler == SIG_DFL && sig_kernel_ignore(sig));
}

/*
 * Would sig be thrown away on arrival? Not if blocked (the handler may
 * change before it is unblocked). init ignores what it has no handler
 * for, SIGKILL included, unless the kernel forces it.
 */
static bool sig_ignored(struct task_struct *t, int sig, bool force)
{
	__sighandler_t handler = sig_handler(t, sig);

	if (sigismember(&t->blocked, sig))
		return false;
	if ((t->signal->flags & SIGNAL_UNKILLABLE) && handler == SIG_DFL &&
	    !(force && sig_kernel_only(sig)))
		return true;
	return sig_handler_ignored(handler, sig);
}

static void do_notify_parent_cldstop(struct task_struct *tsk, int why);

/*
 * What arriving does before queueing: a stop signal cancels a pending
 * SIGCONT and the reverse; SIGCONT resumes a stopped process at once.
 * Returns whether to queue the signal at all. Linux: prepare_signal()
 */
static bool prepare_signal(int sig, struct task_struct *p, bool force)
{
	struct signal_struct *signal = p->signal;
	sigset_t flush;

	if (signal->flags & SIGNAL_GROUP_EXIT)
		return sig == SIGKILL;
	sigemptyset(&flush);
	if (sig_kernel_stop(sig)) {
		sigaddset(&flush, SIGCONT);
		flush_sigqueue_mask(&flush, &p->pending);
	} else if (sig == SIGCONT) {
		flush.sig[0] = SIG_KERNEL_STOP_MASK;
		flush_sigqueue_mask(&flush, &p->pending);
		if (signal->flags & SIGNAL_STOP_STOPPED) {
			signal->flags = (signal->flags & ~SIGNAL_STOP_STOPPED) |
					SIGNAL_STOP_CONTINUED;
			wake_up_state(p, __TASK_STOPPED);
			do_notify_parent_cldstop(p, CLD_CONTINUED);
		}
	}
	return !sig_ignored(p, sig, force);
}

/*
 * Queue sig with its info on t and wake it. A standard signal from kill
 * or the kernel (si_code >= 0) is queued even past RLIMIT_SIGPENDING; a
 * real-time one is not: past the limit, one from kill is still sent but
 * loses its info, one from sigqueue (or tkill) fails with EAGAIN.
 * Linux: __send_signal_locked()
 */
static int __send_signal(int sig, struct kernel_siginfo *info, struct task_struct *t,
			 bool force)
{
	struct sigpending *pending = &t->pending;
	bool override_rlimit = sig < SIGRTMIN && info->si_code >= 0;
	struct sigqueue *q;

	if (!prepare_signal(sig, t, force))
		return 0;
	/* A standard signal is pending at most once. */
	if (sig < SIGRTMIN && sigismember(&pending->signal, sig))
		return 0;
	q = __sigqueue_alloc(t, override_rlimit);
	if (q) {
		q->info = *info;
		list_add_tail(&q->list, &pending->list);
	} else if (sig >= SIGRTMIN && info->si_code != SI_USER) {
		return -EAGAIN;
	}
	sigaddset(&pending->signal, sig);
	if (!sigismember(&t->blocked, sig) || sig == SIGKILL)
		signal_wake_up(t, sig == SIGKILL);
	return 0;
}

int do_send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p)
{
	unsigned long flags;
	int ret;

	if (!p->sighand)
		return -ESRCH;		/* exiting: no longer takes signals */
	local_irq_save(flags);
	ret = __send_signal(sig, info, p, false);
	local_irq_restore(flags);
	return ret;
}

int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p)
{
	if (!valid_signal(sig))
		return -EINVAL;
	return do_send_sig_info(sig, info, p);
}

/* A signal from the kernel (SIGPIPE, SIGALRM, SIGINT from the tty). */
int send_sig(int sig, struct task_struct *p, int priv)
{
	struct kernel_siginfo info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = priv ? SI_KERNEL : SI_USER;
	return send_sig_info(sig, &info, p);
}

/*
 * A signal the task cannot refuse (a fault): unblocked, and back to the
 * default action if it was ignored or blocked, so that a fault inside
 * its own handler kills it. Linux: force_sig_info_to_task()
 */
static int force_sig_info(struct kernel_siginfo *info)
{
	struct task_struct *t = current;
	struct k_sigaction *action = &t->sighand->action[info->si_signo - 1];
	bool blocked = sigismember(&t->blocked, info->si_signo);
	unsigned long flags;
	int ret;

	local_irq_save(flags);
	if (blocked || action->sa.sa_handler == SIG_IGN) {
		action->sa.sa_handler = SIG_DFL;
		if (blocked) {
			sigdelset(&t->blocked, info->si_signo);
			recalc_sigpending_tsk(t);
		}
	}
	if (action->sa.sa_handler == SIG_DFL)
		t->signal->flags &= ~SIGNAL_UNKILLABLE;
	ret = __send_signal(info->si_signo, info, t, true);
	local_irq_restore(flags);
	return ret;
}

void force_sig(int sig)
{
	struct kernel_siginfo info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = SI_KERNEL;
	force_sig_info(&info);
}

/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP with si_code and si_addr. */
int force_sig_fault(int sig, int code, void *addr)
{
	struct kernel_siginfo info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	info.si_addr = addr;
	return force_sig_info(&info);
}

/* Kill the task with sig, whatever its handler (exec past the point of no return). */
void force_fatal_sig(int sig)
{
	current->sighand->action[sig - 1].sa.sa_handler = SIG_DFL;
	force_sig(sig);
}

/* The task about to run a handler for sig gets a SIGSEGV instead (no room for the frame). */
void force_sigsegv(int sig)
{
	if (sig == SIGSEGV)
		current->sighand->action[SIGSEGV - 1].sa.sa_handler = SIG_DFL;
	force_sig(SIGSEGV);
}

int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	struct kernel_siginfo info;
	struct task_struct *p;
	int ret = -ESRCH;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = priv ? SI_KERNEL : SI_USER;
	for_each_process(p) {
		if (p->signal && p->signal->pgrp == pgrp && !(p->flags & PF_KTHREAD)) {
			int err = do_send_sig_info(sig, &info, p);

			if (ret)
				ret = err;
		}
	}
	return ret;
}

/* The next signal to deliver: synchronous (fault) signals first, then by number. */
static int next_signal(const struct sigpending *pending, const sigset_t *mask)
{
	unsigned long x = pending->signal.sig[0] & ~mask->sig[0];

	if (!x)
		return 0;
	if (x & SYNCHRONOUS_MASK)
		x &= SYNCHRONOUS_MASK;
	return __builtin_ctzl(x) + 1;
}

/* Take sig off the queue with its info. Linux: collect_signal() */
static void collect_signal(int sig, struct sigpending *list, struct kernel_siginfo *info)
{
	struct sigqueue *q, *first = NULL;
	bool more = false;

	list_for_each_entry(q, &list->list, list) {
		if (q->info.si_signo != sig)
			continue;
		if (first) {
			more = true;
			break;
		}
		first = q;
	}
	if (!more)
		sigdelset(&list->signal, sig);
	if (first) {
		list_del(&first->list);
		*info = first->info;
		__sigqueue_free(first);
	} else {
		/* Queued without info (no memory at the time): as from kill. */
		memset(info, 0, sizeof(*info));
		info->si_signo = sig;
		info->si_code = SI_USER;
	}
}

/* Interrupts stay off while the queue changes: timers and the tty send signals. */
int dequeue_signal(struct task_struct *tsk, const sigset_t *mask, struct kernel_siginfo *info)
{
	unsigned long flags;
	int signr;

	local_irq_save(flags);
	signr = next_signal(&tsk->pending, mask);
	if (signr)
		collect_signal(signr, &tsk->pending, info);
	recalc_sigpending();
	local_irq_restore(flags);
	return signr;
}

/*
 * Tell the parent a child stopped or continued: SIGCHLD (unless it asked
 * for SA_NOCLDSTOP) and a wake-up for its wait4. Linux: do_notify_parent_cldstop()
 */
static void do_notify_parent_cldstop(struct task_struct *tsk, int why)
{
	struct task_struct *parent = tsk->real_parent;
	struct kernel_siginfo info;

	memset(&info, 0, sizeof(info));
	info.si_signo = SIGCHLD;
	info.si_code = why;
	info.si_pid = tsk->pid;
	info.si_status = why == CLD_CONTINUED ? SIGCONT : tsk->signal->stop_code;
	info.si_utime = (long)nsec_to_clock_t(tsk->utime);
	info.si_stime = (long)nsec_to_clock_t(tsk->stime);
	if (parent->sighand &&
	    !(parent->sighand->action[SIGCHLD - 1].sa.sa_flags & SA_NOCLDSTOP))
		__send_signal(SIGCHLD, &info, parent, false);
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
	info.si_utime = (long)nsec_to_clock_t(tsk->utime + tsk->signal->cutime);
	info.si_stime = (long)nsec_to_clock_t(tsk->stime + tsk->signal->cstime);
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
		__send_signal(sig, &info, parent, false);
	wake_up_interruptible_all(&parent->signal->wait_chldexit);
	return autoreap;
}

/* Stop until SIGCONT or SIGKILL. Linux: do_signal_stop() */
static void do_signal_stop(int signr)
{
	struct signal_struct *sig = current->signal;

	sig->flags = (sig->flags & ~SIGNAL_STOP_CONTINUED) | SIGNAL_STOP_STOPPED;
	sig->stop_code = signr;
	sig->stop_reported = false;
	set_current_state(TASK_STOPPED);
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
		int signr = dequeue_signal(current, &current->blocked, &ksig->info);
		int exit_code;

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

void __set_current_blocked(const sigset_t *newset)
{
	unsigned long flags;

	local_irq_save(flags);
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

/* A process leaving: no more signals (Linux: exit_signals()). */
void exit_signals(struct task_struct *tsk)
{
	tsk->flags |= PF_EXITING;
	clear_tsk_thread_flag(tsk, TIF_SIGPENDING);
}

/*
 * exec: handlers point into the old program, so they go back to SIG_DFL;
 * ignored signals stay ignored. Linux: flush_signal_handlers()
 */
void flush_signal_handlers(struct task_struct *t, int force_default)
{
	struct k_sigaction *ka = t->sighand->action;

	for (int i = 0; i < _NSIG; i++, ka++) {
		if (force_default || ka->sa.sa_handler != SIG_IGN)
			ka->sa.sa_handler = SIG_DFL;
		ka->sa.sa_flags = 0;
		ka->sa.sa_restorer = NULL;
		sigemptyset(&ka->sa.sa_mask);
	}
}

/* Linux: do_sigaction() */
int do_sigaction(int sig, struct k_sigaction *act, struct k_sigaction *oact)
{
	struct k_sigaction *k;
	sigset_t mask;

	if (!valid_signal((unsigned long)sig) || sig < 1 || (act && sig_kernel_only(sig)))
		return -EINVAL;
	k = &current->sighand->action[sig - 1];
	if (oact)
		*oact = *k;
	if (!act)
		return 0;
	sigdelsetmask(&act->sa.sa_mask, SIG_KERNEL_ONLY_MASK);
	*k = *act;
	/* POSIX: setting a pending signal to be ignored discards it. */
	if (sig_handler_ignored(k->sa.sa_handler, sig)) {
		unsigned long flags;

		sigemptyset(&mask);
		sigaddset(&mask, sig);
		local_irq_save(flags);
		flush_sigqueue_mask(&mask, &current->pending);
		recalc_sigpending();
		local_irq_restore(flags);
	}
	return 0;
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
