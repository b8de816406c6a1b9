// SPDX-License-Identifier: GPL-2.0
/*
 * A process's threads in /proc: /proc/<pid>/task lists every thread by
 * its tid (the leader first, then in the order they were made), each a
 * directory of that thread's files; /proc itself lists processes only,
 * though /proc/<tid> opens; status's Tgid, Pid and Threads lines, stat's
 * num_threads, and /proc/thread-self in a thread.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "tap.h"
#include "proclib.h"
#include "threadlib.h"

#define NTHREADS	3

static struct raw_thread threads[NTHREADS];
static long tids[NTHREADS];
static volatile int go, ready;
static char thread_self[64];
static volatile long self_len;

static int wait_for_go(void *arg)
{
	if (arg)
		self_len = sys3(SYS_readlink, "/proc/thread-self", thread_self,
				sizeof(thread_self) - 1);
	__atomic_add_fetch(&ready, 1, __ATOMIC_SEQ_CST);
	event_wait(&go, FUTEX_PRIVATE_FLAG);
	return 0;
}

/* The value of "Name:\t<n>" in the status file at path, or -1. */
static long status_field(const char *path, const char *name)
{
	char *p;

	if (read_file(path) < 0 || !(p = strstr(proc_buf, name)))
		return -1;
	return strtol(p + strlen(name), NULL, 10);
}

/* The tids /proc/self/task lists, in order; their count. */
static int list_tasks(long *out, int max)
{
	DIR *d = opendir("/proc/self/task");
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.' && n < max)
			out[n++] = atol(e->d_name);
	if (d)
		closedir(d);
	return n;
}

static int proc_lists(long pid)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int found = 0;

	while (d && (e = readdir(d)))
		found |= atol(e->d_name) == pid;
	if (d)
		closedir(d);
	return found;
}

/* Field n (from 1) of a stat file: after the ")" of the name, field 3 on. */
static long stat_field(const char *path, int n)
{
	char *p;

	if (read_file(path) < 0 || !(p = strrchr(proc_buf, ')')))
		return -1;
	p += 2;
	for (int i = 3; i < n; i++)
		p = strchr(p, ' ') + 1;
	return strtol(p, NULL, 10);
}

static void test_task_dir(void)
{
	long listed[NTHREADS + 2];
	int n = list_tasks(listed, NTHREADS + 2), in_order = n == NTHREADS + 1;

	in_order = in_order && listed[0] == getpid();
	for (int i = 0; in_order && i < NTHREADS; i++)
		in_order = listed[i + 1] == tids[i];
	ok(in_order, "/proc/self/task lists our %d threads: the leader, then in creation order",
	   NTHREADS + 1);
	ok(!proc_lists(tids[0]), "/proc lists processes, not a thread's tid");
	ok(proc_lists(getpid()), "(it lists our pid)");
}

static void test_status(void)
{
	char path[64];

	ok_eq(NTHREADS + 1, status_field("/proc/self/status", "Threads:\t"),
	      "status: Threads: %d", NTHREADS + 1);
	snprintf(path, sizeof(path), "/proc/self/task/%ld/status", tids[1]);
	ok(status_field(path, "Pid:\t") == tids[1] && status_field(path, "Tgid:\t") == getpid(),
	   "a thread's status: its own Pid, the process's Tgid");
	ok_eq(NTHREADS + 1, status_field(path, "Threads:\t"), "and the process's Threads");
	ok(status_field(path, "PPid:\t") == getppid(), "and the process's parent as PPid");
	snprintf(path, sizeof(path), "/proc/%ld/status", tids[2]);
	ok(status_field(path, "Pid:\t") == tids[2] && status_field(path, "Tgid:\t") == getpid(),
	   "/proc/<tid> opens too, as that thread");
	ok_eq(NTHREADS + 1, stat_field("/proc/self/stat", 20), "stat's num_threads (field 20)");
	snprintf(path, sizeof(path), "/proc/self/task/%ld/stat", tids[0]);
	ok_eq(tids[0], read_file(path) > 0 ? atol(proc_buf) : -1,
	      "a thread's stat starts with its tid");
}

static void test_lookups(void)
{
	char path[64], link[64];
	struct stat st;
	long n;

	snprintf(path, sizeof(path), "/proc/self/task/%d", getppid());
	ok_errno(ENOENT, stat(path, &st), "/proc/self/task/<a tid of another process>: ENOENT");
	ok_errno(ENOENT, stat("/proc/self/task/0", &st), "/proc/self/task/0: ENOENT");
	ok_errno(ENOENT, stat("/proc/self/task/x", &st), "/proc/self/task/x: ENOENT");
	snprintf(path, sizeof(path), "/proc/self/task/%ld/comm", tids[0]);
	ok(stat(path, &st) == 0 && S_ISREG(st.st_mode), "a thread's directory holds its files");
	snprintf(link, sizeof(link), "%d/task/%ld", getpid(), tids[0]);
	n = self_len;
	ok(n == (long)strlen(link) && !memcmp(thread_self, link, (size_t)n),
	   "in a thread, /proc/thread-self is <pid>/task/<tid>");
}

static void test_after_exit(void)
{
	long listed[NTHREADS + 2];
	char path[64];

	event_set(&go, FUTEX_PRIVATE_FLAG);
	for (int i = 0; i < NTHREADS; i++) {
		thread_join(&threads[i]);
		thread_wait_gone(tids[i]);
	}
	ok_eq(1, list_tasks(listed, NTHREADS + 2), "once they exit, /proc/self/task lists one");
	ok_eq(1, status_field("/proc/self/status", "Threads:\t"), "status: Threads: 1");
	snprintf(path, sizeof(path), "/proc/self/task/%ld", tids[1]);
	ok_errno(ENOENT, access(path, F_OK), "an exited thread's directory is gone");
}

int main(void)
{
	for (int i = 0; i < NTHREADS; i++)
		tids[i] = thread_start(&threads[i], 0, wait_for_go, (void *)(long)(i == 0));
	while (ready != NTHREADS)
		sched_yield();
	test_task_dir();
	test_status();
	test_lookups();
	test_after_exit();
	return tap_done();
}
