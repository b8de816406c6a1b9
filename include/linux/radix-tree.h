/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RADIX_TREE_H
#define _LINUX_RADIX_TREE_H

#include <linux/types.h>

/*
 * A radix tree maps an unsigned long index to a pointer; the page cache
 * uses one per file, indexed by page offset. Each node has 64 slots and
 * consumes 6 bits of the index; the tree is as tall as the largest index
 * needs: 64 pages in one level, 262,144 in three.
 *
 *   index 0x1043 = 0b 000001 000001 000011, in a 3-level tree:
 *   root node slot 1 -> node slot 1 -> node slot 3 -> item
 *
 * Linux kept this API (lib/radix-tree.c) until the XArray replaced it in
 * 4.20; the XArray is the same tree with more in each node. Faultline
 * leaves out tags (dirty/writeback marks) and RCU-safe lookups.
 */
#define RADIX_TREE_MAP_SHIFT	6
#define RADIX_TREE_MAP_SIZE	(1UL << RADIX_TREE_MAP_SHIFT)
#define RADIX_TREE_MAP_MASK	(RADIX_TREE_MAP_SIZE - 1)

struct radix_tree_node {
	unsigned int shift;		/* index bits below this node's slots */
	unsigned int count;		/* slots in use */
	struct radix_tree_node *parent;
	unsigned int offset;		/* slot in the parent */
	void *slots[RADIX_TREE_MAP_SIZE];
};

struct radix_tree_root {
	struct radix_tree_node *rnode;	/* NULL: empty */
	unsigned int height;		/* levels of nodes */
};

#define RADIX_TREE_INIT		{ NULL, 0 }
#define INIT_RADIX_TREE(root)	do { (root)->rnode = NULL; (root)->height = 0; } while (0)

void radix_tree_init(void);
int radix_tree_insert(struct radix_tree_root *root, unsigned long index, void *item);
void *radix_tree_lookup(const struct radix_tree_root *root, unsigned long index);
void *radix_tree_delete(struct radix_tree_root *root, unsigned long index);
/* Up to max_items items at indices >= first_index, in index order. */
unsigned int radix_tree_gang_lookup(const struct radix_tree_root *root, void **results,
				    unsigned long first_index, unsigned int max_items);

/*
 * The same by slot, with each entry's index (indices may be NULL): for a
 * caller that replaces entries in place or needs to know where they
 * are. A slot stays valid until the next insert or delete.
 */
void **radix_tree_lookup_slot(const struct radix_tree_root *root, unsigned long index);
unsigned int radix_tree_gang_lookup_slot(const struct radix_tree_root *root, void ***results,
					 unsigned long *indices, unsigned long first_index,
					 unsigned int max_items);

/*
 * Put item (not NULL) where an entry is, in place: no node is allocated
 * or freed, so it cannot fail. Linux: radix_tree_replace_slot()
 */
static inline void radix_tree_replace_slot(struct radix_tree_root *root, void **slot, void *item)
{
	(void)root;
	*slot = item;
}

/*
 * Value entries: an integer stored in a slot in place of a pointer, told
 * apart by bit 0 (pointers to items are at least 2-byte aligned). The
 * page cache of a tmpfs file holds a swap entry this way where a page
 * went to swap. Linux: include/linux/xarray.h xa_mk_value() and friends
 */
static inline void *xa_mk_value(unsigned long v)
{
	return (void *)((v << 1) | 1);
}

static inline unsigned long xa_to_value(const void *entry)
{
	return (unsigned long)entry >> 1;
}

static inline bool xa_is_value(const void *entry)
{
	return (unsigned long)entry & 1;
}
/* Nodes in use, for /proc/slabinfo-style checks in tests. */
unsigned long radix_tree_nodes_in_use(void);

#endif
