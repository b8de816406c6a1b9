// SPDX-License-Identifier: GPL-2.0
/*
 * Open files: struct file and its reference count. Linux: fs/file_table.c
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/cred.h>

static struct kmem_cache *filp_cachep;

struct file *alloc_file(const struct path *path, int flags, const struct file_operations *fop)
{
	struct file *file;

	if (!filp_cachep)
		filp_cachep = kmem_cache_create("filp", sizeof(struct file), 0, SLAB_PANIC, NULL);
	file = kmem_cache_zalloc(filp_cachep, GFP_KERNEL);
	if (!file)
		return ERR_PTR(-ENOMEM);
	file->f_path = *path;
	path_get(path);
	file->f_inode = d_inode(path->dentry);
	file->f_mapping = file->f_inode->i_mapping;
	file->f_op = fop;
	file->f_flags = flags;
	file->f_count = 1;
	file->f_cred = get_cred(current_cred());
	if ((flags & O_ACCMODE) != O_WRONLY)
		file->f_mode |= FMODE_READ;
	if ((flags & O_ACCMODE) != O_RDONLY) {
		file->f_mode |= FMODE_WRITE;
		file->f_inode->i_writecount++;
	}
	/* Seekable, with pread/pwrite, until the driver says otherwise (pipes, ttys). */
	file->f_mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	return file;
}

struct file *get_file(struct file *file)
{
	file->f_count++;
	return file;
}

void fput(struct file *file)
{
	if (--file->f_count > 0)
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	if (file->f_mode & FMODE_WRITE)
		file->f_inode->i_writecount--;
	path_put(&file->f_path);
	put_cred(file->f_cred);
	kmem_cache_free(filp_cachep, file);
}
