// SPDX-License-Identifier: GPL-2.0
/*
 * include/linux/interval_tree_generic.h (on lib/rbtree.c) and the VMA
 * tree mm/interval_tree.c makes of it, under random inserts and removes
 * checked against a brute-force list. After every operation the whole
 * tree is checked: the red-black rules, starts in order, the cached
 * leftmost node, and every node's subtree_last equal to the highest last
 * in its subtree computed afresh. Random queries [s, l] then compare
 * iter_first/iter_next with the list: the same nodes, each once, in
 * start order. Intervals are short, long, single points and the whole
 * range, with many equal starts.
 */
#include <stdlib.h>
#include <string.h>
#include <linux/mm.h>
#include <linux/interval_tree_generic.h>
#include <linux/prandom.h>
#include "tap.h"

#define NODES	1500
#define SPAN	4000UL		/* starts are below this */

struct itnode {
	struct rb_node rb;
	unsigned long start, last;
	unsigned long subtree_last;
	bool in_tree;
};

#define it_start(n)	((n)->start)
#define it_last(n)	((n)->last)

INTERVAL_TREE_DEFINE(struct itnode, rb, unsigned long, subtree_last, it_start, it_last, static,
		     it)

static struct itnode nodes[NODES];
static struct rb_root_cached root;
static int count;
static struct rnd_state rng = { 0x1a7e4a1c0ffee5ULL };

static unsigned long rnd(unsigned long n)
{
	return prandom_below(&rng, n);
}

/* Short and long intervals, points, and now and then one reaching ~0UL. */
static void random_interval(unsigned long *start, unsigned long *last)
{
	unsigned long len;

	*start = rnd(8) == 0 ? rnd(16) * 250 : rnd(SPAN);	/* many equal starts */
	switch (rnd(4)) {
	case 0:
		len = 0;
		break;
	case 1:
		len = rnd(10);
		break;
	case 2:
		len = rnd(SPAN);
		break;
	default:
		len = rnd(50) == 0 ? ~0UL - *start : rnd(200);
		break;
	}
	*last = *start + len;
}

/* The highest last in the subtree, computed afresh; -1 after a report. */
static long check_node(struct rb_node *rb, struct rb_node *parent, unsigned long *max,
		       int *black)
{
	struct itnode *n;
	unsigned long lmax = 0, rmax = 0;
	int lb, rb_black;

	*max = 0;
	*black = 1;
	if (!rb)
		return 0;
	n = rb_entry(rb, struct itnode, rb);
	if (rb_parent(rb) != parent) {
		printf("#   [%lu, %lu]: wrong parent\n", n->start, n->last);
		return -1;
	}
	if (!(rb->__rb_parent_color & 1) && parent && !(parent->__rb_parent_color & 1)) {
		printf("#   [%lu, %lu]: red child of a red node\n", n->start, n->last);
		return -1;
	}
	if (check_node(rb->rb_left, rb, &lmax, &lb) < 0 ||
	    check_node(rb->rb_right, rb, &rmax, &rb_black) < 0)
		return -1;
	if (lb != rb_black) {
		printf("#   [%lu, %lu]: black heights %d and %d\n", n->start, n->last, lb, rb_black);
		return -1;
	}
	*max = n->last;
	if (rb->rb_left && lmax > *max)
		*max = lmax;
	if (rb->rb_right && rmax > *max)
		*max = rmax;
	if (n->subtree_last != *max) {
		printf("#   [%lu, %lu]: subtree_last %lu, want %lu\n", n->start, n->last,
		       n->subtree_last, *max);
		return -1;
	}
	*black = lb + ((rb->__rb_parent_color & 1) ? 1 : 0);
	return 0;
}

static void check_tree(void)
{
	struct rb_node *rb, *prev = NULL;
	unsigned long max;
	int black, seen = 0;

	if (root.rb_root.rb_node)
		CHECK(root.rb_root.rb_node->__rb_parent_color & 1);
	CHECK(check_node(root.rb_root.rb_node, NULL, &max, &black) == 0);
	CHECK(root.rb_leftmost == rb_first(&root.rb_root));
	for (rb = rb_first(&root.rb_root); rb; prev = rb, rb = rb_next(rb), seen++)
		if (prev)
			CHECK(rb_entry(prev, struct itnode, rb)->start <=
			      rb_entry(rb, struct itnode, rb)->start);
	CHECK_EQ(count, seen);
}

