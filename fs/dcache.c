// SPDX-License-Identifier: GPL-2.0
/*
 * Dentries: names in directories, bound to inodes. Linux: fs/dcache.c,
 * fs/libfs.c (simple_empty), fs/d_path.c
 *
 * Faultline's only file system lives in RAM, so the dentry tree is the
 * directory tree and never needs to be read back from a disk: children
 * hang on their parent's d_subdirs list (Linux hashes names for speed;
 * a list is enough here). One CPU and no kernel preemption: no locks.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/fs.h>

static struct kmem_cache *dentry_cache;

static struct dentry *__d_alloc(struct super_block *sb, const struct qstr *name)
{
	struct dentry *dentry;
	char *dname;

	if (!dentry_cache)
		dentry_cache = kmem_cache_create("dentry", sizeof(struct dentry), 0,
						 SLAB_PANIC | SLAB_RECLAIM_ACCOUNT, NULL);
	dentry = kmem_cache_zalloc(dentry_cache, GFP_KERNEL);
	if (!dentry)
		return NULL;
	dname = dentry->d_iname;
	if (name->len >= DNAME_INLINE_LEN) {
		dname = kmalloc(name->len + 1, GFP_KERNEL);
		if (!dname) {
			kmem_cache_free(dentry_cache, dentry);
			return NULL;
		}
	}
	memcpy(dname, name->name, name->len);
	dname[name->len] = '\0';
	dentry->d_name.name = dname;
	dentry->d_name.len = name->len;
	dentry->d_count = 1;
	dentry->d_parent = dentry;
	dentry->d_sb = sb;
	dentry->d_flags = DCACHE_UNHASHED;
	INIT_LIST_HEAD(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	return dentry;
}

/*
 * A new, negative dentry for name under parent, linked into the tree so
 * that a lookup finds it once d_instantiate gives it an inode.
 */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = __d_alloc(parent->d_sb, name);

	if (!dentry)
		return NULL;
	dentry->d_parent = dget(parent);
	dentry->d_flags &= ~DCACHE_UNHASHED;
	/* Newest first, as Linux: readdir of tmpfs lists in that order. */
	list_add(&dentry->d_child, &parent->d_subdirs);
	return dentry;
}

/* A dentry in no directory, for files that have no name (shared anon memory). */
struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name)
{
	return __d_alloc(sb, name);
}

struct dentry *d_make_root(struct inode *root_inode)
{
	static const struct qstr slash = { "/", 1 };
	struct dentry *root = __d_alloc(root_inode->i_sb, &slash);

	if (root) {
		root->d_flags &= ~DCACHE_UNHASHED;
		d_instantiate(root, root_inode);
	}
	return root;
}

/* Bind an inode (whose reference passes to the dentry). */
void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	dentry->d_inode = inode;
}

struct dentry *dget(struct dentry *dentry)
{
	if (dentry)
		dentry->d_count++;
	return dentry;
}

static void d_unlink_from_parent(struct dentry *dentry)
{
	if (dentry->d_parent != dentry && !list_empty(&dentry->d_child))
		list_del(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_child);
	dentry->d_flags |= DCACHE_UNHASHED;
}

/* The name is gone (unlink, rmdir): lookups no longer find it. */
void d_delete(struct dentry *dentry)
{
	d_unlink_from_parent(dentry);
}

void dput(struct dentry *dentry)
{
	while (dentry && --dentry->d_count == 0) {
		struct dentry *parent = dentry->d_parent;

		d_unlink_from_parent(dentry);
		if (dentry->d_inode)
			iput(dentry->d_inode);
		if (dentry->d_name.name != dentry->d_iname)
			kfree(dentry->d_name.name);
		kmem_cache_free(dentry_cache, dentry);
		dentry = parent == dentry ? NULL : parent;
	}
}

/* The positive child of parent called name, with a reference; or NULL. */
struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name)
{
	struct dentry *child;

	list_for_each_entry(child, &parent->d_subdirs, d_child) {
		if (child->d_inode && child->d_name.len == name->len &&
		    !memcmp(child->d_name.name, name->name, name->len))
			return dget(child);
	}
	return NULL;
}

bool simple_empty(const struct dentry *dentry)
{
	const struct dentry *child;

	list_for_each_entry(child, &dentry->d_subdirs, d_child)
		if (child->d_inode)
			return false;
	return true;
}

/* A readdir cursor in parent's children: no name, no inode, never found. */
struct dentry *d_alloc_cursor(struct dentry *parent)
{
	static const struct qstr empty = { "", 0 };
	struct dentry *cursor = __d_alloc(parent->d_sb, &empty);

	if (cursor) {
		cursor->d_flags |= DCACHE_DENTRY_CURSOR;
		cursor->d_parent = dget(parent);
	}
	return cursor;
}

/* Give dentry the name in name (a copy). */
static int d_set_name(struct dentry *dentry, const struct qstr *name)
{
	char *dname = dentry->d_iname;

	if (name->len >= DNAME_INLINE_LEN) {
		dname = kmalloc(name->len + 1, GFP_KERNEL);
		if (!dname)
			return -ENOMEM;
	}
	memmove(dname, name->name, name->len);
	dname[name->len] = '\0';
	if (dentry->d_name.name != dentry->d_iname)
		kfree(dentry->d_name.name);
	dentry->d_name.name = dname;
	dentry->d_name.len = name->len;
	return 0;
}

/*
 * rename: dentry takes target's place (name and parent); target leaves
 * the tree. Linux: d_move()
 */
int d_move(struct dentry *dentry, struct dentry *target)
{
	struct dentry *old_parent = dentry->d_parent;
	int err = d_set_name(dentry, &target->d_name);

	if (err)
		return err;
	d_unlink_from_parent(target);
	list_del(&dentry->d_child);
	dentry->d_parent = dget(target->d_parent);
	list_add(&dentry->d_child, &dentry->d_parent->d_subdirs);
	dput(old_parent);
	return 0;
}
