// SPDX-License-Identifier: GPL-2.0
/*
 * The rmap's two interval trees (include/linux/interval_tree_generic.h
 * draws one), both keyed by the pages of a file (or of anonymous
 * memory) that a VMA maps, [vm_pgoff, vm_pgoff + vma_pages - 1]:
 *
 *   vma_interval_tree        the VMAs in a file's address_space->i_mmap,
 *                            through vma->shared
 *   anon_vma_interval_tree   the anon_vma_chains in anon_vma->rb_root,
 *                            each keyed by its VMA's range
 *
 * A key is read when its node goes in. So a VMA whose vm_start, vm_end
 * or vm_pgoff changes leaves both trees first and comes back after:
 * vma_interval_tree_remove/insert for i_mmap, and the pre/post update
 * pair below for its avcs (mm/vma.c's set_range and __split_vma, and
 * expand_stack, do it). Linux: mm/interval_tree.c
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/rmap.h>
#include <linux/interval_tree_generic.h>

static inline unsigned long vma_start_pgoff(struct vm_area_struct *v)
{
	return v->vm_pgoff;
}

static inline unsigned long vma_last_pgoff(struct vm_area_struct *v)
{
	return v->vm_pgoff + vma_pages(v) - 1;
}

INTERVAL_TREE_DEFINE(struct vm_area_struct, shared.rb, unsigned long, shared.rb_subtree_last,
		     vma_start_pgoff, vma_last_pgoff, /* not static */, vma_interval_tree)

/*
 * node (fork's copy of prev: the same range) goes right after prev in
 * the tree's order: as prev's right child, or as the leftmost node of
 * prev's right subtree, raising the highest last on the way down. fork
 * keeps a parent's and its child's VMAs next to each other this way.
 * Linux: vma_interval_tree_insert_after()
 */
void vma_interval_tree_insert_after(struct vm_area_struct *node, struct vm_area_struct *prev,
				    struct rb_root_cached *root)
{
	unsigned long last = vma_last_pgoff(node);
	struct vm_area_struct *parent = prev;
	struct rb_node **link = &prev->shared.rb.rb_right;

	VM_BUG_ON(vma_start_pgoff(node) != vma_start_pgoff(prev));
	while (*link) {
		parent = rb_entry(*link, struct vm_area_struct, shared.rb);
		if (parent->shared.rb_subtree_last < last)
			parent->shared.rb_subtree_last = last;
		link = &parent->shared.rb.rb_left;
	}
	node->shared.rb_subtree_last = last;
	rb_link_node(&node->shared.rb, &parent->shared.rb, link);
	/* Right of prev: never the leftmost, so the cached root is unchanged. */
	rb_insert_augmented(&node->shared.rb, &root->rb_root, &vma_interval_tree_augment);
}

/*
 * node's place in its tree is right: its cached highest last is the
 * largest of its own and its children's, and it sorts between its
 * in-order neighbours. Every node passing this makes a right tree. For
 * the mm audit (mm/debug_vm.c), which checks each VMA's nodes.
 */
bool vma_interval_tree_node_ok(struct vm_area_struct *node)
{
	struct rb_node *rb = &node->shared.rb, *prev = rb_prev(rb), *next = rb_next(rb);

	if (node->shared.rb_subtree_last != vma_interval_tree_augment_compute_max(node))
		return false;
	if (prev && vma_start_pgoff(rb_entry(prev, struct vm_area_struct, shared.rb)) >
		    vma_start_pgoff(node))
		return false;
	return !next || vma_start_pgoff(rb_entry(next, struct vm_area_struct, shared.rb)) >=
			vma_start_pgoff(node);
}

static inline unsigned long avc_start_pgoff(struct anon_vma_chain *avc)
{
	return vma_start_pgoff(avc->vma);
}

static inline unsigned long avc_last_pgoff(struct anon_vma_chain *avc)
{
	return vma_last_pgoff(avc->vma);
}

INTERVAL_TREE_DEFINE(struct anon_vma_chain, rb, unsigned long, rb_subtree_last,
		     avc_start_pgoff, avc_last_pgoff, static inline, __anon_vma_interval_tree)

void anon_vma_interval_tree_insert(struct anon_vma_chain *node, struct rb_root_cached *root)
{
#ifdef CONFIG_DEBUG_VM
	node->cached_vma_start = avc_start_pgoff(node);
	node->cached_vma_last = avc_last_pgoff(node);
#endif
	__anon_vma_interval_tree_insert(node, root);
}

void anon_vma_interval_tree_remove(struct anon_vma_chain *node, struct rb_root_cached *root)
{
	__anon_vma_interval_tree_remove(node, root);
}

struct anon_vma_chain *anon_vma_interval_tree_iter_first(struct rb_root_cached *root,
							 unsigned long start, unsigned long last)
{
	return __anon_vma_interval_tree_iter_first(root, start, last);
}

struct anon_vma_chain *anon_vma_interval_tree_iter_next(struct anon_vma_chain *node,
							unsigned long start, unsigned long last)
{
	return __anon_vma_interval_tree_iter_next(node, start, last);
}

/*
 * node went in with its VMA's range as it is now (a VMA changed while
 * in the tree is found at its old place, or not at all), and its place
 * in the tree is right, as vma_interval_tree_node_ok() checks.
 * Linux: anon_vma_interval_tree_verify() (CONFIG_DEBUG_VM_RB; the key
 * check only)
 */
bool anon_vma_interval_tree_verify(struct anon_vma_chain *node)
{
	struct rb_node *prev = rb_prev(&node->rb), *next = rb_next(&node->rb);

#ifdef CONFIG_DEBUG_VM
	if (node->cached_vma_start != avc_start_pgoff(node) ||
	    node->cached_vma_last != avc_last_pgoff(node))
		return false;
#endif
	if (node->rb_subtree_last != __anon_vma_interval_tree_augment_compute_max(node))
		return false;
	if (prev && avc_start_pgoff(rb_entry(prev, struct anon_vma_chain, rb)) >
		    avc_start_pgoff(node))
		return false;
	return !next || avc_start_pgoff(rb_entry(next, struct anon_vma_chain, rb)) >=
			avc_start_pgoff(node);
}

/*
 * vma's range is about to change: take each of its avcs out of its
 * anon_vma's tree, and put them back, at the new key, once it has.
 * Linux: static in mm/mmap.c (under the anon_vma locks, which one CPU
 * without kernel preemption does not need)
 */
void anon_vma_interval_tree_pre_update_vma(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc;

	list_for_each_entry(avc, &vma->anon_vma_chain, same_vma)
		anon_vma_interval_tree_remove(avc, &avc->anon_vma->rb_root);
}

void anon_vma_interval_tree_post_update_vma(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc;

	list_for_each_entry(avc, &vma->anon_vma_chain, same_vma)
		anon_vma_interval_tree_insert(avc, &avc->anon_vma->rb_root);
}
