// SPDX-License-Identifier: GPL-2.0
/*
 * The VMA index of an address space: a sorted doubly linked list and a
 * red-black tree of the same VMAs, the tree augmented with the largest
 * free gap in each subtree; finding, linking, splitting and merging VMAs.
 * Linux: mm/mmap.c up to 6.0 (the VMA half of it; 6.10 moved it to
 * mm/vma.c and the maple tree replaced the list and tree in 6.1)
 *
 * The gap before a VMA is the free space between the previous VMA's end
 * and its start, minus the stack guard gap below a growing-down stack:
 *
 *   [prev]        gap        [vma]
 *   ^vm_end_gap(prev)     ^vm_start_gap(vma)
 *
 * rb_subtree_gap caches the largest such gap in a node's subtree, so
 * vm_unmapped_area() can skip whole subtrees that have no room.
 * Whenever a VMA's start, or its predecessor's end, moves, its gap is
 * recomputed and pushed up the tree (vma_gap_update).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/rmap.h>
#include <linux/userfaultfd_k.h>
#include <linux/rbtree_augmented.h>
#include <linux/init.h>
#include <linux/string.h>
#include "internal.h"


static unsigned long vma_compute_gap(const struct vm_area_struct *vma)
{
	unsigned long gap = vm_start_gap(vma), prev_end;

	if (vma->vm_prev) {
		prev_end = vm_end_gap(vma->vm_prev);
		gap = gap > prev_end ? gap - prev_end : 0;
	}
	return gap;
}

unsigned long vma_compute_subtree_gap(struct vm_area_struct *vma)
{
	unsigned long max = vma_compute_gap(vma);

	if (vma->vm_rb.rb_left) {
		unsigned long gap = rb_entry(vma->vm_rb.rb_left, struct vm_area_struct,
					     vm_rb)->rb_subtree_gap;
		if (gap > max)
			max = gap;
	}
	if (vma->vm_rb.rb_right) {
		unsigned long gap = rb_entry(vma->vm_rb.rb_right, struct vm_area_struct,
					     vm_rb)->rb_subtree_gap;
		if (gap > max)
			max = gap;
	}
	return max;
}

RB_DECLARE_CALLBACKS(static, vma_gap_callbacks, struct vm_area_struct, vm_rb,
		     unsigned long, rb_subtree_gap, vma_compute_subtree_gap);

static void vma_gap_update(struct vm_area_struct *vma)
{
	vma_gap_callbacks_propagate(&vma->vm_rb, NULL);
}

/* vma's bounds moved: its own gap and the next one's changed. */
static void vma_bounds_changed(struct vm_area_struct *vma)
{
	vma_gap_update(vma);
	if (vma->vm_next)
		vma_gap_update(vma->vm_next);
	else
		vma->vm_mm->highest_vm_end = vm_end_gap(vma);
}

/* --- lookup --- */

/* The first VMA that ends above addr (it may start above addr too). */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	/* LAB vma: find-vma BEGIN */
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (node) {
		struct vm_area_struct *vma = rb_entry(node, struct vm_area_struct, vm_rb);

		if (vma->vm_end > addr) {
			found = vma;
			if (vma->vm_start <= addr)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return found;
	/* LAB vma: find-vma END */
}

/* find_vma, and the VMA before that position in *pprev. */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (vma) {
		*pprev = vma->vm_prev;
	} else {
		struct rb_node *last = rb_last(&mm->mm_rb);

		*pprev = last ? rb_entry(last, struct vm_area_struct, vm_rb) : NULL;
	}
	return vma;
}

/* The first VMA overlapping [start, end), or NULL. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start,
					     unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	if (vma && end <= vma->vm_start)
		vma = NULL;
	return vma;
}

/*
 * Where a VMA for [addr, end) goes: the VMA before it and the tree slot.
 * -ENOMEM if the range overlaps an existing VMA.
 */
static int find_vma_links(struct mm_struct *mm, unsigned long addr, unsigned long end,
			  struct vm_area_struct **pprev, struct rb_node ***rb_link,
			  struct rb_node **rb_parent)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL, *prev = NULL;

	while (*link) {
		struct vm_area_struct *vma = rb_entry(*link, struct vm_area_struct, vm_rb);

		parent = *link;
		if (vma->vm_end > addr) {
			if (vma->vm_start < end)
				return -ENOMEM;
			link = &parent->rb_left;
		} else {
			prev = parent;
			link = &parent->rb_right;
		}
	}
	*pprev = prev ? rb_entry(prev, struct vm_area_struct, vm_rb) : NULL;
	*rb_link = link;
	*rb_parent = parent;
	return 0;
}

