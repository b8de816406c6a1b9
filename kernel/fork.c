// SPDX-License-Identifier: GPL-2.0
/*
 * Address spaces and VMAs: their allocation and lifetime. fork() itself
 * joins this file with processes. Linux: kernel/fork.c
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/rmap.h>
#include <asm/pgalloc.h>

static struct kmem_cache *vm_area_cachep;
static struct kmem_cache *mm_cachep;

/* Every live user address space, for the mm audit. */
LIST_HEAD(mm_list);

static void fork_caches_init(void)
{
	if (vm_area_cachep)
		return;
	vm_area_cachep = kmem_cache_create("vm_area_struct", sizeof(struct vm_area_struct), 0,
					   SLAB_PANIC, NULL);
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 64,
				      SLAB_PANIC | SLAB_HWCACHE_ALIGN, NULL);
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	fork_caches_init();
	vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);
	if (vma) {
		vma->vm_mm = mm;
		INIT_LIST_HEAD(&vma->anon_vma_chain);
		INIT_LIST_HEAD(&vma->shared);
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
		INIT_LIST_HEAD(&new->shared);
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

	fork_caches_init();
	mm = kmem_cache_zalloc(mm_cachep, GFP_KERNEL);
	if (!mm)
		return NULL;
	mm->mm_rb = RB_ROOT;
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
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
 * audit then checks every remaining page's mapcount against the page
 * tables. Linux: mmput() -> __mmput()
 */
void mmput(struct mm_struct *mm)
{
	if (!atomic_dec_and_test(&mm->mm_users))
		return;
	exit_mmap(mm);
	list_del(&mm->mmlist);
	mmdrop(mm);
#ifdef CONFIG_DEBUG_VM
	mm_audit();
#endif
}
