// SPDX-License-Identifier: GPL-2.0
/*
 * musl's pthreads on the kernel's threads and futexes: create and join
 * (join waits on the CLONE_CHILD_CLEARTID word), a mutex and a condition
 * variable under contention (FUTEX_WAIT/WAKE, and FUTEX_REQUEUE in the
 * broadcast), a barrier, a read-write lock, semaphores, detached
 * threads, thread-specific data, pthread_kill (tgkill) and a thread's
 * own signal mask.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "tap.h"

#define NTHREADS	4
#define ROUNDS		2000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static long counter;
static int turn, ready;

static void *add_rounds(void *arg)
{
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&lock);
		long c = counter;

		if (i % 97 == 0)
			sched_yield();	/* hold the lock across a switch: contention */
		counter = c + 1;
		pthread_mutex_unlock(&lock);
	}
	return (void *)(uintptr_t)gettid();
}

static void test_create_join(void)
{
	pthread_t th[NTHREADS];
	void *ret[NTHREADS];
	int ok_all = 1;

	for (int i = 0; i < NTHREADS; i++)
		ok_all &= pthread_create(&th[i], NULL, add_rounds, NULL) == 0;
	ok(ok_all, "pthread_create starts %d threads", NTHREADS);
	for (int i = 0; i < NTHREADS; i++)
		ok_all &= pthread_join(th[i], &ret[i]) == 0;
	ok(ok_all, "pthread_join collects each");
	ok_eq(NTHREADS * ROUNDS, counter, "a mutex kept every increment of %d threads", NTHREADS);
	ok_all = 1;
	for (int i = 0; i < NTHREADS; i++)
		ok_all &= (pid_t)(uintptr_t)ret[i] != getpid() && ret[i] != ret[(i + 1) % NTHREADS];
	ok(ok_all, "each thread had a tid of its own, none the process's pid");
}

