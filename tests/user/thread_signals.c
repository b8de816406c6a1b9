// SPDX-License-Identifier: GPL-2.0
/*
 * Signals in a process of several threads: a signal for the process
 * (kill) is taken by any thread that does not block it and waits in
 * the process's queue (ShdPnd) while all do; one for a thread (tgkill,
 * tkill) is that thread's alone (its SigPnd); each thread has its own
 * mask; a stop signal stops every thread and SIGCONT resumes them all;
 * and tgkill's and tkill's errors.
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
static volatile long handler_tid;
static volatile int handled, go, thread_ready;
static long main_tid, thread_tid;

static void on_usr1(int sig)
{
	handler_tid = sys_gettid();
	handled++;
}

/* rt_sigprocmask(how, sig) as the kernel takes it, for a thread without libc. */
static void sys_sigmask(int how, int sig)
{
	unsigned long set = 1UL << (sig - 1);

	sys6(SYS_rt_sigprocmask, how, (long)&set, 0, 8, 0, 0);
}

/* The thread: unblocks SIGUSR1 if asked, then waits for go. */
static int waiter(void *arg)
{
	if (arg)
		sys_sigmask(SIG_UNBLOCK, SIGUSR1);
	thread_ready = 1;
	event_wait(&go, FUTEX_PRIVATE_FLAG);
	return 0;
}

static void start_waiter(int unblock)
{
	go = thread_ready = 0;
	thread_tid = thread_start(&t1, 0, waiter, (void *)(long)unblock);
	while (!thread_ready)
		sched_yield();
	thread_wait_sleeping(thread_tid);
}

static void stop_waiter(void)
{
	event_set(&go, FUTEX_PRIVATE_FLAG);
	thread_join(&t1);
}

/* The 16 hex digits of a "Name:\t" line of a status file, as a mask. */
static unsigned long status_mask(const char *path, const char *name)
{
	char *p;

	if (read_file(path) < 0 || !(p = strstr(proc_buf, name)))
		return ~0UL;
	return strtoul(p + strlen(name), NULL, 16);
}

static unsigned long task_mask(long tid, const char *name)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/self/task/%ld/status", tid);
	return status_mask(path, name);
}

static void block(int how, int sig)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(how, &set, NULL);
}

static void test_thread_directed(void)
{
	handled = 0;
	start_waiter(1);
	syscall(SYS_tgkill, getpid(), thread_tid, SIGUSR1);
	while (!handled)
		sched_yield();
	ok_eq(thread_tid, handler_tid, "tgkill runs the handler in the thread it names");
	stop_waiter();
	handled = 0;
	block(SIG_UNBLOCK, SIGUSR1);
	syscall(SYS_tkill, main_tid, SIGUSR1);
	block(SIG_BLOCK, SIGUSR1);
	ok(handled == 1 && handler_tid == main_tid, "tkill of our own tid runs it in us");
}

static void test_process_directed(void)
{
	unsigned long bit = 1UL << (SIGUSR1 - 1);
	sigset_t pending;

	handled = 0;
	start_waiter(1);
	kill(getpid(), SIGUSR1);	/* we block it: the thread takes it */
	while (!handled)
		sched_yield();
	ok_eq(thread_tid, handler_tid, "kill() is taken by a thread that does not block the signal");
	stop_waiter();

	handled = 0;
	start_waiter(0);		/* it blocks SIGUSR1 too */
	kill(thread_tid, SIGUSR1);	/* any tid names the process */
	ok(handled == 0 && (status_mask("/proc/self/status", "ShdPnd:\t") & bit),
	   "while every thread blocks it, kill()'s signal waits in the process's queue (ShdPnd)");
	ok(!(status_mask("/proc/self/status", "SigPnd:\t") & bit) &&
	   !(task_mask(thread_tid, "SigPnd:\t") & bit), "in no thread's own (SigPnd)");
	ok(task_mask(thread_tid, "ShdPnd:\t") & bit, "every thread's status shows it in ShdPnd");
	ok(sigpending(&pending) == 0 && sigismember(&pending, SIGUSR1),
	   "sigpending() includes the process's pending signals");
	block(SIG_UNBLOCK, SIGUSR1);
	ok(handled == 1 && handler_tid == main_tid,
	   "the first thread to unblock it takes it (kill() of the other thread's tid notwithstanding)");
	block(SIG_BLOCK, SIGUSR1);
	stop_waiter();
}

