// SPDX-License-Identifier: GPL-2.0
/*
 * tmpfs directories: making, linking, unlinking and renaming names.
 * Linux: mm/shmem.c (shmem_mknod ... shmem_rename2); the files' pages
 * are mm/shmem.c's.
 */
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/pagemap.h>
#include <linux/shmem_fs.h>
#include <linux/userfaultfd_k.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/statfs.h>
#include <linux/random.h>
#include <linux/capability.h>

/* A change of a directory's entries: its mtime and ctime move on. */
static void dir_changed(struct inode *dir)
{
	dir->i_mtime = dir->i_ctime = current_time();
}

/* Linux: shmem_mknod() */
static int shmem_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	struct inode *inode = shmem_get_inode(dir->i_sb, dir, mode, dev);

	if (!inode)
		return -ENOSPC;
	d_instantiate(dentry, inode);
	dget(dentry);		/* the tree's reference: pins the name */
	dir_changed(dir);
	return 0;
}

static int shmem_create(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	return shmem_mknod(dir, dentry, (mode & S_IALLUGO) | S_IFREG, 0);
}

static int shmem_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = shmem_mknod(dir, dentry, (mode & S_IALLUGO) | S_IFDIR, 0);

	if (!err)
		inc_nlink(dir);
	return err;
}

static int shmem_symlink(struct inode *dir, struct dentry *dentry, const char *target)
{
	size_t len = strlen(target);
	struct inode *inode;
	char *link;

	if (len >= PAGE_SIZE)
		return -ENAMETOOLONG;
	link = kmalloc(len + 1, GFP_KERNEL);
	if (!link)
		return -ENOMEM;
	memcpy(link, target, len + 1);
	inode = shmem_get_inode(dir->i_sb, dir, S_IFLNK | S_IRWXUGO, 0);
	if (!inode) {
		kfree(link);
		return -ENOSPC;
	}
	inode->i_link = link;
	inode->i_size = (loff_t)len;
	d_instantiate(dentry, inode);
	dget(dentry);
	dir_changed(dir);
	return 0;
}

/* A second name for old_dentry's inode. Linux: shmem_link() */
static int shmem_link(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = d_inode(old_dentry);

	if (inode->i_nlink && shmem_reserve_inode(inode->i_sb))
		return -ENOSPC;
	inc_nlink(inode);
	ihold(inode);
	d_instantiate(dentry, inode);
	dget(dentry);
	inode->i_ctime = current_time();
	dir_changed(dir);
	return 0;
}

/* Linux: simple_unlink(): the name goes; the inode lives while used. */
static int shmem_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = d_inode(dentry);

	if (inode->i_nlink > 1 && !S_ISDIR(inode->i_mode))
		shmem_free_inode(inode->i_sb);
	drop_nlink(inode);
	inode->i_ctime = current_time();
	d_delete(dentry);
	dput(dentry);		/* the tree's reference */
	dir_changed(dir);
	return 0;
}

static int shmem_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	d_inode(dentry)->i_flags |= S_DEAD;	/* nothing may be made in it now (Linux: vfs_rmdir) */
	drop_nlink(d_inode(dentry));
	drop_nlink(dir);
	return shmem_unlink(dir, dentry);
}

/* RENAME_EXCHANGE: the two names swap inodes. Linux: simple_rename_exchange() */
static int shmem_exchange(struct inode *old_dir, struct dentry *old_dentry,
			  struct inode *new_dir, struct dentry *new_dentry)
{
	struct inode *a = d_inode(old_dentry), *b = d_inode(new_dentry);

	if (old_dir != new_dir && S_ISDIR(a->i_mode) != S_ISDIR(b->i_mode)) {
		if (S_ISDIR(a->i_mode)) {
			drop_nlink(old_dir);
			inc_nlink(new_dir);
		} else {
			drop_nlink(new_dir);
			inc_nlink(old_dir);
		}
	}
	old_dentry->d_inode = b;
	new_dentry->d_inode = a;
	dir_changed(old_dir);
	dir_changed(new_dir);
	return 0;
}

/*
 * Move old_dentry to new_dentry's name, replacing what is there (the
 * VFS checked the kinds agree). Linux: shmem_rename2() / simple_rename()
 */
static int shmem_rename2(struct inode *old_dir, struct dentry *old_dentry,
			 struct inode *new_dir, struct dentry *new_dentry, unsigned int flags)
{
	struct inode *inode = d_inode(old_dentry);
	bool they_are_dirs = S_ISDIR(inode->i_mode);
	int err;

	if (flags & RENAME_EXCHANGE)
		return shmem_exchange(old_dir, old_dentry, new_dir, new_dentry);
	if (d_inode(new_dentry)) {
		err = they_are_dirs ? shmem_rmdir(new_dir, new_dentry) :
				      shmem_unlink(new_dir, new_dentry);
		if (err)
			return err;
	}
	err = d_move(old_dentry, new_dentry);
	if (err)
		return err;
	if (they_are_dirs && old_dir != new_dir) {
		drop_nlink(old_dir);
		inc_nlink(new_dir);
	}
	inode->i_ctime = current_time();
	dir_changed(old_dir);
	dir_changed(new_dir);
	return 0;
}

const struct inode_operations shmem_dir_inode_operations = {
	.create = shmem_create,
	.mkdir = shmem_mkdir,
	.mknod = shmem_mknod,
	.symlink = shmem_symlink,
	.link = shmem_link,
	.unlink = shmem_unlink,
	.rmdir = shmem_rmdir,
	.rename = shmem_rename2,
	.setattr = shmem_setattr,
};
