/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/wait_types.h>

/*
 * Wait queues: how a task sleeps until something happens. The sleeper
 * puts an entry on the queue, sets its state and calls schedule(); the
 * waker walks the queue and wakes the entries' tasks. The condition is
 * tested again after every wake-up, so spurious wake-ups are harmless.
 * Wake-ups come from interrupts too (the tty, timers): the queue is
 * changed with interrupts off. Linux: include/linux/wait.h, kernel/sched/wait.c
 */
#define __WAIT_QUEUE_HEAD_INITIALIZER(name)	{ .head = LIST_HEAD_INIT((name).head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

static inline void init_waitqueue_head(struct wait_queue_head *wq_head)
{
	INIT_LIST_HEAD(&wq_head->head);
}

static inline bool waitqueue_active(const struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			  void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode,
			     int flags, void *key);

#define DEFINE_WAIT_FUNC(name, function)				\
	struct wait_queue_entry name = {				\
		.private = current,					\
		.func = function,					\
		.entry = LIST_HEAD_INIT((name).entry),			\
	}
#define DEFINE_WAIT(name)	DEFINE_WAIT_FUNC(name, autoremove_wake_function)

/* An entry for task p, woken by default_wake_function. Linux: init_waitqueue_entry() */
static inline void init_waitqueue_entry(struct wait_queue_entry *wq_entry, struct task_struct *p)
{
	wq_entry->flags = 0;
	wq_entry->private = p;
	wq_entry->func = default_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

/* An entry woken through func (which finds its waiter itself). */
static inline void init_waitqueue_func_entry(struct wait_queue_entry *wq_entry,
					     wait_queue_func_t func)
{
	wq_entry->flags = 0;
	wq_entry->private = NULL;
	wq_entry->func = func;
	INIT_LIST_HEAD(&wq_entry->entry);
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
		     int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr, void *key);

#define wake_up(x)			__wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_all(x)			__wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x)	__wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x)	__wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)
#define wake_up_interruptible_poll(x, m) \
	__wake_up(x, TASK_INTERRUPTIBLE, 1, (void *)(unsigned long)(m))
#define wake_up_poll(x, m)		__wake_up(x, TASK_NORMAL, 1, (void *)(unsigned long)(m))

/*
 * Sleep in state until cond holds. Returns 0, or -ERESTARTSYS when a
 * signal (any, or a fatal one for TASK_KILLABLE) came first.
 */
#define ___wait_event(wq_head, cond, state, exclusive)			\
({									\
	DEFINE_WAIT(__wq_entry);					\
	long __ret = 0;							\
									\
	for (;;) {							\
		if (exclusive)						\
			prepare_to_wait_exclusive(&(wq_head), &__wq_entry, state); \
		else							\
			prepare_to_wait(&(wq_head), &__wq_entry, state); \
		if (cond)						\
			break;						\
		if (signal_pending_state(state, current)) {		\
			__ret = -ERESTARTSYS;				\
			break;						\
		}							\
		schedule();						\
	}								\
	finish_wait(&(wq_head), &__wq_entry);				\
	__ret;								\
})

#define wait_event(wq_head, cond) \
	do { if (!(cond)) ___wait_event(wq_head, cond, TASK_UNINTERRUPTIBLE, 0); } while (0)
#define wait_event_interruptible(wq_head, cond) \
	((cond) ? 0 : ___wait_event(wq_head, cond, TASK_INTERRUPTIBLE, 0))
#define wait_event_interruptible_exclusive(wq_head, cond) \
	((cond) ? 0 : ___wait_event(wq_head, cond, TASK_INTERRUPTIBLE, 1))
#define wait_event_killable(wq_head, cond) \
	((cond) ? 0 : ___wait_event(wq_head, cond, TASK_KILLABLE, 0))

#endif
