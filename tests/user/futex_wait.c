// SPDX-License-Identifier: GPL-2.0
/*
 * futex(2) FUTEX_WAIT and FUTEX_WAIT_BITSET: sleeping only while the word
 * holds the value given (EAGAIN otherwise), timeouts (FUTEX_WAIT's
 * relative, FUTEX_WAIT_BITSET's absolute on CLOCK_MONOTONIC or
 * CLOCK_REALTIME) ending in ETIMEDOUT and never early, a signal ending
 * a wait (EINTR, or a restart under SA_RESTART), and every bad argument
 * with Linux 6.1's errno: alignment, addresses, timeouts, flags.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include "tap.h"
#include "threadlib.h"

#define MS		1000000L
#define PRIV		FUTEX_PRIVATE_FLAG

static volatile int word;
static struct raw_thread waiter_thread;

static long now_ns(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

static struct timespec ns_ts(long ns)
{
	struct timespec ts = { ns / 1000000000L, ns % 1000000000L };

	return ts;
}

static void test_value_and_timeouts(void)
{
	struct timespec zero = { 0, 0 }, ts;
	long start, deadline;

	word = 5;
	ok_eq(-EAGAIN, sys_futex(&word, FUTEX_WAIT | PRIV, 4, NULL, NULL, 0),
	      "FUTEX_WAIT on a word that no longer holds val: EAGAIN");
	ok_eq(-EAGAIN, sys_futex(&word, FUTEX_WAIT, 4, NULL, NULL, 0),
	      "shared, the same: EAGAIN");
	ok_eq(-EAGAIN, sys_futex(&word, FUTEX_WAIT | PRIV, 4, &zero, NULL, 0),
	      "the value is checked before a timeout that has passed: EAGAIN");
	ok_eq(-ETIMEDOUT, sys_futex(&word, FUTEX_WAIT | PRIV, 5, &zero, NULL, 0),
	      "a zero timeout: ETIMEDOUT at once");
	/*
	 * The time checks below are lower bounds only: a timeout must not
	 * end early. A busy machine can only make the wait longer, so they
	 * cannot fail for load; how long past the deadline is not checked.
	 */
	start = now_ns(CLOCK_MONOTONIC);
	ts = ns_ts(30 * MS);
	ok_eq(-ETIMEDOUT, sys_futex(&word, FUTEX_WAIT | PRIV, 5, &ts, NULL, 0),
	      "FUTEX_WAIT's timeout is relative: ETIMEDOUT");
	ok(now_ns(CLOCK_MONOTONIC) - start >= 30 * MS, "and not before 30 ms have passed");
	deadline = now_ns(CLOCK_MONOTONIC) + 30 * MS;
	ts = ns_ts(deadline);
	ok_eq(-ETIMEDOUT, sys_futex(&word, FUTEX_WAIT_BITSET | PRIV, 5, &ts, NULL, 1),
	      "FUTEX_WAIT_BITSET's timeout is absolute, on CLOCK_MONOTONIC");
	ok(now_ns(CLOCK_MONOTONIC) >= deadline, "and not before that time");
	deadline = now_ns(CLOCK_REALTIME) + 30 * MS;
	ts = ns_ts(deadline);
	ok_eq(-ETIMEDOUT, sys_futex(&word, FUTEX_WAIT_BITSET | PRIV | FUTEX_CLOCK_REALTIME, 5, &ts,
				    NULL, FUTEX_BITSET_MATCH_ANY),
	      "with FUTEX_CLOCK_REALTIME, absolute on CLOCK_REALTIME");
	ok(now_ns(CLOCK_REALTIME) >= deadline, "and not before that time");
	ts = ns_ts(1 * MS);
	ok_eq(-ETIMEDOUT, sys_futex(&word, FUTEX_WAIT_BITSET | PRIV, 5, &ts, NULL, 1),
	      "an absolute time long past: ETIMEDOUT at once");
}

static void test_bad_timeouts(void)
{
	struct timespec bad_nsec = { 0, 1000000000L }, negative = { -1, 0 };

	word = 0;
	ok_eq(-EINVAL, sys_futex(&word, FUTEX_WAIT | PRIV, 0, &bad_nsec, NULL, 0),
	      "a timeout with tv_nsec of a whole second: EINVAL");
	ok_eq(-EINVAL, sys_futex(&word, FUTEX_WAIT | PRIV, 0, &negative, NULL, 0),
	      "a negative timeout: EINVAL");
	ok_eq(-EFAULT, sys_futex(&word, FUTEX_WAIT | PRIV, 0, (void *)8, NULL, 0),
	      "a timeout at an unmapped address: EFAULT");
	ok_eq(-EFAULT, sys_futex((int *)3, FUTEX_WAIT | PRIV, 0, (void *)8, NULL, 0),
	      "the timeout is read first: EFAULT before the word's EINVAL");
	ok_eq(-EINVAL, sys_futex((int *)3, FUTEX_WAIT | PRIV, 0, &bad_nsec, NULL, 0),
	      "and checked first: EINVAL for it, whatever the word");
}

