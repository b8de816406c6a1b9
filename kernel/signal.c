// SPDX-License-Identifier: GPL-2.0
/*
 * Signals: sending, queueing, and picking the next one to deliver.
 * Linux: kernel/signal.c
 *
 * Sending (kill, a fault, a child's exit) queues the signal with its
 * siginfo: on one thread's pending list (tkill, a fault) or on its
 * process's shared_pending (kill, a process group); complete_signal then
 * picks a thread that does not block it, sets its TIF_SIGPENDING and
 * wakes it if its sleep is interruptible. A standard signal already
 * pending is not queued twice; real-time ones queue. Delivery happens
 * when a thread returns to user mode: get_signal() takes the next
 * unblocked signal, its own first, then its process's, and either finds
 * a handler (the arch code builds a signal frame for it) or applies the
 * default action, which acts on the whole process:
 *
 *   ignore      SIGCHLD, SIGCONT, SIGWINCH, SIGURG
 *   stop        SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU (SIGCONT resumes)
 *   core        SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSEGV, SIGBUS,
 *               SIGSYS, SIGXCPU, SIGXFSZ: terminate, dumping core if
 *               RLIMIT_CORE allows (status bit 0x80)
 *   terminate   all the others
 *
 * A fatal signal kills every thread (zap_other_threads: SIGKILL to each,
 * the group's exit code set once); a stop signal stops every thread (the
 * group stop: the last thread to stop tells the parent).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/wait.h>
#include <linux/coredump.h>
#include <linux/cred.h>
#include <linux/capability.h>
#include <asm/irqflags.h>

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

/*
 * Set TIF_SIGPENDING if t has work: an unblocked signal of its own or
 * of its process, or a group stop to join. Linux: recalc_sigpending_tsk()
 */
