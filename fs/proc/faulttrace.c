// SPDX-License-Identifier: GPL-2.0
/*
 * Switching the fault trace (mm/fault_trace.c) on and off at run time,
 * for the whole system or for one process, as Linux switches a
 * tracepoint: where Linux has
 *
 *   echo 1 > /sys/kernel/tracing/events/exceptions/page_fault_user/enable
 *   echo PID > /sys/kernel/tracing/set_event_pid   (event-fork: children too)
 *
 * Faultline, which has no tracefs, has
 *
 *   echo 1 > /proc/faulttrace          every fault, as the faulttrace boot option
 *   echo 1 > /proc/PID/faulttrace      that process's faults, and its children's
 *
 * and the lines go to the kernel log (the console), not to trace_pipe.
 * Reading either file gives 0 or 1. Faultline's own; Linux has no such file.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/fault_trace.h>
#include "internal.h"

/* "0" or "1", with or without a newline: the switch's new state, or -EINVAL. */
static int parse_switch(const char *buf, size_t count)
{
	unsigned long v;

	if (kstrtoul(buf, 10, &v) || v > 1)
		return -EINVAL;
	return (int)v;
}

int faulttrace_show(struct seq_file *m, struct task_struct *task)
{
	seq_printf(m, "%d\n", task ? task->faulttrace : faulttrace_enabled);
	return 0;
}

ssize_t faulttrace_write(struct task_struct *task, const char *buf, size_t count)
{
	int on = parse_switch(buf, count);

	if (on < 0)
		return on;
	if (task)
		task->faulttrace = on;
	else
		faulttrace_enabled = on;
	return (ssize_t)count;
}
