/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_MM_H
#define _LINUX_SCHED_MM_H

#include <linux/sched.h>

/*
 * Mark the task as reclaiming: its allocations may use every reserve
 * and never enter reclaim again (which would recurse). Returns the old
 * bit, for the restore. Linux: include/linux/sched/mm.h
 * memalloc_noreclaim_save()
 */
static inline unsigned int memalloc_noreclaim_save(void)
{
	unsigned int flags = current->flags & PF_MEMALLOC;

	current->flags |= PF_MEMALLOC;
	return flags;
}

static inline void memalloc_noreclaim_restore(unsigned int flags)
{
	current->flags = (current->flags & ~PF_MEMALLOC) | flags;
}

#endif
