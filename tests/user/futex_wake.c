// SPDX-License-Identifier: GPL-2.0
/*
 * futex(2) operations that wake: FUTEX_WAKE (how many, which: oldest
 * first; a private wake finds only private waiters), FUTEX_WAKE_BITSET,
 * FUTEX_REQUEUE and FUTEX_CMP_REQUEUE (waiters moved to a second
 * futex), FUTEX_WAKE_OP (each operation and comparison), with every bad
 * argument and Linux 6.1's errno.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include "tap.h"
#include "threadlib.h"

#define PRIV		FUTEX_PRIVATE_FLAG
#define NWAITERS	3

static volatile int word, word2;

struct waiter {
	struct raw_thread t;
	long tid;
	volatile int *uaddr;
	int op;
	unsigned int bitset;
	volatile long ret;	/* 1 while waiting */
};

static struct waiter waiters[NWAITERS];

static int do_wait(void *arg)
{
	struct waiter *w = arg;

	w->ret = sys_futex(w->uaddr, w->op, 0, NULL, NULL, (int)w->bitset);
	return 0;
}

/* Waiter i sleeps on uaddr (holding 0) with op and bitset, before we go on. */
static void start_waiter(int i, volatile int *uaddr, int op, unsigned int bitset)
{
	struct waiter *w = &waiters[i];

	*uaddr = 0;
	w->uaddr = uaddr;
	w->op = op;
	w->bitset = bitset;
	w->ret = 1;
	w->tid = thread_start(&w->t, 0, do_wait, w);
	thread_wait_sleeping(w->tid);
}

/*
 * How waiter i's wait ended (joined once it has), or 1 if it still
 * waits: a woken waiter runs until it exits, so wait until it either
 * sleeps or is gone.
 */
static long finished(int i)
{
	struct waiter *w = &waiters[i];

	thread_wait_sleeping(w->tid);
	if (w->ret == 1)
		return 1;
	thread_join(&w->t);
	return w->ret;
}

/* Wake whoever still waits on uaddr and collect them all. */
static void finish_all(volatile int *uaddr, int op)
{
	sys_futex(uaddr, op, INT_MAX, NULL, NULL, 0);
	for (int i = 0; i < NWAITERS; i++)
		thread_join(&waiters[i].t);
}

static void test_wake_counts(void)
{
	for (int i = 0; i < NWAITERS; i++)
		start_waiter(i, &word, FUTEX_WAIT | PRIV, FUTEX_BITSET_MATCH_ANY);
	ok_eq(0, sys_futex(&word2, FUTEX_WAKE | PRIV, 1, NULL, NULL, 0),
	      "FUTEX_WAKE of a futex nobody waits on: 0");
	ok_eq(0, sys_futex(&word, FUTEX_WAKE, 1, NULL, NULL, 0),
	      "a shared wake does not find private waiters: 0");
	ok_eq(2, sys_futex(&word, FUTEX_WAKE | PRIV, 2, NULL, NULL, 0), "FUTEX_WAKE 2 wakes 2");
	ok(finished(0) == 0 && finished(1) == 0 && finished(2) == 1,
	   "the two that waited longest, each returning 0");
	ok_eq(1, sys_futex(&word, FUTEX_WAKE | PRIV, 0, NULL, NULL, 0),
	      "FUTEX_WAKE 0 wakes one all the same");
	ok_eq(0, finished(2), "the last waiter");
}

static void test_shared_wake(void)
{
	start_waiter(0, &word, FUTEX_WAIT, FUTEX_BITSET_MATCH_ANY);
	ok_eq(0, sys_futex(&word, FUTEX_WAKE | PRIV, 1, NULL, NULL, 0),
	      "a private wake does not find a shared waiter: 0");
	ok_eq(1, sys_futex(&word, FUTEX_WAKE, 1, NULL, NULL, 0), "a shared wake does: 1");
	ok_eq(0, finished(0), "and its wait returns 0");
}

