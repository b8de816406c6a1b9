// SPDX-License-Identifier: GPL-2.0
/*
 * Making tasks: fork, vfork, clone, and kernel threads. Linux: kernel/fork.c
 *
 * copy_process() builds the child from the parent piece by piece, each
 * piece either shared (a CLONE_* flag: one more reference) or copied:
 *
 *   task_struct + kernel stack   always new (dup_task_struct)
 *   creds                        shared (copy_creds: never written once used)
 *   files    CLONE_FILES         the descriptor table (dup_fd)
 *   fs       CLONE_FS            root, cwd, umask
 *   sighand  CLONE_SIGHAND       signal handlers
 *   signal   CLONE_THREAD        the thread group: limits, process group,
 *                                session, itimer, process-wide signals
 *   mm       CLONE_VM            the address space (dup_mm: copy-on-write;
 *                                shared, one more mm_users)
 *   registers                    copy_thread: the child returns 0, on the
 *                                stack and with the TLS it was given
 *
 * A thread (pthread_create's CLONE_VM | CLONE_FS | CLONE_FILES |
 * CLONE_SIGHAND | CLONE_THREAD | ...) shares all of them: it joins its
 * creator's thread group (same tgid, same signal_struct, on its thread
 * list), has the process's parent as its own, and is nobody's child: no
 * exit signal, no zombie (kernel/exit.c).
 *
 * If any step fails, the steps done are undone in reverse and the error
 * returned; nothing leaks. The memory half (dup_mm, dup_mmap) is in
 * kernel/fork_mm.c.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/completion.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/cred.h>
#include <linux/timekeeping.h>
#include <linux/vmstat.h>
#include <linux/itimer.h>
#include <linux/syscalls.h>
#include <linux/sysctl.h>
#include <asm/uaccess.h>
#include <asm/irqflags.h>

static struct kmem_cache *task_struct_cachep;
static struct kmem_cache *signal_cachep;
static struct kmem_cache *sighand_cachep;

static unsigned long total_forks;	/* /proc/stat's "processes" */
int nr_threads = 1;		/* tasks in the system, the idle task too */
int max_threads;		/* what the memory could hold, as Linux sizes it */

#define MIN_THREADS	20
#define MAX_THREADS	0x3fffffff	/* FUTEX_TID_MASK */

/*
 * As many tasks as would fill an eighth of RAM with kernel stacks. Init's
 * RLIMIT_NPROC and RLIMIT_SIGPENDING are half of that, which every
 * process inherits (and /proc's SigQ line shows). Linux: set_max_threads()
 */
static void set_max_threads(void)
{
	u64 threads = (u64)totalram_pages * PAGE_SIZE / (THREAD_SIZE * 8UL);

	max_threads = (int)clamp_t(u64, threads, MIN_THREADS, MAX_THREADS);
	init_signals.rlim[RLIMIT_NPROC].rlim_cur = (unsigned long)max_threads / 2;
	init_signals.rlim[RLIMIT_NPROC].rlim_max = (unsigned long)max_threads / 2;
	init_signals.rlim[RLIMIT_SIGPENDING] = init_signals.rlim[RLIMIT_NPROC];
}

void fork_init(void)
{
	set_max_threads();
	task_struct_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct), 64,
					       SLAB_PANIC | SLAB_HWCACHE_ALIGN, NULL);
	signal_cachep = kmem_cache_create("signal_cache", sizeof(struct signal_struct), 0,
					  SLAB_PANIC, NULL);
	sighand_cachep = kmem_cache_create("sighand_cache", sizeof(struct sighand_struct), 0,
					   SLAB_PANIC, NULL);
	fork_mm_caches_init();
}

unsigned long nr_processes(void)
{
	return (unsigned long)nr_threads;
}

unsigned long nr_forks(void)
{
	return total_forks;
}

/*
 * A 16 KiB stack from vmalloc, aligned to its size, with an unmapped
 * page below it (Linux: alloc_thread_stack_node with CONFIG_VMAP_STACK).
 */
