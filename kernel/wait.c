// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues and completions (the rules are in linux/wait.h).
 * Linux: kernel/sched/wait.c, kernel/sched/completion.c
 */
#include <linux/kernel.h>
#include <linux/wait.h>
#include <linux/completion.h>
#include <asm/irqflags.h>

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			  void *key)
{
	return wake_up_state(wq_entry->private, mode);
}

/* Wake, and take the entry off the queue so it is not woken twice. */
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode,
			     int flags, void *key)
{
	int ret = default_wake_function(wq_entry, mode, flags, key);

	if (ret)
		list_del_init(&wq_entry->entry);
	return ret;
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	local_irq_save(flags);
	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	list_add(&wq_entry->entry, &wq_head->head);
	local_irq_restore(flags);
}

void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	local_irq_save(flags);
	list_del_init(&wq_entry->entry);
	local_irq_restore(flags);
}

/*
 * Queue the entry (if not queued yet) and set the task's state, in that
 * order, so a wake-up between this and schedule() is not lost: it sets
 * the state back to TASK_RUNNING and schedule() returns at once.
 * Exclusive waiters go at the tail and are woken one at a time.
 */
static void __prepare_to_wait(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry, int state, bool exclusive)
{
	unsigned long flags;

	local_irq_save(flags);
	if (list_empty(&wq_entry->entry)) {
		if (exclusive) {
			wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
			list_add_tail(&wq_entry->entry, &wq_head->head);
		} else {
			wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
			list_add(&wq_entry->entry, &wq_head->head);
		}
	}
	set_current_state(state);
	local_irq_restore(flags);
}

void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
		     int state)
{
	__prepare_to_wait(wq_head, wq_entry, state, false);
}

void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state)
{
	__prepare_to_wait(wq_head, wq_entry, state, true);
}

void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	local_irq_save(flags);
	if (!list_empty(&wq_entry->entry))
		list_del_init(&wq_entry->entry);
	local_irq_restore(flags);
}

/*
 * Wake the waiters in mode's states: every non-exclusive one and up to
 * nr exclusive ones (nr 0: all). key is passed on (poll's event mask).
 * Linux: __wake_up() -> __wake_up_common()
 */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr, void *key)
{
	struct wait_queue_entry *curr, *next;
	unsigned long flags;

	local_irq_save(flags);
	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int wq_flags = curr->flags;
		int ret = curr->func(curr, mode, 0, key);

		if (ret < 0)
			break;
		if (ret && (wq_flags & WQ_FLAG_EXCLUSIVE) && !--nr)
			break;
	}
	local_irq_restore(flags);
}

void complete(struct completion *x)
{
	unsigned long flags;

	local_irq_save(flags);
	if (x->done != ~0U)
		x->done++;
	local_irq_restore(flags);
	__wake_up(&x->wait, TASK_NORMAL, 1, NULL);
}

void complete_all(struct completion *x)
{
	x->done = ~0U;
	__wake_up(&x->wait, TASK_NORMAL, 0, NULL);
}

static bool try_take(struct completion *x)
{
	if (!x->done)
		return false;
	if (x->done != ~0U)
		x->done--;
	return true;
}

void wait_for_completion(struct completion *x)
{
	wait_event(x->wait, try_take(x));
}

/* Returns -ERESTARTSYS if a fatal signal ended the wait. */
int wait_for_completion_killable(struct completion *x)
{
	return wait_event_killable(x->wait, try_take(x));
}
