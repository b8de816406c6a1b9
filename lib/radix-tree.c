// SPDX-License-Identifier: GPL-2.0
/*
 * The radix tree (layout in include/linux/radix-tree.h).
 * Linux: lib/radix-tree.c (before 4.20), lib/xarray.c
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/radix-tree.h>

static struct kmem_cache *radix_tree_node_cachep;
static unsigned long nodes_in_use;

void radix_tree_init(void)
{
	radix_tree_node_cachep = kmem_cache_create("radix_tree_node",
						   sizeof(struct radix_tree_node), 0,
						   SLAB_PANIC | SLAB_RECLAIM_ACCOUNT, NULL);
}

unsigned long radix_tree_nodes_in_use(void)
{
	return nodes_in_use;
}

static struct radix_tree_node *node_alloc(unsigned int shift)
{
	struct radix_tree_node *node = kmem_cache_zalloc(radix_tree_node_cachep, GFP_KERNEL);

	if (node) {
		node->shift = shift;
		nodes_in_use++;
	}
	return node;
}

static void node_free(struct radix_tree_node *node)
{
	nodes_in_use--;
	kmem_cache_free(radix_tree_node_cachep, node);
}

/* The largest index a tree of this height can hold. */
static unsigned long height_max_index(unsigned int height)
{
	unsigned int bits = height * RADIX_TREE_MAP_SHIFT;

	return bits >= 64 ? ~0UL : (1UL << bits) - 1;
}

static unsigned int slot_of(const struct radix_tree_node *node, unsigned long index)
{
	return (index >> node->shift) & RADIX_TREE_MAP_MASK;
}

/*
 * Make the tree tall enough for index: an empty tree gets one root node
 * of the height index needs (not a chain over an empty leaf, which no
 * delete would free); a tree with entries gets levels on top, the old
 * root becoming slot 0. Linux: radix_tree_extend()
 */
static int extend_tree(struct radix_tree_root *root, unsigned long index)
{
	if (!root->rnode) {
		unsigned int height = 1;

		while (index > height_max_index(height))
			height++;
		root->rnode = node_alloc((height - 1) * RADIX_TREE_MAP_SHIFT);
		if (!root->rnode)
			return -ENOMEM;
		root->height = height;
		return 0;
	}
	while (index > height_max_index(root->height)) {
		struct radix_tree_node *node = node_alloc(root->height * RADIX_TREE_MAP_SHIFT);

		if (!node)
			return -ENOMEM;
		node->slots[0] = root->rnode;
		node->count = 1;
		root->rnode->parent = node;
		root->rnode->offset = 0;
		root->rnode = node;
		root->height++;
	}
	return 0;
}

int radix_tree_insert(struct radix_tree_root *root, unsigned long index, void *item)
{
	struct radix_tree_node *node;
	unsigned int offset;

	if (extend_tree(root, index))
		return -ENOMEM;
	node = root->rnode;
	while (node->shift) {
		struct radix_tree_node *child;

		offset = slot_of(node, index);
		child = node->slots[offset];
		if (!child) {
			child = node_alloc(node->shift - RADIX_TREE_MAP_SHIFT);
			if (!child)
				return -ENOMEM;
			child->parent = node;
			child->offset = offset;
			node->slots[offset] = child;
			node->count++;
		}
		node = child;
	}
	offset = slot_of(node, index);
	if (node->slots[offset])
		return -EEXIST;
	node->slots[offset] = item;
	node->count++;
	return 0;
}

/* The leaf node holding index, or NULL. */
static struct radix_tree_node *find_leaf(const struct radix_tree_root *root,
					 unsigned long index)
{
	struct radix_tree_node *node = root->rnode;

	if (!node || index > height_max_index(root->height))
		return NULL;
	while (node && node->shift)
		node = node->slots[slot_of(node, index)];
	return node;
}

void *radix_tree_lookup(const struct radix_tree_root *root, unsigned long index)
{
	struct radix_tree_node *leaf = find_leaf(root, index);

	return leaf ? leaf->slots[slot_of(leaf, index)] : NULL;
}

/* The slot holding index's entry, or NULL if there is none. */
void **radix_tree_lookup_slot(const struct radix_tree_root *root, unsigned long index)
{
	struct radix_tree_node *leaf = find_leaf(root, index);
	void **slot = leaf ? &leaf->slots[slot_of(leaf, index)] : NULL;

	return slot && *slot ? slot : NULL;
}

/* Drop levels while the root uses only slot 0 and has children below. */
static void shrink_tree(struct radix_tree_root *root)
{
	struct radix_tree_node *node = root->rnode;

	while (node && node->shift && node->count == 1 && node->slots[0]) {
		struct radix_tree_node *child = node->slots[0];

		child->parent = NULL;
		root->rnode = child;
		root->height--;
		node_free(node);
		node = child;
	}
}

void *radix_tree_delete(struct radix_tree_root *root, unsigned long index)
{
	struct radix_tree_node *node = find_leaf(root, index);
	unsigned int offset;
	void *item;

	if (!node)
		return NULL;
	offset = slot_of(node, index);
	item = node->slots[offset];
	if (!item)
		return NULL;
	node->slots[offset] = NULL;
	/* Free nodes that became empty, bottom up. */
	while (--node->count == 0) {
		struct radix_tree_node *parent = node->parent;

		if (!parent) {
			root->rnode = NULL;
			root->height = 0;
			node_free(node);
			return item;
		}
		parent->slots[node->offset] = NULL;
		node_free(node);
		node = parent;
	}
	shrink_tree(root);
	return item;
}

/*
 * In-order walk of node's subtree from index *next: the slots of up to
 * max_items entries, and their indices if indices is not NULL.
 */
static unsigned int gang_walk(struct radix_tree_node *node, unsigned long *next,
			      void ***slots, unsigned long *indices, unsigned int max_items)
{
	unsigned int found = 0;

	for (unsigned int i = slot_of(node, *next); i < RADIX_TREE_MAP_SIZE; i++) {
		unsigned long slot_index = (*next & ~((RADIX_TREE_MAP_SIZE << node->shift) - 1)) |
					   ((unsigned long)i << node->shift);

		if (slot_index > *next)
			*next = slot_index;
		if (!node->slots[i])
			continue;
		if (node->shift) {
			found += gang_walk(node->slots[i], next, slots + found,
					   indices ? indices + found : NULL, max_items - found);
		} else {
			if (indices)
				indices[found] = slot_index;
			slots[found++] = &node->slots[i];
		}
		if (found == max_items)
			return found;
	}
	return found;
}

unsigned int radix_tree_gang_lookup_slot(const struct radix_tree_root *root, void ***results,
					 unsigned long *indices, unsigned long first_index,
					 unsigned int max_items)
{
	unsigned long next = first_index;

	if (!root->rnode || !max_items || first_index > height_max_index(root->height))
		return 0;
	return gang_walk(root->rnode, &next, results, indices, max_items);
}

unsigned int radix_tree_gang_lookup(const struct radix_tree_root *root, void **results,
				    unsigned long first_index, unsigned int max_items)
{
	/* The slot pointers go in results first, then each becomes its item. */
	void ***slots = (void ***)results;
	unsigned int n = radix_tree_gang_lookup_slot(root, slots, NULL, first_index, max_items);

	for (unsigned int i = 0; i < n; i++)
		results[i] = *slots[i];
	return n;
}
