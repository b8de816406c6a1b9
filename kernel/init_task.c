// SPDX-License-Identifier: GPL-2.0
/*
 * The first task: the boot CPU runs start_kernel as it and idles as it
 * afterwards. Its stack, init_stack, is placed by linker.ld with an
 * unmapped guard page below it. Linux: init/init_task.c
 */
#include <linux/sched.h>

extern char init_stack[];

struct task_struct init_task = {
	.pid = 0,
	.comm = "swapper/0",
	.stack = init_stack,
};

struct task_struct *current_task = &init_task;
