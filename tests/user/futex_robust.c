// SPDX-License-Identifier: GPL-2.0
/*
 * Robust futexes: a thread registers the list of locks it holds
 * (set_robust_list); when it exits (or execs) holding one, the kernel
 * marks the lock word FUTEX_OWNER_DIED, keeps FUTEX_WAITERS, and wakes
 * one waiter, so the next owner can repair what the lock guarded.
 * Between threads and between processes (MAP_SHARED), with a lock
 * being taken when its taker died (list_op_pending), locks owned by
 * others left alone, a looped list, and the calls' errors.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "tap.h"
#include "threadlib.h"

/* A robust lock: its list entry, then its word (futex_offset = 8). */
struct robust_lock {
	struct robust_list entry;
	volatile int word;
};

#define FUTEX_OFFSET	((long)offsetof(struct robust_lock, word))

/* The shared page: one thread's list head and locks, and a go signal. */
struct robust_page {
	struct robust_list_head head;
	struct robust_lock lock[3];
	volatile int go;
};

static struct robust_page *rp;
static struct raw_thread owner_thread, waiter_thread;
static volatile long waiter_ret;
static volatile int waiter_val;

static void init_page(void)
{
	memset(rp, 0, sizeof(*rp));
	rp->head.list.next = &rp->head.list;
	rp->head.futex_offset = FUTEX_OFFSET;
}

/* Lock i, taken by tid and put on the list (as a thread library would). */
static void hold(int i, int tid)
{
	rp->lock[i].word = tid;
	rp->lock[i].entry.next = rp->head.list.next;
	rp->head.list.next = &rp->lock[i].entry;
}

/*
 * The owner: registers the list, takes lock 0 (and lock 1 if asked, and
 * marks lock 2 pending), waits for go, exits holding them.
 */
static int owner(void *arg)
{
	int tid = (int)sys_gettid(), how = (int)(long)arg;

	sys2(SYS_set_robust_list, &rp->head, sizeof(rp->head));
	hold(0, tid);
	if (how & 1)
		hold(1, tid + 1);		/* on our list but not ours: left alone */
	if (how & 2)
		rp->head.list_op_pending = &rp->lock[2].entry;	/* being taken, no owner yet */
	if (how & 4)
		rp->lock[0].entry.next = &rp->lock[0].entry;	/* a list that loops */
	event_wait(&rp->go, 0);
	return 0;
}

static int waiter(void *arg)
{
	waiter_ret = sys_futex((volatile int *)arg, FUTEX_WAIT, waiter_val, NULL, NULL, 0);
	return 0;
}

/* Once the owner has taken lock 0, a waiter of ours sleeps on wait_on. */
static void start_waiter(volatile int *wait_on)
{
	long waiter_tid;

	while (!rp->lock[0].word)
		sched_yield();
	if (wait_on == &rp->lock[0].word)
		*wait_on |= FUTEX_WAITERS;	/* as a blocked locker would */
	waiter_val = *wait_on;
	waiter_ret = 1;
	waiter_tid = thread_start(&waiter_thread, 0, waiter, (void *)wait_on);
	thread_wait_sleeping(waiter_tid);
}

/* The owner thread starts (how) and takes its locks; a waiter sleeps on wait_on. */
static void start_owner_and_waiter(int how, volatile int *wait_on)
{
	init_page();
	thread_start(&owner_thread, 0, owner, (void *)(long)how);
	start_waiter(wait_on);
}

static void test_owner_died(void)
{
	int owner_tid;

	start_owner_and_waiter(1, &rp->lock[0].word);
	owner_tid = rp->lock[0].word & FUTEX_TID_MASK;
	event_set(&rp->go, 0);
	thread_join(&owner_thread);
	thread_join(&waiter_thread);
	ok_eq(FUTEX_WAITERS | FUTEX_OWNER_DIED, (unsigned int)rp->lock[0].word,
	      "a thread exits holding a robust lock: FUTEX_OWNER_DIED, FUTEX_WAITERS kept, tid gone");
	ok_eq(0, waiter_ret, "and the thread waiting on it is woken");
	ok_eq(owner_tid + 1, rp->lock[1].word, "a lock on its list owned by another tid is left alone");
}

