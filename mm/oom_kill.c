// SPDX-License-Identifier: GPL-2.0
/*
 * The OOM killer, and reaping a dying process's memory early
 * (the OOM reaper, process_mrelease). Linux: mm/oom_kill.c
 *
 * When an allocation that may sleep finds no free page (and, once there
 * is reclaim, reclaim found none to free), the allocator calls
 * out_of_memory: it picks the process whose death frees the most
 * (oom_badness: its resident pages, swap entries and page tables, moved
 * by oom_score_adj), kills it with SIGKILL, and unmaps its private
 * memory at once, so that the allocation can be retried.
 *
 * Faultline differs:
 * - The OOM reaper runs at once, in the killer (Linux: a kernel thread,
 *   2 s after the kill, if the victim has not exited by then); the
 *   victim is only waited for (the allocating task sleeps a tick) until
 *   the same 2 s have passed, then passed over (MMF_OOM_SKIP).
 * - With nothing left to kill, Linux panics ("System is deadlocked on
 *   memory"); Faultline kills the allocating process if it can, else
 *   lets the allocation fail.
 * - No TIF_MEMDIE access to reserves (there are no watermarks to dip
 *   below yet): a victim's own allocations fail, and it exits.
 * - No cpusets, memory policies or memory cgroups: the constraint is
 *   always CONSTRAINT_NONE; no vm.panic_on_oom.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/oom.h>
#include <linux/swap.h>
#include <linux/cred.h>
#include <linux/vmstat.h>
#include <linux/sched/task.h>
#include <asm/stacktrace.h>
#include <linux/syscalls.h>

/*
 * Unmap the pages of every private VMA (anonymous, or a file's private
 * mapping with its COW copies), not those of shared ones, which others
 * may still use. Linux: __oom_reap_task_mm()
 */
bool __oom_reap_task_mm(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	/* Linux: mmap_lock for reading, and an mmu_gather per VMA. */
	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		if (vma->vm_flags & (VM_HUGETLB | VM_PFNMAP))
			continue;
		if (vma_is_anonymous(vma) || !(vma->vm_flags & VM_SHARED))
			zap_page_range_single(vma, vma->vm_start, vma->vm_end - vma->vm_start, true);
	}
	return true;
}

/*
 * Is sig, pending for task, going to kill it? Linux decides this when
 * the signal is sent (complete_signal() sets SIGNAL_GROUP_EXIT for a
 * fatal signal); Faultline decides it at delivery, so it asks here:
 * SIGKILL, or an unblocked signal whose default action (no handler)
 * ends the process without a core dump. Linux: sig_fatal()
 */
static bool fatal_signal_queued(struct task_struct *task)
{
	for (int sig = 1; sig < SIGRTMIN; sig++) {
		if (!sigismember(&task->pending.signal, sig))
			continue;
		if (sig == SIGKILL)
			return true;
		if (sigismember(&task->blocked, sig) || sig_kernel_ignore(sig) ||
		    sig_kernel_stop(sig) || sig_kernel_coredump(sig))
			continue;
		if (task->sighand->action[sig - 1].sa.sa_handler == SIG_DFL)
			return true;
	}
	return false;
}

/* Is the process on its way out? Linux: __task_will_free_mem() */
static bool __task_will_free_mem(struct task_struct *task)
{
	if (task->signal->flags & SIGNAL_GROUP_EXIT)
		return true;
	if (fatal_signal_queued(task))
		return true;
	return (task->flags & PF_EXITING) != 0;
}

/*
 * Will the task's mm be freed soon: is it dying, and is every other
 * process that shares the mm (vfork) dying too? Linux: task_will_free_mem()
 */
static bool task_will_free_mem(struct task_struct *task)
{
	struct mm_struct *mm = task->mm;
	struct task_struct *p;

	if (!mm || !__task_will_free_mem(task))
		return false;
	if (atomic_read(&mm->mm_users) <= 1)
		return true;
	for_each_process(p)
		if (p != task && p->mm == mm && !(p->flags & PF_KTHREAD) &&
		    !__task_will_free_mem(p))
			return false;
	return true;
}

