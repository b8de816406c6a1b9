/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/resource.h>
#include <linux/signal_types.h>
#include <linux/timer.h>
#include <linux/wait_types.h>
#include <asm/thread.h>

struct mm_struct;
struct fs_struct;
struct files_struct;
struct completion;
struct tty_struct;
struct cred;

#define TASK_COMM_LEN	16

/*
 * Task states (Linux: include/linux/sched.h). A task sleeps by setting
 * its state and calling schedule(); a wake-up sets it back to
 * TASK_RUNNING. exit_state holds EXIT_ZOMBIE / EXIT_DEAD once it exits.
 */
#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001	/* a signal wakes it too */
#define TASK_UNINTERRUPTIBLE	0x0002
#define __TASK_STOPPED		0x0004
#define EXIT_DEAD		0x0010
#define EXIT_ZOMBIE		0x0020
#define TASK_DEAD		0x0080
#define TASK_WAKEKILL		0x0100	/* a fatal signal wakes it */
#define TASK_NEW		0x0800
#define TASK_KILLABLE		(TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_STOPPED		(TASK_WAKEKILL | __TASK_STOPPED)
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* task->flags (Linux's PF_* values). */
#define PF_IDLE			0x00000002	/* the idle task */
#define PF_EXITING		0x00000004	/* in do_exit */
#define PF_FORKNOEXEC		0x00000040	/* forked but did not exec */
#define PF_DUMPCORE		0x00000200	/* dumping core: the OOM killer leaves its allocations be */
#define PF_SIGNALED		0x00000400	/* killed by a signal */
#define PF_MEMALLOC		0x00000800	/* reclaiming: may use every reserve, never reclaims itself */
#define PF_KSWAPD		0x00020000	/* kswapd */
#define PF_KTHREAD		0x00200000	/* a kernel thread */

/* task->jobctl: a group stop this thread must join. Linux: include/linux/sched/jobctl.h */
#define JOBCTL_STOP_PENDING	(1UL << 17)	/* stop for the group at the next chance */

/* thread_info flags: work to do before returning to user space. */
#define TIF_NOTIFY_RESUME	1
#define TIF_SIGPENDING		2	/* a signal may be deliverable */
#define TIF_NEED_RESCHED	3	/* schedule() before going on */

struct thread_info {
	unsigned long flags;
};

/*
 * How an interrupted nanosleep or futex wait goes on through
 * restart_syscall (Linux: struct restart_block, whose members are a union).
 */
struct restart_block {
	long (*fn)(struct restart_block *);
	u64 expires;			/* ns of the monotonic clock */
	int clockid;
	void *rmtp;			/* struct __kernel_timespec __user * */
	struct {			/* futex_wait_restart() */
		u32 *uaddr;		/* user address */
		u32 val, bitset;
		unsigned int flags;	/* FLAGS_* of kernel/futex/futex.h */
	} futex;
};

/* Signal handlers, shared by CLONE_SIGHAND. Linux: struct sighand_struct */
struct sighand_struct {
	int count;
	struct k_sigaction action[_NSIG];
};

#define SIGNAL_STOP_STOPPED	0x00000001	/* stopped by SIGSTOP & co */
#define SIGNAL_STOP_CONTINUED	0x00000002	/* continued; wait4(WCONTINUED) not told yet */
#define SIGNAL_GROUP_EXIT	0x00000004	/* the group is exiting */
#define SIGNAL_UNKILLABLE	0x00000040	/* init: default actions don't apply */

/*
 * What the tasks of one process (thread group) share: the threads
 * themselves, signals sent to the process as a whole, limits, the
 * process group and session, the controlling tty, the interval timer,
 * the counters of threads already gone and the totals of reaped children
 * for getrusage(RUSAGE_CHILDREN). Linux: struct signal_struct (which
 * also keeps pids in struct pid).
 *
 *   signal->thread_head -> leader.thread_node <-> t2.thread_node <-> ...
 *
 * A thread is on the list from clone until it is released (a non-leader
 * at its exit, the leader when the process is reaped); nr_threads counts
 * them. live counts the ones that have not yet begun do_exit, and
 * quick_threads the ones that have not finished its first step (6.1's
 * synchronize_group_exit): the last makes the group's exit its own.
 */
struct signal_struct {
	int sigcnt;			/* references: the threads on the list */
	int nr_threads;
	int live;
	int quick_threads;
	struct list_head thread_head;	/* of task_struct.thread_node */
	struct sigpending shared_pending;	/* kill(), not tkill(): any thread takes it */
	struct task_struct *curr_target;	/* where complete_signal starts looking */
	unsigned int flags;		/* SIGNAL_* */
	int group_exit_code;		/* the status the group exits with */
	/*
	 * exec from a thread: de_thread() sleeps as group_exec_task until
	 * notify_count other threads are released (> 0), or until the old
	 * leader is a zombie (-1).
	 */
	struct task_struct *group_exec_task;
	int notify_count;
	int group_stop_count;		/* threads yet to stop for SIGSTOP & co */
	int stop_code;			/* the signal that stopped us */
	bool stop_reported;		/* wait4(WUNTRACED) has seen the stop */
	struct wait_queue_head wait_chldexit;	/* wait4 sleeps here */
	pid_t pgrp, session;
	bool leader;			/* session leader */
	bool is_child_subreaper;	/* PR_SET_CHILD_SUBREAPER: adopts orphans below it */
	struct tty_struct *tty;		/* controlling terminal, or NULL */
	struct timer_list real_timer;	/* ITIMER_REAL (Linux: an hrtimer) */
	u64 it_real_incr;		/* its interval, ns */
	u64 it_real_expires;		/* when it is due, monotonic ns (it fires on the tick after) */
	/* Threads released so far: their times (ns), switches and faults. */
	u64 utime, stime;
	unsigned long nvcsw, nivcsw, min_flt, maj_flt;
	u64 cutime, cstime;		/* reaped children's times, ns */
	unsigned long cnvcsw, cnivcsw, cmin_flt, cmaj_flt;
	unsigned long maxrss, cmaxrss;	/* peak RSS, pages */
	struct rlimit rlim[RLIM_NLIMITS];
	/* the OOM killer's (mm/oom_kill.c, /proc/<pid>/oom_score_adj) */
	short oom_score_adj;		/* -1000 never killed ... 1000 first */
	short oom_score_adj_min;	/* what others may lower it to without CAP_SYS_RESOURCE */
	struct mm_struct *oom_mm;	/* set once the OOM killer chose us (mmgrab) */
	unsigned long oom_kill_time;	/* jiffies then */
};

/*
 * A task: a process, or a kernel thread (no mm of its own).
 * Linux: include/linux/sched.h
 *
 * The idle task (pid 0, init_task) runs on the boot stack; every other
 * task has a 16 KiB kernel stack from vmalloc, with its user registers
 * (pt_regs) at the top while it is in the kernel.
 */
struct task_struct {
	struct thread_info thread_info;
	unsigned int __state;		/* TASK_* */
	unsigned int flags;		/* PF_* */
	int usage;			/* references to this struct */
	void *stack;			/* lowest address of the kernel stack */

	/* scheduling (round robin, one CPU) */
	int on_rq;			/* runnable: running or queued */
	struct list_head run_list;	/* in the run queue while queued */
	unsigned int time_slice;	/* ticks left before a switch */
	struct list_head tasks;		/* every task, from init_task */

	/*
	 * mm: the address space this task owns (NULL for kernel threads);
	 * active_mm: the one whose page tables are loaded (a kernel thread
	 * borrows the previous task's, as in Linux).
	 */
	struct mm_struct *mm, *active_mm;

	int exit_state;			/* EXIT_ZOMBIE, EXIT_DEAD */
	int exit_code;			/* wait status, as wait4 reports it */
	int exit_signal;		/* sent to the parent at exit (SIGCHLD); -1: a thread */
	/*
	 * pid is the thread's id (gettid), tgid the process's (getpid): the
	 * pid of its first thread, the group leader. A thread's real_parent
	 * is its process's parent; only group leaders are on a children list.
	 */
	pid_t pid, tgid;
	struct task_struct *real_parent;	/* init after an orphaning */
	struct list_head children;	/* the processes this thread forked, by sibling */
	struct list_head sibling;	/* in real_parent->children (group leaders) */
	struct task_struct *group_leader;
	struct list_head thread_node;	/* in signal->thread_head */
	unsigned long jobctl;		/* JOBCTL_*: group stop */

	int *set_child_tid;		/* CLONE_CHILD_SETTID (user address) */
	int *clear_child_tid;		/* CLONE_CHILD_CLEARTID (user address) */
	struct completion *vfork_done;	/* vfork: the parent waits on it */
	void *robust_list;		/* set_robust_list: struct robust_list_head __user * */

	u64 utime, stime;		/* ns, sampled at each tick */
	u64 start_time;			/* monotonic ns at fork */
	unsigned long nvcsw, nivcsw;	/* voluntary / forced switches */
	unsigned long min_flt, maj_flt;	/* faults served without / with I/O */

	/* Credentials (include/linux/cred.h), each a reference: as others see us, as we act. */
	const struct cred *real_cred;
	const struct cred *cred;
	bool user_dumpable;		/* its mm was dumpable when it exited (ptrace checks) */

	char comm[TASK_COMM_LEN];

	struct fs_struct *fs;		/* root, working directory, umask */
	struct files_struct *files;	/* open file descriptors */
	struct signal_struct *signal;
	struct sighand_struct *sighand;
	sigset_t blocked, real_blocked;
	sigset_t saved_sigmask;		/* restored after rt_sigsuspend etc. */
	bool restore_sigmask;		/* saved_sigmask is to be restored */
	struct sigpending pending;	/* signals for this task alone */
	unsigned long sas_ss_sp;	/* sigaltstack */
	size_t sas_ss_size;
	unsigned int sas_ss_flags;
	struct restart_block restart_block;

	/* Fault injection: the nth allocation from now fails (0: off; fault-inject.h). */
	unsigned int fail_nth;
	/* Print this task's faults (/proc/<pid>/faulttrace); children inherit it. */
	bool faulttrace;
	int pdeath_signal;		/* PR_SET_PDEATHSIG: sent when the parent exits */

	struct thread_struct thread;
};

extern struct task_struct init_task;
extern struct task_struct *current_task;
extern struct signal_struct init_signals;

#define current current_task

/*
 * Every task, threads included: Faultline keeps them all on one list
 * (Linux puts only group leaders on init_task.tasks, and walks a
 * process's threads with for_each_thread).
 */
#define for_each_process(p) \
	list_for_each_entry(p, &init_task.tasks, tasks)

/* The threads of p's process, p's own thread included. Linux: for_each_thread() */
#define for_each_thread(p, t) \
	list_for_each_entry(t, &(p)->signal->thread_head, thread_node)

static inline bool thread_group_leader(const struct task_struct *p)
{
	return p->exit_signal >= 0;
}

static inline bool same_thread_group(const struct task_struct *p1,
				     const struct task_struct *p2)
{
	return p1->signal == p2->signal;
}

/* The next thread of t's process, round the list. Linux: next_thread() */
static inline struct task_struct *next_thread(const struct task_struct *t)
{
	struct list_head *n = t->thread_node.next;

	if (n == &t->signal->thread_head)
		n = n->next;
	return list_entry(n, struct task_struct, thread_node);
}

/* Is p its process's only thread? Linux: thread_group_empty() */
static inline bool thread_group_empty(const struct task_struct *p)
{
	return list_is_singular(&p->signal->thread_head);
}

static inline int get_nr_threads(const struct task_struct *p)
{
	return p->signal->nr_threads;
}

static inline void set_tsk_thread_flag(struct task_struct *t, int flag)
{
	t->thread_info.flags |= 1UL << flag;
}

static inline void clear_tsk_thread_flag(struct task_struct *t, int flag)
{
	t->thread_info.flags &= ~(1UL << flag);
}

static inline bool test_tsk_thread_flag(const struct task_struct *t, int flag)
{
	return READ_ONCE(t->thread_info.flags) & (1UL << flag);
}

#define set_thread_flag(flag)		set_tsk_thread_flag(current, flag)
#define clear_thread_flag(flag)		clear_tsk_thread_flag(current, flag)
#define test_thread_flag(flag)		test_tsk_thread_flag(current, flag)

static inline void set_tsk_need_resched(struct task_struct *t)
{
	set_tsk_thread_flag(t, TIF_NEED_RESCHED);
}

static inline bool need_resched(void)
{
	return test_thread_flag(TIF_NEED_RESCHED);
}

static inline bool signal_pending(const struct task_struct *p)
{
	return test_tsk_thread_flag(p, TIF_SIGPENDING);
}

/* The state is read by wake-ups from interrupts: write it once, whole. */
#define __set_current_state(state)	WRITE_ONCE(current->__state, (state))
#define set_current_state(state)	do { __set_current_state(state); barrier(); } while (0)

static inline unsigned long rlimit(unsigned int limit)
{
	return READ_ONCE(current->signal->rlim[limit].rlim_cur);
}

static inline unsigned long rlimit_max(unsigned int limit)
{
	return READ_ONCE(current->signal->rlim[limit].rlim_max);
}

static inline bool is_idle_task(const struct task_struct *p)
{
	return p->flags & PF_IDLE;
}

static inline pid_t task_pid_nr(const struct task_struct *p)
{
	return p->pid;
}

static inline pid_t task_tgid_nr(const struct task_struct *p)
{
	return p->tgid;
}

/* kernel/sched.c */
#define MAX_SCHEDULE_TIMEOUT	((long)(~0UL >> 1))
void sched_init(void);
void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
void wake_up_new_task(struct task_struct *p);
void sched_fork(struct task_struct *p);
void scheduler_tick(bool user_tick);
void schedule_tail(struct task_struct *prev);
void yield(void);
void cond_resched(void);
void __noreturn cpu_startup_entry(void);
unsigned long nr_running(void);
void thread_group_cputime(struct task_struct *p, u64 *utime, u64 *stime);
unsigned long nr_context_switches(void);

/* CPU time by state, ns (Linux: include/linux/kernel_stat.h). */
enum cpu_usage_stat {
	CPUTIME_USER, CPUTIME_NICE, CPUTIME_SYSTEM, CPUTIME_SOFTIRQ, CPUTIME_IRQ,
	CPUTIME_IDLE, CPUTIME_IOWAIT, CPUTIME_STEAL, CPUTIME_GUEST, CPUTIME_GUEST_NICE,
	NR_STATS
};
extern u64 kcpustat[NR_STATS];

/* Load averages, fixed point (Linux: include/linux/sched/loadavg.h). */
#define FSHIFT		11
#define FIXED_1		(1UL << FSHIFT)
#define LOAD_INT(x)	((x) >> FSHIFT)
#define LOAD_FRAC(x)	LOAD_INT(((x) & (FIXED_1 - 1)) * 100)
extern unsigned long avenrun[3];

/* kernel/fork.c */
void get_task_struct(struct task_struct *t);
void put_task_struct(struct task_struct *t);
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name, unsigned long flags);
pid_t user_mode_thread(int (*fn)(void *), void *arg, unsigned long flags);
void fork_init(void);
unsigned long nr_processes(void);

/* kernel/pid.c */
pid_t alloc_pid(void);
pid_t last_pid_nr(void);
struct task_struct *find_task_by_vpid(pid_t nr);

/* kernel/exit.c */
void __noreturn do_exit(long code);
void __noreturn do_group_exit(int exit_code);
void release_task(struct task_struct *p);
int kernel_wait(pid_t pid, int *stat);

/* arch: copy the registers and arrange for the child to start. */
struct kernel_clone_args;
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args);
struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next);
void arch_release_task_struct(struct task_struct *p);

#endif
