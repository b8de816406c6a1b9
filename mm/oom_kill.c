// SPDX-License-Identifier: GPL-2.0
/*
 * Reaping a dying process's memory early: process_mrelease. Linux:
 * mm/oom_kill.c (where the OOM reaper does the same for the OOM killer's
 * victims)
 *
 * A process killed with SIGKILL frees its memory only when it runs
 * again to exit, which may be late. process_mrelease lets another
 * process (a low-memory daemon) unmap the dying process's private
 * memory at once: the VMAs stay, their pages and the page tables' hold
 * on them go, and exit_mmap later finds nothing left to free.
 *
 * Left out: the OOM killer itself (Faultline has no reclaim yet), the
 * MMF_OOM_SKIP and MMF_UNSTABLE marks (nothing faults the dying
 * process's memory back in: it never returns to user space).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/oom.h>
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
