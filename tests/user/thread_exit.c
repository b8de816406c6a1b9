// SPDX-License-Identifier: GPL-2.0
/*
 * How a thread group ends: one thread's exit(2) leaves the others (and
 * the address space) running; exit_group(2) from any thread, or a fatal
 * signal to any, ends them all; a leader that exits first stays a
 * zombie until the last thread is gone, and its parent's wait4 then
 * sees the process's exit as Linux 6.1 reports it (the last thread's
 * status, while SIGCHLD carries the leader's). Also an exec from a
 * thread that is not the leader, and the children of one thread waited
 * for by another.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "tap.h"
#include "proclib.h"
#include "threadlib.h"

static struct raw_thread t1;
static volatile char *memory;

/* What the test and its children share: the go signal, and what they saw. */
static struct shared {
	volatile int go, started;
} *sp;

/* The value of a "Name:\t<n>" line of /proc/<pid>/status, or -1. */
static long status_field(pid_t pid, const char *name)
{
	char path[64], *p;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	if (read_file(path) < 0 || !(p = strstr(proc_buf, name)))
		return -1;
	return strtol(p + strlen(name), NULL, 10);
}

static char status_state(pid_t pid)
{
	char path[64], *p;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	if (read_file(path) < 0 || !(p = strstr(proc_buf, "State:\t")))
		return '?';
	return p[7];
}

/* A thread of process pid other than its leader, from /proc/<pid>/task; 0 if none. */
static pid_t other_thread(pid_t pid)
{
	char path[64];
	struct dirent *e;
	pid_t tid = 0;
	DIR *d;

	snprintf(path, sizeof(path), "/proc/%d/task", pid);
	d = opendir(path);
	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.' && atoi(e->d_name) != pid)
			tid = atoi(e->d_name);
	if (d)
		closedir(d);
	return tid;
}

static int touch_and_exit(void *arg)
{
	for (int i = 0; i < 16; i++)
		memory[i * 4096] = (char)i;
	return 0;
}

/* A thread's exit(2) ends the thread alone; the address space stays ours. */
static void test_thread_exit(void)
{
	int sum = 0;
	long tid;

	memory = mmap(NULL, 16 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	tid = thread_start(&t1, 0, touch_and_exit, NULL);
	thread_join(&t1);
	thread_wait_gone(tid);
	for (int i = 0; i < 16; i++)
		sum += memory[i * 4096];
	ok_eq(120, sum, "after a thread's exit its writes to our memory are still there");
	ok_eq(1, status_field(getpid(), "Threads:\t"), "and the process has one thread again");
	munmap((void *)memory, 16 * 4096);
}

/* The thread: says it started, waits for go (shared), then ends as arg says. */
static int wait_then_exit(void *arg)
{
	long how = (long)arg;

	sp->started = 1;
	event_wait(&sp->go, 0);
	if (how >= 100)
		*(volatile int *)(how - 92) = 1;	/* address 8: a segmentation fault */
	sys1(how >= 10 ? SYS_exit_group : SYS_exit, how % 10);
	return 0;
}

/*
 * A child process whose second thread runs wait_then_exit(how) while the
 * leader does leader (0 pause, 1 exit(3), 2 exit_group(9)). Returns its pid
 * once the thread has started.
 */
static pid_t start_child(long how, int leader)
{
	pid_t pid;

	sp->go = sp->started = 0;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		thread_start(&t1, 0, wait_then_exit, (void *)how);
		while (!sp->started)
			sched_yield();
		if (leader == 1)
			sys1(SYS_exit, 3);
		if (leader == 2)
			sys1(SYS_exit_group, 9);
		for (;;)
			pause();
	}
	while (!sp->started)
		sched_yield();
	return pid;
}

static int finish_child(pid_t pid)
{
	int status = -1;

	event_set(&sp->go, 0);
	waitpid(pid, &status, 0);
	return status;
}

static void test_exit_group(void)
{
	int status;

	status = finish_child(start_child(17, 0));
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 7,
	   "exit_group(7) from a thread ends the sleeping leader too: wait4 sees 7");
	status = finish_child(start_child(0, 2));
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 9,
	   "exit_group(9) from the leader ends a thread asleep in a futex: wait4 sees 9");
	status = finish_child(start_child(100, 0));
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	   "a thread's segmentation fault kills the whole process with SIGSEGV");
}

static volatile int sigchld_status, sigchld_code;

static void on_sigchld(int sig, siginfo_t *si, void *uc)
{
	sigchld_status = si->si_status;
	sigchld_code = si->si_code;
}

/* The leader exits (3) first, the thread ends later as how says. */
static void test_leader_first(long how, int want_code, const char *what)
{
	struct sigaction sa = { .sa_sigaction = on_sigchld, .sa_flags = SA_SIGINFO };
	int status;
	pid_t pid;

	sigaction(SIGCHLD, &sa, NULL);
	sigchld_code = 0;
	pid = start_child(how, 1);
	while (status_state(pid) != 'Z')
		sched_yield();
	if (how == 0) {
		ok_eq(0, waitpid(pid, &status, WNOHANG),
		      "a leader that exited before its thread is not reaped yet");
		ok_eq(2, status_field(pid, "Threads:\t"),
		      "/proc shows it a zombie of a process that still has 2 threads");
		ok_eq(0, sigchld_code, "and the parent has had no SIGCHLD");
	}
	status = finish_child(pid);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == want_code,
	   "leader exit(3), then %s: wait4 sees %d", what, want_code);
	ok(sigchld_code == CLD_EXITED && sigchld_status == 3,
	   "while SIGCHLD carries the leader's own status, 3");
	signal(SIGCHLD, SIG_DFL);
}

static void test_signal_to_zombie_leader(void)
{
	struct sigaction sa = { .sa_sigaction = on_sigchld, .sa_flags = SA_SIGINFO };
	int status;
	pid_t pid;

	sigaction(SIGCHLD, &sa, NULL);
	sigchld_code = 0;
	pid = start_child(0, 1);
	while (status_state(pid) != 'Z')
		sched_yield();
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
	   "kill() of a process whose leader has exited reaches its thread: killed by SIGTERM");
	ok(sigchld_code == CLD_EXITED && sigchld_status == 3,
	   "SIGCHLD still carries the leader's exit status, 3");
	signal(SIGCHLD, SIG_DFL);
}

static void test_fatal_signals(void)
{
	int status;
	pid_t pid;

	pid = start_child(0, 0);
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
	   "SIGTERM to the process ends all its threads: killed by SIGTERM");
	pid = start_child(0, 0);
	syscall(SYS_tgkill, pid, other_thread(pid), SIGUSR2);
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR2,
	   "a fatal signal sent to one thread (tgkill) kills the whole process");
	pid = start_child(0, 0);
	syscall(SYS_tgkill, pid, other_thread(pid), SIGKILL);
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "so does SIGKILL to one thread");
}

int main(int argc, char **argv)
{
	sp = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	test_thread_exit();
	test_exit_group();
	test_leader_first(0, 0, "the thread's exit(0)");
	test_leader_first(6, 6, "the thread's exit(6), the last thread's");
	test_leader_first(15, 5, "the thread's exit_group(5)");
	test_signal_to_zombie_leader();
	test_fatal_signals();
	return tap_done();
}
