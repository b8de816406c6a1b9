// SPDX-License-Identifier: GPL-2.0
/*
 * Timers and timed sleeps, driven by the tick. Linux: kernel/time/timer.c
 *
 * Pending timers sit in one list sorted by expiry, so the tick looks at
 * the head only. Linux hashes them into a timer wheel, which scales to
 * the thousands of timers a server has; a teaching kernel has a few.
 * A timer function runs in the timer interrupt, with interrupts off: it
 * may wake tasks and re-arm timers, and must not sleep.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/timer.h>
#include <asm/irqflags.h>

static LIST_HEAD(timer_list_head);

static void enqueue_timer(struct timer_list *timer)
{
	struct timer_list *pos;

	list_for_each_entry(pos, &timer_list_head, entry)
		if (time_before(timer->expires, pos->expires))
			break;
	list_add_tail(&timer->entry, &pos->entry);
}

void add_timer(struct timer_list *timer)
{
	unsigned long flags;

	local_irq_save(flags);
	BUG_ON(timer_pending(timer));
	enqueue_timer(timer);
	local_irq_restore(flags);
}

/* (Re)arm timer for expires; returns whether it was pending. */
int mod_timer(struct timer_list *timer, unsigned long expires)
{
	unsigned long flags;
	int was_pending;

	local_irq_save(flags);
	was_pending = timer_pending(timer);
	if (was_pending)
		list_del_init(&timer->entry);
	timer->expires = expires;
	enqueue_timer(timer);
	local_irq_restore(flags);
	return was_pending;
}

/* Disarm; returns whether it was pending. */
int del_timer(struct timer_list *timer)
{
	unsigned long flags;
	int was_pending;

	local_irq_save(flags);
	was_pending = timer_pending(timer);
	if (was_pending)
		list_del_init(&timer->entry);
	local_irq_restore(flags);
	return was_pending;
}

/* From the tick: run every timer that is due. Linux: run_timer_softirq() */
void run_local_timers(void)
{
	while (!list_empty(&timer_list_head)) {
		struct timer_list *timer = list_first_entry(&timer_list_head,
							    struct timer_list, entry);

		if (time_before(jiffies, timer->expires))
			break;
		list_del_init(&timer->entry);
		timer->function(timer);
	}
}

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *timeout = container_of(t, struct process_timer, timer);

	wake_up_process(timeout->task);
}

/*
 * Sleep for up to timeout jiffies in the state the caller set; returns
 * the jiffies left (0 when the time ran out). MAX_SCHEDULE_TIMEOUT
 * sleeps with no timer. Linux: schedule_timeout()
 */
long schedule_timeout(long timeout)
{
	struct process_timer timer;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		pr_err("schedule_timeout: wrong timeout value %lx\n", (unsigned long)timeout);
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = jiffies + (unsigned long)timeout;
	timer.task = current;
	timer_setup(&timer.timer, process_timeout);
	mod_timer(&timer.timer, expire);
	schedule();
	del_timer(&timer.timer);
	timeout = (long)(expire - jiffies);
	return timeout < 0 ? 0 : timeout;
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

/* Sleep at least msecs (one tick more, as Linux: a partial tick has passed). */
void msleep(unsigned int msecs)
{
	long timeout = (long)msecs_to_jiffies(msecs) + 1;

	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}
