// SPDX-License-Identifier: GPL-2.0
/*
 * Address spaces and VMAs: their allocation, lifetime and copying at
 * fork (dup_mmap). The memory half of Linux's kernel/fork.c; the task
 * half is kernel/fork.c.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/userfaultfd_k.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/ptrace.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>

static struct kmem_cache *vm_area_cachep;
static struct kmem_cache *mm_cachep;

/* Every live user address space, for the mm audit. */
LIST_HEAD(mm_list);

void fork_mm_caches_init(void)
{
	vm_area_cachep = kmem_cache_create("vm_area_struct", sizeof(struct vm_area_struct), 0,
					   SLAB_PANIC, NULL);
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 64,
				      SLAB_PANIC | SLAB_HWCACHE_ALIGN, NULL);
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);
	if (vma) {
		vma->vm_mm = mm;
		INIT_LIST_HEAD(&vma->anon_vma_chain);
		RB_CLEAR_NODE(&vma->shared.rb);
		RB_CLEAR_NODE(&vma->vm_rb);
	}
	return vma;
}

/* A copy with the same range, flags, file and anon_vma, in no list yet. */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *new = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);

	if (new) {
		*new = *orig;
		new->vm_next = new->vm_prev = NULL;
		INIT_LIST_HEAD(&new->anon_vma_chain);
		RB_CLEAR_NODE(&new->shared.rb);
		RB_CLEAR_NODE(&new->vm_rb);
	}
	return new;
}

void vm_area_free(struct vm_area_struct *vma)
{
	kmem_cache_free(vm_area_cachep, vma);
}

/*
 * A new, empty address space: no VMAs, the kernel half of the page tables
 * shared (pgd_alloc copies it). The layout (mmap_base) is picked at exec.
 * Linux: mm_alloc() -> mm_init()
 */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm;

	mm = kmem_cache_zalloc(mm_cachep, GFP_KERNEL);
	if (!mm)
		return NULL;
	mm->mm_rb = RB_ROOT;
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	mm->dumpable = 1;	/* a new program's mm (exec): dumpable again */
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	list_add_tail(&mm->mmlist, &mm_list);
	return mm;
}

/* The struct itself goes with its last reference. Linux: __mmdrop() */
void mmdrop(struct mm_struct *mm)
{
	if (!atomic_dec_and_test(&mm->mm_count))
		return;
	BUG_ON(mm == &init_mm);
	pgd_free(mm, mm->pgd);
	kmem_cache_free(mm_cachep, mm);
}

/*
 * The last user is gone: unmap everything and free the page tables; the
 * struct lives on while someone still holds mm_count. In debug builds the
 * audit first checks that the rmap finds every page mm maps as often as
 * its map count says (mm/debug_vm.c). Linux: mmput() -> __mmput()
 */
void mmput(struct mm_struct *mm)
{
	if (!atomic_dec_and_test(&mm->mm_users))
		return;
#ifdef CONFIG_DEBUG_VM
	mm_audit_mm(mm);
#endif
	exit_mmap(mm);
	if (mm->exe_file) {
		allow_write_access(mm->exe_file);
		fput(mm->exe_file);
		mm->exe_file = NULL;
	}
	list_del(&mm->mmlist);
	mmdrop(mm);
}

/*
 * The task's mm with a user reference (mmput when done), or NULL for a
 * kernel thread or a task past exit_mm. Linux: get_task_mm()
 */
struct mm_struct *get_task_mm(struct task_struct *task)
{
	struct mm_struct *mm = task->mm;

	if (!mm || (task->flags & PF_KTHREAD) || !mmget_not_zero(mm))
		return NULL;
	return mm;
}

/*
 * The task's mm with a user reference, if the current task may inspect
 * it in mode (ptrace_may_access; its own always): ERR_PTR(-ESRCH) when
 * it has none, ERR_PTR(-EACCES) when the check fails. Linux: mm_access()
 * (there under exec_update_lock, which one CPU without kernel
 * preemption does not need)
 */
struct mm_struct *mm_access(struct task_struct *task, unsigned int mode)
{
	struct mm_struct *mm = get_task_mm(task);

	if (!mm)
		return ERR_PTR(-ESRCH);
	if (mm != current->mm && !ptrace_may_access(task, mode)) {
		mmput(mm);
		return ERR_PTR(-EACCES);
	}
	return mm;
}