static void test_thread_pending(void)
{
	unsigned long bit = 1UL << (SIGUSR1 - 1);

	handled = 0;
	start_waiter(0);
	syscall(SYS_tgkill, getpid(), thread_tid, SIGUSR1);
	ok((task_mask(thread_tid, "SigPnd:\t") & bit) &&
	   !(status_mask("/proc/self/status", "SigPnd:\t") & bit) &&
	   !(status_mask("/proc/self/status", "ShdPnd:\t") & bit),
	   "a blocked signal sent to one thread is pending for that thread alone (its SigPnd)");
	block(SIG_UNBLOCK, SIGUSR1);
	ok_eq(0, handled, "another thread unblocking it does not take it");
	block(SIG_BLOCK, SIGUSR1);
	ok(task_mask(thread_tid, "SigBlk:\t") & bit, "each thread's mask is its own (SigBlk)");
	stop_waiter();
}

static void test_errors(void)
{
	ok_errno(EINVAL, syscall(SYS_tgkill, 0, main_tid, 0), "tgkill with tgid 0: EINVAL");
	ok_errno(EINVAL, syscall(SYS_tgkill, getpid(), 0, 0), "tgkill with tid 0: EINVAL");
	ok_errno(EINVAL, syscall(SYS_tgkill, getpid(), -1, 0), "tgkill with a negative tid: EINVAL");
	ok_errno(EINVAL, syscall(SYS_tgkill, getpid(), main_tid, 65), "tgkill of signal 65: EINVAL");
	ok_errno(ESRCH, syscall(SYS_tgkill, getpid(), 999999, 0), "tgkill of nobody: ESRCH");
	ok_errno(ESRCH, syscall(SYS_tgkill, getppid(), main_tid, 0),
	         "tgkill of our tid under another tgid: ESRCH");
	ok_eq(0, syscall(SYS_tgkill, getpid(), main_tid, 0), "tgkill with signal 0 checks only");
	ok_errno(EINVAL, syscall(SYS_tkill, 0, 0), "tkill of tid 0: EINVAL");
	ok_errno(ESRCH, syscall(SYS_tkill, 999999, 0), "tkill of nobody: ESRCH");
	ok_eq(0, syscall(SYS_tkill, main_tid, 0), "tkill with signal 0 checks only");
}

/* The state letter of /proc/<pid>/task/<tid>/stat. */
static char task_state(pid_t pid, pid_t tid)
{
	char path[64], *p;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", pid, tid);
	if (read_file(path) < 0 || !(p = strrchr(proc_buf, ')')))
		return '?';
	return p[2];
}

/* A child with a second thread waiting in a futex: SIGSTOP stops both, SIGCONT resumes both. */
static void test_group_stop(void)
{
	static struct { volatile int started; volatile long tid; } *sh;
	int status;
	pid_t pid;

	sh = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		go = 0;
		sh->tid = thread_start(&t1, 0, waiter, NULL);
		sh->started = 1;
		for (;;)
			pause();
	}
	while (!sh->started)
		sched_yield();
	while (task_state(pid, sh->tid) != 'S' || task_state(pid, pid) != 'S')
		sched_yield();
	kill(pid, SIGSTOP);
	ok(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status) &&
	   WSTOPSIG(status) == SIGSTOP, "SIGSTOP to a process of two threads: wait4 sees it stopped");
	ok(task_state(pid, pid) == 'T' && task_state(pid, sh->tid) == 'T',
	   "both its threads are stopped (T)");
	ok_eq(0, waitpid(pid, &status, WUNTRACED | WNOHANG), "the stop is reported once");
	kill(pid, SIGCONT);
	ok(waitpid(pid, &status, WCONTINUED) == pid && WIFCONTINUED(status),
	   "SIGCONT: wait4 sees it continued");
	while (task_state(pid, sh->tid) == 'T' || task_state(pid, pid) == 'T')
		sched_yield();
	ok(1, "both threads run again");
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "and SIGKILL ends them");
	munmap(sh, 4096);
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };

	main_tid = getpid();
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	block(SIG_BLOCK, SIGUSR1);
	test_thread_directed();
	test_process_directed();
	test_thread_pending();
	test_errors();
	test_group_stop();
	return tap_done();
}
