// SPDX-License-Identifier: GPL-2.0
/*
 * Orphans: when a process exits, its children go to the nearest ancestor
 * that asked for them (prctl PR_SET_CHILD_SUBREAPER), or to init, with
 * SIGCHLD as their exit signal whatever their first parent chose (a
 * clone with exit signal 0 included), so that a plain wait() reaps them.
 * This program is the subreaper, so the test does not depend on what
 * the machine's init does.
 */
#include <signal.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "tap.h"

/* Fork a child that starts a grandchild with exit signal sig and exits; the grandchild's pid. */
static pid_t orphan(int sig)
{
	int pipefd[2], status;
	pid_t pid, g = -1;

	pipe(pipefd);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		g = (pid_t)syscall(SYS_clone, (long)sig, 0L, 0L, 0L, 0L);
		if (g == 0) {
			usleep(50000);	/* outlive the parent */
			_exit(7);
		}
		write(pipefd[1], &g, sizeof(g));
		_exit(0);
	}
	waitpid(pid, &status, 0);
	read(pipefd[0], &g, sizeof(g));
	close(pipefd[0]);
	close(pipefd[1]);
	return g;
}

/* Whether a plain wait() reaps g, with its status. */
static int adopted_and_reaped(pid_t g)
{
	int status;

	return g > 0 && waitpid(g, &status, 0) == g && WIFEXITED(status) && WEXITSTATUS(status) == 7;
}

static volatile int got_pdeath;

static void on_pdeath(int sig)
{
	got_pdeath = sig;
}

/* PR_SET_PDEATHSIG: a child asks for a signal when its parent dies. */
static void test_pdeathsig(void)
{
	int pipefd[2], status, sig = 0;
	pid_t pid;

	pipe(pipefd);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (fork() == 0) {
			int got = -1;
			sigset_t usr1, old;

			/* Blocked until sigsuspend, so the signal cannot slip in unseen. */
			sigemptyset(&usr1);
			sigaddset(&usr1, SIGUSR1);
			sigprocmask(SIG_BLOCK, &usr1, &old);
			signal(SIGUSR1, on_pdeath);
			prctl(PR_SET_PDEATHSIG, SIGUSR1);
			prctl(PR_GET_PDEATHSIG, &got);
			write(pipefd[1], &got, sizeof(got));	/* ready */
			while (!got_pdeath)
				sigsuspend(&old);
			write(pipefd[1], (int *)&got_pdeath, sizeof(int));
			_exit(0);
		}
		read(pipefd[0], &sig, sizeof(sig));	/* the grandchild is ready */
		_exit(sig == SIGUSR1 ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "PR_GET_PDEATHSIG reads back SIGUSR1");
	read(pipefd[0], &sig, sizeof(sig));
	ok_eq(SIGUSR1, sig, "the parent's exit sends it");
	wait(NULL);	/* the grandchild, adopted by us */
	close(pipefd[0]);
	close(pipefd[1]);
}

int main(void)
{
	int flag = -1;

	ok_eq(0, prctl(PR_SET_CHILD_SUBREAPER, 1), "PR_SET_CHILD_SUBREAPER");
	prctl(PR_GET_CHILD_SUBREAPER, &flag);
	ok_eq(1, flag, "PR_GET_CHILD_SUBREAPER reads it back");
	ok(adopted_and_reaped(orphan(SIGCHLD)), "an orphan is adopted by the subreaper, and waitpid reaps it");
	ok(adopted_and_reaped(orphan(0)), "so is one whose parent gave it exit signal 0");
	ok(adopted_and_reaped(orphan(SIGUSR1)), "and one with exit signal SIGUSR1");
	test_pdeathsig();
	ok_errno(ECHILD, wait(NULL), "nothing else is left to reap");
	return tap_done();
}