int sysctl_oom_dump_tasks = 1;			/* vm.oom_dump_tasks */
int sysctl_oom_kill_allocating_task;		/* vm.oom_kill_allocating_task */

#define OOM_REAPER_DELAY	(2 * HZ)	/* how long a victim is waited for */
#define K(pages)		((pages) << (PAGE_SHIFT - 10))

/* init and kernel threads are never chosen. Linux: oom_unkillable_task() */
static bool oom_unkillable_task(struct task_struct *p)
{
	return p->tgid == 1 || (p->flags & PF_KTHREAD);
}

/*
 * A thread of p's process that still has the mm (the leader may have
 * exited while others run on). Linux: find_lock_task_mm(), without the
 * task lock
 */
static struct task_struct *find_task_mm(struct task_struct *p)
{
	struct task_struct *t;

	for_each_thread(p, t)
		if (t->mm)
			return t;
	return NULL;
}

/* A vfork child, still borrowing its parent's mm. Linux: in_vfork() */
static bool in_vfork(struct task_struct *p)
{
	return p->vfork_done && p->real_parent && p->real_parent->mm == p->mm;
}

/*
 * How much killing p would free, in pages: its resident pages, swap
 * entries and page tables, plus oom_score_adj thousandths of
 * totalpages; LONG_MIN for a task never to be chosen (init, kernel
 * threads, oom_score_adj -1000, an mm already passed over, a vfork child
 * whose memory is its parent's). Linux: oom_badness()
 */
long oom_badness(struct task_struct *p, unsigned long totalpages)
{
	long points, adj;

	if (oom_unkillable_task(p))
		return LONG_MIN;
	p = find_task_mm(p);
	if (!p)
		return LONG_MIN;
	adj = p->signal->oom_score_adj;
	if (adj == OOM_SCORE_ADJ_MIN || (p->mm->flags & MMF_OOM_SKIP) || in_vfork(p))
		return LONG_MIN;
	points = (long)(get_mm_rss(p->mm) + get_mm_counter(p->mm, MM_SWAPENTS) +
			mm_pgtables_bytes(p->mm) / PAGE_SIZE);
	adj *= (long)(totalpages / 1000);
	return points + adj;
}

/* What badness is measured against: all RAM and swap. */
unsigned long oom_totalpages(void)
{
	return totalram_pages + (unsigned long)total_swap_pages;
}

/*
 * Weigh one process; returns 1 to stop the scan and wait, when an
 * earlier victim is still on its way out. Linux: oom_evaluate_task()
 */
static int oom_evaluate_task(struct task_struct *task, struct oom_control *oc)
{
	long points;

	if (oom_unkillable_task(task))
		return 0;
	if (tsk_is_oom_victim(task)) {
		if (task->signal->oom_mm->flags & MMF_OOM_SKIP)
			return 0;
		if (time_after_eq(jiffies, task->signal->oom_kill_time + OOM_REAPER_DELAY)) {
			/* Linux: the reaper gives up on it (oom_reap_task) */
			pr_info("oom_reaper: unable to reap pid:%d (%s)\n", task->pid, task->comm);
			task->signal->oom_mm->flags |= MMF_OOM_SKIP;
			return 0;
		}
		if (oc->chosen)
			put_task_struct(oc->chosen);
		oc->chosen = (void *)-1UL;
		return 1;
	}
	points = oom_badness(task, oc->totalpages);
	if (points == LONG_MIN || points < oc->chosen_points)
		return 0;
	if (oc->chosen)
		put_task_struct(oc->chosen);
	get_task_struct(task);
	oc->chosen = task;
	oc->chosen_points = points;
	return 0;
}

/* The process with the highest badness; ties go to the later one. Linux: select_bad_process() */
static void select_bad_process(struct oom_control *oc)
{
	struct task_struct *p;

	oc->chosen_points = LONG_MIN;
	for_each_process(p) {
		if (!thread_group_leader(p))
			continue;	/* Linux's process list holds leaders only */
		if (oom_evaluate_task(p, oc))
			break;
	}
}

