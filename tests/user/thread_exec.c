// SPDX-License-Identifier: GPL-2.0
/*
 * exec in a process of several threads, and children of threads. An
 * exec that passes the point of no return kills every other thread;
 * from a thread that is not the leader, the exec'ing thread then takes
 * the leader's place and pid (de_thread), so the new program is the
 * same process to its parent. An exec that fails leaves the threads be.
 * A child forked by one thread can be waited for by any thread of the
 * process (but not with __WNOTHREAD), and passes to another thread of
 * it when its parent thread exits.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "tap.h"
#include "proclib.h"
#include "threadlib.h"

static struct raw_thread t1;
static volatile int go, ready;
static volatile long exec_ret;
static char pid_arg[16];

/* The new program: 1 its pid is the old one, 2 its tid is its pid, 4 it has one thread. */
static int after_exec(const char *old_pid)
{
	char *p;
	int bits = 0;

	if (getpid() == atoi(old_pid))
		bits |= 1;
	if (sys_gettid() == getpid())
		bits |= 2;
	if (read_file("/proc/self/status") > 0 && (p = strstr(proc_buf, "Threads:\t")) &&
	    atoi(p + 9) == 1)
		bits |= 4;
	return bits;
}

static int exec_self(void *arg)
{
	char *argv[] = { "thread_exec", "execed", pid_arg, NULL }, *envp[] = { NULL };

	ready = 1;
	if (arg)
		event_wait(&go, FUTEX_PRIVATE_FLAG);
	exec_ret = sys3(SYS_execve, arg ? "/nonexistent" : "/proc/self/exe", argv, envp);
	return 0;
}

static int wait_for_go(void *arg)
{
	ready = 1;
	event_wait(&go, FUTEX_PRIVATE_FLAG);
	return 0;
}

/* A child whose non-leader thread (or leader, with from_leader) execs us again. */
static int exec_in_child(int from_leader)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char *argv[] = { "thread_exec", "execed", pid_arg, NULL }, *envp[] = { NULL };

		snprintf(pid_arg, sizeof(pid_arg), "%d", getpid());
		thread_start(&t1, 0, from_leader ? wait_for_go : exec_self, NULL);
		while (!ready)
			sched_yield();
		if (from_leader)
			execve("/proc/self/exe", argv, envp);
		for (;;)
			pause();
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void test_exec(void)
{
	int bits = exec_in_child(0);

	ok(bits >= 0 && (bits & 1), "exec from a thread that is not the leader: the process keeps its pid");
	ok(bits >= 0 && (bits & 2), "the exec'ing thread took the leader's pid as its tid");
	ok(bits >= 0 && (bits & 4), "and the new program has one thread: the leader was killed");
	ok_eq(7, exec_in_child(1), "exec from the leader kills the other thread: the same, one thread");
}

static void test_failed_exec(void)
{
	char *p;

	go = ready = 0;
	exec_ret = 0;
	thread_start(&t1, 0, exec_self, (void *)1);
	while (!ready)
		sched_yield();
	ok(read_file("/proc/self/status") > 0 && (p = strstr(proc_buf, "Threads:\t")) &&
	   atoi(p + 9) == 2, "two threads before a failing exec");
	event_set(&go, FUTEX_PRIVATE_FLAG);
	thread_join(&t1);
	ok_eq(-ENOENT, exec_ret, "an exec that fails (ENOENT) returns to the thread, which goes on");
}

static volatile long fork_ret;
static volatile int *child_go;	/* MAP_SHARED: the child sees it change */

/* A thread forks (raw): the child exits 4 (or, with arg, after child_go, with its ppid check). */
static int fork_child(void *arg)
{
	long pid = sys0(SYS_fork);

	if (pid == 0) {
		if (arg) {
			while (!*child_go)
				sys_futex(child_go, FUTEX_WAIT, 0, NULL, NULL, 0);
			sys1(SYS_exit_group, sys0(SYS_getppid) == (long)arg ? 5 : 6);
		}
		sys1(SYS_exit_group, 4);
	}
	fork_ret = pid;
	ready = 1;
	if (!arg)
		event_wait(&go, FUTEX_PRIVATE_FLAG);
	return 0;
}

static void test_children_of_threads(void)
{
	int status;
	pid_t pid;
	long tid;

	go = ready = 0;
	thread_start(&t1, 0, fork_child, NULL);
	while (!ready)
		sched_yield();
	ok_errno(ECHILD, waitpid(-1, &status, __WNOTHREAD),
		 "__WNOTHREAD: another thread's child is not ours to wait for: ECHILD");
	pid = waitpid(-1, &status, 0);
	ok(pid == fork_ret && WIFEXITED(status) && WEXITSTATUS(status) == 4,
	   "without it, wait4 reaps a child another thread forked");
	event_set(&go, FUTEX_PRIVATE_FLAG);
	thread_join(&t1);

	ready = 0;
	child_go = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	tid = thread_start(&t1, 0, fork_child, (void *)(long)getpid());
	thread_join(&t1);
	thread_wait_gone(tid);
	event_set(child_go, 0);
	pid = waitpid(fork_ret, &status, __WNOTHREAD);
	ok(pid == fork_ret, "a thread's child passes to another thread when the thread exits");
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 5,
	   "and its getppid stays the process's pid");
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "execed"))
		return after_exec(argv[2]);
	test_exec();
	test_failed_exec();
	test_children_of_threads();
	return tap_done();
}
