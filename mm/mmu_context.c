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
	mmdrop(active_mm);
}

/*
 * Linux leaves the mm loaded (lazy TLB) until the next switch; here the
 * kernel's own page tables come back at once (leave_mm), so the mm can
 * go as soon as its users are gone.
 */
void kthread_unuse_mm(struct mm_struct *mm)
{
	WARN_ON(current->mm != mm);
	current->mm = NULL;
	leave_mm();
}

/*
 * A task without an mm of its own that still has another's page tables
 * loaded (lazy TLB, after a switch from a process) gives them back and
 * loads init_mm's, dropping its reference. The leak checks use this: the
 * last process's mm is otherwise kept until the next switch.
 * Linux: arch/x86/mm/tlb.c leave_mm()
 */
void leave_mm(void)
{
	struct task_struct *tsk = current;
	struct mm_struct *active_mm = tsk->active_mm;
	unsigned long flags;

	if (tsk->mm || active_mm == &init_mm)
		return;
	local_irq_save(flags);
	mmgrab(&init_mm);
	tsk->active_mm = &init_mm;
	switch_mm(active_mm, &init_mm, tsk);
	local_irq_restore(flags);
	mmdrop(active_mm);
}
