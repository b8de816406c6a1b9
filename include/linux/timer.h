/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/timekeeping.h>

/*
 * Timers that fire at a jiffy: a function called from the timer tick.
 * Linux: include/linux/timer.h, kernel/time/timer.c (a timer wheel;
 * here one list sorted by expiry).
 */
struct timer_list {
	struct list_head entry;		/* in the pending list while pending */
	unsigned long expires;		/* jiffies */
	void (*function)(struct timer_list *);
};

/* Wrap-safe comparisons of jiffies (Linux: include/linux/jiffies.h). */
#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)

static inline void timer_setup(struct timer_list *timer,
			       void (*function)(struct timer_list *))
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = function;
	timer->expires = 0;
}

static inline bool timer_pending(const struct timer_list *timer)
{
	return !list_empty(&timer->entry);
}

void add_timer(struct timer_list *timer);
int mod_timer(struct timer_list *timer, unsigned long expires);
int del_timer(struct timer_list *timer);
void run_local_timers(void);

/* Jiffies from nanoseconds, rounded up (a sleep never ends early). */
static inline unsigned long nsecs_to_jiffies(u64 ns)
{
	return (unsigned long)((ns + NSEC_PER_SEC / HZ - 1) / (NSEC_PER_SEC / HZ));
}

static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return nsecs_to_jiffies((u64)ms * NSEC_PER_MSEC);
}

#define TICK_NSEC	(NSEC_PER_SEC / HZ)

void msleep(unsigned int msecs);

#endif
