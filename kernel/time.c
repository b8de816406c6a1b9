// SPDX-License-Identifier: GPL-2.0
/*
 * Clocks and sleeping: clock_gettime, gettimeofday, time, nanosleep,
 * clock_nanosleep. Linux: kernel/time/time.c, posix-timers.c,
 * posix-stubs.c, hrtimer.c (hrtimer_nanosleep)
 *
 *   CLOCK_MONOTONIC   the TSC since the kernel started (nanoseconds)
 *   CLOCK_REALTIME    the CMOS clock read at boot, plus the monotonic time
 *   CLOCK_*_CPUTIME_ID user + system time of the process (all its threads)
 *                      or of the thread, sampled each tick
 *
 * A sleep ends at the first tick (HZ=250) at or after its deadline, so
 * it lasts up to 4 ms longer than asked; Linux's high-resolution timers
 * end it within microseconds. It never ends early.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/timer.h>
#include <linux/time64.h>
#include <linux/cred.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

s64 read_persistent_clock(void);

static s64 boot_realtime_ns;	/* wall-clock time at ktime 0 */

void timekeeping_init(void)
{
	boot_realtime_ns = read_persistent_clock() * (s64)NSEC_PER_SEC - (s64)ktime_get_ns();
}

u64 ktime_get_real_ns(void)
{
	return (u64)(boot_realtime_ns + (s64)ktime_get_ns());
}

void ktime_get_real_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_real_ns());
}

u64 ktime_get_boottime_ns(void)
{
	return ktime_get_ns();
}

/* For file timestamps. Linux: current_time() */
struct timespec64 current_time(void)
{
	struct timespec64 ts;

	ktime_get_real_ts64(&ts);
	return ts;
}

static int clock_get_ns(clockid_t which, u64 *ns)
{
	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*ns = ktime_get_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID: {
		u64 utime, stime;

		thread_group_cputime(current, &utime, &stime);
		*ns = utime + stime;
		return 0;
	}
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = current->utime + current->stime;
		return 0;
	default:
		return -EINVAL;
	}
}

static int put_timespec64(const struct timespec64 *ts, struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts = { .tv_sec = ts->tv_sec, .tv_nsec = ts->tv_nsec };

	return copy_to_user(uts, &kts, sizeof(kts)) ? -EFAULT : 0;
}

int get_timespec64(struct timespec64 *ts, const struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts;

	if (copy_from_user(&kts, uts, sizeof(kts)))
		return -EFAULT;
	ts->tv_sec = kts.tv_sec;
	ts->tv_nsec = (long)kts.tv_nsec;
	return 0;
}

SYSCALL_DEFINE2(clock_gettime, clockid_t, which_clock, struct __kernel_timespec __user *, tp)
{
	struct timespec64 ts;
	u64 ns;
	int err = clock_get_ns(which_clock, &ns);

	if (err)
		return err;
	ts = ns_to_timespec64(ns);
	return put_timespec64(&ts, tp);
}

SYSCALL_DEFINE2(clock_getres, clockid_t, which_clock, struct __kernel_timespec __user *, tp)
{
	struct timespec64 res = { 0, 1 };
	u64 ns;
	int err = clock_get_ns(which_clock, &ns);

	if (err)
		return err;
	if (which_clock == CLOCK_REALTIME_COARSE || which_clock == CLOCK_MONOTONIC_COARSE)
		res.tv_nsec = (long)TICK_NSEC;
	return tp ? put_timespec64(&res, tp) : 0;
}