/* --- linking and unlinking --- */

static void vma_link_list(struct mm_struct *mm, struct vm_area_struct *vma,
			  struct vm_area_struct *prev)
{
	struct vm_area_struct *next = prev ? prev->vm_next : mm->mmap;

	vma->vm_prev = prev;
	vma->vm_next = next;
	if (prev)
		prev->vm_next = vma;
	else
		mm->mmap = vma;
	if (next)
		next->vm_prev = vma;
}

/*
 * The new node's gap is not known until it is in the list, so it goes in
 * with a zero gap, gets its real one, and then the tree is rebalanced
 * (rotations carry the values along).
 */
static void vma_link_rb(struct mm_struct *mm, struct vm_area_struct *vma,
			struct rb_node **rb_link, struct rb_node *rb_parent)
{
	if (vma->vm_next)
		vma_gap_update(vma->vm_next);
	else
		mm->highest_vm_end = vm_end_gap(vma);
	rb_link_node(&vma->vm_rb, rb_parent, rb_link);
	vma->rb_subtree_gap = 0;
	vma_gap_update(vma);
	rb_insert_augmented(&vma->vm_rb, &mm->mm_rb, &vma_gap_callbacks);
}

/*
 * A file VMA joins the file's i_mmap (file rmap: who maps this file),
 * at its file range; after prev (fork's original of it) if given, else
 * at its place by range. Linux: __vma_link_file(), and dup_mmap()'s
 * vma_interval_tree_insert_after() (both under i_mmap_lock_write)
 */
void vma_link_file(struct vm_area_struct *vma, struct vm_area_struct *prev)
{
	struct address_space *mapping;

	if (!vma->vm_file)
		return;
	mapping = vma->vm_file->f_mapping;
	if (is_shared_maywrite(vma->vm_flags))
		mapping->i_mmap_writable++;
	if (prev)
		vma_interval_tree_insert_after(vma, prev, &mapping->i_mmap);
	else
		vma_interval_tree_insert(vma, &mapping->i_mmap);
}

/* Linux: unlink_file_vma() (under i_mmap_lock_write) */
void unlink_file_vma(struct vm_area_struct *vma)
{
	struct address_space *mapping;

	if (!vma->vm_file || RB_EMPTY_NODE(&vma->shared.rb))
		return;
	mapping = vma->vm_file->f_mapping;
	vma_interval_tree_remove(vma, &mapping->i_mmap);
	RB_CLEAR_NODE(&vma->shared.rb);
	if (is_shared_maywrite(vma->vm_flags))
		mapping->i_mmap_writable--;
}

void vma_link(struct mm_struct *mm, struct vm_area_struct *vma, struct vm_area_struct *prev,
	      struct rb_node **rb_link, struct rb_node *rb_parent)
{
	vma_link_list(mm, vma, prev);
	vma_link_rb(mm, vma, rb_link, rb_parent);
	if (RB_EMPTY_NODE(&vma->shared.rb))	/* dup_mmap linked it after its original */
		vma_link_file(vma, NULL);
	mm->map_count++;
	validate_mm(mm);
}

/* Take vma out of the list and the tree (not out of the file's i_mmap). */
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma->vm_prev, *next = vma->vm_next;

	rb_erase_augmented(&vma->vm_rb, &mm->mm_rb, &vma_gap_callbacks);
	RB_CLEAR_NODE(&vma->vm_rb);
	if (prev)
		prev->vm_next = next;
	else
		mm->mmap = next;
	if (next) {
		next->vm_prev = prev;
		vma_gap_update(next);
	} else {
		mm->highest_vm_end = prev ? vm_end_gap(prev) : 0;
	}
	mm->map_count--;
}

/*
 * Insert a VMA built by hand (exec's stack, tests). Anonymous memory
 * gets vm_pgoff = vm_start in pages, so that neighbours can merge.
 * Linux: insert_vm_struct()
 */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev;
	struct rb_node **rb_link, *rb_parent;

	if (find_vma_links(mm, vma->vm_start, vma->vm_end, &prev, &rb_link, &rb_parent))
		return -ENOMEM;
	if ((vma->vm_flags & VM_ACCOUNT) && __vm_enough_memory(mm, vma_pages(vma)))
		return -ENOMEM;
	if (vma_is_anonymous(vma))
		vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT;
	vma_link(mm, vma, prev, rb_link, rb_parent);
	return 0;
}