/*
 * Copy every VMA of oldmm into mm, with the page tables of those that
 * have anonymous pages (copy_page_range: COW). VM_DONTCOPY areas are
 * left out, and their pages taken off the child's counters. A VMA
 * registered with a userfaultfd stays registered in the child only with
 * UFFD_FEATURE_EVENT_FORK (to a new uffd the monitor reads from the
 * FORK event, which the parent waits for here).
 * Linux: dup_mmap()
 */
static int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *mpnt, *tmp;
	long charge = 0;
	int retval = 0;
	LIST_HEAD(uf);	/* the child's uffds, for the FORK events */

	/* Linux: mmap_lock for writing on both oldmm and mm (nested) throughout. */
	mm->total_vm = oldmm->total_vm;
	mm->data_vm = oldmm->data_vm;
	mm->exec_vm = oldmm->exec_vm;
	mm->stack_vm = oldmm->stack_vm;
	for (mpnt = oldmm->mmap; mpnt; mpnt = mpnt->vm_next) {
		charge = 0;
		if (mpnt->vm_flags & VM_DONTCOPY) {
			vm_stat_account(mm, mpnt->vm_flags, -(long)vma_pages(mpnt));
			continue;
		}
		if (mpnt->vm_flags & VM_ACCOUNT) {
			if (__vm_enough_memory(oldmm, (long)vma_pages(mpnt)))
				goto fail_nomem;
			charge = (long)vma_pages(mpnt);
		}
		tmp = vm_area_dup(mpnt);
		if (!tmp)
			goto fail_charge;
		tmp->vm_mm = mm;
		if (dup_userfaultfd(tmp, &uf))
			goto fail_free;
		if (tmp->vm_flags & VM_WIPEONFORK)
			tmp->anon_vma = NULL;	/* a clean slate: no pages, no anon_vma yet */
		else if (anon_vma_fork(tmp, mpnt))
			goto fail_free;
		tmp->vm_flags &= ~(VM_LOCKED | VM_LOCKONFAULT);
		if (tmp->vm_file) {
			get_file(tmp->vm_file);
			vma_link_file(tmp, mpnt);	/* next to mpnt in i_mmap */
		}
		vma_insert_at(mm, tmp);
		if (!(tmp->vm_flags & VM_WIPEONFORK))
			retval = copy_page_range(tmp, mpnt);
		if (tmp->vm_ops && tmp->vm_ops->open)
			tmp->vm_ops->open(tmp);
		if (retval)
			goto out;
	}
out:
	flush_tlb_mm(oldmm);	/* the parent's PTEs were write-protected */
	/* Even after a failure, as Linux: the monitor hears of every new uffd. */
	dup_userfaultfd_complete(&uf);
	return retval;
fail_free:
	vm_area_free(tmp);
fail_charge:
	vm_unacct_memory(charge);
fail_nomem:
	retval = -ENOMEM;
	goto out;
}

/*
 * A copy of oldmm for a forked child. On failure everything built so far
 * goes with the half-made mm (mmput). Linux: dup_mm()
 */
struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();

	(void)tsk;
	if (!mm)
		return NULL;
	mm->get_unmapped_area = oldmm->get_unmapped_area;
	mm->mmap_base = oldmm->mmap_base;
	mm->mmap_legacy_base = oldmm->mmap_legacy_base;
	mm->task_size = oldmm->task_size;
	mm->def_flags = oldmm->def_flags;
	mm->dumpable = oldmm->dumpable;
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data;
	mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->arg_start = oldmm->arg_start;
	mm->arg_end = oldmm->arg_end;
	mm->env_start = oldmm->env_start;
	mm->env_end = oldmm->env_end;
	memcpy(mm->saved_auxv, oldmm->saved_auxv, sizeof(mm->saved_auxv));
	if (oldmm->exe_file && !deny_write_access(oldmm->exe_file))
		mm->exe_file = get_file(oldmm->exe_file);
	if (dup_mmap(mm, oldmm)) {
		mmput(mm);
		return NULL;
	}
	mm->hiwater_rss = get_mm_rss(mm);
	mm->hiwater_vm = mm->total_vm;
	return mm;
}