static void *alloc_thread_stack(void)
{
	void *stack = __vmalloc_node(THREAD_SIZE, THREAD_SIZE, GFP_KERNEL);

	if (stack)
		mod_node_page_state(NODE_DATA(0), NR_KERNEL_STACK_KB, THREAD_SIZE / 1024);
	return stack;
}

static void free_thread_stack(void *stack)
{
	mod_node_page_state(NODE_DATA(0), NR_KERNEL_STACK_KB, -(long)(THREAD_SIZE / 1024));
	vfree(stack);
}

void get_task_struct(struct task_struct *t)
{
	t->usage++;
}

/*
 * Two references keep a task: one dropped when it is reaped (release_task),
 * one when the scheduler has switched away from it for the last time.
 */
void put_task_struct(struct task_struct *t)
{
	if (--t->usage)
		return;
	BUG_ON(t == current || t == &init_task);
	exit_creds(t);
	free_thread_stack(t->stack);
	kmem_cache_free(task_struct_cachep, t);
}

static struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *tsk = kmem_cache_alloc(task_struct_cachep, GFP_KERNEL);
	void *stack;

	if (!tsk)
		return NULL;
	stack = alloc_thread_stack();
	if (!stack) {
		kmem_cache_free(task_struct_cachep, tsk);
		return NULL;
	}
	*tsk = *orig;
	tsk->stack = stack;
	tsk->usage = 2;
	tsk->thread_info.flags = 0;
	return tsk;
}

static int copy_files(u64 clone_flags, struct task_struct *tsk)
{
	struct files_struct *oldf = current->files, *newf;
	int error;

	if (!oldf)
		return 0;
	if (clone_flags & CLONE_FILES) {
		oldf->count++;
		return 0;
	}
	newf = dup_fd(oldf, &error);
	if (!newf)
		return error;
	tsk->files = newf;
	return 0;
}

static int copy_fs(u64 clone_flags, struct task_struct *tsk)
{
	struct fs_struct *fs = current->fs;

	if (clone_flags & CLONE_FS) {
		fs->users++;
		return 0;
	}
	tsk->fs = copy_fs_struct(fs);
	return tsk->fs ? 0 : -ENOMEM;
}

/* A private copy of a handler table (fork without CLONE_SIGHAND, exec). */
struct sighand_struct *dup_sighand(const struct sighand_struct *orig)
{
	struct sighand_struct *sig = kmem_cache_alloc(sighand_cachep, GFP_KERNEL);

	if (!sig)
		return NULL;
	sig->count = 1;
	memcpy(sig->action, orig->action, sizeof(sig->action));
	return sig;
}

static int copy_sighand(u64 clone_flags, struct task_struct *tsk)
{
	if (clone_flags & CLONE_SIGHAND) {
		current->sighand->count++;
		return 0;
	}
	tsk->sighand = dup_sighand(current->sighand);
	return tsk->sighand ? 0 : -ENOMEM;
}

void __cleanup_sighand(struct sighand_struct *sighand)
{
	if (--sighand->count == 0)
		kmem_cache_free(sighand_cachep, sighand);
}

/*
 * A new process's shared state: the parent's limits, group and tty, and
 * tsk as its only thread. A thread shares its creator's (it joins the
 * group's list in copy_process, once nothing can fail). Linux: copy_signal()
 */