static void test_bitset(void)
{
	start_waiter(0, &word, FUTEX_WAIT_BITSET | PRIV, 1);
	start_waiter(1, &word, FUTEX_WAIT_BITSET | PRIV, 2);
	start_waiter(2, &word, FUTEX_WAIT | PRIV, 0);	/* FUTEX_WAIT: every bit */
	ok_eq(2, sys_futex(&word, FUTEX_WAKE_BITSET | PRIV, INT_MAX, NULL, NULL, 2),
	      "FUTEX_WAKE_BITSET 2 wakes the waiters whose bitset has bit 2");
	ok(finished(0) == 1 && finished(1) == 0 && finished(2) == 0,
	   "the bitset-2 waiter and the plain FUTEX_WAIT one, not the bitset-1 one");
	ok_eq(-EINVAL, sys_futex(&word, FUTEX_WAKE_BITSET | PRIV, 1, NULL, NULL, 0),
	      "FUTEX_WAKE_BITSET with an empty bitset: EINVAL");
	ok_eq(1, sys_futex(&word, FUTEX_WAKE | PRIV, 1, NULL, NULL, 0),
	      "FUTEX_WAKE wakes any bitset");
	ok_eq(0, finished(0), "the bitset-1 waiter");
}

static void test_wake_errors(void)
{
	char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ok_eq(-EINVAL, sys_futex((int *)((char *)&word + 2), FUTEX_WAKE | PRIV, 1, NULL, NULL, 0),
	      "FUTEX_WAKE on a word not 4-byte aligned: EINVAL");
	ok_eq(0, sys_futex((int *)0x1000, FUTEX_WAKE | PRIV, 1, NULL, NULL, 0),
	      "a private wake reads no memory: 0 on an unmapped address");
	ok_eq(-EFAULT, sys_futex((int *)0x1000, FUTEX_WAKE, 1, NULL, NULL, 0),
	      "a shared wake needs the page: EFAULT there");
	ok_eq(-EFAULT, sys_futex((int *)0xffffffff80000000UL, FUTEX_WAKE | PRIV, 1, NULL, NULL, 0),
	      "a kernel address: EFAULT");
	ok_eq(-EFAULT, sys_futex((int *)ro, FUTEX_WAKE, 1, NULL, NULL, 0),
	      "a shared wake on a read-only anonymous page: EFAULT");
	ok_eq(-ENOSYS, sys_futex(&word, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, NULL, NULL, 0),
	      "FUTEX_CLOCK_REALTIME with FUTEX_WAKE: ENOSYS");
	munmap(ro, 4096);
}

/* The number of waiters to requeue travels in the timeout argument. */
#define NR(n)	((const void *)(unsigned long)(n))

static void test_requeue(void)
{
	for (int i = 0; i < NWAITERS; i++)
		start_waiter(i, &word, FUTEX_WAIT | PRIV, FUTEX_BITSET_MATCH_ANY);
	ok_eq(3, sys_futex(&word, FUTEX_REQUEUE | PRIV, 1, NR(INT_MAX), &word2, 0),
	      "FUTEX_REQUEUE 1, INT_MAX: one woken and two moved, 3");
	ok(finished(0) == 0 && finished(1) == 1, "the oldest was woken, the next still waits");
	ok_eq(0, sys_futex(&word, FUTEX_WAKE | PRIV, INT_MAX, NULL, NULL, 0),
	      "nobody waits on the first futex any more");
	ok_eq(1, sys_futex(&word2, FUTEX_WAKE | PRIV, 1, NULL, NULL, 0),
	      "the moved waiters wait on the second, oldest first");
	ok(finished(1) == 0 && finished(2) == 1, "and a wake there ends their wait with 0");
	finish_all(&word2, FUTEX_WAKE | PRIV);

	for (int i = 0; i < NWAITERS; i++)
		start_waiter(i, &word, FUTEX_WAIT | PRIV, FUTEX_BITSET_MATCH_ANY);
	word = 7;
	ok_eq(-EAGAIN, sys_futex(&word, FUTEX_CMP_REQUEUE | PRIV, 1, NR(1), &word2, 6),
	      "FUTEX_CMP_REQUEUE when the word is not val3: EAGAIN");
	ok_eq(1, sys_futex(&word, FUTEX_CMP_REQUEUE | PRIV, 0, NR(1), &word2, 7),
	      "FUTEX_CMP_REQUEUE 0, 1 when it is: none woken (unlike FUTEX_WAKE 0), one moved");
	ok_eq(1, sys_futex(&word2, FUTEX_WAKE | PRIV, INT_MAX, NULL, NULL, 0),
	      "one waits on the second futex");
	ok_eq(2, sys_futex(&word, FUTEX_WAKE | PRIV, INT_MAX, NULL, NULL, 0),
	      "and two still on the first");
	for (int i = 0; i < NWAITERS; i++)
		thread_join(&waiters[i].t);
}