/* Link a VMA whose range is known to be free. */
int vma_insert_at(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev;
	struct rb_node **rb_link, *rb_parent;

	if (find_vma_links(mm, vma->vm_start, vma->vm_end, &prev, &rb_link, &rb_parent))
		return -ENOMEM;
	vma_link(mm, vma, prev, rb_link, rb_parent);
	return 0;
}

/* Drop what a VMA holds and free it (its pages are already unmapped). */
void remove_vma(struct vm_area_struct *vma)
{
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	unlink_file_vma(vma);
	unlink_anon_vmas(vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	vm_area_free(vma);
}

/* Unlink from everything and free: a VMA swallowed by a merge. */
static void vma_remove_merged(struct mm_struct *mm, struct vm_area_struct *vma)
{
	vma_unlink(mm, vma);
	remove_vma(vma);
}

/* --- split --- */

/*
 * Move vma's bounds and offset. Its keys in the rmap's interval trees
 * (its file's i_mmap, its avcs in their anon_vmas) change with them,
 * so it leaves the trees first and goes back in after.
 * Linux: what __vma_adjust() and expand_downwards() do around their
 * change of the bounds (6.3's vma_set_range() names the change alone),
 * there under i_mmap_lock_write and the anon_vma's lock, which one CPU
 * without kernel preemption does not need
 */
void vma_set_range(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		   pgoff_t pgoff)
{
	struct address_space *mapping = NULL;

	if (vma->vm_file && !RB_EMPTY_NODE(&vma->shared.rb))
		mapping = vma->vm_file->f_mapping;
	if (mapping)
		vma_interval_tree_remove(vma, &mapping->i_mmap);
	anon_vma_interval_tree_pre_update_vma(vma);
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_pgoff = pgoff;
	anon_vma_interval_tree_post_update_vma(vma);
	if (mapping)
		vma_interval_tree_insert(vma, &mapping->i_mmap);
	vma_bounds_changed(vma);
}

/*
 * Cut vma in two at addr. With new_below the new VMA is the lower part
 * [vm_start, addr), otherwise the upper part [addr, vm_end); vma keeps
 * the other. The new one shares the file and anon_vma. Linux: __split_vma()
 */
int __split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
		int new_below)
{
	pgoff_t addr_pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	struct vm_area_struct *new;

	VM_BUG_ON(addr <= vma->vm_start || addr >= vma->vm_end || (addr & ~PAGE_MASK));
	new = vm_area_dup(vma);
	if (!new)
		return -ENOMEM;
	/* new's range first: its avcs join the anon_vma trees at it. */
	if (new_below) {
		new->vm_end = addr;
	} else {
		new->vm_start = addr;
		new->vm_pgoff = addr_pgoff;
	}
	if (anon_vma_clone(new, vma)) {
		vm_area_free(new);
		return -ENOMEM;
	}
	if (new->vm_file)
		get_file(new->vm_file);
	if (new->vm_ops && new->vm_ops->open)
		new->vm_ops->open(new);

	if (new_below)
		vma_set_range(vma, addr, vma->vm_end, addr_pgoff);
	else
		vma_set_range(vma, vma->vm_start, addr, vma->vm_pgoff);
	return vma_insert_at(mm, new);
}

/* As __split_vma, but refused past the VMA count limit. */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
	      int new_below)
{
	if (mm->map_count >= sysctl_max_map_count)
		return -ENOMEM;
	return __split_vma(mm, vma, addr, new_below);
}

/*
 * Give [start, end) of vma a VMA of its own for newflags: merged into a
 * compatible neighbour if one is there, else split off vma (one split
 * at each end that needs it). Returns the VMA now covering the range,
 * its flags not yet changed, or an ERR_PTR (ENOMEM past max_map_count
 * or with no memory; the range is then as it was, maybe split once).
 * *pprev is set to the returned VMA, or on failure to vma.
 * Linux: vma_modify_flags() (from 6.7; 6.1 spells this out in each of
 * mprotect_fixup(), mlock_fixup() and madvise_update_vma())
 */
struct vm_area_struct *vma_modify_flags(struct vm_area_struct **pprev, struct vm_area_struct *vma,
					unsigned long start, unsigned long end,
					unsigned long newflags)
{
	pgoff_t pgoff = vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT);

	return vma_modify_uffd(pprev, vma, start, end, newflags, pgoff, vma->vm_userfaultfd_ctx);
}

