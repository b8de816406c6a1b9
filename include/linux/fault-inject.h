/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FAULT_INJECT_H
#define _LINUX_FAULT_INJECT_H

#include <linux/sched.h>
#include <linux/gfp.h>
#include <linux/hardirq.h>
#include <linux/printk.h>

/*
 * Fault injection, as Linux's fail-nth: when current->fail_nth is N > 0,
 * the Nth allocation this task makes from now on fails (pages from the
 * buddy allocator or objects from a slab cache, whichever comes Nth),
 * and fail_nth is back to 0. Tests use it to make every allocation of a
 * path fail in turn and check that the path undoes all it did: for
 * fork, for example, for N = 1, 2, ... until fork succeeds.
 * __GFP_NOFAIL allocations are never failed, nor user pages (below).
 *
 * Linux: lib/fault-inject.c should_fail(), mm/fail_page_alloc.c,
 * mm/failslab.c, /proc/<pid>/task/<tid>/fail-nth (Linux also prints the
 * stack of each forced failure; one line here).
 */
static inline bool should_fail_alloc(gfp_t gfp)
{
	struct task_struct *tsk = current;

	/* An interrupt's allocation is not the task's (Linux: in_task()). */
	if (!tsk->fail_nth || (gfp & __GFP_NOFAIL) || !in_task())
		return false;
	if (--tsk->fail_nth)
		return false;
	pr_info("FAULT_INJECTION: forcing a failure.\n");
	return true;
}

/*
 * Pages for user memory (__GFP_HIGHMEM: GFP_HIGHUSER and its kin) are
 * never failed, as with Linux's default ignore-gfp-highmem=Y: a process
 * whose Nth allocation is armed may still take page faults on its way to
 * the call under test (a COW copy after fork, say) without the count
 * going to a fault instead. Faultline has no debugfs: its other choices
 * are those a test of every allocation wants (Linux's ignore-gfp-wait=N,
 * min-order=0).
 * Linux: mm/fail_page_alloc.c should_fail_alloc_page()
 */
static inline bool should_fail_alloc_page(gfp_t gfp, unsigned int order)
{
	if (gfp & __GFP_HIGHMEM)
		return false;
	return should_fail_alloc(gfp);
}

/* Linux: mm/failslab.c */
static inline bool should_failslab(gfp_t gfp)
{
	return should_fail_alloc(gfp);
}

#endif
