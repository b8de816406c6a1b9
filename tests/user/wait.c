// SPDX-License-Identifier: GPL-2.0
/*
 * exit and wait4: the status word (exit codes, signals), WNOHANG, waiting
 * for one child or any, ECHILD, SIGCHLD, stopped and continued children,
 * orphans adopted by another process.
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include "tap.h"
#include "testlib.h"

static volatile int got_sigchld;

static void on_sigchld(int sig)
{
	(void)sig;
	got_sigchld++;
}

static pid_t child_exit(int code)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(code);
	return pid;
}

/* Exit codes in the status word, and SIGCHLD */
static void test_exit_status(void)
{
	int status;
	pid_t pid;

	signal(SIGCHLD, on_sigchld);
	pid = child_exit(0);
	ok_eq(pid, waitpid(pid, &status, 0), "waitpid returns the child's pid");
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0 && status == 0, "exit(0): status 0");
	pid = child_exit(255);
	waitpid(pid, &status, 0);
	ok_eq(255 << 8, status, "exit(255): 0xff00");
	pid = child_exit(256 + 3);
	waitpid(pid, &status, 0);
	ok_eq(3, WEXITSTATUS(status), "exit(259): only the low 8 bits, 3");
	ok(got_sigchld >= 1, "SIGCHLD came with each child's end");
}

/* Killed by a signal: WTERMSIG, and no core bit without RLIMIT_CORE */
static void test_killed(void)
{
	int status;
	pid_t pid;

	pid = fork_pausing_child();
	ok_eq(0, waitpid(pid, &status, WNOHANG), "WNOHANG while the child runs: 0");
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM && !WCOREDUMP(status),
	   "killed by SIGTERM: WTERMSIG 15, no core bit");
	pid = fork_pausing_child();
	kill(pid, SIGQUIT);
	waitpid(pid, &status, 0);
	ok_eq(SIGQUIT, status, "killed by SIGQUIT with RLIMIT_CORE 0: status 3, no core");
}

/* Stopped and continued children: WUNTRACED, WCONTINUED */
static void test_stopped(void)
{
	int status;
	pid_t pid;

	pid = fork_pausing_child();
	kill(pid, SIGSTOP);
	ok_eq(pid, waitpid(pid, &status, WUNTRACED), "WUNTRACED reports a stopped child");
	ok(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP, "WIFSTOPPED, WSTOPSIG SIGSTOP (0x137f)");
	ok_eq(0, waitpid(pid, &status, WUNTRACED | WNOHANG), "the stop is reported once");
	kill(pid, SIGCONT);
	ok_eq(pid, waitpid(pid, &status, WCONTINUED), "WCONTINUED reports it continued");
	ok(WIFCONTINUED(status) && status == 0xffff, "WIFCONTINUED: status 0xffff");
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "then SIGKILL ends it");
}

/* Which child: pid -1, ECHILD, bad options */
static void test_which(void)
{
	int status;
	pid_t pid, pid2;

	pid = child_exit(1);
	pid2 = child_exit(2);
	{
		int seen = 0;

		for (int i = 0; i < 2; i++) {
			pid_t p = waitpid(-1, &status, 0);

			seen |= (p == pid && WEXITSTATUS(status) == 1) ? 1 : 0;
			seen |= (p == pid2 && WEXITSTATUS(status) == 2) ? 2 : 0;
		}
		ok_eq(3, seen, "waitpid(-1) collects both children, each with its status");
	}
	ok_errno(ECHILD, waitpid(-1, &status, 0), "no children left: ECHILD");
	ok_errno(ECHILD, waitpid(getpid() + 10000, &status, 0), "not our child: ECHILD");
	ok_errno(EINVAL, waitpid(-1, &status, 0x10000000), "an unknown option: EINVAL");
	pid = child_exit(4);
	ok_errno(EFAULT, wait4(pid, (int *)1, 0, NULL), "a bad status pointer: EFAULT");
	ok_errno(ECHILD, waitpid(pid, &status, 0), "but the child was reaped all the same");
}

/* A reaped child's faults in wait4's rusage and RUSAGE_CHILDREN */
static void test_rusage(void)
{
	struct rusage ru;
	int status;
	pid_t pid;

	pid = child_exit(0);
	ok_eq(pid, wait4(pid, &status, 0, &ru), "wait4 with a rusage");
	ok(ru.ru_minflt > 0, "the child's rusage counts its minor faults");
	/*
	 * Not ru_maxrss: Linux's RSS counters lag (6.1 folds per-task counts
	 * every 64 faults, later kernels use per-CPU counters), so a child
	 * that exits at once shows 0 there; Faultline's are exact.
	 */
	getrusage(RUSAGE_CHILDREN, &ru);
	ok(ru.ru_minflt > 0, "RUSAGE_CHILDREN adds up the reaped children's faults");
}

/* An orphan: its parent exits first; it is adopted and sees a new parent */
static void test_orphan(void)
{
	int status, pipefd[2];
	pid_t pid;

	pipe(pipefd);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		pid_t parent = getpid();

		if (fork() == 0) {
			char changed;

			while (getppid() == parent)
				usleep(1000);
			changed = 'y';
			write(pipefd[1], &changed, 1);
			_exit(0);
		}
		_exit(0);
	}
	waitpid(pid, &status, 0);
	{
		char c = 0;

		close(pipefd[1]);
		read(pipefd[0], &c, 1);
		ok(c == 'y', "an orphan is adopted: getppid() changes when its parent exits");
	}
}

/* SIGCHLD ignored: children reap themselves */
static void test_sigchld_ignored(void)
{
	int status;
	pid_t pid;

	signal(SIGCHLD, SIG_IGN);
	pid = child_exit(5);
	ok_errno(ECHILD, waitpid(pid, &status, 0), "with SIGCHLD ignored, children are not kept as zombies");
}

int main(void)
{
	struct rlimit nocore = { 0, 0 };

	setrlimit(RLIMIT_CORE, &nocore);	/* no core dumps: no 0x80 bit */
	test_exit_status();
	test_killed();
	test_stopped();
	test_which();
	test_rusage();
	test_orphan();
	test_sigchld_ignored();
	return tap_done();
}
