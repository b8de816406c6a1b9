// SPDX-License-Identifier: GPL-2.0
/*
 * Red-black trees (the rules are in include/linux/rbtree.h).
 * Linux: lib/rbtree.c
 *
 * Insertion adds a red node and repairs a red-red pair by recoloring
 * (moving the problem up) or by one or two rotations. Erasure removes a
 * node with at most one child (a node with two children first trades
 * places with its successor); if a black node left the tree, one path is
 * short of a black node, and the repair recolors or rotates around the
 * sibling. For augmented trees, every rotation and every move of a node
 * goes through the callbacks, so cached subtree values stay right.
 */
#include <linux/rbtree_augmented.h>

static bool rb_is_black(const struct rb_node *node)
{
	return node->__rb_parent_color & RB_BLACK;
}

static bool rb_is_red(const struct rb_node *node)
{
	return !rb_is_black(node);
}

/* A missing child counts as black. */
static bool black_or_null(const struct rb_node *node)
{
	return !node || rb_is_black(node);
}

static void rb_set_color(struct rb_node *node, int color)
{
	node->__rb_parent_color = (node->__rb_parent_color & ~1UL) | color;
}

static void rb_set_parent(struct rb_node *node, struct rb_node *parent)
{
	node->__rb_parent_color = (unsigned long)parent | (node->__rb_parent_color & 1);
}

/* Point old's parent (or the root) at new instead. */
static void change_child(struct rb_node *old, struct rb_node *new,
			 struct rb_node *parent, struct rb_root *root)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

/*
 * Rotations keep the in-order sequence and each node's color:
 *
 *        x                       y
 *       / \     rotate_left     / \
 *      a   y    ---------->    x   c
 *         / \   <----------   / \
 *        b   c  rotate_right a   b
 *
 * The node that moves up takes the old top's augmented value (its subtree
 * holds the same nodes); the one that moves down is recomputed.
 */
static void rotate_left(struct rb_node *x, struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	struct rb_node *y = x->rb_right, *parent = rb_parent(x);

	x->rb_right = y->rb_left;
	if (y->rb_left)
		rb_set_parent(y->rb_left, x);
	y->rb_left = x;
	rb_set_parent(y, parent);
	rb_set_parent(x, y);
	change_child(x, y, parent, root);
	if (augment)
		augment->rotate(x, y);
}

static void rotate_right(struct rb_node *x, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	struct rb_node *y = x->rb_left, *parent = rb_parent(x);

	x->rb_left = y->rb_right;
	if (y->rb_right)
		rb_set_parent(y->rb_right, x);
	y->rb_right = x;
	rb_set_parent(y, parent);
	rb_set_parent(x, y);
	change_child(x, y, parent, root);
	if (augment)
		augment->rotate(x, y);
}

/*
 * node was just linked in as a red leaf. While its parent is red too:
 * a red uncle means recolor parent and uncle black, grandparent red, and
 * continue from the grandparent; a black uncle means rotate the pair
 * under the grandparent (twice if node is an inner child) and stop.
 */
static void insert_fixup(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	struct rb_node *parent, *gparent, *uncle;

	while ((parent = rb_parent(node)) && rb_is_red(parent)) {
		gparent = rb_parent(parent);	/* a red node is never the root */
		uncle = parent == gparent->rb_left ? gparent->rb_right : gparent->rb_left;
		if (uncle && rb_is_red(uncle)) {
			rb_set_color(parent, RB_BLACK);
			rb_set_color(uncle, RB_BLACK);
			rb_set_color(gparent, RB_RED);
			node = gparent;
			continue;
		}
		if (parent == gparent->rb_left) {
			if (node == parent->rb_right) {
				rotate_left(parent, root, augment);
				parent = node;
			}
			rotate_right(gparent, root, augment);
		} else {
			if (node == parent->rb_left) {
				rotate_right(parent, root, augment);
				parent = node;
			}
			rotate_left(gparent, root, augment);
		}
		rb_set_color(parent, RB_BLACK);
		rb_set_color(gparent, RB_RED);
		break;
	}
	rb_set_color(root->rb_node, RB_BLACK);
}

/*
 * A black node left the path through x (x may be NULL: an empty leaf),
 * so that path is one black short. Mirror images of the same four cases,
 * named from the sibling s:
 *   1. s red: rotate it above parent, giving x a black sibling;
 *   2. s black with black children: make s red, the shortage moves up;
 *   3. s black, only its inner child red: rotate that up into case 4;
 *   4. s black, outer child red: rotate s above parent and recolor; done.
 */
