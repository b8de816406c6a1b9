// SPDX-License-Identifier: GPL-2.0
/*
 * How tasks end: exit, zombies, and the parent's wait4. Linux: kernel/exit.c
 *
 *   do_exit()      give back the mm (every page, every page table), the
 *                  files, fs; hand the children to init; tell the parent
 *                  (SIGCHLD) and become a zombie: only the task_struct,
 *                  its stack and signal_struct remain, holding the exit
 *                  status and resource usage
 *   wait4()        the parent collects the status and usage; the zombie
 *                  is released (release_task) and its pid is free again
 *
 * A parent that ignores SIGCHLD (SIG_IGN or SA_NOCLDWAIT) gets no
 * zombies: its children are released as they exit. The exit status word
 * is Linux's: (code << 8) for exit(code), the signal number (| 0x80 when
 * a core was dumped) for a death by signal.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/panic.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/sched/coredump.h>
#include <linux/signal.h>
#include <linux/wait.h>
#include <linux/completion.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/resource.h>
#include <linux/tty.h>
#include <linux/shm.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>
#include <asm/irqflags.h>

struct task_struct *child_reaper;	/* init: orphans' new parent */

/* Take a reaped (or self-reaping) task out of the system. Linux: release_task() */
void release_task(struct task_struct *p)
{
	unsigned long flags;

	/* Interrupt handlers walk the task list (the tty's ^C): off while it changes. */
	local_irq_save(flags);
	list_del(&p->tasks);
	list_del_init(&p->sibling);
	nr_threads--;
	flush_sigqueue(&p->pending);
	local_irq_restore(flags);
	put_signal_struct(p->signal);
	__cleanup_sighand(p->sighand);
	p->signal = NULL;
	p->sighand = NULL;
	put_task_struct(p);
}

/*
 * The mm is about to go: write 0 to clear_child_tid (a thread library's
 * join waits on it) and release a vfork parent. Linux: mm_release()
 */
static void mm_release(struct task_struct *tsk)
{
	if (tsk->clear_child_tid) {
		put_user(0, tsk->clear_child_tid);
		tsk->clear_child_tid = NULL;
	}
	if (tsk->vfork_done) {
		complete(tsk->vfork_done);
		tsk->vfork_done = NULL;
	}
}

/* exec: the old mm goes, so a vfork parent may run again. */
void exec_mm_release(struct task_struct *tsk)
{
	mm_release(tsk);
}

/*
 * Drop the address space. The page tables stay loaded (active_mm, with a
 * reference) until the switch away; exit_mmap has already emptied them.
 * Linux: exit_mm()
 */
static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	mm_release(tsk);
	if (!mm)
		return;
	setmax_mm_hiwater_rss(&tsk->signal->maxrss, mm);
	tsk->user_dumpable = get_dumpable(mm) == SUID_DUMP_USER;
	mmgrab(mm);
	tsk->mm = NULL;
	mmput(mm);
}

/*
 * Who adopts the orphans of father: its nearest living ancestor that
 * asked to (PR_SET_CHILD_SUBREAPER), else init. Linux: find_new_reaper()
 */
static struct task_struct *find_new_reaper(struct task_struct *father)
{
	struct task_struct *reaper;

	for (reaper = father->real_parent; reaper && reaper != child_reaper &&
	     reaper != &init_task; reaper = reaper->real_parent)
		if (reaper->signal->is_child_subreaper && !(reaper->flags & PF_EXITING))
			return reaper;
	return child_reaper;
}

/*
 * Give tsk's children to their new reaper, with SIGCHLD as their exit
 * signal (a reaper waits with a plain wait()). A child that is already a
 * zombie is reported to it at once. Linux: forget_original_parent(),
 * reparent_leader()
 */
