// SPDX-License-Identifier: GPL-2.0
/*
 * glibc's pthreads on the kernel's threads and futexes, in a program
 * built with plain `gcc -static -pthread` (tests/user-glibc/): glibc
 * starts threads with clone3 and registers a robust list for each, and
 * waits with FUTEX_WAIT_BITSET (CLOCK_REALTIME deadlines for timed
 * waits). Create and join, a contended mutex, a condition variable's
 * broadcast and timed wait, a semaphore's timed wait, a barrier, a
 * robust mutex whose owner died (EOWNERDEAD), detached threads,
 * thread-local storage and pthread_kill.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "tap.h"

#define NTHREADS	4
#define ROUNDS		2000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static long counter;
static int generation, arrived;
static __thread int tls_value = 7;

static void *add_rounds(void *arg)
{
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&lock);
		long c = counter;

		if (i % 97 == 0)
			sched_yield();
		counter = c + 1;
		pthread_mutex_unlock(&lock);
	}
	tls_value += (int)(intptr_t)arg;
	return (void *)(intptr_t)tls_value;
}

static void test_create_join(void)
{
	pthread_t th[NTHREADS];
	int ok_all = 1;
	void *ret;

	for (int i = 0; i < NTHREADS; i++)
		ok_all &= pthread_create(&th[i], NULL, add_rounds, (void *)(intptr_t)i) == 0;
	ok(ok_all, "pthread_create starts %d threads (clone3)", NTHREADS);
	for (int i = 0; i < NTHREADS; i++) {
		ok_all &= pthread_join(th[i], &ret) == 0 && ret == (void *)(intptr_t)(7 + i);
	}
	ok(ok_all, "pthread_join collects each; each had its own thread-local variable");
	ok_eq(NTHREADS * ROUNDS, counter, "a contended mutex kept every increment");
	ok_eq(7, tls_value, "ours is untouched");
}

/* Each thread arrives, the last broadcasts; the others wait for the generation to change. */
static void *arrive(void *arg)
{
	pthread_mutex_lock(&lock);
	int gen = generation;

	if (++arrived == NTHREADS) {
		generation++;
		pthread_cond_broadcast(&cond);
	} else {
		while (gen == generation)
			pthread_cond_wait(&cond, &lock);
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

static void test_condvar(void)
{
	struct timespec deadline;
	pthread_t th[NTHREADS];
	int r;

	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&th[i], NULL, arrive, NULL);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(th[i], NULL);
	ok(arrived == NTHREADS && generation == 1,
	   "pthread_cond_broadcast woke every waiter of a condition variable");
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_nsec += 20 * 1000000L;
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&lock);
	r = pthread_cond_timedwait(&cond, &lock, &deadline);
	pthread_mutex_unlock(&lock);
	ok_eq(ETIMEDOUT, r, "pthread_cond_timedwait with nobody to signal: ETIMEDOUT");
}

static void test_semaphore(void)
{
	struct timespec past = { 0, 0 };
	sem_t sem;

	sem_init(&sem, 0, 0);
	errno = 0;
	ok(sem_timedwait(&sem, &past) == -1 && errno == ETIMEDOUT,
	   "sem_timedwait with a deadline long past: ETIMEDOUT");
	sem_post(&sem);
	ok_eq(0, sem_timedwait(&sem, &past), "after a post it takes the semaphore at once");
}

static pthread_barrier_t barrier;
static int before;

static void *meet(void *arg)
{
	__atomic_add_fetch(&before, 1, __ATOMIC_SEQ_CST);
	pthread_barrier_wait(&barrier);
	return (void *)(intptr_t)(before == NTHREADS);
}

static void test_barrier(void)
{
	pthread_t th[NTHREADS];
	int all = 1;
	void *r;

	pthread_barrier_init(&barrier, NULL, NTHREADS);
	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&th[i], NULL, meet, NULL);
	for (int i = 0; i < NTHREADS; i++) {
		pthread_join(th[i], &r);
		all &= r != NULL;
	}
	ok(all, "no thread passed the barrier before all had reached it");
}

static pthread_mutex_t robust;

static void *lock_and_die(void *arg)
{
	pthread_mutex_lock(&robust);
	return NULL;		/* exits holding it */
}

static void test_robust(void)
{
	pthread_mutexattr_t attr;
	pthread_t th;

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&robust, &attr);
	pthread_create(&th, NULL, lock_and_die, NULL);
	pthread_join(th, NULL);
	ok_eq(EOWNERDEAD, pthread_mutex_lock(&robust),
	      "a robust mutex whose owner thread exited holding it: EOWNERDEAD (the robust list)");
	ok_eq(0, pthread_mutex_consistent(&robust), "pthread_mutex_consistent repairs it");
	pthread_mutex_unlock(&robust);
	ok_eq(0, pthread_mutex_lock(&robust), "after which it locks as usual");
	pthread_mutex_unlock(&robust);
}

static sem_t detached_done;
static volatile pid_t kill_tid;

static void *detached(void *arg)
{
	sem_post(&detached_done);
	return NULL;
}

static void on_usr1(int sig)
{
	kill_tid = (pid_t)syscall(SYS_gettid);
}

/* SIGUSR1 stays blocked but inside sigsuspend: no signal lost between test and sleep. */
static void *wait_usr1(void *arg)
{
	sigset_t none;

	sigemptyset(&none);
	while (!kill_tid)
		sigsuspend(&none);
	return (void *)(intptr_t)syscall(SYS_gettid);
}

static void test_detach_and_kill(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	pthread_attr_t attr;
	sigset_t set, old;
	pthread_t th;
	void *tid;

	sem_init(&detached_done, 0, 0);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	ok_eq(0, pthread_create(&th, &attr, detached, NULL), "a detached thread starts");
	sem_wait(&detached_done);
	sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	pthread_create(&th, NULL, wait_usr1, NULL);	/* it starts with SIGUSR1 blocked */
	pthread_kill(th, SIGUSR1);
	pthread_join(th, &tid);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	ok(kill_tid == (pid_t)(intptr_t)tid, "pthread_kill ran the handler in the thread it named");
}

int main(void)
{
	test_create_join();
	test_condvar();
	test_semaphore();
	test_barrier();
	test_robust();
	test_detach_and_kill();
	return tap_done();
}