static void test_pending(void)
{
	start_owner_and_waiter(2, &rp->lock[2].word);
	event_set(&rp->go, 0);
	thread_join(&owner_thread);
	thread_join(&waiter_thread);
	ok_eq(0, waiter_ret, "a lock its dying taker had pending, with no owner: its waiter is woken");
	ok_eq(0, rp->lock[2].word, "and its word left 0");
	ok_eq(FUTEX_OWNER_DIED, (unsigned int)rp->lock[0].word,
	      "a held lock without waiters: FUTEX_OWNER_DIED alone");
}

static void test_looped_list(void)
{
	start_owner_and_waiter(4, &rp->lock[0].word);
	event_set(&rp->go, 0);
	thread_join(&owner_thread);
	thread_join(&waiter_thread);
	ok(waiter_ret == 0 && rp->lock[0].word == (int)(FUTEX_WAITERS | FUTEX_OWNER_DIED),
	   "a list that loops on itself is walked a bounded number of times: the lock released");
}

/* A child process dies holding a lock in MAP_SHARED memory; our thread waits on it. */
static void test_process(void)
{
	pid_t pid;
	int status;

	init_page();
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		owner((void *)0);
		_exit(3);
	}
	start_waiter(&rp->lock[0].word);
	event_set(&rp->go, 0);
	waitpid(pid, &status, 0);
	thread_join(&waiter_thread);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 3 &&
	   rp->lock[0].word == (int)(FUTEX_WAITERS | FUTEX_OWNER_DIED) && waiter_ret == 0,
	   "a process exits holding a lock in shared memory: FUTEX_OWNER_DIED, our waiter woken");
}

/* exec releases the robust locks too: the new program knows nothing of them. */
static void test_exec(void)
{
	pid_t pid;
	int status;

	init_page();
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char *argv[] = { "true", NULL }, *envp[] = { NULL };

		sys2(SYS_set_robust_list, &rp->head, sizeof(rp->head));
		hold(0, getpid());
		execve("/bin/true", argv, envp);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	   rp->lock[0].word == FUTEX_OWNER_DIED, "exec releases the robust locks held: FUTEX_OWNER_DIED");
}

static int exit_with_bad_list(void *arg)
{
	sys2(SYS_set_robust_list, (void *)0x1000, sizeof(struct robust_list_head));
	return 0;
}

static void test_calls(void)
{
	struct robust_list_head *head = (void *)1;
	size_t len = 0;

	ok_eq(-EINVAL, sys2(SYS_set_robust_list, &rp->head, sizeof(rp->head) - 1),
	      "set_robust_list with a length not the head's size: EINVAL");
	ok_eq(0, sys2(SYS_set_robust_list, &rp->head, sizeof(rp->head)), "set_robust_list: 0");
	ok(sys3(SYS_get_robust_list, 0, &head, &len) == 0 && head == &rp->head &&
	   len == sizeof(*head), "get_robust_list(0) gives our head and its size");
	ok(sys3(SYS_get_robust_list, getpid(), &head, &len) == 0 && head == &rp->head,
	   "get_robust_list of our own pid: the same");
	ok_eq(-ESRCH, sys3(SYS_get_robust_list, 999999, &head, &len),
	      "get_robust_list of nobody: ESRCH");
	ok_eq(-EFAULT, sys3(SYS_get_robust_list, 0, (void *)0x1000, &len),
	      "get_robust_list to an unmapped head pointer: EFAULT");
	ok_eq(-EFAULT, sys3(SYS_get_robust_list, 0, &head, (void *)0x1000),
	      "to an unmapped length: EFAULT");
	thread_start(&owner_thread, 0, exit_with_bad_list, NULL);
	thread_join(&owner_thread);
	ok(1, "a thread whose robust list is unmapped exits all the same");
	sys2(SYS_set_robust_list, NULL, sizeof(rp->head));
}

int main(void)
{
	rp = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	test_owner_died();
	test_pending();
	test_looped_list();
	test_process();
	test_exec();
	test_calls();
	return tap_done();
}