/* Threads take turns in order, each waiting on the condition variable for its turn. */
static void *take_turns(void *arg)
{
	int me = (int)(intptr_t)arg;

	for (int round = 0; round < 50; round++) {
		pthread_mutex_lock(&lock);
		while (turn % NTHREADS != me)
			pthread_cond_wait(&cond, &lock);
		turn++;
		pthread_cond_broadcast(&cond);
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void test_condvar(void)
{
	pthread_t th[NTHREADS];

	turn = 0;
	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&th[i], NULL, take_turns, (void *)(intptr_t)i);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(th[i], NULL);
	ok_eq(50 * NTHREADS, turn, "a condition variable passed the turn %d times, in order",
	      50 * NTHREADS);
}

static void *signal_ready(void *arg)
{
	pthread_mutex_lock(&lock);
	ready++;
	pthread_cond_signal(&cond);
	pthread_mutex_unlock(&lock);
	return NULL;
}

static void test_cond_signal(void)
{
	pthread_t th;

	ready = 0;
	pthread_mutex_lock(&lock);
	pthread_create(&th, NULL, signal_ready, NULL);
	while (!ready)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
	pthread_join(th, NULL);
	ok_eq(1, ready, "pthread_cond_wait returns after another thread's pthread_cond_signal");
}

static pthread_barrier_t barrier;
static volatile int before_barrier, after_barrier_saw;

static void *meet(void *arg)
{
	__atomic_add_fetch(&before_barrier, 1, __ATOMIC_SEQ_CST);
	pthread_barrier_wait(&barrier);
	if (before_barrier == NTHREADS)
		__atomic_add_fetch(&after_barrier_saw, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void test_barrier(void)
{
	pthread_t th[NTHREADS];

	pthread_barrier_init(&barrier, NULL, NTHREADS);
	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&th[i], NULL, meet, NULL);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(th[i], NULL);
	ok_eq(NTHREADS, after_barrier_saw, "no thread passed the barrier before all had reached it");
	pthread_barrier_destroy(&barrier);
}

static pthread_rwlock_t rwlock = PTHREAD_RWLOCK_INITIALIZER;
static long shared_value;

static void *writer(void *arg)
{
	for (int i = 0; i < 200; i++) {
		pthread_rwlock_wrlock(&rwlock);
		shared_value++;
		if (i % 50 == 0)
			sched_yield();
		shared_value++;
		pthread_rwlock_unlock(&rwlock);
	}
	return NULL;
}

static void *reader(void *arg)
{
	long odd = 0;

	for (int i = 0; i < 200; i++) {
		pthread_rwlock_rdlock(&rwlock);
		odd += shared_value & 1;
		pthread_rwlock_unlock(&rwlock);
	}
	return (void *)odd;
}

static void test_rwlock(void)
{
	pthread_t w[2], r[2];
	void *odd0, *odd1;

	for (int i = 0; i < 2; i++) {
		pthread_create(&w[i], NULL, writer, NULL);
		pthread_create(&r[i], NULL, reader, NULL);
	}
	pthread_join(w[0], NULL);
	pthread_join(w[1], NULL);
	pthread_join(r[0], &odd0);
	pthread_join(r[1], &odd1);
	ok(!odd0 && !odd1 && shared_value == 800,
	   "readers never saw a writer's half-done update; writers made every change");
}

static sem_t sem_items;
static int consumed;

static void *consume(void *arg)
{
	for (int i = 0; i < 100; i++) {
		sem_wait(&sem_items);
		__atomic_add_fetch(&consumed, 1, __ATOMIC_SEQ_CST);
	}
	return NULL;
}

static void test_semaphore(void)
{
	pthread_t th;

	sem_init(&sem_items, 0, 0);
	pthread_create(&th, NULL, consume, NULL);
	for (int i = 0; i < 100; i++) {
		sem_post(&sem_items);
		if (i % 10 == 0)
			sched_yield();
	}
	pthread_join(th, NULL);
	ok_eq(100, consumed, "a semaphore handed 100 items to a waiting thread");
}

static sem_t detached_done;

static void *detached(void *arg)
{
	sem_post(&detached_done);
	return NULL;
}

static pthread_key_t key;
static int destructor_ran;

static void destructor(void *v)
{
	destructor_ran = (int)(intptr_t)v;
}

static void *use_key(void *arg)
{
	pthread_setspecific(key, (void *)(intptr_t)5);
	return pthread_getspecific(key);
}

static void test_detach_and_keys(void)
{
	pthread_attr_t attr;
	pthread_t th;
	void *got;

	sem_init(&detached_done, 0, 0);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	ok_eq(0, pthread_create(&th, &attr, detached, NULL), "a detached thread starts");
	sem_wait(&detached_done);
	pthread_key_create(&key, destructor);
	pthread_setspecific(key, (void *)(intptr_t)1);
	pthread_create(&th, NULL, use_key, NULL);
	pthread_join(th, &got);
	ok(got == (void *)(intptr_t)5 && pthread_getspecific(key) == (void *)(intptr_t)1,
	   "thread-specific data is each thread's own (the TLS CLONE_SETTLS gave it)");
	ok_eq(5, destructor_ran, "the key's destructor ran at the thread's exit");
}

static volatile pid_t usr1_tid;

static void on_usr1(int sig)
{
	usr1_tid = (pid_t)syscall(SYS_gettid);
}

/* SIGUSR1 stays blocked but inside sigsuspend: no signal lost between test and sleep. */
static void *wait_for_usr1(void *arg)
{
	sigset_t none;

	sigemptyset(&none);
	while (!usr1_tid)
		sigsuspend(&none);
	return (void *)(uintptr_t)gettid();
}

static void test_pthread_kill(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	sigset_t set, old;
	pthread_t th;
	void *tid;

	sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	pthread_create(&th, NULL, wait_for_usr1, NULL);
	pthread_kill(th, SIGUSR1);
	pthread_join(th, &tid);
	ok(usr1_tid && usr1_tid == (pid_t)(uintptr_t)tid,
	   "pthread_kill ran the handler in the thread it named");
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

int main(void)
{
	test_create_join();
	test_condvar();
	test_cond_signal();
	test_barrier();
	test_rwlock();
	test_semaphore();
	test_detach_and_keys();
	test_pthread_kill();
	return tap_done();
}
