/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PTRACE_H
#define _LINUX_PTRACE_H

#include <linux/types.h>

/*
 * May the current task inspect another? The ptrace(2) attach check,
 * which /proc also makes before it shows a process's memory, environment
 * or open files. Faultline has no ptrace(2) itself. Linux:
 * include/linux/ptrace.h, kernel/ptrace.c
 *
 * A mode is READ (look) or ATTACH (change; /proc/<pid>/mem), with the
 * caller's ids taken as FSCREDS (file system ids: a /proc file opened)
 * or REALCREDS (real ids: a system call naming the process).
 */
#define PTRACE_MODE_READ	0x01
#define PTRACE_MODE_ATTACH	0x02
#define PTRACE_MODE_NOAUDIT	0x04
#define PTRACE_MODE_FSCREDS	0x08
#define PTRACE_MODE_REALCREDS	0x10

#define PTRACE_MODE_READ_FSCREDS	(PTRACE_MODE_READ | PTRACE_MODE_FSCREDS)
#define PTRACE_MODE_READ_REALCREDS	(PTRACE_MODE_READ | PTRACE_MODE_REALCREDS)
#define PTRACE_MODE_ATTACH_FSCREDS	(PTRACE_MODE_ATTACH | PTRACE_MODE_FSCREDS)
#define PTRACE_MODE_ATTACH_REALCREDS	(PTRACE_MODE_ATTACH | PTRACE_MODE_REALCREDS)

struct task_struct;

bool ptrace_may_access(struct task_struct *task, unsigned int mode);

#endif
