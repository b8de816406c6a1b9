/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PID_H
#define _LINUX_PID_H

/* Process id numbers (kernel/pid.c). Linux: include/linux/threads.h */
#define PID_MAX_DEFAULT	0x8000		/* 32768, Linux's default pid_max */
#define PID_MAX_LIMIT	(4 * 1024 * 1024)	/* the most kernel.pid_max may be (64-bit) */
#define RESERVED_PIDS	300		/* where ids wrap around to */

extern int pid_max;			/* kernel.pid_max: ids stay below it */

/*
 * pidfds (kernel/pidfd.c): a file that names a process. Linux:
 * include/linux/pid.h, include/uapi/linux/pidfd.h
 */
#include <linux/fcntl.h>

#define PIDFD_NONBLOCK	O_NONBLOCK

struct task_struct;
struct file;

struct task_struct *pidfd_get_task(int pidfd, unsigned int *flags);
void do_notify_pidfd(struct task_struct *task);

#endif