/* One line of the task table. Linux: dump_task() */
static void dump_task(struct task_struct *p)
{
	struct task_struct *task;

	if (oom_unkillable_task(p))
		return;
	task = find_task_mm(p);
	if (!task)
		return;
	pr_info("[%7d] %5u %5d %8lu %8lu %8ld %8lu         %5hd %s\n",
		task->pid, task_uid(task), task->tgid, task->mm->total_vm,
		get_mm_rss(task->mm), (long)mm_pgtables_bytes(task->mm),
		get_mm_counter(task->mm, MM_SWAPENTS), task->signal->oom_score_adj, task->comm);
}

/* Linux: dump_tasks() */
static void dump_tasks(void)
{
	struct task_struct *p;

	pr_info("Tasks state (memory values in pages):\n");
	pr_info("[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n");
	for_each_process(p)
		if (thread_group_leader(p))
			dump_task(p);
}

/*
 * Who asked, the stack, the memory state, the task table and the
 * one-line summary: what a student reads in the log to see why this
 * victim. Linux: dump_header(), dump_oom_summary()
 */
static void dump_header(struct oom_control *oc, struct task_struct *p)
{
	pr_warn("%s invoked oom-killer: gfp_mask=%#x, order=%d, oom_score_adj=%hd\n",
		current->comm, oc->gfp_mask, oc->order, current->signal->oom_score_adj);
	dump_stack();
	show_mem();
	if (sysctl_oom_dump_tasks)
		dump_tasks();
	if (p)
		pr_info("oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,task=%s,pid=%d,uid=%u\n",
			p->comm, p->pid, task_uid(p));
}

/*
 * Remember the victim's mm, so that later calls wait for it rather than
 * kill again (until it exits, or OOM_REAPER_DELAY passes).
 * Linux: mark_oom_victim(), without TIF_MEMDIE's access to reserves
 */
static void mark_oom_victim(struct task_struct *tsk)
{
	if (tsk->signal->oom_mm)
		return;
	mmgrab(tsk->mm);
	tsk->signal->oom_mm = tsk->mm;
	tsk->signal->oom_kill_time = jiffies;
}

/*
 * Kill the victim's process with SIGKILL and every other process that
 * shares its mm (vfork), but never init. The victim frees its memory
 * when it runs to its exit; the allocator waits for that.
 * Linux: __oom_kill_process() (the oom_reaper: see the top of the file)
 */
static void __oom_kill_process(struct task_struct *victim, const char *message)
{
	struct task_struct *p = find_task_mm(victim);
	struct mm_struct *mm;

	if (!p) {
		pr_info("%s: OOM victim %d (%s) is already exiting. Skip killing the task\n",
			message, victim->pid, victim->comm);
		put_task_struct(victim);
		return;
	}
	mm = p->mm;
	count_vm_event(OOM_KILL);
	do_send_sig_info(SIGKILL, SEND_SIG_PRIV, p, PIDTYPE_TGID);
	mark_oom_victim(p);
	pr_err("%s: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, file-rss:%lukB, shmem-rss:%lukB, UID:%u pgtables:%lukB oom_score_adj:%hd\n",
	       message, p->tgid, p->comm, K(mm->total_vm),
	       K(get_mm_counter(mm, MM_ANONPAGES)), K(get_mm_counter(mm, MM_FILEPAGES)),
	       K(get_mm_counter(mm, MM_SHMEMPAGES)), task_uid(p),
	       mm_pgtables_bytes(mm) >> 10, p->signal->oom_score_adj);
	for_each_process(p) {
		if (!thread_group_leader(p) || !process_shares_mm(p, mm) ||
		    same_thread_group(p, victim) || (p->flags & PF_KTHREAD))
			continue;
		if (p->tgid == 1) {
			mm->flags |= MMF_OOM_SKIP;
			pr_info("oom killer %d (%s) has mm pinned by %d (%s)\n",
				victim->tgid, victim->comm, p->tgid, p->comm);
			continue;
		}
		do_send_sig_info(SIGKILL, SEND_SIG_PRIV, p, PIDTYPE_TGID);
	}
	put_task_struct(victim);
}

