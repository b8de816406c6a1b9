/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PID_H
#define _LINUX_PID_H

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
