/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_ITIMER_H
#define _LINUX_ITIMER_H

struct timer_list;

/* kernel/itimer.c: ITIMER_REAL's expiry sends SIGALRM (Linux: it_real_fn). */
void it_real_fn(struct timer_list *timer);

#endif
