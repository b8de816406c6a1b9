// SPDX-License-Identifier: GPL-2.0
/*
 * The OOM killer with swap: a process that allocates past the RAM and
 * the swap together first has its pages swapped out by reclaim, and
 * only when the swap is full too is it killed (SIGKILL, vm.oom_kill);
 * its swap entries count in its badness, and when it is gone swapoff
 * succeeds: every slot still in use is someone's (tmpfs files may have
 * gone to swap too), none leaked. This process (oom_score_adj -1000) is never chosen.
 * It needs the swap disk of a test VM (tests/user/swaplib.h).
 */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "swaplib.h"
#include "proclib.h"
#include "oomlib.h"

#define HOG_MAX		(4096 * MB)	/* far past RAM and swap: the hog never gets there */

int main(void)
{
	long kills, pswpout;
	int status;
	pid_t hog;

	swap_test_begin();
	if (swapon(SWAP_DEV, 0)) {
		printf("Bail out! swapon " SWAP_DEV ": %s\n", strerror(errno));
		return 1;
	}
	ok_eq(0, set_adj("-1000"), "this process: oom_score_adj -1000, never chosen");
	kills = vmstat_value("oom_kill");
	pswpout = vmstat_value("pswpout");

	hog = start_hog(HOG_MAX);
	waitpid(hog, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the hog is killed by SIGKILL");
	ok_eq(1, vmstat_value("oom_kill") - kills, "vm oom_kill counts one kill");
	ok(vmstat_value("pswpout") - pswpout >= swap_meminfo("SwapTotal") / 2 / 4,
	   "before it, reclaim wrote the hog's pages to swap, at least half of it (pswpout)");
	ok(swapoff(SWAP_DEV) == 0, "the hog gone, swapoff finds no slot left in use");
	swap_test_end();
	return tap_done();
}
