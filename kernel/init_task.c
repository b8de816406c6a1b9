// SPDX-License-Identifier: GPL-2.0
/*
 * The first task: the boot CPU runs start_kernel as it and idles as it
 * afterwards. Its stack, init_stack, is placed by linker.ld with an
 * unmapped guard page below it. Linux: init/init_task.c
 */
#include <linux/sched.h>
#include <linux/mm_types.h>

extern char init_stack[];

struct task_struct init_task = {
	.pid = 0,
	.comm = "swapper/0",
	.stack = init_stack,
	.active_mm = &init_mm,
	/* Linux's INIT_RLIMITS, which init and every process inherit. */
	.rlim = {
		[RLIMIT_CPU]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_FSIZE]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_DATA]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_STACK]		= { _STK_LIM, RLIM_INFINITY },
		[RLIMIT_CORE]		= { 0, RLIM_INFINITY },
		[RLIMIT_RSS]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_NPROC]		= { 0, 0 },
		[RLIMIT_NOFILE]		= { 1024, 4096 },
		[RLIMIT_MEMLOCK]	= { MLOCK_LIMIT, MLOCK_LIMIT },
		[RLIMIT_AS]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_LOCKS]		= { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_SIGPENDING]	= { 0, 0 },
		[RLIMIT_MSGQUEUE]	= { 819200, 819200 },
		[RLIMIT_NICE]		= { 0, 0 },
		[RLIMIT_RTPRIO]		= { 0, 0 },
		[RLIMIT_RTTIME]		= { RLIM_INFINITY, RLIM_INFINITY },
	},
};

struct task_struct *current_task = &init_task;