static void erase_fixup(struct rb_node *x, struct rb_node *parent, struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	struct rb_node *s;

	while (x != root->rb_node && black_or_null(x)) {
		bool left = x == parent->rb_left;

		s = left ? parent->rb_right : parent->rb_left;
		if (rb_is_red(s)) {
			rb_set_color(s, RB_BLACK);
			rb_set_color(parent, RB_RED);
			if (left)
				rotate_left(parent, root, augment);
			else
				rotate_right(parent, root, augment);
			s = left ? parent->rb_right : parent->rb_left;
		}
		if (black_or_null(s->rb_left) && black_or_null(s->rb_right)) {
			rb_set_color(s, RB_RED);
			x = parent;
			parent = rb_parent(x);
			continue;
		}
		if (left && black_or_null(s->rb_right)) {
			rb_set_color(s->rb_left, RB_BLACK);
			rb_set_color(s, RB_RED);
			rotate_right(s, root, augment);
			s = parent->rb_right;
		} else if (!left && black_or_null(s->rb_left)) {
			rb_set_color(s->rb_right, RB_BLACK);
			rb_set_color(s, RB_RED);
			rotate_left(s, root, augment);
			s = parent->rb_left;
		}
		rb_set_color(s, rb_is_black(parent) ? RB_BLACK : RB_RED);
		rb_set_color(parent, RB_BLACK);
		if (left) {
			rb_set_color(s->rb_right, RB_BLACK);
			rotate_left(parent, root, augment);
		} else {
			rb_set_color(s->rb_left, RB_BLACK);
			rotate_right(parent, root, augment);
		}
		x = root->rb_node;
		break;
	}
	if (x)
		rb_set_color(x, RB_BLACK);
}

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	insert_fixup(node, root, augment);
}

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	insert_fixup(node, root, NULL);
}

/*
 * Unlink node. If it has two children, its successor s (the leftmost node
 * of its right subtree, which has no left child) takes its place and
 * color, and s's right child takes s's old place. Returns, through
 * *removed_black, whether a black node left the structure; *x and
 * *x_parent say where the repair starts.
 */
static struct rb_node *unlink_node(struct rb_node *node, struct rb_root *root,
				   struct rb_node **x, struct rb_node **x_parent,
				   bool *removed_black)
{
	struct rb_node *s;

	if (!node->rb_left || !node->rb_right) {
		*x = node->rb_left ? node->rb_left : node->rb_right;
		*x_parent = rb_parent(node);
		*removed_black = rb_is_black(node);
		change_child(node, *x, *x_parent, root);
		if (*x)
			rb_set_parent(*x, *x_parent);
		return NULL;
	}
	for (s = node->rb_right; s->rb_left; s = s->rb_left)
		;
	*x = s->rb_right;
	*removed_black = rb_is_black(s);
	if (s == node->rb_right) {
		*x_parent = s;
	} else {
		*x_parent = rb_parent(s);
		(*x_parent)->rb_left = *x;
		if (*x)
			rb_set_parent(*x, *x_parent);
		s->rb_right = node->rb_right;
		rb_set_parent(node->rb_right, s);
	}
	s->rb_left = node->rb_left;
	rb_set_parent(node->rb_left, s);
	change_child(node, s, rb_parent(node), root);
	s->__rb_parent_color = node->__rb_parent_color;
	return s;
}

void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	struct rb_node *x, *x_parent, *successor;
	bool removed_black;

	successor = unlink_node(node, root, &x, &x_parent, &removed_black);
	if (augment && successor) {
		/* Values below s's new place first, then from s up. */
		augment->copy(node, successor);
		augment->propagate(x_parent, successor);
		augment->propagate(successor, NULL);
	} else if (augment) {
		augment->propagate(x_parent, NULL);
	}
	if (removed_black)
		erase_fixup(x, x_parent, root, augment);
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	rb_erase_augmented(node, root, NULL);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_left)
		n = n->rb_left;
	return n;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_right)
		n = n->rb_right;
	return n;
}

/* The in-order successor: down-right then all the way left, else up. */
struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *parent;

	if (node->rb_right) {
		node = node->rb_right;
		while (node->rb_left)
			node = node->rb_left;
		return (struct rb_node *)node;
	}
	while ((parent = rb_parent(node)) && node == parent->rb_right)
		node = parent;
	return parent;
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *parent;

	if (node->rb_left) {
		node = node->rb_left;
		while (node->rb_right)
			node = node->rb_right;
		return (struct rb_node *)node;
	}
	while ((parent = rb_parent(node)) && node == parent->rb_left)
		node = parent;
	return parent;
}