static void test_requeue_errors(void)
{
	word = 0;
	ok_eq(-EINVAL, sys_futex(&word, FUTEX_REQUEUE | PRIV, -1, NR(1), &word2, 0),
	      "FUTEX_REQUEUE with a negative count to wake: EINVAL");
	ok_eq(-EINVAL, sys_futex(&word, FUTEX_REQUEUE | PRIV, 1, NR(0x80000000UL), &word2, 0),
	      "with a negative count to requeue: EINVAL");
	ok_eq(-EINVAL, sys_futex(&word, FUTEX_REQUEUE | PRIV, 1, NR(1),
				 (int *)((char *)&word2 + 1), 0),
	      "with a second word not aligned: EINVAL");
	ok_eq(0, sys_futex((int *)0x1000, FUTEX_REQUEUE | PRIV, 1, NR(1), &word2, 0),
	      "a private FUTEX_REQUEUE reads no memory: 0 on an unmapped address");
	ok_eq(-EFAULT, sys_futex((int *)0x1000, FUTEX_CMP_REQUEUE | PRIV, 1, NR(1), &word2, 0),
	      "FUTEX_CMP_REQUEUE reads the first word: EFAULT");
	ok_eq(-EFAULT, sys_futex(&word, FUTEX_REQUEUE, 1, NR(1), (int *)0x1000, 0),
	      "a shared FUTEX_REQUEUE to an unmapped second word: EFAULT");
}

/* FUTEX_WAKE_OP on word2 (starting at start): its result and word2 after. */
static long wake_op(int start, int op, int oparg, int cmp, int cmparg, int *after)
{
	long ret;

	word2 = start;
	ret = sys_futex(&word, FUTEX_WAKE_OP | PRIV, 1, NR(1), &word2,
			FUTEX_OP(op, oparg, cmp, cmparg));
	*after = word2;
	return ret;
}

static void test_wake_op_ops(void)
{
	int after;

	ok(wake_op(5, FUTEX_OP_SET, 9, FUTEX_OP_CMP_EQ, 5, &after) == 0 && after == 9,
	   "FUTEX_WAKE_OP SET: the word becomes oparg");
	ok(wake_op(5, FUTEX_OP_ADD, -2, FUTEX_OP_CMP_EQ, 5, &after) == 0 && after == 3,
	   "ADD with a negative oparg (12 bits, sign-extended)");
	ok(wake_op(5, FUTEX_OP_OR, 8, FUTEX_OP_CMP_EQ, 5, &after) == 0 && after == 13, "OR");
	ok(wake_op(7, FUTEX_OP_ANDN, 2, FUTEX_OP_CMP_EQ, 5, &after) == 0 && after == 5, "ANDN");
	ok(wake_op(5, FUTEX_OP_XOR, 1, FUTEX_OP_CMP_EQ, 5, &after) == 0 && after == 4, "XOR");
	ok(wake_op(0, FUTEX_OP_OR | FUTEX_OP_OPARG_SHIFT, 4, FUTEX_OP_CMP_EQ, 5, &after) == 0 &&
	   after == 16, "with FUTEX_OP_OPARG_SHIFT, oparg is a shift: 1 << 4");
	ok(wake_op(5, 5, 1, FUTEX_OP_CMP_EQ, 5, &after) == -ENOSYS && after == 5,
	   "an unknown operation: ENOSYS, the word untouched");
	ok(wake_op(5, FUTEX_OP_SET, 1, 6, 5, &after) == -ENOSYS && after == 1,
	   "an unknown comparison: ENOSYS, after the operation was done");
}