static int copy_signal(u64 clone_flags, struct task_struct *tsk)
{
	struct signal_struct *sig;

	if (clone_flags & CLONE_THREAD)
		return 0;
	sig = kmem_cache_zalloc(signal_cachep, GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	sig->sigcnt = 1;
	sig->nr_threads = 1;
	sig->live = 1;
	sig->quick_threads = 1;
	INIT_LIST_HEAD(&sig->thread_head);
	list_add(&tsk->thread_node, &sig->thread_head);
	INIT_LIST_HEAD(&sig->shared_pending.list);
	init_waitqueue_head(&sig->wait_chldexit);
	timer_setup(&sig->real_timer, it_real_fn);
	memcpy(sig->rlim, current->signal->rlim, sizeof(sig->rlim));
	sig->oom_score_adj = current->signal->oom_score_adj;
	sig->oom_score_adj_min = current->signal->oom_score_adj_min;
	sig->pgrp = current->signal->pgrp;
	sig->session = current->signal->session;
	sig->tty = current->signal->tty;
	tsk->signal = sig;
	return 0;
}

void put_signal_struct(struct signal_struct *sig)
{
	if (--sig->sigcnt)
		return;
	if (sig->oom_mm)
		mmdrop(sig->oom_mm);
	kmem_cache_free(signal_cachep, sig);
}

/*
 * The address space: shared (CLONE_VM: a thread, vfork; each sharer is
 * one more mm_users, so the mm lives while any of them does), copied, or
 * none (kernel thread). Linux: copy_mm()
 */
static int copy_mm(u64 clone_flags, struct task_struct *tsk, bool kthread)
{
	struct mm_struct *oldmm = current->mm, *mm;

	tsk->mm = NULL;
	tsk->active_mm = NULL;
	if (!oldmm || kthread)
		return 0;
	if (clone_flags & CLONE_VM) {
		mmget(oldmm);
		mm = oldmm;
	} else {
		mm = dup_mm(tsk, oldmm);
		if (!mm)
			return -ENOMEM;
	}
	tsk->mm = mm;
	tsk->active_mm = mm;
	return 0;
}

static int check_clone_flags(u64 clone_flags)
{
	if ((clone_flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS))
		return -EINVAL;
	if ((clone_flags & CLONE_THREAD) && !(clone_flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((clone_flags & CLONE_SIGHAND) && !(clone_flags & CLONE_VM))
		return -EINVAL;
	/* Init's siblings would be nobody's children. */
	if ((clone_flags & CLONE_PARENT) && (current->signal->flags & SIGNAL_UNKILLABLE))
		return -EINVAL;
	if (clone_flags & CLONE_NAMESPACES) {
		pr_notice_once("clone: new namespaces are not supported, refused with EINVAL\n");
		return -EINVAL;
	}
	return 0;
}

/* The fields a child starts afresh with, whatever the parent had. */
static void init_child_fields(struct task_struct *p, const struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;

	p->flags &= ~(PF_IDLE | PF_KTHREAD | PF_EXITING | PF_SIGNALED);
	p->flags |= PF_FORKNOEXEC;
	if (args->kthread)
		p->flags |= PF_KTHREAD;
	if (args->name)
		strlcpy(p->comm, args->name, sizeof(p->comm));
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->thread_node);
	INIT_LIST_HEAD(&p->pending.list);
	sigemptyset(&p->pending.signal);
	p->jobctl = 0;
	p->utime = p->stime = 0;
	p->nvcsw = p->nivcsw = 0;
	p->min_flt = p->maj_flt = 0;
	p->start_time = ktime_get_ns();
	p->exit_state = 0;
	p->exit_code = 0;
	p->set_child_tid = (clone_flags & CLONE_CHILD_SETTID) ? args->child_tid : NULL;
	p->clear_child_tid = (clone_flags & CLONE_CHILD_CLEARTID) ? args->child_tid : NULL;
	p->vfork_done = NULL;
	p->robust_list = NULL;
	p->restore_sigmask = false;
	p->fail_nth = 0;
	p->pdeath_signal = 0;
	p->restart_block.fn = NULL;
	/* A sigaltstack in a shared address space would be shared too: drop it. */
	if ((clone_flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM) {
		p->sas_ss_sp = 0;
		p->sas_ss_size = 0;
		p->sas_ss_flags = SS_DISABLE;
	}
}

/* Undo copy_mm: the mm goes back (or is torn down, if it was a copy). */
static void uncopy_mm(struct task_struct *p)
{
	if (p->mm)
		mmput(p->mm);
}

/*
 * The new task's place among tasks: its ids, its parent, and either its
 * own thread group (on its parent's children list) or its creator's
 * (on the group's thread list, counted in nr_threads, live and
 * quick_threads). Nothing fails from here on. Linux: the end of
 * copy_process()
 */
static void link_new_task(struct task_struct *p, pid_t pid, const struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct signal_struct *sig = p->signal;
	unsigned long flags;

	p->pid = pid;
	if (clone_flags & (CLONE_PARENT | CLONE_THREAD)) {
		p->real_parent = current->real_parent;
		p->exit_signal = (clone_flags & CLONE_THREAD) ? -1 :
				 current->group_leader->exit_signal;
	} else {
		p->real_parent = current;
		p->exit_signal = args->exit_signal;
	}
	/* Linux: tasklist_lock and the siglock; interrupt handlers walk the task list */
	local_irq_save(flags);
	if (clone_flags & CLONE_THREAD) {
		p->tgid = current->tgid;
		p->group_leader = current->group_leader;
		sig->nr_threads++;
		sig->live++;
		sig->quick_threads++;
		sig->sigcnt++;
		list_add_tail(&p->thread_node, &sig->thread_head);
	} else {
		p->tgid = pid;
		p->group_leader = p;
		list_add_tail(&p->sibling, &p->real_parent->children);
	}
	list_add_tail(&p->tasks, &init_task.tasks);
	local_irq_restore(flags);
	nr_threads++;
	total_forks++;
}

/* Linux: copy_process() */
static struct task_struct *copy_process(struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct task_struct *p;
	pid_t pid;
	int retval = check_clone_flags(clone_flags);

	if (retval)
		return ERR_PTR(retval);
	p = dup_task_struct(current);
	if (!p)
		return ERR_PTR(-ENOMEM);
	copy_creds(p);
	init_child_fields(p, args);
	sched_fork(p);
	retval = copy_files(clone_flags, p);
	if (retval)
		goto bad_fork_free;
	retval = copy_fs(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_files;
	retval = copy_sighand(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_fs;
	retval = copy_signal(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_sighand;
	retval = copy_mm(clone_flags, p, args->kthread);
	if (retval)
		goto bad_fork_cleanup_signal;
	retval = copy_thread(p, args);
	if (retval)
		goto bad_fork_cleanup_mm;
	pid = alloc_pid();
	if (pid < 0) {
		retval = pid;
		goto bad_fork_cleanup_mm;
	}
	/* Let kill end a fork: a dying process makes no new threads. */
	retval = -EINTR;
	if (fatal_signal_pending(current))
		goto bad_fork_cleanup_mm;
	link_new_task(p, pid, args);
	return p;

bad_fork_cleanup_mm:
	uncopy_mm(p);
bad_fork_cleanup_signal:
	if (!(clone_flags & CLONE_THREAD))
		put_signal_struct(p->signal);
bad_fork_cleanup_sighand:
	__cleanup_sighand(p->sighand);
bad_fork_cleanup_fs:
	exit_fs(p);
bad_fork_cleanup_files:
	exit_files(p);
bad_fork_free:
	p->usage = 1;
	put_task_struct(p);
	return ERR_PTR(retval);
}

/*
 * vfork: sleep until the child has exec'ed or exited, then drop the
 * reference that kept it. A fatal signal ends the wait early, as in Linux.
 */
static void wait_for_vfork_done(struct task_struct *child, struct completion *vfork)
{
	if (wait_for_completion_killable(vfork))
		child->vfork_done = NULL;
	put_task_struct(child);
}

/* Create a task as args says and start it; returns its pid. Linux: kernel_clone() */
pid_t kernel_clone(struct kernel_clone_args *args)
{
	struct completion vfork;
	struct task_struct *p = copy_process(args);
	pid_t nr;

	if (IS_ERR(p))
		return (pid_t)PTR_ERR(p);
	nr = p->pid;
	if (args->flags & CLONE_PARENT_SETTID)
		put_user(nr, args->parent_tid);
	if (args->flags & CLONE_VFORK) {
		p->vfork_done = &vfork;
		init_completion(&vfork);
		get_task_struct(p);
	}
	wake_up_new_task(p);
	if (args->flags & CLONE_VFORK)
		wait_for_vfork_done(p, &vfork);
	return nr;
}

/*
 * A kernel thread: runs fn(arg) in the kernel with no address space of
 * its own, sharing files and fs with its creator. Returning from fn ends
 * it. Linux: kernel_thread() (kthread_create adds kthreadd in between)
 */
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name, unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = (flags | CLONE_VM | CLONE_UNTRACED) & ~CSIGNAL,
		.exit_signal = (int)(flags & CSIGNAL),
		.fn = fn,
		.fn_arg = arg,
		.kthread = true,
		.name = name,
	};

	return kernel_clone(&args);
}

/*
 * A task that starts in the kernel but is meant to become a user process
 * by exec (init). Linux: user_mode_thread()
 */
pid_t user_mode_thread(int (*fn)(void *), void *arg, unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = (flags | CLONE_VM | CLONE_UNTRACED) & ~CSIGNAL,
		.exit_signal = (int)(flags & CSIGNAL),
		.fn = fn,
		.fn_arg = arg,
	};

	return kernel_clone(&args);
}

/*
 * Run the function a task was created with. A kernel thread ends when it
 * returns; a user-mode thread goes on to user space if it returns 0
 * after a successful exec, and exits with its return value otherwise.
 * Called from ret_from_fork.
 */
void ret_from_fork_fn(int (*fn)(void *), void *arg)
{
	int ret = fn(arg);

	if ((current->flags & PF_KTHREAD) || ret || !current->mm)
		do_exit((ret & 0xff) << 8);
}

/* --- the system calls --- */

SYSCALL_DEFINE_REGS(fork)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	(void)regs;
	return kernel_clone(&args);
}

/* The child shares our memory and we sleep until it execs or exits. */
SYSCALL_DEFINE_REGS(vfork)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VFORK | CLONE_VM,
		.exit_signal = SIGCHLD,
	};

	(void)regs;
	return kernel_clone(&args);
}

