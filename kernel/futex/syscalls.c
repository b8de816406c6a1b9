// SPDX-License-Identifier: GPL-2.0
/*
 * The futex system calls: futex(2) and the robust list's
 * set_robust_list/get_robust_list. Linux: kernel/futex/syscalls.c
 *
 * Left out: the priority-inheritance operations (FUTEX_LOCK_PI,
 * FUTEX_UNLOCK_PI, FUTEX_TRYLOCK_PI, FUTEX_LOCK_PI2, and the requeue-PI
 * pair), which are ENOSYS as in a Linux built without CONFIG_FUTEX_PI
 * (Debian's 6.1 has it: a program that uses PTHREAD_PRIO_INHERIT
 * mutexes fails here), and futex_waitv(2), ENOSYS as an unknown call.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/time64.h>
#include <linux/timekeeping.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>
#include "futex.h"

/*
 * Register the thread's robust list (glibc and musl do it for every
 * thread, robust mutexes or not); walked when it exits.
 * Linux: sys_set_robust_list()
 */
SYSCALL_DEFINE2(set_robust_list, struct robust_list_head __user *, head, size_t, len)
{
	if (len != sizeof(*head))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

/* Any task's list head (pid 0: ours). Linux: sys_get_robust_list() */
SYSCALL_DEFINE3(get_robust_list, int, pid, struct robust_list_head __user *__user *, head_ptr,
		size_t __user *, len_ptr)
{
	struct task_struct *p = pid ? find_task_by_vpid(pid) : current;

	if (!p)
		return -ESRCH;
	if (put_user(sizeof(struct robust_list_head), len_ptr))
		return -EFAULT;
	return put_user(p->robust_list, head_ptr) ? -EFAULT : 0;
}

/*
 * Run one futex operation (op with its flags); timeout, if any, is a
 * deadline on the monotonic clock. Linux: do_futex()
 */
long do_futex(u32 __user *uaddr, int op, u32 val, u64 *timeout, u32 __user *uaddr2, u32 val2,
	      u32 val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	unsigned int flags = 0;

	if (!(op & FUTEX_PRIVATE_FLAG))
		flags |= FLAGS_SHARED;
	if (op & FUTEX_CLOCK_REALTIME) {
		flags |= FLAGS_CLOCKRT;
		if (cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_WAIT_REQUEUE_PI &&
		    cmd != FUTEX_LOCK_PI2)
			return -ENOSYS;
	}
	switch (cmd) {
	case FUTEX_WAIT:
		val3 = FUTEX_BITSET_MATCH_ANY;
		fallthrough;
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, flags, val, timeout, val3);
	case FUTEX_WAKE:
		val3 = FUTEX_BITSET_MATCH_ANY;
		fallthrough;
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, flags, (int)val, val3);
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, (int)val, (int)val2, NULL);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, (int)val, (int)val2, &val3);
	case FUTEX_WAKE_OP:
		return futex_wake_op(uaddr, flags, uaddr2, (int)val, (int)val2, (int)val3);
	}
	return -ENOSYS;
}

/* The operations whose fourth argument is a timeout (the others': a number). */
static bool futex_cmd_has_timeout(u32 cmd)
{
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
	case FUTEX_WAIT_BITSET:
	case FUTEX_WAIT_REQUEUE_PI:
		return true;
	}
	return false;
}

/*
 * The deadline a timeout means, on the monotonic clock: FUTEX_WAIT's is
 * relative; the others' absolute, on CLOCK_MONOTONIC or, with
 * FUTEX_CLOCK_REALTIME, on CLOCK_REALTIME. Linux: futex_init_timeout()
 * (Faultline differs: a realtime deadline is converted once, here, so a
 * later clock_settime does not move it, as it would in Linux)
 */
static int futex_init_timeout(u32 cmd, u32 op, const struct timespec64 *ts, u64 *t)
{
	u64 ns, now;

	if (!timespec64_valid(ts))
		return -EINVAL;
	ns = (u64)timespec64_to_ns(ts);
	now = ktime_get_ns();
	if (cmd == FUTEX_WAIT)
		ns = now + ns;
	else if (op & FUTEX_CLOCK_REALTIME)
		ns = now + (ns > ktime_get_real_ns() ? ns - ktime_get_real_ns() : 0);
	*t = min(ns, (u64)KTIME_MAX);	/* centuries away: never */
	return 0;
}

SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val,
		const struct __kernel_timespec __user *, utime, u32 __user *, uaddr2, u32, val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	struct timespec64 ts;
	u64 t, *tp = NULL;
	int ret;

	if (utime && futex_cmd_has_timeout((u32)cmd)) {
		if (get_timespec64(&ts, utime))
			return -EFAULT;
		ret = futex_init_timeout((u32)cmd, (u32)op, &ts, &t);
		if (ret)
			return ret;
		tp = &t;
	}
	return do_futex(uaddr, op, val, tp, uaddr2, (u32)(unsigned long)utime, val3);
}
