/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/resource.h>

struct mm_struct;
struct fs_struct;

#define TASK_COMM_LEN	16

/*
 * What the CPU told the kernel about a task's last fault (Linux:
 * arch/x86/include/asm/processor.h thread_struct). Set by the fault
 * handlers; signal delivery copies it into siginfo.
 */
struct thread_struct {
	unsigned long cr2;		/* faulting address */
	unsigned long trap_nr;		/* exception vector */
	unsigned long error_code;	/* the CPU's error code */
};

/*
 * A task. Until processes exist there is one: init_task, the boot CPU's
 * idle task ("swapper/0", pid 0), which runs start_kernel on init_stack.
 * Linux: include/linux/sched.h
 */
struct task_struct {
	pid_t pid;
	char comm[TASK_COMM_LEN];
	void *stack;			/* lowest address of the kernel stack */
	struct thread_struct thread;
	/*
	 * mm: the address space this task owns (NULL for kernel threads);
	 * active_mm: the one whose page tables are loaded (a kernel thread
	 * borrows the previous task's, as in Linux).
	 */
	struct mm_struct *mm, *active_mm;
	struct fs_struct *fs;		/* root and working directory */
	struct rlimit rlim[RLIM_NLIMITS];
	unsigned long min_flt, maj_flt;	/* faults served without / with I/O */
};


extern struct task_struct init_task;
extern struct task_struct *current_task;

#define current current_task

static inline unsigned long rlimit(unsigned int limit)
{
	return current->rlim[limit].rlim_cur;
}

static inline unsigned long rlimit_max(unsigned int limit)
{
	return current->rlim[limit].rlim_max;
}

#endif