/*
 * vma_modify_flags() for userfaultfd: the range also gets the uffd
 * new_ctx, which a neighbour must share to merge, and the caller says
 * which pgoff vma_merge is offered (userfaultfd_register() says why).
 * Linux: vma_modify_flags_uffd() (6.7), vma_merge() in 6.1's
 * userfaultfd_register()
 */
struct vm_area_struct *vma_modify_uffd(struct vm_area_struct **pprev, struct vm_area_struct *vma,
				       unsigned long start, unsigned long end,
				       unsigned long newflags, pgoff_t pgoff,
				       struct vm_userfaultfd_ctx new_ctx)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *merged;
	int err;

	merged = vma_merge(mm, *pprev, start, end, newflags, vma->anon_vma, vma->vm_file, pgoff,
			   new_ctx);
	*pprev = merged ? merged : vma;
	if (merged)
		return merged;
	if (start != vma->vm_start) {
		err = split_vma(mm, vma, start, 1);
		if (err)
			return ERR_PTR(err);
	}
	if (end != vma->vm_end) {
		err = split_vma(mm, vma, end, 0);
		if (err)
			return ERR_PTR(err);
	}
	return vma;
}

/* --- merge --- */

/* Same flags (but for the soft-dirty mark), same file and uffd, no close hook. */
static bool is_mergeable_vma(const struct vm_area_struct *vma, const struct file *file,
			     unsigned long vm_flags, struct vm_userfaultfd_ctx vm_userfaultfd_ctx)
{
	if ((vma->vm_flags ^ vm_flags) & ~VM_SOFTDIRTY)
		return false;
	if (vma->vm_file != file)
		return false;
	if (vma->vm_ops && vma->vm_ops->close)
		return false;
	if (vma->vm_userfaultfd_ctx.ctx != vm_userfaultfd_ctx.ctx)
		return false;
	return true;
}

/*
 * Anonymous pages of the merged area must all be found through one
 * anon_vma: mergeable if both have the same, or if either side has none
 * yet and vma (when given) has exactly one avc: a VMA that inherited a
 * chain from a parent is not merged into, to keep anon_vma locks short.
 * An empty chain is not "one", as in 6.1: a faulted range growing into
 * an unfaulted neighbour (mremap) stays apart from it.
 */
static bool is_mergeable_anon_vma(struct anon_vma *anon_vma1, struct anon_vma *anon_vma2,
				  const struct vm_area_struct *vma)
{
	if ((!anon_vma1 || !anon_vma2) && (!vma || list_is_singular(&vma->anon_vma_chain)))
		return true;
	return anon_vma1 == anon_vma2;
}

/* May [.., vma) be extended upward to take a range at vm_pgoff? */
static bool can_vma_merge_after(const struct vm_area_struct *vma, unsigned long vm_flags,
				struct anon_vma *anon_vma, const struct file *file,
				pgoff_t vm_pgoff, struct vm_userfaultfd_ctx vm_userfaultfd_ctx)
{
	return is_mergeable_vma(vma, file, vm_flags, vm_userfaultfd_ctx) &&
	       is_mergeable_anon_vma(anon_vma, vma->anon_vma, vma) &&
	       vma->vm_pgoff + vma_pages(vma) == vm_pgoff;
}

/* May vma be extended downward to take a range ending at vm_pgoff? */
static bool can_vma_merge_before(const struct vm_area_struct *vma, unsigned long vm_flags,
				 struct anon_vma *anon_vma, const struct file *file,
				 pgoff_t vm_pgoff, struct vm_userfaultfd_ctx vm_userfaultfd_ctx)
{
	return is_mergeable_vma(vma, file, vm_flags, vm_userfaultfd_ctx) &&
	       is_mergeable_anon_vma(anon_vma, vma->anon_vma, vma) &&
	       vma->vm_pgoff == vm_pgoff;
}

/* The survivor of a merge must carry the anon_vma of what it swallows. */
static int import_anon_vma(struct vm_area_struct *importer, struct vm_area_struct *exporter)
{
	if (exporter && exporter->anon_vma && !importer->anon_vma) {
		importer->anon_vma = exporter->anon_vma;
		if (anon_vma_clone(importer, exporter)) {
			importer->anon_vma = NULL;
			return -ENOMEM;
		}
	}
	return 0;
}