static bool recalc_sigpending_tsk(struct task_struct *t)
{
	if ((t->jobctl & JOBCTL_STOP_PENDING) ||
	    has_pending_signals(&t->pending.signal, &t->blocked) ||
	    has_pending_signals(&t->signal->shared_pending.signal, &t->blocked)) {
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
void signal_wake_up(struct task_struct *t, bool fatal)
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
	flush_sigqueue(&t->signal->shared_pending);
	clear_tsk_thread_flag(t, TIF_SIGPENDING);
	local_irq_restore(flags);
}

/* Drop the signals of mask from the process's queue and every thread's. */
static void flush_process_sigqueue_mask(const sigset_t *mask, struct task_struct *p)
{
	struct task_struct *t;

	flush_sigqueue_mask(mask, &p->signal->shared_pending);
	for_each_thread(p, t)
		flush_sigqueue_mask(mask, &t->pending);
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

/*
 * SIGCONT: every thread resumes (or will not stop: a group stop under
 * way is called off), and the parent hears of it if the process had
 * stopped. Linux: prepare_signal()'s SIGCONT case
 */
static void continue_process(struct task_struct *p)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;

	for_each_thread(p, t) {
		t->jobctl &= ~JOBCTL_STOP_PENDING;
		wake_up_state(t, __TASK_STOPPED);
	}
	signal->group_stop_count = 0;
	if (signal->flags & SIGNAL_STOP_STOPPED) {
		signal->flags = (signal->flags & ~SIGNAL_STOP_STOPPED) | SIGNAL_STOP_CONTINUED;
		do_notify_parent_cldstop(p, CLD_CONTINUED);
	}
}

/*
 * What arriving does before queueing: nothing for a process that is
 * exiting; a stop signal cancels a pending SIGCONT and the reverse;
 * SIGCONT resumes a stopped process at once. Returns whether to queue
 * the signal at all. Linux: prepare_signal()
 */
static bool prepare_signal(int sig, struct task_struct *p, bool force)
{
	sigset_t flush;

	if (p->signal->flags & SIGNAL_GROUP_EXIT)
		return false;
	sigemptyset(&flush);
	if (sig_kernel_stop(sig)) {
		sigaddset(&flush, SIGCONT);
		flush_process_sigqueue_mask(&flush, p);
	} else if (sig == SIGCONT) {
		flush.sig[0] = SIG_KERNEL_STOP_MASK;
		flush_process_sigqueue_mask(&flush, p);
		continue_process(p);
	}
	return !sig_ignored(p, sig, force);
}

/*
 * Is p a good thread to wake for sig: it does not block it, is not
 * exiting or stopped, and has no signal already waiting (or is running).
 * Linux: wants_signal()
 */
static bool wants_signal(int sig, struct task_struct *p)
{
	if (sigismember(&p->blocked, sig) || (p->flags & PF_EXITING))
		return false;
	if (sig == SIGKILL)
		return true;
	if (READ_ONCE(p->__state) & __TASK_STOPPED)
		return false;
	return p == current || !signal_pending(p);
}

/* Would sig kill the process (default action terminate or core)? Linux: sig_fatal() */
static bool sig_fatal(struct task_struct *p, int sig)
{
	return !sig_kernel_ignore(sig) && !sig_kernel_stop(sig) &&
	       sig_handler(p, sig) == SIG_DFL;
}

/*
 * sig is queued for p (type says where): choose a thread to take it and
 * wake it. A signal that will kill the process kills every thread now
 * (SIGKILL to each), so none runs on in user space after another has
 * died; one that dumps core is left to the thread that takes it (the
 * dump comes first). Linux: complete_signal()
 */
static void complete_signal(int sig, struct task_struct *p, enum pid_type type)
{
	/* Linux: the caller holds p's siglock; here interrupts are off. */
	struct signal_struct *signal = p->signal;
	struct task_struct *t;

	if (wants_signal(sig, p)) {
		t = p;
	} else if (type == PIDTYPE_PID || thread_group_empty(p)) {
		return;		/* it will see the signal before it runs user code again */
	} else {
		t = signal->curr_target ?: p;
		while (!wants_signal(sig, t)) {
			t = next_thread(t);
			if (t == (signal->curr_target ?: p))
				return;	/* no thread wants it now: the first to unblock takes it */
		}
		signal->curr_target = t;
	}
	if (sig_fatal(p, sig) && !(signal->flags & SIGNAL_GROUP_EXIT) &&
	    !sigismember(&t->real_blocked, sig) && !sig_kernel_coredump(sig)) {
		signal->flags = SIGNAL_GROUP_EXIT;
		signal->group_exit_code = sig;
		signal->group_stop_count = 0;
		for_each_thread(p, t) {
			t->jobctl &= ~JOBCTL_STOP_PENDING;
			sigaddset(&t->pending.signal, SIGKILL);
			signal_wake_up(t, true);
		}
		return;
	}
	signal_wake_up(t, sig == SIGKILL);
}

/* The siginfo SEND_SIG_NOINFO or SEND_SIG_PRIV stands for. */
static void fill_special_siginfo(struct kernel_siginfo *to, int sig,
				 const struct kernel_siginfo *info)
{
	memset(to, 0, sizeof(*to));
	to->si_signo = sig;
	if (info == SEND_SIG_NOINFO) {
		to->si_code = SI_USER;
		to->si_pid = current->tgid;
	} else {
		to->si_code = SI_KERNEL;
	}
}

/*
 * Queue sig with its info for t (its own queue, or its process's) and
 * wake a thread to take it. A standard signal from kill or the kernel
 * (si_code >= 0) is queued even past RLIMIT_SIGPENDING; a real-time one
 * is not: past the limit, one from kill is still sent but loses its
 * info, one from sigqueue (or tkill) fails with EAGAIN. SIGKILL needs no
 * info: nobody catches it. Linux: __send_signal_locked()
 */
static int __send_signal(int sig, struct kernel_siginfo *info, struct task_struct *t,
			 enum pid_type type, bool force)
{
	struct sigpending *pending;
	bool override_rlimit;
	struct sigqueue *q;

	if (!prepare_signal(sig, t, force))
		return 0;
	pending = type != PIDTYPE_PID ? &t->signal->shared_pending : &t->pending;
	/* A standard signal is pending at most once. */
	if (sig < SIGRTMIN && sigismember(&pending->signal, sig))
		return 0;
	if (sig == SIGKILL)
		goto out_set;
	override_rlimit = sig < SIGRTMIN && (is_si_special(info) || info->si_code >= 0);
	q = __sigqueue_alloc(t, override_rlimit);
	if (q) {
		if (is_si_special(info))
			fill_special_siginfo(&q->info, sig, info);
		else
			q->info = *info;
		list_add_tail(&q->list, &pending->list);
	} else if (!is_si_special(info) && sig >= SIGRTMIN && info->si_code != SI_USER) {
		return -EAGAIN;
	}
out_set:
	sigaddset(&pending->signal, sig);
	complete_signal(sig, t, type);
	return 0;
}

int do_send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p,
		     enum pid_type type)
{
	unsigned long flags;
	int ret;

