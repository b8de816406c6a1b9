// SPDX-License-Identifier: GPL-2.0
/*
 * Moving waiters from one futex to another: FUTEX_REQUEUE and
 * FUTEX_CMP_REQUEUE. Linux: kernel/futex/requeue.c (the PI variants,
 * FUTEX_WAIT_REQUEUE_PI and FUTEX_CMP_REQUEUE_PI, are left out with PI)
 *
 * A condition variable's broadcast wakes one waiter and moves the rest
 * onto the mutex's futex, where the mutex's unlocks wake them one at a
 * time, instead of waking them all to fight over the mutex:
 *
 *   before:  cond: [A] [B] [C]      mutex: [ ]
 *   requeue(cond, nr_wake 1, nr_requeue INT_MAX, mutex)
 *   after:   cond: [ ]              mutex: [B] [C]     (A woken)
 *
 * A requeued waiter's key becomes the target's; its wait goes on there
 * and ends as any wait on the target does.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include "futex.h"

/*
 * q now waits under key2, at the end of hb2's chain; within one bucket
 * it keeps its place (and the walk does not meet it twice).
 * Linux: requeue_futex()
 */
static void requeue_futex(struct futex_q *q, struct futex_hash_bucket *hb1,
			  struct futex_hash_bucket *hb2, const union futex_key *key2)
{
	if (hb1 != hb2) {
		list_del(&q->list);
		list_add_tail(&q->list, &hb2->chain);
	}
	q->key = *key2;
}

/*
 * Wake up to nr_wake waiters on uaddr1 and move up to nr_requeue more
 * to uaddr2; with cmpval (FUTEX_CMP_REQUEUE), only if *uaddr1 still
 * holds *cmpval (else EAGAIN, nothing done). Returns the number woken
 * plus the number moved. Linux: futex_requeue()
 */
int futex_requeue(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2, int nr_wake,
		  int nr_requeue, u32 *cmpval)
{
	union futex_key key1, key2;
	struct futex_hash_bucket *hb1, *hb2;
	struct futex_q *this, *next;
	int task_count = 0, ret;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	ret = get_futex_key(uaddr1, flags, &key1, FUTEX_READ);
	if (ret)
		return ret;
	ret = get_futex_key(uaddr2, flags, &key2, FUTEX_READ);
	if (ret)
		return ret;
	hb1 = futex_hash(&key1);
	hb2 = futex_hash(&key2);
	if (cmpval) {
		u32 curval;

		ret = futex_get_value(&curval, uaddr1);
		if (ret)
			return ret;
		if (curval != *cmpval)
			return -EAGAIN;
	}
	list_for_each_entry_safe(this, next, &hb1->chain, list) {
		if (task_count - nr_wake >= nr_requeue)
			break;
		if (!futex_match(&this->key, &key1))
			continue;
		if (++task_count <= nr_wake)
			futex_wake_mark(this);
		else
			requeue_futex(this, hb1, hb2, &key2);
	}
	return task_count;
}
