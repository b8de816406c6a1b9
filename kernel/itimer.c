// SPDX-License-Identifier: GPL-2.0
/*
 * ITIMER_REAL: setitimer, getitimer and alarm, which send SIGALRM when
 * the time is up (and again every interval). Linux: kernel/time/itimer.c
 *
 * The timer is a jiffy timer here (Linux: an hrtimer), so it fires at
 * the first tick after the time asked. ITIMER_VIRTUAL and ITIMER_PROF
 * (CPU-time timers) are not there: EINVAL.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/timer.h>
#include <linux/timekeeping.h>
#include <linux/itimer.h>
#include <linux/time64.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define ITIMER_REAL	0

/*
 * The timer went off (timer interrupt): SIGALRM for the process (any of
 * its threads may take it), and re-arm if periodic.
 */
void it_real_fn(struct timer_list *timer)
{
	struct signal_struct *sig = container_of(timer, struct signal_struct, real_timer);
	struct task_struct *p;

	for_each_process(p) {
		if (p->signal == sig) {
			group_send_sig_info(SIGALRM, SEND_SIG_PRIV, p, PIDTYPE_TGID);
			break;
		}
	}
	if (sig->it_real_incr) {
		sig->it_real_expires += sig->it_real_incr;
		mod_timer(timer, jiffies + nsecs_to_jiffies(sig->it_real_incr));
	}
}

static u64 tv_to_ns(long sec, long usec)
{
	return (u64)sec * NSEC_PER_SEC + (u64)usec * NSEC_PER_USEC;
}

static void ns_to_tv(u64 ns, long *sec, long *usec)
{
	*sec = (long)(ns / NSEC_PER_SEC);
	*usec = (long)(ns % NSEC_PER_SEC / NSEC_PER_USEC);
}

/* What is left of ITIMER_REAL, and its interval. */
static void get_itimer_real(struct __kernel_old_itimerval *value)
{
	struct signal_struct *sig = current->signal;
	u64 now = ktime_get_ns(), left = 0;

	/* The time asked for, not the tick it fires on: as Linux's hrtimer reports it. */
	if (timer_pending(&sig->real_timer))
		left = sig->it_real_expires > now ? sig->it_real_expires - now :
						    NSEC_PER_USEC;	/* due: the smallest nonzero */
	ns_to_tv(left, &value->it_value_sec, &value->it_value_usec);
	ns_to_tv(sig->it_real_incr, &value->it_interval_sec, &value->it_interval_usec);
}

static int do_setitimer(int which, const struct __kernel_old_itimerval *value,
			struct __kernel_old_itimerval *ovalue)
{
	struct signal_struct *sig = current->signal;
	u64 expires;

	if (which != ITIMER_REAL)
		return -EINVAL;
	if (ovalue)
		get_itimer_real(ovalue);
	del_timer(&sig->real_timer);
	expires = tv_to_ns(value->it_value_sec, value->it_value_usec);
	sig->it_real_incr = tv_to_ns(value->it_interval_sec, value->it_interval_usec);
	/*
	 * One tick more than the time asked: part of the current tick is
	 * already gone, and the timer must not fire early (Linux's hrtimer
	 * fires on time; a re-arm from the timer itself starts on a tick).
	 */
	if (expires) {
		sig->it_real_expires = ktime_get_ns() + expires;
		mod_timer(&sig->real_timer, jiffies + nsecs_to_jiffies(expires) + 1);
	}
	return 0;
}

static bool itimer_valid(const struct __kernel_old_itimerval *v)
{
	return v->it_value_sec >= 0 && v->it_value_usec >= 0 && v->it_value_usec < 1000000 &&
	       v->it_interval_sec >= 0 && v->it_interval_usec >= 0 &&
	       v->it_interval_usec < 1000000;
}

SYSCALL_DEFINE3(setitimer, int, which, struct __kernel_old_itimerval __user *, value,
		struct __kernel_old_itimerval __user *, ovalue)
{
	struct __kernel_old_itimerval set = { 0 }, get;
	int error;

	if (value && copy_from_user(&set, value, sizeof(set)))
		return -EFAULT;
	if (!itimer_valid(&set))
		return -EINVAL;
	error = do_setitimer(which, &set, ovalue ? &get : NULL);
	if (!error && ovalue && copy_to_user(ovalue, &get, sizeof(get)))
		return -EFAULT;
	return error;
}

SYSCALL_DEFINE2(getitimer, int, which, struct __kernel_old_itimerval __user *, value)
{
	struct __kernel_old_itimerval get;

	if (which != ITIMER_REAL)
		return -EINVAL;
	get_itimer_real(&get);
	return copy_to_user(value, &get, sizeof(get)) ? -EFAULT : 0;
}

/* The seconds left of the previous alarm, rounded as Linux: alarm_setitimer() */
SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct __kernel_old_itimerval it_new = { .it_value_sec = seconds }, it_old;
	long oldalarm;

	do_setitimer(ITIMER_REAL, &it_new, &it_old);
	oldalarm = it_old.it_value_sec;
	if ((!oldalarm && it_old.it_value_usec) || it_old.it_value_usec >= 500000)
		oldalarm++;
	return oldalarm;
}