static void test_bad_words(void)
{
	struct timespec zero = { 0, 0 };
	char *ro, *none;

	ok_eq(-EINVAL, sys_futex((int *)((char *)&word + 1), FUTEX_WAIT | PRIV, 0, NULL, NULL, 0),
	      "a word not 4-byte aligned: EINVAL");
	ok_eq(-EFAULT, sys_futex(NULL, FUTEX_WAIT | PRIV, 0, NULL, NULL, 0),
	      "a private wait on address 0: EFAULT (the word cannot be read)");
	ok_eq(-EFAULT, sys_futex(NULL, FUTEX_WAIT, 0, NULL, NULL, 0),
	      "a shared wait on address 0: EFAULT (no page)");
	ok_eq(-EFAULT, sys_futex((int *)0xffff800000000000UL, FUTEX_WAIT | PRIV, 0, NULL, NULL, 0),
	      "a kernel address: EFAULT");
	ok_eq(-EFAULT, sys_futex((int *)0x800000000000UL, FUTEX_WAIT, 0, NULL, NULL, 0),
	      "the first address past user space: EFAULT");
	none = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok_eq(-EFAULT, sys_futex((int *)none, FUTEX_WAIT | PRIV, 0, &zero, NULL, 0),
	      "a private wait on PROT_NONE memory: EFAULT");
	ok_eq(-EFAULT, sys_futex((int *)none, FUTEX_WAIT, 0, &zero, NULL, 0),
	      "a shared wait on PROT_NONE memory: EFAULT");
	ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok_eq(-ETIMEDOUT, sys_futex((int *)ro, FUTEX_WAIT | PRIV, 0, &zero, NULL, 0),
	      "a private wait on read-only memory reads the word: ETIMEDOUT");
	ok_eq(-EFAULT, sys_futex((int *)ro, FUTEX_WAIT, 0, &zero, NULL, 0),
	      "a shared wait on a read-only anonymous page: EFAULT (no page to name it by)");
	munmap(none, 4096);
	munmap(ro, 4096);
}

static void test_bad_ops(void)
{
	ok_eq(-ENOSYS, sys_futex(&word, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 0, NULL, NULL, 0),
	      "FUTEX_CLOCK_REALTIME with FUTEX_WAIT: ENOSYS");
	ok_eq(-EINVAL, sys_futex(&word, FUTEX_WAIT_BITSET | PRIV, 0, NULL, NULL, 0),
	      "FUTEX_WAIT_BITSET with an empty bitset: EINVAL");
	ok_eq(-ENOSYS, sys_futex(&word, FUTEX_FD, 0, NULL, NULL, 0), "FUTEX_FD is gone: ENOSYS");
	ok_eq(-ENOSYS, sys_futex(&word, 14, 0, NULL, NULL, 0), "an unknown operation: ENOSYS");
	ok_eq(-ENOSYS, sys_futex(&word, 14 | PRIV, 0, NULL, NULL, 0),
	      "an unknown private operation: ENOSYS");
}

/* A thread's wait, and how it ended. */
static volatile long wait_ret;
static volatile int handler_ran;
static struct timespec wait_timeout;
static volatile int use_timeout;

static int do_wait(void *arg)
{
	wait_ret = sys_futex(&word, FUTEX_WAIT | PRIV, 0, use_timeout ? &wait_timeout : NULL,
			     NULL, 0);
	return 0;
}

static void on_usr1(int sig)
{
	handler_ran++;
}

/* Start a waiter on word (0), interrupt it with SIGUSR1, and wake it if it waits on. */
static long interrupted_wait(int sa_flags, int timed)
{
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = sa_flags };
	long tid;

	sigaction(SIGUSR1, &sa, NULL);
	word = 0;
	wait_ret = 1;
	handler_ran = 0;
	use_timeout = timed;
	wait_timeout = ns_ts(60000 * MS);
	tid = thread_start(&waiter_thread, 0, do_wait, NULL);
	thread_wait_sleeping(tid);
	syscall(SYS_tgkill, getpid(), tid, SIGUSR1);
	while (!handler_ran)
		sched_yield();
	thread_wait_sleeping(tid);
	if (wait_ret == 1)		/* restarted: still waiting */
		sys_futex(&word, FUTEX_WAKE | PRIV, 1, NULL, NULL, 0);
	thread_join(&waiter_thread);
	return wait_ret;
}

static void test_signals(void)
{
	ok_eq(-EINTR, interrupted_wait(0, 0), "a signal's handler ends a wait: EINTR");
	ok_eq(0, interrupted_wait(SA_RESTART, 0),
	      "with SA_RESTART the wait goes on after the handler, until woken: 0");
	ok_eq(-EINTR, interrupted_wait(SA_RESTART, 1),
	      "a wait with a timeout is not restarted after a handler, SA_RESTART or not: EINTR");
}

int main(void)
{
	test_value_and_timeouts();
	test_bad_timeouts();
	test_bad_words();
	test_bad_ops();
	test_signals();
	return tap_done();
}
