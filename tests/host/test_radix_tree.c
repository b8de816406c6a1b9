// SPDX-License-Identifier: GPL-2.0
/*
 * lib/radix-tree.c against a sorted-array model: random inserts, deletes
 * and lookups over small, sparse and huge indices; gang lookups from
 * random starting points; every node freed once the tree is empty.
 */
#include <stdlib.h>
#include <string.h>
#include <linux/errno.h>
#include <linux/radix-tree.h>
#include <linux/prandom.h>
#include "tap.h"

#define MAX_ITEMS	3000

static unsigned long keys[MAX_ITEMS];	/* the model: sorted indices */
static int nkeys;
static char items[MAX_ITEMS];		/* distinct addresses to store */

static struct rnd_state rng = { 0xfeedfacecafebeefULL };

static unsigned long long rnd64(void)
{
	return prandom_u64_state(&rng);
}

static unsigned long random_index(void)
{
	switch (rnd64() % 4) {
	case 0: return rnd64() % 200;			/* dense, one or two levels */
	case 1: return rnd64() % 100000;		/* a file of 400 MiB */
	case 2: return rnd64() >> (rnd64() % 64);	/* anywhere */
	default: return ~0UL - rnd64() % 4;		/* the very top */
	}
}

static int model_find(unsigned long index)
{
	int lo = 0, hi = nkeys;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (keys[mid] < index)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;	/* first position with keys[pos] >= index */
}

/* The item stored for index: derived from it, so no map is needed. */
static void *item_for(unsigned long index)
{
	return &items[(index * 2654435761UL) % MAX_ITEMS];
}

static void check_gang(struct radix_tree_root *root)
{
	void *results[40];
	unsigned long first = random_index();
	unsigned int want_n, got_n;
	int pos = model_find(first);

	got_n = radix_tree_gang_lookup(root, results, first, 40);
	want_n = nkeys - pos < 40 ? (unsigned int)(nkeys - pos) : 40;
	CHECK_EQ(want_n, got_n);
	for (unsigned int i = 0; i < got_n && i < want_n; i++)
		CHECK(results[i] == item_for(keys[pos + i]));
	{
		void **slots[40];
		unsigned long indices[40];

		got_n = radix_tree_gang_lookup_slot(root, slots, indices, first, 40);
		CHECK_EQ(want_n, got_n);
		for (unsigned int i = 0; i < got_n && i < want_n; i++)
			CHECK(indices[i] == keys[pos + i] && *slots[i] == item_for(keys[pos + i]));
	}
}

static void random_ops(void)
{
	struct radix_tree_root root = RADIX_TREE_INIT;

	for (int step = 0; step < 40000 && !tap_case_failed; step++) {
		unsigned long index = random_index();
		int pos = model_find(index);
		int present = pos < nkeys && keys[pos] == index;

		if (rnd64() % 3 && nkeys < MAX_ITEMS) {
			int r = radix_tree_insert(&root, index, item_for(index));

			CHECK_EQ(present ? -EEXIST : 0, r);
			if (!present) {
				memmove(&keys[pos + 1], &keys[pos], (nkeys - pos) * sizeof(keys[0]));
				keys[pos] = index;
				nkeys++;
			}
		} else {
			if (nkeys && rnd64() % 2) {	/* delete something that exists */
				pos = (int)(rnd64() % nkeys);
				index = keys[pos];
				present = 1;
			}
			CHECK(radix_tree_delete(&root, index) == (present ? item_for(index) : NULL));
			if (present) {
				memmove(&keys[pos], &keys[pos + 1], (nkeys - pos - 1) * sizeof(keys[0]));
				nkeys--;
			}
		}
		if (nkeys) {
			unsigned long k = keys[rnd64() % nkeys];

			CHECK(radix_tree_lookup(&root, k) == item_for(k));
		}
		{
			unsigned long probe = random_index();
			int p = model_find(probe);
			void *want = p < nkeys && keys[p] == probe ? item_for(probe) : NULL;

			CHECK(radix_tree_lookup(&root, probe) == want);
		}
		if (step % 50 == 0)
			check_gang(&root);
	}
	while (nkeys) {
		CHECK(radix_tree_delete(&root, keys[nkeys - 1]) == item_for(keys[nkeys - 1]));
		nkeys--;
	}
	CHECK(root.rnode == NULL && root.height == 0);
	CHECK_EQ(0, radix_tree_nodes_in_use());
}

static void page_cache_shape(void)
{
	struct radix_tree_root root = RADIX_TREE_INIT;
	void *results[100];

	/* A 100-page file: two levels; a gang lookup returns it in order. */
	for (unsigned long i = 0; i < 100; i++)
		CHECK_EQ(0, radix_tree_insert(&root, i, item_for(i)));
	CHECK_EQ(2, root.height);
	CHECK_EQ(3, radix_tree_nodes_in_use());
	CHECK_EQ(36, radix_tree_gang_lookup(&root, results, 64, 100));
	CHECK(results[0] == item_for(64) && results[35] == item_for(99));
	/* Truncating to 10 pages shrinks it back to one level. */
	for (unsigned long i = 10; i < 100; i++)
		radix_tree_delete(&root, i);
	CHECK_EQ(1, root.height);
	CHECK_EQ(1, radix_tree_nodes_in_use());
	for (unsigned long i = 0; i < 10; i++)
		radix_tree_delete(&root, i);
	CHECK_EQ(0, radix_tree_nodes_in_use());
}

/*
 * tmpfs's swap: a page's slot takes a value entry in place (no node
 * allocated or freed), lookups find it by slot and tell it from a
 * pointer, and it deletes as an item does.
 */
static void value_entries(void)
{
	struct radix_tree_root root = RADIX_TREE_INIT;
	unsigned long swap_val = (3UL << 58) | 12345;	/* a swap entry's shape */
	void **slots[4];
	unsigned long indices[4];
	void **slot;

	for (unsigned long i = 0; i < 3; i++)
		CHECK_EQ(0, radix_tree_insert(&root, i * 1000, item_for(i * 1000)));
	CHECK(radix_tree_lookup_slot(&root, 1) == NULL);
	slot = radix_tree_lookup_slot(&root, 1000);
	CHECK(slot && *slot == item_for(1000) && !xa_is_value(*slot));
	unsigned long nodes = radix_tree_nodes_in_use();

	radix_tree_replace_slot(&root, slot, xa_mk_value(swap_val));
	CHECK_EQ(nodes, radix_tree_nodes_in_use());
	CHECK(xa_is_value(radix_tree_lookup(&root, 1000)));
	CHECK_EQ(swap_val, xa_to_value(radix_tree_lookup(&root, 1000)));
	CHECK_EQ(2, radix_tree_gang_lookup_slot(&root, slots, indices, 1, 4));
	CHECK(indices[0] == 1000 && xa_is_value(*slots[0]) && indices[1] == 2000);
	CHECK(xa_is_value(radix_tree_delete(&root, 1000)));
	radix_tree_delete(&root, 0);
	radix_tree_delete(&root, 2000);
	CHECK_EQ(0, radix_tree_nodes_in_use());
}

int main(void)
{
	radix_tree_init();
	page_cache_shape();
	tap_result("radix-tree: a 100-page file takes two levels and shrinks to one when truncated to 10");
	value_entries();
	tap_result("radix-tree: a value entry replaces a page in place, is found by slot and index, and deletes");
	random_ops();
	tap_result("radix-tree: 40000 random inserts, deletes and gang lookups agree with a sorted model");
	return tap_done();
}
