// SPDX-License-Identifier: GPL-2.0
/*
 * Name operations for kernel code (initramfs, /dev at boot, ktests),
 * taking path strings in kernel memory. Linux: fs/init.c
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/namei.h>

int init_mkdir(const char *name, umode_t mode)
{
	struct path parent;
	struct dentry *dentry = kern_path_create(name, &parent);
	int err;

	if (IS_ERR(dentry))
		return (int)PTR_ERR(dentry);
	err = vfs_mkdir(d_inode(parent.dentry), dentry, mode);
	done_path_create(&parent, dentry);
	return err;
}

/* A device node, FIFO or socket (initramfs device entries, /dev). */
int init_mknod(const char *name, umode_t mode, dev_t dev)
{
	struct path parent;
	struct dentry *dentry = kern_path_create(name, &parent);
	int err;

	if (IS_ERR(dentry))
		return (int)PTR_ERR(dentry);
	err = vfs_mknod(d_inode(parent.dentry), dentry, mode, dev);
	done_path_create(&parent, dentry);
	return err;
}

int init_symlink(const char *target, const char *name)
{
	struct path parent;
	struct dentry *dentry = kern_path_create(name, &parent);
	int err;

	if (IS_ERR(dentry))
		return (int)PTR_ERR(dentry);
	err = vfs_symlink(d_inode(parent.dentry), dentry, target);
	done_path_create(&parent, dentry);
	return err;
}

/* unlink or rmdir: remove(name) with the VFS operation given. */
static int init_remove(const char *name, int (*op)(struct inode *, struct dentry *))
{
	struct path parent;
	struct dentry *dentry = kern_path_locked(name, &parent);
	int err;

	if (IS_ERR(dentry))
		return (int)PTR_ERR(dentry);
	err = op(d_inode(parent.dentry), dentry);
	dput(dentry);
	path_put(&parent);
	return err;
}

int init_unlink(const char *name)
{
	return init_remove(name, vfs_unlink);
}

int init_rmdir(const char *name)
{
	return init_remove(name, vfs_rmdir);
}
