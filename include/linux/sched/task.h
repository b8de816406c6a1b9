/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

#include <linux/types.h>

/*
 * Creating tasks: clone(2)'s flags and the arguments kernel_clone()
 * takes. Linux: include/uapi/linux/sched.h, include/linux/sched/task.h
 */
#define CSIGNAL			0x000000ff	/* signal sent to the parent at exit */
#define CLONE_VM		0x00000100	/* share the address space */
#define CLONE_FS		0x00000200	/* share root, cwd, umask */
#define CLONE_FILES		0x00000400	/* share the file descriptor table */
#define CLONE_SIGHAND		0x00000800	/* share signal handlers */
#define CLONE_PIDFD		0x00001000
#define CLONE_PTRACE		0x00002000
#define CLONE_VFORK		0x00004000	/* parent sleeps until exec or exit */
#define CLONE_PARENT		0x00008000	/* same parent as the caller */
#define CLONE_THREAD		0x00010000	/* same thread group */
#define CLONE_NEWNS		0x00020000
#define CLONE_SYSVSEM		0x00040000
#define CLONE_SETTLS		0x00080000	/* set the child's fs base */
#define CLONE_PARENT_SETTID	0x00100000	/* store the tid in the parent */
#define CLONE_CHILD_CLEARTID	0x00200000	/* clear it (and futex-wake) at exit */
#define CLONE_DETACHED		0x00400000	/* ignored, as in Linux */
#define CLONE_UNTRACED		0x00800000
#define CLONE_CHILD_SETTID	0x01000000	/* store the tid in the child */
#define CLONE_NEWCGROUP		0x02000000
#define CLONE_NEWUTS		0x04000000
#define CLONE_NEWIPC		0x08000000
#define CLONE_NEWUSER		0x10000000
#define CLONE_NEWPID		0x20000000
#define CLONE_NEWNET		0x40000000
#define CLONE_IO		0x80000000

#define CLONE_NAMESPACES	(CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | \
				 CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET)

struct task_struct;
struct mm_struct;

struct kernel_clone_args {
	u64 flags;			/* CLONE_* without the exit signal */
	int *child_tid;			/* user addresses */
	int *parent_tid;
	int exit_signal;
	unsigned long stack;		/* the child's user rsp (0: the parent's) */
	unsigned long tls;		/* CLONE_SETTLS: the child's fs base */
	/* A kernel thread, or a task that starts in the kernel (user_mode_thread). */
	int (*fn)(void *);
	void *fn_arg;
	bool kthread;
	const char *name;		/* comm of a kernel thread */
};

pid_t kernel_clone(struct kernel_clone_args *args);
void ret_from_fork_fn(int (*fn)(void *), void *arg);

/* kernel/exit.c */
extern struct task_struct *child_reaper;
void exec_mm_release(struct task_struct *tsk, struct mm_struct *mm);
struct sighand_struct *dup_sighand(const struct sighand_struct *orig);
void __cleanup_sighand(struct sighand_struct *sighand);
void put_signal_struct(struct signal_struct *sig);
unsigned long nr_forks(void);
extern int nr_threads;		/* up at fork, down in release_task */
void fork_mm_caches_init(void);

#endif
