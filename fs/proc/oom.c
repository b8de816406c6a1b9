// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/oom_score, oom_score_adj and oom_adj: how likely the OOM
 * killer (mm/oom_kill.c) is to choose the process, and the knob that
 * moves it. Linux: fs/proc/base.c (proc_oom_score, oom_adj_write,
 * oom_score_adj_write, __set_oom_adj)
 *
 * oom_score_adj runs from -1000 (never chosen) to 1000 (chosen first);
 * oom_adj is its older scale, -17 (never) and -16 to 15, kept for old
 * programs and mapped linearly onto it. Lowering either needs
 * CAP_SYS_RESOURCE below the lowest value a privileged writer set
 * (oom_score_adj_min) or, for oom_adj, below the current value.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/oom.h>
#include <linux/capability.h>
#include <linux/seq_file.h>
#include "internal.h"

#define PROC_NUMBUF	13	/* what Linux reads of a write: 12 bytes */

/*
 * The badness scaled to 0 ... 2000, then by 2/3 (0 for a task the OOM
 * killer never chooses). Linux: proc_oom_score()
 */
int proc_oom_score(struct seq_file *m, struct task_struct *task)
{
	unsigned long totalpages = oom_totalpages(), points = 0;
	long badness = oom_badness(task, totalpages);

	if (badness != LONG_MIN)
		points = (unsigned long)((1000 + badness * 1000 / (long)totalpages) * 2 / 3);
	seq_printf(m, "%lu\n", points);
	return 0;
}

int proc_oom_score_adj_show(struct seq_file *m, struct task_struct *task)
{
	seq_printf(m, "%hd\n", task->signal->oom_score_adj);
	return 0;
}

/* oom_score_adj on oom_adj's scale. Linux: oom_adj_read() */
int proc_oom_adj_show(struct seq_file *m, struct task_struct *task)
{
	int oom_adj;

	if (task->signal->oom_score_adj == OOM_SCORE_ADJ_MAX)
		oom_adj = OOM_ADJUST_MAX;
	else
		oom_adj = task->signal->oom_score_adj * -OOM_DISABLE / OOM_SCORE_ADJ_MAX;
	seq_printf(m, "%d\n", min(oom_adj, OOM_ADJUST_MAX));
	return 0;
}

/* Set one process's value; a writer with CAP_SYS_RESOURCE sets the floor too. */
static void set_oom_score_adj(struct task_struct *p, int oom_adj, bool legacy)
{
	p->signal->oom_score_adj = (short)oom_adj;
	if (!legacy && capable(CAP_SYS_RESOURCE))
		p->signal->oom_score_adj_min = (short)oom_adj;
}

/*
 * Set task's process's oom_score_adj, and that of every other process
 * sharing its mm (the OOM killer kills them together), unless task is
 * a vfork child, which keeps its own. Linux: __set_oom_adj() (without
 * oom_adj_mutex: one CPU and no preemption; Linux skips the walk unless
 * the mm is MMF_MULTIPROCESS)
 */
static int __set_oom_adj(struct task_struct *task, int oom_adj, bool legacy)
{
	static bool warned;
	struct mm_struct *mm = NULL;
	struct task_struct *p;

	if (legacy) {
		if (oom_adj < task->signal->oom_score_adj && !capable(CAP_SYS_RESOURCE))
			return -EACCES;
		if (!warned) {
			warned = true;
			pr_warn("%s (%d): /proc/%d/oom_adj is deprecated, please use /proc/%d/oom_score_adj instead.\n",
				current->comm, current->pid, task->pid, task->pid);
		}
	} else if ((short)oom_adj < task->signal->oom_score_adj_min &&
		   !capable(CAP_SYS_RESOURCE)) {
		return -EACCES;
	}
	if (!task->vfork_done) {
		for_each_thread(task, p)
			if (p->mm) {
				mm = p->mm;
				break;
			}
	}
	set_oom_score_adj(task, oom_adj, legacy);
	if (!mm)
		return 0;
	for_each_process(p) {
		if (!thread_group_leader(p) || same_thread_group(task, p) ||
		    (p->flags & PF_KTHREAD) || p->tgid == 1)
			continue;
		if (!p->vfork_done && process_shares_mm(p, mm))
			set_oom_score_adj(p, oom_adj, legacy);
	}
	return 0;
}

/*
 * The number in a write: Linux reads at most 12 bytes of it, with white
 * space around it allowed, and reports at most 12 bytes written.
 */
static int parse_oom_number(const char *buf, size_t *count, int *val)
{
	char buffer[PROC_NUMBUF] = { 0 };

	*count = min(*count, sizeof(buffer) - 1);
	memcpy(buffer, buf, *count);
	return kstrtoint(strstrip(buffer), 0, val);
}

/* Linux: oom_score_adj_write() */
ssize_t proc_oom_score_adj_write(struct task_struct *task, const char *buf, size_t count)
{
	int oom_score_adj, err = parse_oom_number(buf, &count, &oom_score_adj);

	if (err)
		return err;
	if (oom_score_adj < OOM_SCORE_ADJ_MIN || oom_score_adj > OOM_SCORE_ADJ_MAX)
		return -EINVAL;
	err = __set_oom_adj(task, oom_score_adj, false);
	return err < 0 ? err : (ssize_t)count;
}

/* -17 ... 15, scaled to -1000 ... 1000 (15 to 1000 exactly). Linux: oom_adj_write() */
ssize_t proc_oom_adj_write(struct task_struct *task, const char *buf, size_t count)
{
	int oom_adj, err = parse_oom_number(buf, &count, &oom_adj);

	if (err)
		return err;
	if ((oom_adj < OOM_ADJUST_MIN || oom_adj > OOM_ADJUST_MAX) && oom_adj != OOM_DISABLE)
		return -EINVAL;
	if (oom_adj == OOM_ADJUST_MAX)
		oom_adj = OOM_SCORE_ADJ_MAX;
	else
		oom_adj = oom_adj * OOM_SCORE_ADJ_MAX / -OOM_DISABLE;
	err = __set_oom_adj(task, oom_adj, true);
	return err < 0 ? err : (ssize_t)count;
}