/* Linux: oom_kill_process(), with no memory cgroups to kill as a group */
static void oom_kill_process(struct oom_control *oc, const char *message)
{
	struct task_struct *victim = oc->chosen;

	if (task_will_free_mem(victim)) {
		/* Already dying: no need to alarm anyone, just wait for it. */
		mark_oom_victim(victim);
		put_task_struct(victim);
		return;
	}
	dump_header(oc, victim);
	__oom_kill_process(victim, message);
}

/*
 * Does p's process use mm (a thread of it that has not exited)?
 * Linux: process_shares_mm()
 */
bool process_shares_mm(struct task_struct *p, struct mm_struct *mm)
{
	struct task_struct *t;

	for_each_thread(p, t)
		if (t->mm)
			return t->mm == mm;
	return false;
}

/*
 * Kill the "best" process for an allocation that found no memory.
 * Returns true when waiting and retrying may help (a victim was killed,
 * or one is still on its way out), false when nothing could be done.
 * Linux: out_of_memory()
 */
bool out_of_memory(struct oom_control *oc)
{
	/* A dying task takes no one else with it: it will free its memory. */
	if (current->mm && task_will_free_mem(current)) {
		mark_oom_victim(current);
		return true;
	}
	/* Without __GFP_FS reclaim could not do its work: not the OOM killer's turn. */
	if (oc->gfp_mask && !(oc->gfp_mask & __GFP_FS))
		return true;
	oc->constraint = CONSTRAINT_NONE;
	oc->totalpages = oom_totalpages();
	if (sysctl_oom_kill_allocating_task && current->mm && !oom_unkillable_task(current) &&
	    current->signal->oom_score_adj != OOM_SCORE_ADJ_MIN) {
		get_task_struct(current);
		oc->chosen = current;
		oom_kill_process(oc, "Out of memory (oom_kill_allocating_task)");
		return true;
	}
	select_bad_process(oc);
	if (!oc->chosen) {
		dump_header(oc, NULL);
		pr_warn("Out of memory and no killable processes...\n");
		/*
		 * Linux panics here. Faultline kills the allocating process if
		 * it is a user one (its oom_score_adj was -1000, or it is
		 * init, whose death stops the kernel as Linux's panic would),
		 * else lets the allocation fail.
		 */
		if (!current->mm || (current->flags & PF_KTHREAD))
			return false;
		force_sig(SIGKILL);
		return true;
	}
	if (oc->chosen != (void *)-1UL)
		oom_kill_process(oc, "Out of memory");
	return true;
}

/*
 * A page fault ended in VM_FAULT_OOM though the allocator had its
 * chance to kill: the fault is simply retried, unless this task is
 * dying. Linux: pagefault_out_of_memory() (without the memory cgroup
 * case); the message is 6.1's, at most once a second.
 */
void pagefault_out_of_memory(void)
{
	static unsigned long last_warned;

	if (fatal_signal_pending(current))
		return;
	if (!last_warned || time_after(jiffies, last_warned + HZ)) {
		last_warned = jiffies;
		pr_warn("Huh VM_FAULT_OOM leaked out to the #PF handler. Retrying PF\n");
	}
}

/*
 * Free the memory of the dying process a pidfd names, now: EINVAL for
 * flags or a process that is not dying, ESRCH for one without an mm any
 * more (a zombie) or reaped, EBADF for a file that is no pidfd.
 * Linux: SYSCALL_DEFINE2(process_mrelease)
 */
SYSCALL_DEFINE2(process_mrelease, int, pidfd, unsigned int, flags)
{
	struct task_struct *task;
	struct mm_struct *mm;
	unsigned int f_flags;
	long ret = 0;

	if (flags)
		return -EINVAL;
	task = pidfd_get_task(pidfd, &f_flags);
	if (IS_ERR(task))
		return PTR_ERR(task);
	mm = task->mm;		/* Linux: find_lock_task_mm(), a thread that still has it */
	if (!mm) {
		ret = -ESRCH;
		goto put_task;
	}
	mmgrab(mm);
	if (!task_will_free_mem(task))
		ret = -EINVAL;
	else if (!__oom_reap_task_mm(mm))
		ret = -EAGAIN;
	mmdrop(mm);
put_task:
	put_task_struct(task);
	return ret;
}
