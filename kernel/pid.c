// SPDX-License-Identifier: GPL-2.0
/*
 * Process ids. Linux: kernel/pid.c
 *
 * Ids are handed out in increasing order up to pid_max and then wrap
 * around to RESERVED_PIDS, skipping any id still in use as a task's pid
 * or as a process group or session id (Linux keeps a struct pid alive
 * for as long as anything refers to the number). Linux finds ids in an
 * IDR; here a walk over the task list answers both questions.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/pid.h>

int pid_max = PID_MAX_DEFAULT;
static pid_t last_pid;

static bool pid_in_use(pid_t nr)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->pid == nr || p->signal->pgrp == nr || p->signal->session == nr)
			return true;
	return false;
}

/* A free id, or -EAGAIN when all pid_max of them are taken. */
pid_t alloc_pid(void)
{
	pid_t nr = last_pid;

	for (int tries = 0; tries < pid_max; tries++) {
		if (++nr >= pid_max)
			nr = RESERVED_PIDS;
		if (!pid_in_use(nr)) {
			last_pid = nr;
			return nr;
		}
	}
	return -EAGAIN;
}

/* The id handed out last: /proc/loadavg's last field. */
pid_t last_pid_nr(void)
{
	return last_pid;
}

/* The task with id nr, or NULL (reaped tasks are gone from the list). */
struct task_struct *find_task_by_vpid(pid_t nr)
{
	struct task_struct *p;

	if (nr <= 0)
		return NULL;
	for_each_process(p)
		if (p->pid == nr)
			return p;
	return NULL;
}
