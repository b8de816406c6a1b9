// SPDX-License-Identifier: GPL-2.0
/*
 * The signal system calls: handlers, masks, sending, waiting, the
 * alternate stack. Linux: kernel/signal.c (the SYSCALL_DEFINEs)
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/cred.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define MINSIGSTKSZ	2048

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct sigaction __user *, act,
		struct sigaction __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction new_sa, old_sa;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (act && copy_from_user(&new_sa.sa, act, sizeof(new_sa.sa)))
		return -EFAULT;
	ret = do_sigaction(sig, act ? &new_sa : NULL, oact ? &old_sa : NULL);
	if (!ret && oact && copy_to_user(oact, &old_sa.sa, sizeof(old_sa.sa)))
		return -EFAULT;
	return ret;
}

/* Linux: sigprocmask() */
static int sigprocmask(int how, const sigset_t *set, sigset_t *oldset)
{
	sigset_t newset = current->blocked;

	if (oldset)
		*oldset = current->blocked;
	switch (how) {
	case SIG_BLOCK:
		sigaddsetmask(&newset, set->sig[0]);
		break;
	case SIG_UNBLOCK:
		sigdelsetmask(&newset, set->sig[0]);
		break;
	case SIG_SETMASK:
		newset = *set;
		break;
	default:
		return -EINVAL;
	}
	set_current_blocked(&newset);
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const sigset_t __user *, nset,
		sigset_t __user *, oset, size_t, sigsetsize)
{
	sigset_t old_set = current->blocked, new_set;
	int error;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&new_set, nset, sizeof(new_set)))
			return -EFAULT;
		error = sigprocmask(how, &new_set, NULL);
		if (error)
			return error;
	}
	if (oset && copy_to_user(oset, &old_set, sizeof(old_set)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, sigset_t __user *, uset, size_t, sigsetsize)
{
	sigset_t pending;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	/* Our own and our process's. */
	pending.sig[0] = (current->pending.signal.sig[0] |
			  current->signal->shared_pending.signal.sig[0]) & current->blocked.sig[0];
	return copy_to_user(uset, &pending, sigsetsize) ? -EFAULT : 0;
}

/*
 * Sleep with a temporary mask until a signal is delivered; the old mask
 * comes back when the handler's frame is built. Linux: sigsuspend()
 */
SYSCALL_DEFINE2(rt_sigsuspend, const sigset_t __user *, unewset, size_t, sigsetsize)
{
	sigset_t newset;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	set_current_blocked(&newset);
	while (!signal_pending(current)) {
		__set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	current->restore_sigmask = true;
	return -ERESTARTNOHAND;
}

SYSCALL_DEFINE0(pause)
{
	while (!signal_pending(current)) {
		__set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	return -ERESTARTNOHAND;
}

/* siginfo for a signal from the current task (kill, tkill): SI_USER etc. */
void prepare_kill_siginfo(int sig, struct kernel_siginfo *info, int code)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = code;
	info->si_pid = current->tgid;
	info->si_uid = current_uid();
}

/*
 * kill(2)'s targets: pid > 0 that process (any of its thread ids names
 * it); 0 our process group; -1 every process but init and ours; < -1
 * the group -pid. The signal is for the whole process: any thread that
 * does not block it takes it. Signal 0 only checks that a target exists
 * and may be signalled. A group succeeds if one of its processes took
 * the signal, else fails as the last one did; -1 succeeds when every
 * refusal was EPERM. A zombie is a target until it is reaped: checked,
 * and "signalled" to no effect. Linux: kill_something_info(),
 * __kill_pgrp_info()
 */
static int kill_something_info(int sig, struct kernel_siginfo *info, pid_t pid)
{
	enum pid_type type = pid == -1 ? PIDTYPE_MAX : PIDTYPE_PGID;
	struct task_struct *p;
	int ret = -ESRCH, count = 0, success = 0;

	if (pid > 0) {
		p = find_task_by_vpid(pid);
		return p ? group_send_sig_info(sig, info, p, PIDTYPE_TGID) : -ESRCH;
	}
	if (pid == -1)
		ret = 0;
	for_each_process(p) {
		bool target;
		int err;

		if (!thread_group_leader(p))
			continue;
		if (pid == -1)
			target = p->pid > 1 && !same_thread_group(p, current);
		else
			target = p->signal && p->signal->pgrp == (pid ? -pid : current->signal->pgrp);
		if (!target || (p->flags & PF_KTHREAD))
			continue;
		count++;
		err = group_send_sig_info(sig, info, p, type);
		success |= !err;
		if (pid != -1 || err != -EPERM)
			ret = err;
	}
	if (!count)
		return -ESRCH;
	return pid != -1 && success ? 0 : ret;
}

static long do_kill(pid_t pid, int sig)
{
	struct kernel_siginfo info;

	if (!valid_signal((unsigned long)sig) || sig < 0)
		return -EINVAL;
	prepare_kill_siginfo(sig, &info, SI_USER);
	return kill_something_info(sig, &info, pid);
}

/*
 * rt_sigqueueinfo (tgid -1: a process), rt_tgsigqueueinfo (one thread
 * of process tgid): a signal with the sender's own siginfo (sigqueue's
 * SI_QUEUE and a value). It may not claim to come from the kernel,
 * kill() or tkill() unless sent to the sender itself.
 * Linux: do_rt_sigqueueinfo(), do_rt_tgsigqueueinfo()
 */
static long do_rt_sigqueueinfo(pid_t tgid, pid_t pid, int sig, struct kernel_siginfo *info)
{
	struct task_struct *p;

	if (pid <= 0 || !valid_signal((unsigned long)sig) || sig < 0)
		return -EINVAL;
	if (info->si_signo != sig)
		return -EINVAL;
	if ((info->si_code >= 0 || info->si_code == SI_TKILL) && pid != current->tgid)
		return -EPERM;
	p = find_task_by_vpid(pid);
	if (!p || (tgid > 0 && p->tgid != tgid))
		return -ESRCH;
	return group_send_sig_info(sig, info, p, tgid > 0 ? PIDTYPE_PID : PIDTYPE_TGID);
}

/*
 * tkill/tgkill: one thread, SI_TKILL. A thread not yet reaped (a zombie
 * leader) still takes it, to no effect. Linux: do_tkill(), do_send_specific()
 */
static long do_tkill(pid_t tgid, pid_t pid, int sig)
{
	struct kernel_siginfo info;
	struct task_struct *p;

	if (pid <= 0 || (tgid <= 0 && tgid != -1) || !valid_signal((unsigned long)sig) ||
	    sig < 0)
		return -EINVAL;
	p = find_task_by_vpid(pid);
	if (!p || (tgid > 0 && p->tgid != tgid))
		return -ESRCH;
	prepare_kill_siginfo(sig, &info, SI_TKILL);
	return group_send_sig_info(sig, &info, p, PIDTYPE_PID);
}

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	return do_kill(pid, sig);
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	return do_tkill(-1, pid, sig);
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

/* The first part of a user siginfo_t is the kernel's (the rest is padding). */
int copy_siginfo_from_user(struct kernel_siginfo *info, const void __user *uinfo)
{
	return copy_from_user(info, uinfo, sizeof(*info)) ? -EFAULT : 0;
}

SYSCALL_DEFINE3(rt_sigqueueinfo, pid_t, pid, int, sig, const void __user *, uinfo)
{
	struct kernel_siginfo info;
	int err = copy_siginfo_from_user(&info, uinfo);

	return err ? err : do_rt_sigqueueinfo(-1, pid, sig, &info);
}

SYSCALL_DEFINE4(rt_tgsigqueueinfo, pid_t, tgid, pid_t, pid, int, sig, const void __user *, uinfo)
{
	struct kernel_siginfo info;
	int err = copy_siginfo_from_user(&info, uinfo);

	if (tgid <= 0)
		return -EINVAL;
	return err ? err : do_rt_sigqueueinfo(tgid, pid, sig, &info);
}

static int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp)
{
	struct task_struct *t = current;
	unsigned int mode;

	if (oss) {
		oss->ss_sp = (void *)t->sas_ss_sp;
		oss->ss_size = t->sas_ss_size;
		oss->ss_flags = sas_ss_flags(sp) | (int)(t->sas_ss_flags & SS_FLAG_BITS);
	}
	if (!ss)
		return 0;
	if (on_sig_stack(sp))
		return -EPERM;
	mode = (unsigned int)ss->ss_flags & ~SS_FLAG_BITS;
	if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
		return -EINVAL;
	if (mode == SS_DISABLE) {
		sas_ss_reset(t);
		return 0;
	}
	if (ss->ss_size < MINSIGSTKSZ)
		return -ENOMEM;
	t->sas_ss_sp = (unsigned long)ss->ss_sp;
	t->sas_ss_size = ss->ss_size;
	t->sas_ss_flags = (unsigned int)ss->ss_flags;	/* as given: the frame saves it so */
	return 0;
}

SYSCALL_DEFINE2(sigaltstack, const stack_t __user *, uss, stack_t __user *, uoss)
{
	stack_t new, old;
	int err;

	memset(&old, 0, sizeof(old));	/* its padding goes to user space too */
	if (uss && copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	err = do_sigaltstack(uss ? &new : NULL, &old, current_pt_regs()->sp);
	if (!err && uoss && copy_to_user(uoss, &old, sizeof(old)))
		err = -EFAULT;
	return err;
}

/* rt_sigreturn: the sigaltstack saved in the frame comes back too. */
int restore_altstack(const stack_t *uss)
{
	int err = do_sigaltstack(uss, NULL, current_pt_regs()->sp);

	/* Like Linux, a bad saved stack is ignored rather than fatal. */
	return err == -EFAULT ? err : 0;
}
