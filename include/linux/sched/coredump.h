/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_COREDUMP_H
#define _LINUX_SCHED_COREDUMP_H

#include <linux/mm_types.h>

/*
 * Whether a process may dump core, which also decides who owns its
 * /proc/<pid> files and whether others of its uid may inspect it
 * (ptrace_may_access). Linux keeps it in two bits of mm->flags.
 * Linux: include/linux/sched/coredump.h
 */
#define SUID_DUMP_DISABLE	0	/* no core; /proc files owned by root */
#define SUID_DUMP_USER		1	/* the ordinary case */
#define SUID_DUMP_ROOT		2	/* a core readable by root only */

/* What a process whose ids changed gets (fs.suid_dumpable; kernel/cred.c). */
extern int suid_dumpable;

static inline void set_dumpable(struct mm_struct *mm, int value)
{
	mm->dumpable = value;
}

static inline int get_dumpable(const struct mm_struct *mm)
{
	return mm->dumpable;
}

#endif
