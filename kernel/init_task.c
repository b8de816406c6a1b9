// SPDX-License-Identifier: GPL-2.0
/*
 * The first task: the boot CPU runs start_kernel as it, then idles as it
 * (pid 0, "swapper/0"). Its stack, init_stack, is placed by linker.ld
 * with an unmapped guard page below it. Every other task is copied from
 * it, directly or not: its limits and umask are everyone's defaults.
 * Linux: init/init_task.c
 */
#include <linux/sched.h>
#include <linux/mm_types.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/cred.h>

extern char init_stack[];

struct signal_struct init_signals = {
	.sigcnt = 1,
	.nr_threads = 1,
	.live = 1,
	.quick_threads = 1,
	.thread_head = LIST_HEAD_INIT(init_task.thread_node),
	.shared_pending = {
		.list = LIST_HEAD_INIT(init_signals.shared_pending.list),
	},
	.wait_chldexit = { .head = LIST_HEAD_INIT(init_signals.wait_chldexit.head) },
	.real_timer = { .entry = LIST_HEAD_INIT(init_signals.real_timer.entry) },
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

static struct sighand_struct init_sighand = {
	.count = 1,
};

struct task_struct init_task = {
	.__state = TASK_RUNNING,
	.flags = PF_KTHREAD,
	.usage = 2,
	.pid = 0,
	.real_cred = &init_cred,
	.cred = &init_cred,
	.comm = "swapper/0",
	.stack = init_stack,
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.active_mm = &init_mm,
	.real_parent = &init_task,
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.group_leader = &init_task,
	.thread_node = LIST_HEAD_INIT(init_signals.thread_head),
	.exit_signal = SIGCHLD,
	.fs = &init_fs,
	.files = &init_files,
	.signal = &init_signals,
	.sighand = &init_sighand,
	.pending = {
		.list = LIST_HEAD_INIT(init_task.pending.list),
	},
	.sas_ss_flags = SS_DISABLE,
	/* The x87/SSE state fninit and a reset MXCSR give: what every program starts with. */
	.thread = {
		.fpu = {
			.cwd = FCW_DEFAULT,
			.mxcsr = MXCSR_DEFAULT,
			.mxcsr_mask = 0xffff,
		},
	},
};

struct task_struct *current_task = &init_task;