/* Root may set the wall clock. */
SYSCALL_DEFINE2(clock_settime, clockid_t, which_clock,
		const struct __kernel_timespec __user *, tp)
{
	struct timespec64 ts;

	if (which_clock != CLOCK_REALTIME)
		return -EINVAL;
	if (get_timespec64(&ts, tp))
		return -EFAULT;
	if (!timespec64_valid(&ts))
		return -EINVAL;
	if (!capable(CAP_SYS_TIME))
		return -EPERM;		/* Linux: security_settime64() -> cap_settime() */
	boot_realtime_ns = timespec64_to_ns(&ts) - (s64)ktime_get_ns();
	return 0;
}

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv,
		struct timezone __user *, tz)
{
	if (tv) {
		u64 ns = ktime_get_real_ns();
		struct __kernel_old_timeval ktv = {
			.tv_sec = (long)(ns / NSEC_PER_SEC),
			.tv_usec = (long)(ns % NSEC_PER_SEC / NSEC_PER_USEC),
		};

		if (copy_to_user(tv, &ktv, sizeof(ktv)))
			return -EFAULT;
	}
	if (tz) {
		struct timezone ktz = { 0, 0 };

		if (copy_to_user(tz, &ktz, sizeof(ktz)))
			return -EFAULT;
	}
	return 0;
}

SYSCALL_DEFINE1(time, long __user *, tloc)
{
	long t = (long)(ktime_get_real_ns() / NSEC_PER_SEC);

	if (tloc && put_user(t, tloc))
		return -EFAULT;
	return t;
}

/*
 * Sleep until the monotonic clock reaches deadline, or a signal comes.
 * Returns 0 or -ERESTART_RESTARTBLOCK with the time left in *left.
 */
static long do_nanosleep(u64 deadline, u64 *left)
{
	for (;;) {
		u64 now = ktime_get_ns();

		if (now >= deadline)
			return 0;
		if (signal_pending(current)) {
			*left = deadline - now;
			return -ERESTART_RESTARTBLOCK;
		}
		schedule_timeout_interruptible((long)nsecs_to_jiffies(deadline - now) + 1);
	}
}

static long nanosleep_restart(struct restart_block *restart);

/*
 * Sleep relative (or absolute on the monotonic clock); when a signal
 * interrupts, the rest is written to rmtp (relative sleeps) and the sleep
 * continues after the signal if no handler ran. Linux: hrtimer_nanosleep()
 */
static long sleep_until(u64 deadline, bool relative, struct __kernel_timespec __user *rmtp)
{
	struct restart_block *restart = &current->restart_block;
	u64 left;
	long ret = do_nanosleep(deadline, &left);
	struct timespec64 rem;

	if (ret != -ERESTART_RESTARTBLOCK)
		return ret;
	if (!relative)
		return -ERESTARTNOHAND;
	if (rmtp) {
		rem = ns_to_timespec64(left);
		if (put_timespec64(&rem, rmtp))
			return -EFAULT;
	}
	restart->fn = nanosleep_restart;
	restart->expires = deadline;
	restart->rmtp = rmtp;
	return ret;
}

static long nanosleep_restart(struct restart_block *restart)
{
	return sleep_until(restart->expires, true, restart->rmtp);
}

SYSCALL_DEFINE2(nanosleep, struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	struct timespec64 tu;

	if (get_timespec64(&tu, rqtp))
		return -EFAULT;
	if (!timespec64_valid(&tu))
		return -EINVAL;
	return sleep_until(ktime_get_ns() + (u64)timespec64_to_ns(&tu), true, rmtp);
}

SYSCALL_DEFINE4(clock_nanosleep, clockid_t, which_clock, int, flags,
		const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	struct timespec64 t;
	u64 now, when;
	long ret;

	ret = clock_get_ns(which_clock, &now);
	if (ret)
		return ret;
	if (which_clock == CLOCK_THREAD_CPUTIME_ID)
		return -EINVAL;
	if (get_timespec64(&t, rqtp))
		return -EFAULT;
	if (!timespec64_valid(&t))
		return -EINVAL;
	when = (u64)timespec64_to_ns(&t);
	if (flags & TIMER_ABSTIME) {
		/* An absolute time on the clock: the same distance on the monotonic one. */
		u64 mono = ktime_get_ns();

		return sleep_until(when > now ? mono + (when - now) : mono, false, NULL);
	}
	return sleep_until(ktime_get_ns() + when, true, rmtp);
}

/* After a signal interrupted a restartable sleep. Linux: sys_restart_syscall() */
SYSCALL_DEFINE0(restart_syscall)
{
	struct restart_block *restart = &current->restart_block;

	if (!restart->fn)
		return -EINTR;
	return restart->fn(restart);
}
