// SPDX-License-Identifier: GPL-2.0
/*
 * The OOM killer: a process that allocates past all memory (with no
 * swap) brings the OOM killer, which kills by badness, not by who
 * asked: a small process set to oom_score_adj 1000 goes first, then
 * the hog itself, each by SIGKILL; this process (-1000) and init are
 * never chosen, vm.oom_kill counts the two kills, and the system goes
 * on: the memory is back and can be used again.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "tap.h"
#include "proclib.h"
#include "oomlib.h"

#define HOG_MAX		(1024 * MB)	/* far past RAM: the hog never gets there */

/* Sleeps, small, at oom_score_adj 1000: the OOM killer's first choice. */
static pid_t start_bait(void)
{
	int fds[2];
	pid_t pid;
	char c;

	if (pipe(fds))
		return -1;
	pid = fork();
	if (pid == 0) {
		set_adj("1000");
		write(fds[1], "r", 1);
		for (;;)
			pause();
	}
	close(fds[1]);
	read(fds[0], &c, 1);
	close(fds[0]);
	return pid;
}

static const char *how(int status)
{
	static char s[32];

	if (WIFSIGNALED(status))
		snprintf(s, sizeof(s), "signal %d", WTERMSIG(status));
	else
		snprintf(s, sizeof(s), "exit %d", WEXITSTATUS(status));
	return s;
}

int main(void)
{
	long kills = vmstat_value("oom_kill");
	int status;
	pid_t bait, hog;
	char *p;

	ok_eq(0, set_adj("-1000"), "this process: oom_score_adj -1000, never chosen");
	bait = start_bait();
	hog = start_hog(HOG_MAX);
	waitpid(hog, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	   "the hog is killed by SIGKILL (%s)", how(status));
	ok_eq(bait, waitpid(bait, &status, WNOHANG), "the bait was already dead when the hog died");
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	   "killed by SIGKILL: oom_score_adj 1000 chose it before the hog (%s)", how(status));
	ok_eq(2, vmstat_value("oom_kill") - kills, "vm oom_kill counts the two kills");
	p = mmap(NULL, 32 * MB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (unsigned long i = 0; p != MAP_FAILED && i < 32 * MB; i += 4096)
		p[i] = 1;
	ok(p != MAP_FAILED, "the system goes on: 32 MiB more can be touched now");
	return tap_done();
}
