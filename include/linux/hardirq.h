/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

#include <linux/types.h>

/*
 * Is an interrupt handler running? common_interrupt() counts itself in
 * and out (irq_enter/irq_exit). Code that must act only for the task
 * that called it (fault injection's fail-nth) asks in_task().
 * Linux: include/linux/preempt.h (the HARDIRQ bits of preempt_count;
 * Faultline has no softirqs or NMI handlers that allocate, so one count)
 */
extern unsigned int hardirq_depth;

static inline bool in_hardirq(void)
{
	return hardirq_depth != 0;
}

static inline bool in_task(void)
{
	return !in_hardirq();
}

static inline void irq_enter(void)
{
	hardirq_depth++;
}

static inline void irq_exit(void)
{
	hardirq_depth--;
}

#endif
