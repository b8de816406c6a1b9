/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/types.h>

/*
 * Points in time and durations: the kernel's (timespec64) and the ones
 * system calls exchange with user space, x86_64 layouts.
 * Linux: include/linux/time64.h, include/uapi/linux/time_types.h, time.h
 */
struct timespec64 {
	s64 tv_sec;
	long tv_nsec;
};

struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

struct __kernel_old_timeval_pair;

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

/* ITIMER_REAL and friends (setitimer, getitimer). */
struct __kernel_old_itimerval {
	long it_interval_sec, it_interval_usec;
	long it_value_sec, it_value_usec;
};

#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7

#define TIMER_ABSTIME			0x01

static inline struct timespec64 ns_to_timespec64(u64 ns)
{
	struct timespec64 ts = { (s64)(ns / 1000000000ULL), (long)(ns % 1000000000ULL) };

	return ts;
}

#define KTIME_MAX		((s64)~((u64)1 << 63))
#define KTIME_SEC_MAX		(KTIME_MAX / 1000000000LL)

/* Nanoseconds, saturated at KTIME_MAX (a timeout of centuries is "never"). */
static inline s64 timespec64_to_ns(const struct timespec64 *ts)
{
	if (ts->tv_sec >= KTIME_SEC_MAX)
		return KTIME_MAX;
	return ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static inline bool timespec64_valid(const struct timespec64 *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < 1000000000L;
}

/* kernel/time.c: a user timespec in, -EFAULT if unreadable. */
int get_timespec64(struct timespec64 *ts, const struct __kernel_timespec *uts);

/* kernel/time.c: the wall clock, from the CMOS clock at boot plus the TSC since. */
void ktime_get_real_ts64(struct timespec64 *ts);
u64 ktime_get_real_ns(void);
u64 ktime_get_boottime_ns(void);
struct timespec64 current_time(void);

/* Seconds since the epoch (System V IPC's times). Linux: ktime_get_real_seconds() */
typedef s64 time64_t;
static inline time64_t ktime_get_real_seconds(void)
{
	return (time64_t)(ktime_get_real_ns() / 1000000000ULL);
}

#endif
