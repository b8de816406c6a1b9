// SPDX-License-Identifier: GPL-2.0
/*
 * Directories of a RAM file system, read straight from the dcache.
 * Linux: fs/libfs.c (dcache_dir_open, dcache_readdir, dcache_dir_lseek)
 *
 * getdents reads a directory in batches: each call resumes where the
 * last stopped. The place is kept by a cursor, a nameless dentry in the
 * directory's list of children, so that removing entries already read
 * (as rm -r does while reading) does not make the next batch skip any:
 *
 *   d_subdirs:  [c] -> [b] -> (cursor) -> [a]      next batch starts at a
 *
 * "." and ".." come first, at positions 0 and 1; f_pos counts entries.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

static int dcache_dir_open(struct inode *inode, struct file *file)
{
	file->private_data = d_alloc_cursor(file->f_path.dentry);
	return file->private_data ? 0 : -ENOMEM;
}

static int dcache_dir_close(struct inode *inode, struct file *file)
{
	dput(file->private_data);
	return 0;
}

/* The next positive child after p in dir's list (NULL at the end). */
static struct dentry *next_positive(struct dentry *dir, struct list_head *p)
{
	for (p = p->next; p != &dir->d_subdirs; p = p->next) {
		struct dentry *d = list_entry(p, struct dentry, d_child);

		if (d->d_inode)
			return d;
	}
	return NULL;
}

/* Put the cursor just before next (or at the end when next is NULL). */
static void move_cursor(struct dentry *cursor, struct dentry *next)
{
	struct dentry *dir = cursor->d_parent;

	list_del_init(&cursor->d_child);
	if (next)
		list_add_tail(&cursor->d_child, &next->d_child);
	else
		list_add_tail(&cursor->d_child, &dir->d_subdirs);
}

int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_path.dentry, *cursor = file->private_data, *next;
	struct list_head *start;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, ctx->pos, d_inode(dir)->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, ctx->pos, d_inode(dir->d_parent)->i_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	start = list_empty(&cursor->d_child) ? &dir->d_subdirs : &cursor->d_child;
	for (next = next_positive(dir, start); next; next = next_positive(dir, &next->d_child)) {
		struct inode *inode = d_inode(next);

		if (!ctx->actor(ctx, next->d_name.name, (int)next->d_name.len, ctx->pos,
				inode->i_ino, fs_umode_to_dtype(inode->i_mode)))
			break;
		ctx->pos++;
	}
	move_cursor(cursor, next);
	return 0;
}

/* seekdir/rewinddir: the cursor goes back to entry offset. Linux: dcache_dir_lseek() */
static loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	struct dentry *dir = file->f_path.dentry, *cursor = file->private_data, *next;

	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		fallthrough;
	case SEEK_SET:
		if (offset >= 0)
			break;
		fallthrough;
	default:
		return -EINVAL;
	}
	if (offset != file->f_pos) {
		loff_t n = offset - 2;

		file->f_pos = offset;
		list_del_init(&cursor->d_child);
		if (offset > 2) {
			for (next = next_positive(dir, &dir->d_subdirs); next && --n > 0;
			     next = next_positive(dir, &next->d_child))
				;
			move_cursor(cursor, next ? next_positive(dir, &next->d_child) : NULL);
		}
	}
	return offset;
}

const struct file_operations simple_dir_operations = {
	.open = dcache_dir_open,
	.release = dcache_dir_close,
	.llseek = dcache_dir_lseek,
	.iterate_shared = dcache_readdir,
};