static void test_wake_op_wakes(void)
{
	int cmps[] = { FUTEX_OP_CMP_EQ, FUTEX_OP_CMP_NE, FUTEX_OP_CMP_LT, FUTEX_OP_CMP_LE,
		       FUTEX_OP_CMP_GT, FUTEX_OP_CMP_GE };
	const char *names[] = { "EQ", "NE", "LT", "LE", "GT", "GE" };
	int expect[] = { 1, 0, 0, 1, 0, 1 };	/* oldval 5 against cmparg 5 */

	for (int c = 0; c < 6; c++) {
		start_waiter(0, &word, FUTEX_WAIT | PRIV, FUTEX_BITSET_MATCH_ANY);
		start_waiter(1, &word2, FUTEX_WAIT | PRIV, FUTEX_BITSET_MATCH_ANY);
		word2 = 5;
		ok_eq(1 + expect[c], sys_futex(&word, FUTEX_WAKE_OP | PRIV, 1, NR(1), &word2,
					       FUTEX_OP(FUTEX_OP_ADD, 1, cmps[c], 5)),
		      "FUTEX_WAKE_OP CMP_%s 5 against old value 5: the second futex's waiter %s",
		      names[c], expect[c] ? "woken too" : "left");
		if (!expect[c])
			sys_futex(&word2, FUTEX_WAKE | PRIV, 1, NULL, NULL, 0);
		thread_join(&waiters[0].t);
		thread_join(&waiters[1].t);
	}
	start_waiter(1, &word2, FUTEX_WAIT | PRIV, FUTEX_BITSET_MATCH_ANY);
	word2 = -1;
	ok_eq(1, sys_futex(&word, FUTEX_WAKE_OP | PRIV, 1, NR(1), &word2,
			   FUTEX_OP(FUTEX_OP_SET, 0, FUTEX_OP_CMP_EQ, 0xfff)),
	      "cmparg 0xfff is -1, sign-extended: equal to the old value, the waiter woken");
	thread_join(&waiters[1].t);
}

static void test_wake_op_errors(void)
{
	int *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ok_eq(-EFAULT, sys_futex(&word, FUTEX_WAKE_OP | PRIV, 1, NR(1), ro,
				 FUTEX_OP(FUTEX_OP_SET, 1, FUTEX_OP_CMP_EQ, 0)),
	      "FUTEX_WAKE_OP on a read-only second word: EFAULT");
	ok_eq(0, *ro, "which it leaves unchanged");
	ok_eq(-EFAULT, sys_futex(&word, FUTEX_WAKE_OP | PRIV, 1, NR(1), (int *)0x1000,
				 FUTEX_OP(FUTEX_OP_SET, 1, FUTEX_OP_CMP_EQ, 0)),
	      "on an unmapped second word: EFAULT");
	ok_eq(-EINVAL, sys_futex(&word, FUTEX_WAKE_OP | PRIV, 1, NR(1), (int *)((char *)&word2 + 1),
				 FUTEX_OP(FUTEX_OP_SET, 1, FUTEX_OP_CMP_EQ, 0)),
	      "on a second word not aligned: EINVAL");
	ok_eq(-EFAULT, sys_futex(&word, FUTEX_WAKE_OP, 1, NR(1), ro,
				 FUTEX_OP(FUTEX_OP_SET, 1, FUTEX_OP_CMP_EQ, 0)),
	      "shared, on a read-only anonymous page: EFAULT (it needs a writable page)");
	munmap(ro, 4096);
}

int main(void)
{
	test_wake_counts();
	test_shared_wake();
	test_bitset();
	test_wake_errors();
	test_requeue();
	test_requeue_errors();
	test_wake_op_ops();
	test_wake_op_wakes();
	test_wake_op_errors();
	return tap_done();
}
