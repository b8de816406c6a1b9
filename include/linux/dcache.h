/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_DCACHE_H
#define _LINUX_DCACHE_H

#include <linux/types.h>
#include <linux/list.h>

struct inode;
struct super_block;
struct dentry;

/* What a file system decides about its own dentries. Linux: struct dentry_operations */
struct dentry_operations {
	/* Still valid? 0: no (a /proc/<pid> whose task is gone): look it up again. */
	int (*d_revalidate)(struct dentry *dentry, unsigned int flags);
	/*
	 * A name for d_path() of a dentry that has no path (a pipe's
	 * "pipe:[INO]"), written at the end of buf. Linux: ->d_dname
	 */
	char *(*d_dname)(struct dentry *dentry, char *buf, int buflen);
};

#define NAME_MAX		255
#define PATH_MAX		4096
#define DNAME_INLINE_LEN	40

struct qstr {
	const char *name;
	unsigned int len;
};

/*
 * A name in a directory, bound to an inode. On a RAM file system the
 * tree of dentries *is* the directory structure, as in Linux's ramfs and
 * tmpfs, whose directories exist only in the dcache. Linux: include/linux/dcache.h
 *
 * d_count: the tree holds one reference for every linked, positive
 * dentry (dropped by unlink), and every path or open file one more. At
 * zero the dentry goes, dropping its inode and its parent.
 */
struct dentry {
	unsigned int d_flags;		/* DCACHE_* */
	int d_count;
	struct dentry *d_parent;	/* itself for a root */
	struct qstr d_name;
	struct inode *d_inode;		/* NULL: negative (not created yet) */
	struct super_block *d_sb;
	const struct dentry_operations *d_op;
	struct list_head d_child;	/* in d_parent->d_subdirs */
	struct list_head d_subdirs;	/* our children */
	char d_iname[DNAME_INLINE_LEN];	/* short names live here */
};

#define DCACHE_UNHASHED		0x1	/* unlinked, or never linked (pseudo) */
#define DCACHE_DENTRY_CURSOR	0x2	/* a readdir position, not a name */
#define DCACHE_MOUNTED		0x4	/* a file system is mounted here */

static inline bool d_mountpoint(const struct dentry *dentry)
{
	return dentry->d_flags & DCACHE_MOUNTED;
}

struct path {
	struct dentry *dentry;
};

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name);
struct dentry *d_make_root(struct inode *root_inode);
void d_instantiate(struct dentry *dentry, struct inode *inode);
void d_delete(struct dentry *dentry);
struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name);
struct dentry *dget(struct dentry *dentry);
void dput(struct dentry *dentry);
bool simple_empty(const struct dentry *dentry);
struct dentry *d_alloc_cursor(struct dentry *parent);
int d_move(struct dentry *dentry, struct dentry *target);
char *d_path(const struct path *path, char *buf, int buflen);

static inline bool d_unhashed(const struct dentry *dentry)
{
	return dentry->d_flags & DCACHE_UNHASHED;
}

static inline struct inode *d_inode(const struct dentry *dentry)
{
	return dentry->d_inode;
}

static inline void path_get(const struct path *path)
{
	dget(path->dentry);
}

static inline void path_put(const struct path *path)
{
	dput(path->dentry);
}

#endif