/* The tree's answer for [s, l] against every node in it. */
static void check_query(unsigned long s, unsigned long l)
{
	int want = 0, got = 0;
	unsigned long prev_start = 0;

	for (int i = 0; i < NODES; i++)
		want += nodes[i].in_tree && nodes[i].start <= l && nodes[i].last >= s;
	for (struct itnode *n = it_iter_first(&root, s, l); n; n = it_iter_next(n, s, l)) {
		CHECK(n->in_tree && n->start <= l && n->last >= s);
		CHECK(n->start >= prev_start);		/* start order, so each once */
		prev_start = n->start;
		got++;
		if (tap_case_failed || got > count)
			break;
	}
	if (got != want)
		printf("#   query [%lu, %lu]: %d found, want %d\n", s, l, got, want);
	CHECK_EQ(want, got);
}

static void random_queries(int n)
{
	for (int i = 0; i < n && !tap_case_failed; i++) {
		unsigned long s, l;

		random_interval(&s, &l);
		check_query(s, l);
	}
	check_query(0, ~0UL);
	check_query(~0UL, ~0UL);
	check_query(0, 0);
}

static void run(int steps, bool queries)
{
	root = RB_ROOT_CACHED;
	count = 0;
	memset(nodes, 0, sizeof(nodes));
	for (int step = 0; step < steps && !tap_case_failed; step++) {
		struct itnode *n = &nodes[rnd(NODES)];

		if (n->in_tree) {
			it_remove(n, &root);
			n->in_tree = false;
			count--;
		} else {
			random_interval(&n->start, &n->last);
			it_insert(n, &root);
			n->in_tree = true;
			count++;
		}
		check_tree();
		if (queries && step % 5 == 0)
			random_queries(3);
	}
	for (int i = 0; i < NODES && !tap_case_failed; i++) {
		if (!nodes[i].in_tree)
			continue;
		it_remove(&nodes[i], &root);
		nodes[i].in_tree = false;
		count--;
		check_tree();
		if (queries && i % 17 == 0)
			random_queries(5);
	}
	CHECK(RB_EMPTY_ROOT(&root.rb_root) && !root.rb_leftmost);
}

/*
 * mm/interval_tree.c's VMA tree: fork's vma_interval_tree_insert_after
 * puts a copy right after its original (same pgoff), and queries by page
 * offset find each VMA whose [vm_pgoff, vm_pgoff + pages - 1] holds it.
 */
#define VMAS	300

static void vma_tree(void)
{
	static struct vm_area_struct vmas[VMAS];
	struct rb_root_cached i_mmap = RB_ROOT_CACHED;

	memset(vmas, 0, sizeof(vmas));
	for (int i = 0; i < VMAS && !tap_case_failed; i++) {
		struct vm_area_struct *v = &vmas[i];

		v->vm_start = 0x400000UL;
		v->vm_end = v->vm_start + (1 + rnd(20)) * PAGE_SIZE;
		if (i && rnd(3) == 0) {		/* a fork: the same range, after its original */
			struct vm_area_struct *orig = &vmas[rnd(i)];

			v->vm_end = v->vm_start + (orig->vm_end - orig->vm_start);
			v->vm_pgoff = orig->vm_pgoff;
			vma_interval_tree_insert_after(v, orig, &i_mmap);
			CHECK(rb_next(&orig->shared.rb) == &v->shared.rb);
		} else {
			v->vm_pgoff = rnd(100);
			vma_interval_tree_insert(v, &i_mmap);
		}
		for (int j = 0; j <= i; j++)
			CHECK(vma_interval_tree_node_ok(&vmas[j]));
	}
	for (unsigned long pgoff = 0; pgoff < 130 && !tap_case_failed; pgoff++) {
		int want = 0, got = 0;
		struct vm_area_struct *v;

		for (int i = 0; i < VMAS; i++)
			want += vmas[i].vm_pgoff <= pgoff && pgoff < vmas[i].vm_pgoff + vma_pages(&vmas[i]);
		vma_interval_tree_foreach(v, &i_mmap, pgoff, pgoff) {
			CHECK(v->vm_pgoff <= pgoff && pgoff < v->vm_pgoff + vma_pages(v));
			got++;
		}
		CHECK_EQ(want, got);
	}
	for (int i = 0; i < VMAS; i++)
		vma_interval_tree_remove(&vmas[i], &i_mmap);
	CHECK(RB_EMPTY_ROOT(&i_mmap.rb_root));
}

int main(void)
{
	run(20000, false);
	tap_result("interval tree: random inserts and removes keep the red-black rules, start order "
		   "and every subtree_last exact");
	run(10000, true);
	tap_result("interval tree: iter_first/iter_next find exactly the overlapping intervals, "
		   "each once, in start order");
	vma_tree();
	tap_result("vma_interval_tree: insert_after places fork's copy next to its original, and "
		   "page-offset queries find every VMA holding the page");
	return tap_done();
}
