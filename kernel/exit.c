// SPDX-License-Identifier: GPL-2.0
/*
 * How tasks end: exit, zombies, and the parent's wait4. Linux: kernel/exit.c
 *
 *   do_exit()      give back the mm (every page, every page table, once
 *                  its last thread is gone), the files, fs; hand the
 *                  children to another thread or a reaper; tell the
 *                  parent (SIGCHLD) and become a zombie: only the
 *                  task_struct, its stack and signal_struct remain,
 *                  holding the exit status and resource usage
 *   wait4()        the parent collects the status and usage; the zombie
 *                  is released (release_task) and its pid is free again
 *
 * A process is a thread group. A thread that is not the group leader
 * never becomes a zombie: it is released as it exits, its counters
 * added to the group's. The leader stays a zombie until its last thread
 * is released; only then does its parent hear of the process's end
 * (SIGCHLD, wait4), with the group's exit status:
 *
 *   exit_group(2), a fatal signal   every thread is killed, and the
 *                                   status is the one exit_group or the
 *                                   signal gave (do_group_exit)
 *   each thread calls exit(2)       the status of the last to exit
 *                                   (6.1's synchronize_group_exit)
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
#include <linux/futex.h>
#include <linux/resource.h>
#include <linux/tty.h>
#include <linux/shm.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>
#include <asm/irqflags.h>

struct task_struct *child_reaper;	/* init: orphans' new parent */

/*
 * Take tsk off the task and thread lists, its counters added to the
 * group's; wake an exec waiting for the other threads to go.
 * Interrupt handlers walk the task list (the tty's ^C): off while it
 * changes. Linux: __exit_signal(), __unhash_process() (under
 * tasklist_lock and the siglock)
 */
static void __exit_signal(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	bool group_dead = thread_group_leader(tsk);
	unsigned long flags;

	local_irq_save(flags);
	if (!group_dead) {
		if (sig->notify_count > 0 && !--sig->notify_count)
			wake_up_process(sig->group_exec_task);
		if (tsk == sig->curr_target)
			sig->curr_target = next_thread(tsk);
	}
	sig->utime += tsk->utime;
	sig->stime += tsk->stime;
	sig->min_flt += tsk->min_flt;
	sig->maj_flt += tsk->maj_flt;
	sig->nvcsw += tsk->nvcsw;
	sig->nivcsw += tsk->nivcsw;
	sig->nr_threads--;
	list_del(&tsk->tasks);
	list_del_init(&tsk->sibling);
	list_del_init(&tsk->thread_node);
	nr_threads--;
	flush_sigqueue(&tsk->pending);
	if (group_dead)
		flush_sigqueue(&sig->shared_pending);
	local_irq_restore(flags);
}

/*
 * Take a reaped (or self-reaping) task out of the system. The last
 * thread of a process whose leader is already a zombie tells the
 * leader's parent, and releases the leader too if the parent wants no
 * zombies. Linux: release_task()
 */
void release_task(struct task_struct *p)
{
	struct task_struct *leader;
	bool zap_leader;

repeat:
	__exit_signal(p);
	zap_leader = false;
	leader = p->group_leader;
	if (leader != p && thread_group_empty(leader) && leader->exit_state == EXIT_ZOMBIE) {
		zap_leader = do_notify_parent(leader, leader->exit_signal);
		if (zap_leader)
			leader->exit_state = EXIT_DEAD;
	}
	put_signal_struct(p->signal);
	__cleanup_sighand(p->sighand);
	p->signal = NULL;
	p->sighand = NULL;
	put_task_struct(p);
	p = leader;
	if (zap_leader)
		goto repeat;
}

/*
 * The mm is about to go from tsk: if other tasks still use it, write 0
 * to clear_child_tid and wake one futex waiter there (a thread library's
 * join waits so); release a vfork parent. Linux: mm_release()
 */
static void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	if (tsk->clear_child_tid) {
		if (mm && atomic_read(&mm->mm_users) > 1) {
			/* As Linux, errors are ignored: a bad pointer is the program's loss. */
			put_user(0, tsk->clear_child_tid);
			do_futex((u32 __user *)tsk->clear_child_tid, FUTEX_WAKE, 1, NULL, NULL, 0, 0);
		}
		tsk->clear_child_tid = NULL;
	}
	if (tsk->vfork_done) {
		complete(tsk->vfork_done);
		tsk->vfork_done = NULL;
	}
}

/* exit: robust futexes, then the above. Linux: exit_mm_release() */
static void exit_mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	futex_exit_release(tsk);
	mm_release(tsk, mm);
}

/* exec: the old mm goes, so a vfork parent may run again. Linux: exec_mm_release() */
void exec_mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	futex_exec_release(tsk);
	mm_release(tsk, mm);
}

/*
 * Drop the address space: mmput tears it down only when this was its
 * last user (mm_users counts the threads sharing it). The page tables
 * stay loaded (active_mm, with a reference) until the switch away.
 * Linux: exit_mm()
 */