static void forget_original_parent(struct task_struct *tsk)
{
	struct task_struct *p, *n, *reaper = find_new_reaper(tsk);

	list_for_each_entry_safe(p, n, &tsk->children, sibling) {
		p->real_parent = reaper;
		p->exit_signal = SIGCHLD;
		if (p->pdeath_signal)	/* Linux: SEND_SIG_NOINFO, from the dying parent */
			send_sig(p->pdeath_signal, p, 0);
		list_move_tail(&p->sibling, &reaper->children);
		if (p->exit_state == EXIT_ZOMBIE && do_notify_parent(p, p->exit_signal)) {
			p->exit_state = EXIT_DEAD;
			release_task(p);
		}
	}
}

/* Linux: exit_notify() */
static void exit_notify(struct task_struct *tsk)
{
	bool autoreap = true;

	forget_original_parent(tsk);
	if (tsk->exit_signal >= 0)
		autoreap = do_notify_parent(tsk, tsk->exit_signal);
	tsk->exit_state = autoreap ? EXIT_DEAD : EXIT_ZOMBIE;
	if (autoreap)
		release_task(tsk);
}

/* The last schedule(): finish_task_switch drops the scheduler's reference. */
static void __noreturn do_task_dead(void)
{
	set_current_state(TASK_DEAD);
	schedule();
	BUG();
	for (;;)
		;
}

/*
 * The task ends with status code (a wait status word). Linux: do_exit()
 */
void __noreturn do_exit(long code)
{
	struct task_struct *tsk = current;

	BUG_ON(is_idle_task(tsk));
	if (tsk == child_reaper)
		panic("Attempted to kill init! exitcode=0x%08x", (unsigned int)code);
	exit_signals(tsk);	/* PF_EXITING: no more signals for us */
	del_timer(&tsk->signal->real_timer);
	tsk->exit_code = (int)code;
	exit_mm(tsk);
	exit_shm(tsk);
	exit_files(tsk);
	exit_fs(tsk);
	if (tsk->signal->leader)
		disassociate_ctty(tsk);
	exit_notify(tsk);
	do_task_dead();
}

