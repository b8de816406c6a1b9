// SPDX-License-Identifier: GPL-2.0
/*
 * A kernel thread working in a user address space: it takes the mm as
 * its own and loads its page tables, so that copy_to_user() and friends
 * reach that mm, and faults there are served by its VMAs. The ktests use
 * this to run the fault path on an address space they built.
 * Linux: kernel/kthread.c kthread_use_mm(), kthread_unuse_mm()
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <asm/irqflags.h>
#include <asm/mmu_context.h>

void kthread_use_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *active_mm = tsk->active_mm;

	WARN_ON(tsk->mm);
	mmgrab(mm);
	tsk->mm = mm;
	tsk->active_mm = mm;
	switch_mm(active_mm, mm, tsk);
	if (active_mm != &init_mm)
		mmdrop(active_mm);
}

/*
 * Linux leaves the mm loaded (lazy TLB) until the next switch; with no
 * scheduler yet, switch straight back to the kernel's own page tables.
 */
void kthread_unuse_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;

	WARN_ON(tsk->mm != mm);
	tsk->mm = NULL;
	tsk->active_mm = &init_mm;
	switch_mm(mm, &init_mm, tsk);
	mmdrop(mm);
}
