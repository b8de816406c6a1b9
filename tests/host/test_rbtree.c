// SPDX-License-Identifier: GPL-2.0
/*
 * lib/rbtree.c under random insertions and erasures, plain and augmented.
 * After every step the whole tree is checked: in-order keys sorted, parent
 * pointers consistent, the root black, no red node with a red child, the
 * same number of black nodes on every path, and (augmented) every node's
 * cached subtree maximum equal to a fresh computation.
 */
#include <stdlib.h>
#include <string.h>
#include <linux/rbtree_augmented.h>
#include <linux/prandom.h>
#include "tap.h"

#define NODES	2000

struct item {
	struct rb_node rb;
	unsigned long key;
	unsigned long value;		/* per-node data */
	unsigned long subtree_max;	/* augmented: max value in the subtree */
	int in_tree;
};

static struct item items[NODES];
static struct rb_root root;
static int count;

static struct rnd_state rng = { 0x123456789abcdefULL };

static unsigned long rnd(unsigned long n)
{
	return prandom_below(&rng, n);
}

static unsigned long compute_max(struct item *it)
{
	unsigned long max = it->value;

	if (it->rb.rb_left) {
		unsigned long m = rb_entry(it->rb.rb_left, struct item, rb)->subtree_max;
		if (m > max)
			max = m;
	}
	if (it->rb.rb_right) {
		unsigned long m = rb_entry(it->rb.rb_right, struct item, rb)->subtree_max;
		if (m > max)
			max = m;
	}
	return max;
}

RB_DECLARE_CALLBACKS(static, max_callbacks, struct item, rb, unsigned long, subtree_max,
		     compute_max);

static void insert(struct item *it, int augmented)
{
	struct rb_node **link = &root.rb_node, *parent = NULL;

	while (*link) {
		struct item *cur = rb_entry(*link, struct item, rb);

		parent = *link;
		if (augmented && cur->subtree_max < it->value)
			cur->subtree_max = it->value;	/* on the way down */
		link = it->key < cur->key ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&it->rb, parent, link);
	it->subtree_max = it->value;
	if (augmented)
		rb_insert_augmented(&it->rb, &root, &max_callbacks);
	else
		rb_insert_color(&it->rb, &root);
	it->in_tree = 1;
	count++;
}

static void erase(struct item *it, int augmented)
{
	if (augmented)
		rb_erase_augmented(&it->rb, &root, &max_callbacks);
	else
		rb_erase(&it->rb, &root);
	it->in_tree = 0;
	count--;
}

/* Black height of the subtree, or -1 after reporting a violation. */
static int check_subtree(struct rb_node *node, struct rb_node *parent, int augmented)
{
	int lh, rh;
	struct item *it;

	if (!node)
		return 1;
	it = rb_entry(node, struct item, rb);
	if (rb_parent(node) != parent) {
		printf("#   key %lu: wrong parent\n", it->key);
		return -1;
	}
	if (!(node->__rb_parent_color & 1) && parent && !(parent->__rb_parent_color & 1)) {
		printf("#   key %lu: red child of a red node\n", it->key);
		return -1;
	}
	if (augmented && it->subtree_max != compute_max(it)) {
		printf("#   key %lu: subtree_max %lu, want %lu\n", it->key, it->subtree_max,
		       compute_max(it));
		return -1;
	}
	lh = check_subtree(node->rb_left, node, augmented);
	rh = check_subtree(node->rb_right, node, augmented);
	if (lh < 0 || rh < 0)
		return -1;
	if (lh != rh) {
		printf("#   key %lu: black heights %d and %d\n", it->key, lh, rh);
		return -1;
	}
	return lh + ((node->__rb_parent_color & 1) ? 1 : 0);
}

static void check_tree(int augmented)
{
	struct rb_node *n, *prev = NULL;
	int seen = 0;

	if (root.rb_node)
		CHECK(root.rb_node->__rb_parent_color & 1);
	CHECK(check_subtree(root.rb_node, NULL, augmented) > 0);
	for (n = rb_first(&root); n; prev = n, n = rb_next(n)) {
		if (prev)
			CHECK(rb_entry(prev, struct item, rb)->key <= rb_entry(n, struct item, rb)->key);
		CHECK(rb_prev(n) == prev);
		seen++;
	}
	CHECK(prev == rb_last(&root));
	CHECK_EQ(count, seen);
}

static void run(int augmented, int steps)
{
	root = RB_ROOT;
	count = 0;
	memset(items, 0, sizeof(items));
	for (int step = 0; step < steps && !tap_case_failed; step++) {
		struct item *it = &items[rnd(NODES)];

		if (it->in_tree) {
			erase(it, augmented);
		} else {
			it->key = rnd(NODES / 2);	/* duplicates too */
			it->value = rnd(1000000);
			insert(it, augmented);
		}
		if (step % 7 == 0 || step < 200)
			check_tree(augmented);
	}
	for (int i = 0; i < NODES && !tap_case_failed; i++)
		if (items[i].in_tree) {
			erase(&items[i], augmented);
			if (i % 13 == 0)
				check_tree(augmented);
		}
	CHECK(RB_EMPTY_ROOT(&root));
	CHECK_EQ(0, count);
}

static void sequential(void)
{
	root = RB_ROOT;
	count = 0;
	memset(items, 0, sizeof(items));
	for (int i = 0; i < NODES; i++) {	/* ascending keys: the worst case for a plain BST */
		items[i].key = i;
		insert(&items[i], 1);
	}
	check_tree(1);
	/* Height stays within 2 log2(n + 1): about 22 for 2000 nodes. */
	{
		int depth = 0;
		for (struct rb_node *n = rb_first(&root); n; n = rb_parent(n))
			depth++;
		CHECK(depth <= 22);
	}
	for (int i = 0; i < NODES; i += 2)
		erase(&items[i], 1);
	check_tree(1);
}

int main(void)
{
	run(0, 100000);
	tap_result("rbtree: 100000 random inserts and erases keep every red-black rule");
	run(1, 100000);
	tap_result("rbtree: augmented subtree maxima stay exact through rotations, successor swaps and erasures");
	sequential();
	tap_result("rbtree: 2000 ascending keys give a tree of logarithmic height");
	return tap_done();
}
