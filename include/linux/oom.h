/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_OOM_H
#define _LINUX_OOM_H

#include <linux/types.h>
#include <linux/sched.h>

/* mm/oom_kill.c. Linux: include/linux/oom.h, include/uapi/linux/oom.h */
struct mm_struct;
struct task_struct;

/* /proc/<pid>/oom_score_adj: -1000 never killed, 1000 killed first. */
#define OOM_SCORE_ADJ_MIN	(-1000)
#define OOM_SCORE_ADJ_MAX	1000
/* /proc/<pid>/oom_adj, the older scale: -17 never killed, -16 to 15. */
#define OOM_DISABLE		(-17)
#define OOM_ADJUST_MIN		(-16)
#define OOM_ADJUST_MAX		15

/* Faultline has one node and no cpusets or memory cgroups: always NONE. */
enum oom_constraint {
	CONSTRAINT_NONE,
	CONSTRAINT_CPUSET,
	CONSTRAINT_MEMORY_POLICY,
	CONSTRAINT_MEMCG,
};

/* One call of the OOM killer: the allocation that failed, and its choice. */
struct oom_control {
	gfp_t gfp_mask;
	int order;
	unsigned long totalpages;	/* RAM and swap: what badness is a share of */
	struct task_struct *chosen;	/* the victim, or (void *)-1 to wait */
	long chosen_points;
	enum oom_constraint constraint;
};

extern int sysctl_oom_dump_tasks;
extern int sysctl_oom_kill_allocating_task;

/* Has the OOM killer chosen this task's process? Linux: tsk_is_oom_victim() */
static inline bool tsk_is_oom_victim(struct task_struct *tsk)
{
	return tsk->signal && tsk->signal->oom_mm;
}

bool out_of_memory(struct oom_control *oc);
unsigned long oom_totalpages(void);
void pagefault_out_of_memory(void);
long oom_badness(struct task_struct *p, unsigned long totalpages);
bool process_shares_mm(struct task_struct *p, struct mm_struct *mm);
bool __oom_reap_task_mm(struct mm_struct *mm);

#endif