static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	exit_mm_release(tsk, mm);
	if (!mm)
		return;
	setmax_mm_hiwater_rss(&tsk->signal->maxrss, mm);
	tsk->user_dumpable = get_dumpable(mm) == SUID_DUMP_USER;
	mmgrab(mm);
	tsk->mm = NULL;
	mmput(mm);
}

/* A thread of p's process that is not exiting, or NULL. Linux: find_alive_thread() */
static struct task_struct *find_alive_thread(struct task_struct *p)
{
	struct task_struct *t;

	for_each_thread(p, t)
		if (!(t->flags & PF_EXITING))
			return t;
	return NULL;
}

/*
 * Who adopts the orphans of father: another thread of its process;
 * else its nearest living ancestor that asked to
 * (PR_SET_CHILD_SUBREAPER); else init (itself handing the role to one
 * of its threads if it has any). Linux: find_new_reaper(),
 * find_child_reaper()
 */
static struct task_struct *find_new_reaper(struct task_struct *father)
{
	struct task_struct *reaper = find_alive_thread(father), *thread;

	if (reaper)
		return reaper;
	for (reaper = father->real_parent; reaper && reaper != child_reaper &&
	     reaper != &init_task; reaper = reaper->real_parent) {
		if (!reaper->signal->is_child_subreaper)
			continue;
		thread = find_alive_thread(reaper);
		if (thread)
			return thread;
	}
	return child_reaper;
}

/*
 * A child process changes parent: to another thread of ours (nothing
 * else changes: it is still our process's child), or out of our process,
 * with SIGCHLD as its exit signal (a reaper waits with a plain wait());
 * if it is a zombie already, its new parent hears of it at once. Each of
 * its threads with PR_SET_PDEATHSIG gets that signal.
 * Linux: forget_original_parent(), reparent_leader()
 */
static void reparent_child(struct task_struct *father, struct task_struct *p,
			   struct task_struct *reaper)
{
	struct task_struct *t;

	for_each_thread(p, t) {
		t->real_parent = reaper;
		if (t->pdeath_signal)
			group_send_sig_info(t->pdeath_signal, SEND_SIG_NOINFO, t, PIDTYPE_TGID);
	}
	list_move_tail(&p->sibling, &reaper->children);
	if (same_thread_group(reaper, father) || p->exit_state == EXIT_DEAD)
		return;
	p->exit_signal = SIGCHLD;
	if (p->exit_state == EXIT_ZOMBIE && thread_group_empty(p) &&
	    do_notify_parent(p, p->exit_signal)) {
		p->exit_state = EXIT_DEAD;
		release_task(p);
	}
}

static void forget_original_parent(struct task_struct *father)
{
	struct task_struct *p, *n, *reaper;

	if (father == child_reaper) {
		reaper = find_alive_thread(father);
		if (reaper)
			child_reaper = reaper;
	}
	if (list_empty(&father->children))
		return;
	reaper = find_new_reaper(father);
	list_for_each_entry_safe(p, n, &father->children, sibling)
		reparent_child(father, p, reaper);
}

/*
 * Tell whom it concerns: the leader of a process that has no other
 * thread left signals its parent; other threads go quietly, released
 * at once. Linux: exit_notify()
 */