/* x86_64's argument order: flags, stack, parent_tid, child_tid, tls. */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, int __user *, child_tidptr, unsigned long, tls)
{
	struct kernel_clone_args args = {
		.flags = clone_flags & ~CSIGNAL,
		.parent_tid = parent_tidptr,
		.child_tid = child_tidptr,
		.exit_signal = (int)(clone_flags & CSIGNAL),
		.stack = newsp,
		.tls = tls,
	};

	if (!valid_signal((unsigned long)args.exit_signal))
		return -EINVAL;
	return kernel_clone(&args);
}

/* clone3's argument block (Linux: include/uapi/linux/sched.h). */
struct clone_args {
	u64 flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
	u64 set_tid, set_tid_size, cgroup;
};

SYSCALL_DEFINE2(clone3, struct clone_args __user *, uargs, size_t, size)
{
	struct clone_args a = { 0 };
	struct kernel_clone_args args;

	if (size < 64 || size > PAGE_SIZE)
		return -EINVAL;
	if (copy_from_user(&a, uargs, min(size, sizeof(a))))
		return -EFAULT;
	if ((a.flags & (CSIGNAL | CLONE_DETACHED)) || a.exit_signal > _NSIG || a.set_tid ||
	    a.cgroup || (a.flags & CLONE_PIDFD) || (!a.stack != !a.stack_size))
		return -EINVAL;
	/* A thread, or a sibling, signals our parent the way we do. */
	if ((a.flags & (CLONE_THREAD | CLONE_PARENT)) && a.exit_signal)
		return -EINVAL;
	args = (struct kernel_clone_args){
		.flags = a.flags,
		.parent_tid = (int __user *)(unsigned long)a.parent_tid,
		.child_tid = (int __user *)(unsigned long)a.child_tid,
		.exit_signal = (int)a.exit_signal,
		.stack = (unsigned long)(a.stack + a.stack_size),
		.tls = (unsigned long)a.tls,
	};
	return kernel_clone(&args);
}

SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return task_pid_nr(current);
}

/*
 * kernel.threads-max: the most tasks fork will make, 1 to MAX_THREADS
 * (a write does not go through the boot-time clamp to MIN_THREADS).
 * Linux: sysctl_max_threads()
 */
int sysctl_max_threads(struct ctl_table *table, int write, void *buffer, size_t *lenp,
		       loff_t *ppos)
{
	int threads = max_threads, min = 1, max = MAX_THREADS;
	struct ctl_table t = *table;
	int ret;

	t.data = &threads;
	t.extra1 = &min;
	t.extra2 = &max;
	ret = proc_dointvec_minmax(&t, write, buffer, lenp, ppos);
	if (ret || !write)
		return ret;
	max_threads = threads;
	return 0;
}
