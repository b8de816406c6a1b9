/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/types.h>

#define NSEC_PER_USEC	1000UL
#define NSEC_PER_MSEC	1000000UL
#define NSEC_PER_SEC	1000000000UL

/* The timer tick rate: Debian's kernels use 250 (CONFIG_HZ_250). */
#define HZ		250

/* Timer ticks since boot (Linux: jiffies_64; one CPU, so no lock). */
extern volatile u64 jiffies_64;
#define jiffies ((unsigned long)jiffies_64)

/*
 * Nanoseconds of the monotonic clock, counted from the kernel's first
 * instruction; 0 until the TSC is calibrated (Linux: ktime_get_ns).
 */
u64 ktime_get_ns(void);
/* The clock printk stamps its lines with (Linux: local_clock). */
u64 local_clock(void);
/* Nanoseconds since the machine was reset: firmware and GRUB included. */
u64 ns_since_reset(void);
/* Convert TSC cycles to nanoseconds. */
u64 tsc_cycles_to_ns(u64 cycles);

void time_init(void);
void udelay(unsigned long usecs);

#endif
