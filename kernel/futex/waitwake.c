// SPDX-License-Identifier: GPL-2.0
/*
 * Waiting on a futex and waking its waiters: FUTEX_WAIT(_BITSET),
 * FUTEX_WAKE(_BITSET), FUTEX_WAKE_OP. Linux: kernel/futex/waitwake.c
 *
 * The promise a futex keeps: FUTEX_WAIT sleeps only if the word still
 * holds the value the caller saw, checked after the waiter's key is
 * known and before it is queued, with nothing in between. A waker that
 * changes the word and then calls FUTEX_WAKE therefore either ran
 * before the check (the waiter sees the new value: EAGAIN) or after the
 * queueing (it finds the waiter):
 *
 *   waiter:  val = *w; if (val == LOCKED) futex(w, FUTEX_WAIT, val)
 *   waker:   *w = UNLOCKED; futex(w, FUTEX_WAKE, 1)
 *
 * A waiter ends its sleep woken (0: taken off the chain by the waker),
 * timed out (ETIMEDOUT), or by a signal: restarted after it when the
 * wait has no timeout and the handler asked for SA_RESTART, else EINTR;
 * a timed wait interrupted with no handler run goes on to its deadline
 * (restart_syscall).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/timer.h>
#include <asm/futex.h>
#include "futex.h"

/*
 * Wake up to nr waiters of key in hb whose bitset meets bitset, oldest
 * first; returns how many. nr 0 (or less) still wakes one: Linux's loop
 * counts after waking.
 */
static int wake_matching(struct futex_hash_bucket *hb, const union futex_key *key, int nr,
			 u32 bitset)
{
	struct futex_q *this, *next;
	int woken = 0;

	list_for_each_entry_safe(this, next, &hb->chain, list) {
		if (!futex_match(&this->key, key) || !(this->bitset & bitset))
			continue;
		futex_wake_mark(this);
		if (++woken >= nr)
			break;
	}
	return woken;
}

/* Wake up to nr_wake waiters on uaddr whose bitset meets bitset. Linux: futex_wake() */
int futex_wake(u32 __user *uaddr, unsigned int flags, int nr_wake, u32 bitset)
{
	union futex_key key;
	int ret;

	if (!bitset)
		return -EINVAL;
	ret = get_futex_key(uaddr, flags, &key, FUTEX_READ);
	if (ret)
		return ret;
	return wake_matching(futex_hash(&key), &key, nr_wake, bitset);
}

static int sign_extend32(u32 value, int index)
{
	u8 shift = 31 - index;

	return (int)(value << shift) >> shift;
}

/*
 * Apply FUTEX_WAKE_OP's operation to *uaddr and compare the old value:
 * returns whether the comparison holds, or -errno (-ENOSYS for an
 * unknown operation or comparison; the operation is done by then for
 * the latter, as in Linux). Linux: futex_atomic_op_inuser()
 */
static int futex_atomic_op_inuser(unsigned int encoded_op, u32 __user *uaddr)
{
	unsigned int op = (encoded_op & 0x70000000) >> 28;
	unsigned int cmp = (encoded_op & 0x0f000000) >> 24;
	int oparg = sign_extend32((encoded_op & 0x00fff000) >> 12, 11);
	int cmparg = sign_extend32(encoded_op & 0x00000fff, 11);
	int oldval, ret;

	if (encoded_op & (FUTEX_OP_OPARG_SHIFT << 28)) {
		if (oparg < 0 || oparg > 31) {
			pr_info_once("futex_wake_op: %s tries to shift op by %d; fix this program\n",
				     current->comm, oparg);
			oparg &= 31;
		}
		oparg = 1 << oparg;
	}
	ret = arch_futex_atomic_op_inuser(op, oparg, &oldval, uaddr);
	if (ret)
		return ret;
	switch (cmp) {
	case FUTEX_OP_CMP_EQ:
		return oldval == cmparg;
	case FUTEX_OP_CMP_NE:
		return oldval != cmparg;
	case FUTEX_OP_CMP_LT:
		return oldval < cmparg;
	case FUTEX_OP_CMP_GE:
		return oldval >= cmparg;
	case FUTEX_OP_CMP_LE:
		return oldval <= cmparg;
	case FUTEX_OP_CMP_GT:
		return oldval > cmparg;
	default:
		return -ENOSYS;
	}
}

/*
 * Change *uaddr2 as op says; wake up to nr_wake waiters on uaddr1, and,
 * if the old value of *uaddr2 passes op's comparison, up to nr_wake2 on
 * uaddr2 (a condition variable's signal and its mutex's unlock in one
 * call). Returns the total woken. Linux: futex_wake_op() (which retries
 * after faulting the page in: get_user/put_user fault here themselves)
 */