	if (!p->sighand)
		return -ESRCH;		/* released: no longer takes signals */
	local_irq_save(flags);
	ret = __send_signal(sig, info, p, type, false);
	local_irq_restore(flags);
	return ret;
}

/* Sent by a system call (kill, sigqueue, ...), not by the kernel. Linux: si_fromuser() */
static bool si_fromuser(const struct kernel_siginfo *info)
{
	return info == SEND_SIG_NOINFO || (!is_si_special(info) && info->si_code <= 0);
}

/*
 * The sender's real or effective uid is t's real or saved uid, or it
 * has CAP_KILL. Linux: kill_ok_by_cred()
 */
static bool kill_ok_by_cred(struct task_struct *t)
{
	const struct cred *cred = current_cred(), *tcred = __task_cred(t);

	return cred->euid == tcred->suid || cred->euid == tcred->uid ||
	       cred->uid == tcred->suid || cred->uid == tcred->uid || capable(CAP_KILL);
}

/*
 * May the current task send sig to t? Always from the kernel and within
 * a process; else by the ids (kill_ok_by_cred), and SIGCONT also to any
 * process of the sender's session. Linux: check_kill_permission(), without
 * the audit and LSM hooks
 */
static int check_kill_permission(int sig, struct kernel_siginfo *info, struct task_struct *t)
{
	if (!si_fromuser(info) || same_thread_group(current, t) || kill_ok_by_cred(t))
		return 0;
	if (sig == SIGCONT && t->signal && t->signal->session == current->signal->session)
		return 0;
	return -EPERM;
}

/*
 * A signal for p's whole process (type PIDTYPE_TGID, or the group or
 * session it was sent to), or for one thread (PIDTYPE_PID, tgkill's).
 * Signal 0 only asks whether it could be sent. Linux: group_send_sig_info(),
 * do_send_specific()
 */
int group_send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p,
			enum pid_type type)
{
	int ret = check_kill_permission(sig, info, p);

	if (ret || !sig)
		return ret;
	return do_send_sig_info(sig, info, p, type);
}

/* A signal for one thread. Linux: send_sig_info() */
int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p)
{
	if (!valid_signal(sig))
		return -EINVAL;
	return do_send_sig_info(sig, info, p, PIDTYPE_PID);
}

/* A signal from the kernel for one thread (SIGPIPE to the writer). */
int send_sig(int sig, struct task_struct *p, int priv)
{
	return send_sig_info(sig, __si_special(priv), p);
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
	ret = __send_signal(info->si_signo, info, t, PIDTYPE_PID, true);
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

/* Every process of a group (the tty's ^C, its hangup). Linux: kill_pgrp() */
int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	struct task_struct *p;
	int ret = -ESRCH;

	for_each_process(p) {
		if (thread_group_leader(p) && p->signal && p->signal->pgrp == pgrp &&
		    !(p->flags & PF_KTHREAD)) {
			int err = group_send_sig_info(sig, __si_special(priv), p, PIDTYPE_PGID);

			if (ret)
				ret = err;
		}
	}
	return ret;
}

/*
 * Kill every other thread of p's process: SIGKILL on each one's own
 * queue, woken even from a stop. Returns how many there were (exited
 * ones included: de_thread waits for them to be released).
 * Linux: zap_other_threads()
 */
int zap_other_threads(struct task_struct *p)
{
	struct task_struct *t;
	int count = 0;

	p->signal->group_stop_count = 0;
	for_each_thread(p, t) {
		if (t == p)
			continue;
		t->jobctl &= ~JOBCTL_STOP_PENDING;
		count++;
		if (t->exit_state)
			continue;
		sigaddset(&t->pending.signal, SIGKILL);
		signal_wake_up(t, true);
	}
	return count;
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

/*
 * The thread's own signals first, then its process's. Interrupts stay
 * off while the queues change: timers and the tty send signals.
 * Linux: dequeue_signal()
 */
int dequeue_signal(struct task_struct *tsk, const sigset_t *mask, struct kernel_siginfo *info)
{
	struct sigpending *pending = &tsk->pending;
	unsigned long flags;
	int signr;

	local_irq_save(flags);
	signr = next_signal(pending, mask);
	if (!signr) {
		pending = &tsk->signal->shared_pending;
		signr = next_signal(pending, mask);
	}
	if (signr)
		collect_signal(signr, pending, info);
	recalc_sigpending();
	local_irq_restore(flags);
	return signr;
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
		flush_process_sigqueue_mask(&mask, current);
		recalc_sigpending();
		local_irq_restore(flags);
	}
	return 0;
}