/* exit_group(2), or a fatal signal: the whole process ends. Linux: do_group_exit() */
void __noreturn do_group_exit(int exit_code)
{
	struct signal_struct *sig = current->signal;

	if (sig->flags & SIGNAL_GROUP_EXIT)
		exit_code = sig->group_exit_code;
	else {
		sig->group_exit_code = exit_code;
		sig->flags |= SIGNAL_GROUP_EXIT;
	}
	do_exit(exit_code);
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

/* --- wait4 --- */

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000

struct wait_opts {
	pid_t pid;			/* as wait4 takes it: >0, -1, 0, < -1 */
	int options;
	int __user *stat_addr;		/* user pointers, or NULL */
	struct rusage __user *ru;
	int *kstat;			/* kernel_wait: the status here instead */
};

/* Is p one of the children this wait asks about? Linux: eligible_child() */
static bool eligible_child(const struct wait_opts *wo, const struct task_struct *p)
{
	if (wo->pid > 0 && p->pid != wo->pid)
		return false;
	if (wo->pid == 0 && p->signal->pgrp != current->signal->pgrp)
		return false;
	if (wo->pid < -1 && p->signal->pgrp != -wo->pid)
		return false;
	/* A "clone" child (exit signal not SIGCHLD) needs __WCLONE or __WALL. */
	if (!(wo->options & __WALL) &&
	    ((p->exit_signal != SIGCHLD) ^ !!(wo->options & __WCLONE)))
		return false;
	return true;
}

/*
 * Reap a zombie: add its usage to ours (RUSAGE_CHILDREN), report its
 * status and usage, release it. Linux: wait_task_zombie()
 */
static long wait_task_zombie(struct wait_opts *wo, struct task_struct *p)
{
	struct signal_struct *psig = current->signal, *sig = p->signal;
	int status = p->exit_code;
	pid_t pid = p->pid;
	struct rusage ru;

	psig->cutime += p->utime + sig->cutime;
	psig->cstime += p->stime + sig->cstime;
	psig->cmin_flt += p->min_flt + sig->cmin_flt;
	psig->cmaj_flt += p->maj_flt + sig->cmaj_flt;
	psig->cnvcsw += p->nvcsw + sig->cnvcsw;
	psig->cnivcsw += p->nivcsw + sig->cnivcsw;
	psig->cmaxrss = max(psig->cmaxrss, max(sig->maxrss, sig->cmaxrss));
	if (wo->ru)
		getrusage(p, RUSAGE_BOTH, &ru);
	if (wo->kstat)
		*wo->kstat = status;
	/* Reaped even when the copies below fail: a bad pointer is only EFAULT. */
	p->exit_state = EXIT_DEAD;
	release_task(p);
	if (wo->ru && copy_to_user(wo->ru, &ru, sizeof(ru)))
		return -EFAULT;
	if (wo->stat_addr && put_user(status, wo->stat_addr))
		return -EFAULT;
	return pid;
}

/* Report a stopped or continued child (status as wait4 encodes it). */
static long wait_task_stopped(struct wait_opts *wo, struct task_struct *p, int status)
{
	struct rusage ru;

	if (wo->ru) {
		getrusage(p, RUSAGE_BOTH, &ru);
		if (copy_to_user(wo->ru, &ru, sizeof(ru)))
			return -EFAULT;
	}
	if (wo->stat_addr && put_user(status, wo->stat_addr))
		return -EFAULT;
	if (wo->kstat)
		*wo->kstat = status;
	return p->pid;
}

/* Has p something to report: exit, or (if asked) a stop or a continue? */
static long wait_consider_task(struct wait_opts *wo, struct task_struct *p)
{
	int status;

	if (p->exit_state == EXIT_ZOMBIE)
		return wait_task_zombie(wo, p);
	if (p->exit_state)
		return 0;
	if ((wo->options & WUNTRACED) && (status = task_stopped_code(p, true)))
		return wait_task_stopped(wo, p, status);
	if ((wo->options & WCONTINUED) && task_continued(p, true))
		return wait_task_stopped(wo, p, 0xffff);
	return 0;
}

/*
 * Sleep until an eligible child has something to report (or return 0 at
 * once with WNOHANG); -ECHILD when there is no eligible child at all.
 * Linux: do_wait()
 */
static long do_wait(struct wait_opts *wo)
{
	DEFINE_WAIT_FUNC(wait, default_wake_function);
	struct task_struct *p, *n;
	long retval;

	add_wait_queue(&current->signal->wait_chldexit, &wait);
	for (;;) {
		bool found = false;

		set_current_state(TASK_INTERRUPTIBLE);
		retval = -ECHILD;
		list_for_each_entry_safe(p, n, &current->children, sibling) {
			if (!eligible_child(wo, p))
				continue;
			found = true;
			retval = wait_consider_task(wo, p);
			if (retval)
				goto end;
		}
		if (!found)
			break;
		retval = 0;
		if (wo->options & WNOHANG)
			break;
		retval = -ERESTARTSYS;
		if (signal_pending(current))
			break;
		schedule();
	}
end:
	__set_current_state(TASK_RUNNING);
	remove_wait_queue(&current->signal->wait_chldexit, &wait);
	return retval;
}

SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options,
		struct rusage __user *, ru)
{
	struct wait_opts wo = {
		.pid = upid,
		.options = options | WEXITED,
		.stat_addr = stat_addr,
		.ru = ru,
	};

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (upid == INT_MIN)	/* -INT_MIN overflows */
		return -ESRCH;
	return do_wait(&wo);
}

/* Wait for a child from kernel code (the ktests, the user-test runner). */
int kernel_wait(pid_t pid, int *stat)
{
	struct wait_opts wo = {
		.pid = pid,
		.options = WEXITED | __WALL,
		.kstat = stat,
	};
	long ret;

	do {
		ret = do_wait(&wo);
	} while (ret == -ERESTARTSYS);
	return (int)ret;
}