int futex_wake_op(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2, int nr_wake,
		  int nr_wake2, int op)
{
	union futex_key key1, key2;
	int ret, op_ret;

	ret = get_futex_key(uaddr1, flags, &key1, FUTEX_READ);
	if (ret)
		return ret;
	ret = get_futex_key(uaddr2, flags, &key2, FUTEX_WRITE);
	if (ret)
		return ret;
	op_ret = futex_atomic_op_inuser((unsigned int)op, uaddr2);
	if (op_ret < 0)
		return op_ret;
	ret = wake_matching(futex_hash(&key1), &key1, nr_wake, FUTEX_BITSET_MATCH_ANY);
	if (op_ret > 0)
		ret += wake_matching(futex_hash(&key2), &key2, nr_wake2, FUTEX_BITSET_MATCH_ANY);
	return ret;
}

/*
 * Name the futex and check its value: 0 when the caller may sleep on
 * it, -EWOULDBLOCK when the word no longer holds val, -EFAULT when it
 * cannot be read. Linux: futex_wait_setup()
 */
static int futex_wait_setup(u32 __user *uaddr, u32 val, unsigned int flags, struct futex_q *q,
			    struct futex_hash_bucket **hb)
{
	u32 uval;
	int ret;

	ret = get_futex_key(uaddr, flags, &q->key, FUTEX_READ);
	if (ret)
		return ret;
	*hb = futex_hash(&q->key);
	ret = futex_get_value(&uval, uaddr);
	if (ret)
		return ret;
	return uval == val ? 0 : -EWOULDBLOCK;
}

/* Has the deadline (monotonic ns) passed? */
static bool futex_timed_out(const u64 *abs_time)
{
	return abs_time && ktime_get_ns() >= *abs_time;
}

/*
 * Queue q and sleep until a waker takes it off the chain, a signal
 * comes or the deadline passes. The state is set before each check, so
 * a wake-up between the check and schedule() is not lost.
 * Linux: futex_wait_queue() (an hrtimer; here the first tick at or
 * after the deadline, never before it)
 */
static void futex_wait_queue(struct futex_hash_bucket *hb, struct futex_q *q, u64 *abs_time)
{
	futex_queue(q, hb);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (list_empty(&q->list) || signal_pending(current) || futex_timed_out(abs_time))
			break;
		if (abs_time)
			schedule_timeout((long)nsecs_to_jiffies(*abs_time - ktime_get_ns()) + 1);
		else
			schedule();
	}
	__set_current_state(TASK_RUNNING);
}

static long futex_wait_restart(struct restart_block *restart);

/*
 * A signal ended a timed wait: restart_syscall, if no handler runs, goes
 * on waiting to the same deadline. Linux: futex_wait()'s restart_block
 */
static int futex_wait_set_restart(u32 __user *uaddr, unsigned int flags, u32 val, u64 abs_time,
				  u32 bitset)
{
	struct restart_block *restart = &current->restart_block;

	restart->fn = futex_wait_restart;
	restart->expires = abs_time;
	restart->futex.uaddr = uaddr;
	restart->futex.val = val;
	restart->futex.bitset = bitset;
	restart->futex.flags = flags | FLAGS_HAS_TIMEOUT;
	return -ERESTART_RESTARTBLOCK;
}

/*
 * Sleep on uaddr while it holds val, until a wake-up whose bitset meets
 * ours, the deadline (abs_time, monotonic ns; NULL: none) or a signal.
 * Linux: futex_wait()
 */
int futex_wait(u32 __user *uaddr, unsigned int flags, u32 val, u64 *abs_time, u32 bitset)
{
	struct futex_hash_bucket *hb;
	struct futex_q q = { .task = current, .bitset = bitset };
	int ret;

	if (!bitset)
		return -EINVAL;
	INIT_LIST_HEAD(&q.list);
retry:
	ret = futex_wait_setup(uaddr, val, flags, &q, &hb);
	if (ret)
		return ret;
	futex_wait_queue(hb, &q, abs_time);
	if (!futex_unqueue(&q))
		return 0;		/* woken */
	if (futex_timed_out(abs_time))
		return -ETIMEDOUT;
	if (!signal_pending(current))
		goto retry;		/* woken by something else: look again */
	if (!abs_time)
		return -ERESTARTSYS;
	return futex_wait_set_restart(uaddr, flags, val, *abs_time, bitset);
}

/* restart_syscall after a timed wait a signal ended. Linux: futex_wait_restart() */
static long futex_wait_restart(struct restart_block *restart)
{
	u64 abs_time = restart->expires;

	restart->fn = NULL;	/* a second restart_syscall is EINTR */
	return futex_wait(restart->futex.uaddr, restart->futex.flags, restart->futex.val,
			  &abs_time, restart->futex.bitset);
}
