/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FUTEX_H
#define _FUTEX_H

/*
 * The futex code's own declarations. Linux: kernel/futex/futex.h
 */
#include <linux/compiler.h>
#include <linux/futex.h>
#include <linux/list.h>

/* How an operation was asked for (do_futex's op, decoded). */
#define FLAGS_SHARED		0x01	/* no FUTEX_PRIVATE_FLAG: key by page */
#define FLAGS_CLOCKRT		0x02	/* FUTEX_CLOCK_REALTIME */
#define FLAGS_HAS_TIMEOUT	0x04	/* restart_block: the wait had a deadline */

enum futex_access {
	FUTEX_READ,
	FUTEX_WRITE
};

/*
 * A bucket of the futex hash: the waiters whose keys hash here, oldest
 * first. Linux: struct futex_hash_bucket (with a spinlock, a waiter
 * count and a priority-sorted plist; one CPU and a non-preemptible
 * kernel need neither lock nor count, and every task here has the same
 * priority, where a plist is FIFO)
 */
struct futex_hash_bucket {
	struct list_head chain;		/* of futex_q.list */
};

/*
 * One thread waiting on a futex, on its stack for as long as it waits.
 * Queued (list not empty) until a wake-up takes it off the chain: the
 * waiter then knows it was woken, not timed out or signalled.
 * Linux: struct futex_q (without the PI and requeue-PI parts)
 */
struct futex_q {
	struct list_head list;		/* in its bucket's chain */
	struct task_struct *task;	/* the waiter */
	union futex_key key;		/* what it waits on */
	u32 bitset;			/* FUTEX_WAIT_BITSET's: wakes must meet it */
};

/* Are two keys the same futex? Linux: futex_match() */
static inline bool futex_match(const union futex_key *key1, const union futex_key *key2)
{
	return key1->both.word == key2->both.word && key1->both.ptr == key2->both.ptr &&
	       key1->both.offset == key2->both.offset;
}

/* core.c */
int get_futex_key(u32 __user *uaddr, unsigned int flags, union futex_key *key,
		  enum futex_access rw);
struct futex_hash_bucket *futex_hash(const union futex_key *key);
void futex_queue(struct futex_q *q, struct futex_hash_bucket *hb);
bool futex_unqueue(struct futex_q *q);
void futex_wake_mark(struct futex_q *q);
int futex_get_value(u32 *dest, u32 __user *from);
int fault_in_user_writeable(u32 __user *uaddr);

/* waitwake.c */
int futex_wait(u32 __user *uaddr, unsigned int flags, u32 val, u64 *abs_time, u32 bitset);
int futex_wake(u32 __user *uaddr, unsigned int flags, int nr_wake, u32 bitset);
int futex_wake_op(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2, int nr_wake,
		  int nr_wake2, int op);

/* requeue.c */
int futex_requeue(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2, int nr_wake,
		  int nr_requeue, u32 *cmpval);

#endif
