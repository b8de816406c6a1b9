/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/wait.h>

/*
 * "This has happened": one side waits, the other calls complete().
 * vfork's parent waits on one until the child execs or exits.
 * Linux: include/linux/completion.h, kernel/sched/completion.c
 */
struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
int wait_for_completion_killable(struct completion *x);

#endif
