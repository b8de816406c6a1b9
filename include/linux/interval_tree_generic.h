/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INTERVAL_TREE_GENERIC_H
#define _LINUX_INTERVAL_TREE_GENERIC_H

#include <linux/rbtree_augmented.h>

/*
 * Interval trees: closed intervals [start, last] in a red-black tree
 * sorted by start, each node caching the highest last of its subtree.
 * A query for every interval overlapping [qstart, qlast] then skips any
 * subtree whose highest last is below qstart (nothing there reaches the
 * query) and stops at the first node starting after qlast (nothing to
 * its right starts earlier). The cost is O(log n) per interval found,
 * not O(n): the rmap walks visit only the VMAs that can map a page.
 *
 *                      [5, 9] max 30
 *                     /             \
 *           [2, 30] max 30       [8, 12] max 20
 *            /                      \
 *       [1, 3] max 3             [11, 20] max 20
 *
 *   query [25, 26]: only the left subtree reaches 25; [2, 30] overlaps,
 *   [1, 3] (max 3) and the right subtree (max 20) are never entered.
 *
 * INTERVAL_TREE_DEFINE(ITSTRUCT, ITRB, ITTYPE, ITSUBTREE, ITSTART,
 * ITLAST, ITSTATIC, ITPREFIX) writes, for nodes of type ITSTRUCT
 * embedding a struct rb_node ITRB and an ITTYPE ITSUBTREE (the cached
 * highest last), with ITSTART(node) and ITLAST(node) giving a node's
 * interval:
 *
 *   ITPREFIX_insert(node, root)         add node (its interval is read now:
 *                                       change it only while out of the tree)
 *   ITPREFIX_remove(node, root)         take it out
 *   ITPREFIX_iter_first(root, s, l)     the first node overlapping [s, l]
 *   ITPREFIX_iter_next(node, s, l)      the next one after node, or NULL
 *
 * Nodes with equal starts are kept in insertion order (a new one goes
 * to the right of its equals). The root is an rb_root_cached: its
 * leftmost node has the lowest start, so a query ending before it is
 * answered at once, as is one starting after the root's highest last.
 * Linux: include/linux/interval_tree_generic.h
 */
#define INTERVAL_TREE_DEFINE(ITSTRUCT, ITRB, ITTYPE, ITSUBTREE,		\
			     ITSTART, ITLAST, ITSTATIC, ITPREFIX)		\
									\
RB_DECLARE_CALLBACKS_MAX(static, ITPREFIX ## _augment, ITSTRUCT, ITRB,	\
			 ITTYPE, ITSUBTREE, ITLAST);				\
									\
/*									\
 * Walk down by start, raising each ancestor's highest last on the way	\
 * (the new node is in all their subtrees), then link and rebalance.	\
 */									\
ITSTATIC void ITPREFIX ## _insert(ITSTRUCT *node, struct rb_root_cached *root) \
{									\
	struct rb_node **link = &root->rb_root.rb_node, *rb_parent = NULL; \
	ITTYPE start = ITSTART(node), last = ITLAST(node);		\
	bool leftmost = true;						\
									\
	while (*link) {							\
		ITSTRUCT *parent = rb_entry(*link, ITSTRUCT, ITRB);	\
									\
		rb_parent = *link;					\
		if (parent->ITSUBTREE < last)				\
			parent->ITSUBTREE = last;			\
		if (start < ITSTART(parent)) {				\
			link = &parent->ITRB.rb_left;			\
		} else {						\
			link = &parent->ITRB.rb_right;			\
			leftmost = false;				\
		}							\
	}								\
	node->ITSUBTREE = last;						\
	rb_link_node(&node->ITRB, rb_parent, link);			\
	rb_insert_augmented_cached(&node->ITRB, root, leftmost,		\
				   &ITPREFIX ## _augment);		\
}									\
									\
ITSTATIC void ITPREFIX ## _remove(ITSTRUCT *node, struct rb_root_cached *root) \
{									\
	rb_erase_augmented_cached(&node->ITRB, root, &ITPREFIX ## _augment); \
}									\
									\
/*									\
 * The leftmost node of node's subtree that overlaps [start, last].	\
 * Called only when something in the subtree ends at or after start	\
 * (node->ITSUBTREE >= start); that stays true as the search descends.	\
 * A node overlaps when it starts at or before last and ends at or	\
 * after start. Going left first finds the lowest start; once a node	\
 * starts after last, nothing to its right can overlap either.		\
 */									\
static ITSTRUCT *ITPREFIX ## _subtree_search(ITSTRUCT *node, ITTYPE start, \
					      ITTYPE last)		\
{									\
	for (;;) {							\
		if (node->ITRB.rb_left) {				\
			ITSTRUCT *left = rb_entry(node->ITRB.rb_left,	\
						  ITSTRUCT, ITRB);	\
			if (left->ITSUBTREE >= start) {			\
				node = left;				\
				continue;				\
			}						\
		}							\
		if (ITSTART(node) > last)				\
			return NULL;					\
		if (ITLAST(node) >= start)				\
			return node;					\
		if (!node->ITRB.rb_right)				\
			return NULL;					\
		node = rb_entry(node->ITRB.rb_right, ITSTRUCT, ITRB);	\
		if (node->ITSUBTREE < start)				\
			return NULL;					\
	}								\
}									\
									\
ITSTATIC ITSTRUCT *ITPREFIX ## _iter_first(struct rb_root_cached *root,	\
					   ITTYPE start, ITTYPE last)	\
{									\
	ITSTRUCT *node;							\
									\
	if (!root->rb_root.rb_node)					\
		return NULL;						\
	node = rb_entry(root->rb_root.rb_node, ITSTRUCT, ITRB);		\
	if (node->ITSUBTREE < start)	/* everything ends before it */	\
		return NULL;						\
	if (ITSTART(rb_entry(root->rb_leftmost, ITSTRUCT, ITRB)) > last) \
		return NULL;		/* everything starts after it */ \
	return ITPREFIX ## _subtree_search(node, start, last);		\
}									\
									\
/*									\
 * The next overlapping node in start order: the right subtree's first	\
 * match if it reaches start, else up to the first ancestor node is	\
 * left of, which is next in order: it overlaps, or it starts after	\
 * last and so does everything beyond it, or it ends too early and the	\
 * search goes on from it.						\
 */									\
ITSTATIC ITSTRUCT *ITPREFIX ## _iter_next(ITSTRUCT *node, ITTYPE start,	\
					  ITTYPE last)			\
{									\
	struct rb_node *rb = node->ITRB.rb_right, *prev;		\
									\
	for (;;) {							\
		if (rb) {						\
			ITSTRUCT *right = rb_entry(rb, ITSTRUCT, ITRB);	\
			if (right->ITSUBTREE >= start)			\
				return ITPREFIX ## _subtree_search(right, \
							start, last);	\
		}							\
		do {							\
			rb = rb_parent(&node->ITRB);			\
			if (!rb)					\
				return NULL;				\
			prev = &node->ITRB;				\
			node = rb_entry(rb, ITSTRUCT, ITRB);		\
			rb = node->ITRB.rb_right;			\
		} while (prev == rb);					\
		if (ITSTART(node) > last)				\
			return NULL;					\
		if (ITLAST(node) >= start)				\
			return node;					\
	}								\
}

#endif
