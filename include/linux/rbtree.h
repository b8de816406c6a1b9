/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H

#include <linux/kernel.h>

/*
 * Red-black trees, with the node embedded in its owner (as list_head is).
 * Linux: include/linux/rbtree.h, lib/rbtree.c
 *
 * The rules, which keep the tree's height at most 2*log2(n+1):
 *   1. every node is red or black, and the root is black;
 *   2. a red node has no red child;
 *   3. every path from a node down to a leaf passes the same number of
 *      black nodes.
 *
 * The color lives in bit 0 of the parent pointer (nodes are at least
 * 4-byte aligned): __rb_parent_color = parent | color, RB_RED = 0.
 *
 * The tree does not compare keys itself: the caller walks down to the
 * empty slot where the new node belongs, links it there (rb_link_node)
 * and asks for the tree to be rebalanced (rb_insert_color).
 */
struct rb_node {
	unsigned long __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __aligned(sizeof(long));

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_RED		0
#define RB_BLACK	1

#define RB_ROOT		((struct rb_root){ NULL })

/*
 * A root that also keeps its leftmost node, so that the first node is
 * found in O(1): an interval tree checks it before any descent (nothing
 * starts early enough to overlap?). Linux: struct rb_root_cached
 */
struct rb_root_cached {
	struct rb_root rb_root;
	struct rb_node *rb_leftmost;
};

#define RB_ROOT_CACHED	((struct rb_root_cached){ { NULL }, NULL })
#define rb_first_cached(root)	((root)->rb_leftmost)
#define rb_parent(r)	((struct rb_node *)((r)->__rb_parent_color & ~3UL))
#define rb_entry(ptr, type, member) container_of(ptr, type, member)
#define rb_entry_safe(ptr, type, member) \
	({ __typeof__(ptr) ____ptr = (ptr); ____ptr ? rb_entry(____ptr, type, member) : NULL; })

#define RB_EMPTY_ROOT(root)	(READ_ONCE((root)->rb_node) == NULL)
/* A node not in any tree points at itself (after RB_CLEAR_NODE). */
#define RB_EMPTY_NODE(node)	((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node)	((node)->__rb_parent_color = (unsigned long)(node))

void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);

struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);

/* Put node into the empty slot *link below parent (still unbalanced). */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **link)
{
	node->__rb_parent_color = (unsigned long)parent;
	node->rb_left = node->rb_right = NULL;
	*link = node;
}

#endif
