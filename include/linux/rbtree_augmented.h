/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RBTREE_AUGMENTED_H
#define _LINUX_RBTREE_AUGMENTED_H

#include <linux/rbtree.h>

/*
 * Augmented red-black trees: each node also caches a value computed from
 * its own data and its two subtrees' values (the largest gap below a VMA,
 * the highest end in an interval tree). The tree keeps it right through
 * three callbacks:
 *
 *   propagate(node, stop)  recompute from node up to (not including)
 *                          stop; it may end early once a value is unchanged
 *   copy(old, new)         new takes old's place: it takes old's value
 *   rotate(old, new)       new rotated into old's place: new takes old's
 *                          value (same subtree), old is recomputed
 *
 * Linux: include/linux/rbtree_augmented.h
 */
struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment);
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment);

/*
 * The same on an rb_root_cached: the caller, which walked down to the
 * new node's slot, knows whether it went left all the way (newleft);
 * an erased leftmost node hands the title to its successor.
 * Linux: rb_insert_augmented_cached(), rb_erase_augmented_cached()
 */
static inline void rb_insert_augmented_cached(struct rb_node *node,
					      struct rb_root_cached *root, bool newleft,
					      const struct rb_augment_callbacks *augment)
{
	if (newleft)
		root->rb_leftmost = node;
	rb_insert_augmented(node, &root->rb_root, augment);
}

static inline void rb_erase_augmented_cached(struct rb_node *node, struct rb_root_cached *root,
					     const struct rb_augment_callbacks *augment)
{
	if (root->rb_leftmost == node)
		root->rb_leftmost = rb_next(node);
	rb_erase_augmented(node, &root->rb_root, augment);
}

/*
 * The three callbacks for a field RBAUGMENTED of RBSTRUCT (embedding its
 * node as RBFIELD) whose value RBCOMPUTE(node) computes from the node and
 * its children. (Linux's current macro takes a compute that updates in
 * place; this is the form Linux had when VMAs lived in an rbtree.)
 */
#define RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD,	\
			     RBTYPE, RBAUGMENTED, RBCOMPUTE)		\
static void RBNAME ## _propagate(struct rb_node *rb, struct rb_node *stop) \
{									\
	while (rb != stop) {						\
		RBSTRUCT *node = rb_entry(rb, RBSTRUCT, RBFIELD);	\
		RBTYPE augmented = RBCOMPUTE(node);			\
		if (node->RBAUGMENTED == augmented)			\
			break;						\
		node->RBAUGMENTED = augmented;				\
		rb = rb_parent(&node->RBFIELD);				\
	}								\
}									\
static void RBNAME ## _copy(struct rb_node *rb_old, struct rb_node *rb_new) \
{									\
	rb_entry(rb_new, RBSTRUCT, RBFIELD)->RBAUGMENTED =		\
		rb_entry(rb_old, RBSTRUCT, RBFIELD)->RBAUGMENTED;	\
}									\
static void RBNAME ## _rotate(struct rb_node *rb_old, struct rb_node *rb_new) \
{									\
	RBSTRUCT *old = rb_entry(rb_old, RBSTRUCT, RBFIELD);		\
	RBSTRUCT *new = rb_entry(rb_new, RBSTRUCT, RBFIELD);		\
	new->RBAUGMENTED = old->RBAUGMENTED;				\
	old->RBAUGMENTED = RBCOMPUTE(old);				\
}									\
RBSTATIC const struct rb_augment_callbacks RBNAME = {			\
	.propagate = RBNAME ## _propagate,				\
	.copy = RBNAME ## _copy,					\
	.rotate = RBNAME ## _rotate					\
}

/*
 * The callbacks for the commonest augment: RBAUGMENTED caches the
 * largest RBCOMPUTE(node) of a node's subtree (an interval tree's
 * highest last). Linux: RB_DECLARE_CALLBACKS_MAX
 */
#define RB_DECLARE_CALLBACKS_MAX(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD,	\
				 RBTYPE, RBAUGMENTED, RBCOMPUTE)	\
static inline RBTYPE RBNAME ## _compute_max(RBSTRUCT *node)		\
{									\
	RBSTRUCT *child;						\
	RBTYPE max = RBCOMPUTE(node);					\
	if (node->RBFIELD.rb_left) {					\
		child = rb_entry(node->RBFIELD.rb_left, RBSTRUCT, RBFIELD); \
		if (child->RBAUGMENTED > max)				\
			max = child->RBAUGMENTED;			\
	}								\
	if (node->RBFIELD.rb_right) {					\
		child = rb_entry(node->RBFIELD.rb_right, RBSTRUCT, RBFIELD); \
		if (child->RBAUGMENTED > max)				\
			max = child->RBAUGMENTED;			\
	}								\
	return max;							\
}									\
RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBTYPE,	\
		     RBAUGMENTED, RBNAME ## _compute_max)

#endif