/*
 * Given a range [addr, end) about to get vm_flags and the uffd
 * vm_userfaultfd_ctx (a new mapping in a hole after prev, or part of an
 * existing VMA "area" that mprotect is changing), merge it with its
 * neighbours where they are compatible.
 * Returns the VMA now covering the range, or NULL (the caller splits and
 * changes by itself). The cases, as Linux numbers them (A = the range,
 * P = prev, N = next, Z = the VMA after next):
 *
 *      AAAA           AAAA              AAAA          AAAA
 *   PPPP    NNNN   PPPPNNNNZZZZ   PPPPPPNNNNNN   PPPPPPNNNNNN
 *   1 PPPPPPPPPPPP  6 PPPPPPPPPPPP  4 PPNNNNNNNNNN  5 PPPPPPPPPPNN
 *   2 PPPPPPPPNNNN  7 PPPPPPPPZZZZ   (A is P's tail) (A is N's head)
 *   3 PPPPNNNNNNNN  8 PPPPZZZZZZZZ
 *
 * Linux: vma_merge() (the effects here are spelled out instead of going
 * through one vma_adjust()).
 */
struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end, unsigned long vm_flags,
				 struct anon_vma *anon_vma, struct file *file, pgoff_t pgoff,
				 struct vm_userfaultfd_ctx vm_userfaultfd_ctx)
{
	/* LAB vma: merge BEGIN */
	pgoff_t pglen = (end - addr) >> PAGE_SHIFT;
	struct vm_area_struct *area, *next;
	bool merge_prev = false, merge_next = false;

	if (vm_flags & VM_SPECIAL)
		return NULL;
	next = prev ? prev->vm_next : mm->mmap;
	area = next;
	if (area && area->vm_end == end)	/* cases 6, 7, 8: A is next */
		next = next->vm_next;
	VM_BUG_ON(prev && addr <= prev->vm_start);
	VM_BUG_ON(area && end > area->vm_end);
	VM_BUG_ON(addr >= end);

	if (prev && prev->vm_end == addr &&
	    can_vma_merge_after(prev, vm_flags, anon_vma, file, pgoff, vm_userfaultfd_ctx))
		merge_prev = true;
	if (next && end == next->vm_start &&
	    can_vma_merge_before(next, vm_flags, anon_vma, file, pgoff + pglen,
				 vm_userfaultfd_ctx))
		merge_next = true;
	if (merge_prev && merge_next &&
	    !is_mergeable_anon_vma(prev->anon_vma, next->anon_vma, NULL))
		merge_next = false;

	if (merge_prev && merge_next) {
		/* cases 1, 6: prev takes everything up to next's end */
		struct vm_area_struct *mid = area != next ? area : NULL;

		if (import_anon_vma(prev, next) || import_anon_vma(prev, mid))
			return NULL;
		if (mid)
			vma_remove_merged(mm, mid);
		vma_set_range(prev, prev->vm_start, next->vm_end, prev->vm_pgoff);
		vma_remove_merged(mm, next);
		area = prev;
	} else if (merge_prev) {
		/* cases 2, 5, 7: prev grows to end */
		if (area && area != next && end == area->vm_end) {	/* 7 */
			if (import_anon_vma(prev, area))
				return NULL;
			vma_remove_merged(mm, area);
		} else if (area && addr == area->vm_start && end < area->vm_end) { /* 5 */
			if (import_anon_vma(prev, area))
				return NULL;
			vma_set_range(area, end, area->vm_end, area->vm_pgoff + pglen);
		}
		vma_set_range(prev, prev->vm_start, end, prev->vm_pgoff);
		area = prev;
	} else if (merge_next) {
		if (prev && addr < prev->vm_end) {
			/* case 4: prev's tail moves to next */
			if (import_anon_vma(next, prev))
				return NULL;
			vma_set_range(prev, prev->vm_start, addr, prev->vm_pgoff);
			vma_set_range(next, addr, next->vm_end, next->vm_pgoff - pglen);
			area = next;
		} else if (area != next) {
			/* case 8: area (== old next) grows over Z */
			if (import_anon_vma(area, next))
				return NULL;
			vma_set_range(area, addr, next->vm_end, next->vm_pgoff - pglen);
			vma_remove_merged(mm, next);
		} else {
			/* case 3: next grows down to addr */
			vma_set_range(next, addr, next->vm_end, next->vm_pgoff - pglen);
			area = next;
		}
	} else {
		return NULL;
	}
	validate_mm(mm);
	return area;
	/* LAB vma: merge END */
}