static void exit_notify(struct task_struct *tsk)
{
	bool autoreap;

	/* Linux: tasklist_lock for writing from here to the wake-up. */
	forget_original_parent(tsk);
	tsk->exit_state = EXIT_ZOMBIE;
	if (thread_group_leader(tsk))
		autoreap = thread_group_empty(tsk) && do_notify_parent(tsk, tsk->exit_signal);
	else
		autoreap = true;
	if (autoreap)
		tsk->exit_state = EXIT_DEAD;
	/* A threaded exec (de_thread) waits for the old leader to be a zombie. */
	if (tsk->signal->notify_count < 0)
		wake_up_process(tsk->signal->group_exec_task);
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
 * The last thread of a process to start exiting makes its exit the
 * group's, unless exit_group or a fatal signal already did.
 * Linux: synchronize_group_exit()
 */
static void synchronize_group_exit(struct task_struct *tsk, long code)
{
	struct signal_struct *signal = tsk->signal;

	if (--signal->quick_threads == 0 && !(signal->flags & SIGNAL_GROUP_EXIT)) {
		signal->flags = SIGNAL_GROUP_EXIT;
		signal->group_exit_code = (int)code;
		signal->group_stop_count = 0;
	}
}

/*
 * The task ends with status code (a wait status word). The process's
 * shared state (the itimer, the controlling tty) goes with its last
 * thread. Linux: do_exit()
 */
void __noreturn do_exit(long code)
{
	struct task_struct *tsk = current;
	bool group_dead;

	BUG_ON(is_idle_task(tsk));
	synchronize_group_exit(tsk, code);
	exit_signals(tsk);	/* PF_EXITING: no more signals for us */
	group_dead = --tsk->signal->live == 0;
	if (group_dead) {
		if (child_reaper && same_thread_group(tsk, child_reaper))
			panic("Attempted to kill init! exitcode=0x%08x",
			      (unsigned int)(tsk->signal->group_exit_code ?: code));
		del_timer(&tsk->signal->real_timer);
	}
	tsk->exit_code = (int)code;
	exit_mm(tsk);
	exit_shm(tsk);
	exit_files(tsk);
	exit_fs(tsk);
	if (group_dead && tsk->signal->leader)
		disassociate_ctty(tsk);
	exit_notify(tsk);
	do_task_dead();
}

/*
 * exit_group(2), or a fatal signal: the whole process ends, every other
 * thread killed (SIGKILL) and exiting with the same status. While an
 * exec kills the other threads (de_thread), they exit with 0.
 * Linux: do_group_exit()
 */
void __noreturn do_group_exit(int exit_code)
{
	struct signal_struct *sig = current->signal;

	if (sig->flags & SIGNAL_GROUP_EXIT) {
		exit_code = sig->group_exit_code;
	} else if (sig->group_exec_task) {
		exit_code = 0;
	} else {
		sig->group_exit_code = exit_code;
		sig->flags = SIGNAL_GROUP_EXIT;
		zap_other_threads(current);
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
 * Reap a zombie, the last of its process: add the usage of all its
 * threads to ours (RUSAGE_CHILDREN), report the group's status and
 * usage, release it. Linux: wait_task_zombie()
 */
static long wait_task_zombie(struct wait_opts *wo, struct task_struct *p)
{
	struct signal_struct *psig = current->signal, *sig = p->signal;
	int status = (sig->flags & SIGNAL_GROUP_EXIT) ? sig->group_exit_code : p->exit_code;
	pid_t pid = p->pid;
	struct rusage ru;

	psig->cutime += p->utime + sig->utime + sig->cutime;
	psig->cstime += p->stime + sig->stime + sig->cstime;
	psig->cmin_flt += p->min_flt + sig->min_flt + sig->cmin_flt;
	psig->cmaj_flt += p->maj_flt + sig->maj_flt + sig->cmaj_flt;
	psig->cnvcsw += p->nvcsw + sig->nvcsw + sig->cnvcsw;
	psig->cnivcsw += p->nivcsw + sig->nivcsw + sig->cnivcsw;
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

/* A zombie leader whose other threads still run is not reaped yet. Linux: delay_group_leader() */
static bool delay_group_leader(const struct task_struct *p)
{
	return thread_group_leader(p) && !thread_group_empty(p);
}

/*
 * Has p something to report: exit, or (if asked) a stop or a continue?
 * Linux: wait_consider_task()
 */
static long wait_consider_task(struct wait_opts *wo, struct task_struct *p)
{
	int status;

	if (p->exit_state == EXIT_ZOMBIE && !delay_group_leader(p))
		return wait_task_zombie(wo, p);
	if (p->exit_state == EXIT_DEAD)
		return 0;
	if ((wo->options & WUNTRACED) && (status = task_stopped_code(p, true)))
		return wait_task_stopped(wo, p, status);
	if ((wo->options & WCONTINUED) && task_continued(p, true))
		return wait_task_stopped(wo, p, 0xffff);
	return 0;
}

/*
 * Look through tsk's children; sets *found if one is eligible. Returns
 * what the first with something to report reported, or 0.
 * Linux: do_wait_thread()
 */
static long do_wait_thread(struct wait_opts *wo, struct task_struct *tsk, bool *found)
{
	struct task_struct *p, *n;

	list_for_each_entry_safe(p, n, &tsk->children, sibling) {
		long retval;

		if (!eligible_child(wo, p))
			continue;
		*found = true;
		retval = wait_consider_task(wo, p);
		if (retval)
			return retval;
	}
	return 0;
}

/*
 * Sleep until an eligible child has something to report (or return 0 at
 * once with WNOHANG); -ECHILD when there is no eligible child at all.
 * The children of every thread of ours count, unless __WNOTHREAD.
 * Linux: do_wait()
 */
static long do_wait(struct wait_opts *wo)
{
	DEFINE_WAIT_FUNC(wait, default_wake_function);
	struct task_struct *tsk;
	long retval;

	add_wait_queue(&current->signal->wait_chldexit, &wait);
	for (;;) {
		bool found = false;

		set_current_state(TASK_INTERRUPTIBLE);
		retval = 0;
		if (wo->options & __WNOTHREAD) {
			retval = do_wait_thread(wo, current, &found);
		} else {
			for_each_thread(current, tsk) {
				retval = do_wait_thread(wo, tsk, &found);
				if (retval)
					break;
			}
		}
		if (retval)
			goto end;
		retval = -ECHILD;
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
