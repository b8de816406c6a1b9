// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/sys: the sysctl tables as directories and files.
 * Linux: fs/proc/proc_sysctl.c
 *
 * A directory lists its table's entries in the table's (sorted) order;
 * a file reads and writes through its entry's proc_handler
 * (kernel/sysctl.c), with a kernel buffer the size of the request in
 * between. The inode keeps the entry it shows (proc_inode.sysctl; NULL
 * for /proc/sys itself, whose table is sysctl_root_table).
 *
 * Linux registers tables at run time (register_sysctl) into a tree of
 * ctl_table_headers; Faultline's tables are static, so there is nothing
 * to register, unregister or pin while a file is in use.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/uio.h>
#include <linux/sysctl.h>
#include <linux/cred.h>
#include "internal.h"

/* The entries of the directory inode dir shows. */
static struct ctl_table *sysctl_dir_table(const struct inode *dir)
{
	const struct ctl_table *entry = PROC_I(dir)->sysctl;

	return entry ? entry->child : sysctl_root_table;
}

/*
 * May the caller do mask (MAY_READ, MAY_WRITE, MAY_EXEC) to this entry?
 * By the entry's mode alone: the owner's bits for euid 0, the group's
 * for a member of group 0, else the others'; no capability overrides
 * them, so even root may not write a 0444 file or read a 0200 one.
 * Linux: sysctl_perm() -> test_perm()
 */
static int sysctl_perm(const struct ctl_table *table, int mask)
{
	int mode = table->mode;

	if (current_euid() == GLOBAL_ROOT_UID)
		mode >>= 6;
	else if (in_egroup_p(GLOBAL_ROOT_GID))
		mode >>= 3;
	return (mask & ~mode & (MAY_READ | MAY_WRITE | MAY_EXEC)) ? -EACCES : 0;
}

/*
 * The inode permission of /proc/sys and everything in it, in place of
 * the mode bits (inode_permission): no file is executable, /proc/sys
 * itself is r-xr-xr-x, and an entry is as sysctl_perm says.
 * Linux: proc_sys_permission()
 */
static int proc_sys_permission(struct inode *inode, int mask)
{
	const struct ctl_table *table = PROC_I(inode)->sysctl;

	if ((mask & MAY_EXEC) && S_ISREG(inode->i_mode))
		return -EACCES;
	if (!table)
		return (mask & MAY_WRITE) ? -EACCES : 0;
	return sysctl_perm(table, mask);
}

/* An inode for entry. Linux: proc_sys_make_inode() */
static struct inode *proc_sys_make_inode(struct super_block *sb, struct ctl_table *table);

static int proc_sys_lookup(struct inode *dir, struct dentry *dentry)
{
	struct ctl_table *table = sysctl_dir_table(dir);
	struct inode *inode;

	for (; table->procname; table++) {
		if (strlen(table->procname) != dentry->d_name.len ||
		    memcmp(table->procname, dentry->d_name.name, dentry->d_name.len))
			continue;
		inode = proc_sys_make_inode(dir->i_sb, table);
		if (!inode)
			return -ENOMEM;
		d_instantiate(dentry, inode);
		return 0;
	}
	return -ENOENT;
}

/* ".", "..", then the table's entries from position 2. Linux: proc_sys_readdir() */
static int proc_sys_readdir(struct file *file, struct dir_context *ctx)
{
	struct ctl_table *table = sysctl_dir_table(file_inode(file));
	loff_t pos = 2;

	if (!proc_emit_dots(file, ctx))
		return 0;
	for (; table->procname; table++, pos++) {
		if (pos < ctx->pos)
			continue;
		if (!ctx->actor(ctx, table->procname, (int)strlen(table->procname), pos,
				2 + pos, table->child ? DT_DIR : DT_REG))
			return 0;
		ctx->pos = pos + 1;
	}
	return 0;
}

/*
 * A read or write of the whole request through the handler. Linux:
 * proc_sys_call_handler()
 */
static ssize_t proc_sys_call_handler(struct kiocb *iocb, struct iov_iter *iter, int write)
{
	struct ctl_table *table = PROC_I(file_inode(iocb->ki_filp))->sysctl;
	size_t count = iov_iter_count(iter);
	ssize_t error;
	char *kbuf;

	if (sysctl_perm(table, write ? MAY_WRITE : MAY_READ))
		return -EPERM;
	if (!table->proc_handler)
		return -EINVAL;
	if (count >= KMALLOC_MAX_SIZE)
		return -ENOMEM;
	kbuf = kzalloc(count + 1, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	error = -EFAULT;
	if (write && copy_from_iter(kbuf, count, iter) != count)
		goto out_free_buf;
	error = table->proc_handler(table, write, kbuf, &count, &iocb->ki_pos);
	if (error)
		goto out_free_buf;
	error = -EFAULT;
	if (!write && copy_to_iter(kbuf, count, iter) < count)
		goto out_free_buf;
	error = (ssize_t)count;
out_free_buf:
	kfree(kbuf);
	return error;
}

static ssize_t proc_sys_read(struct kiocb *iocb, struct iov_iter *iter)
{
	return proc_sys_call_handler(iocb, iter, 0);
}

static ssize_t proc_sys_write(struct kiocb *iocb, struct iov_iter *iter)
{
	return proc_sys_call_handler(iocb, iter, 1);
}

static const struct file_operations proc_sys_file_operations = {
	.read_iter = proc_sys_read,
	.write_iter = proc_sys_write,
	.llseek = generic_file_llseek,
};

static const struct inode_operations proc_sys_inode_operations = {
	.setattr = proc_setattr,
	.permission = proc_sys_permission,
};

const struct file_operations proc_sys_dir_file_operations = {
	.iterate_shared = proc_sys_readdir,
	.llseek = generic_file_llseek,
};

const struct inode_operations proc_sys_dir_operations = {
	.lookup = proc_sys_lookup,
	.setattr = proc_setattr,
	.permission = proc_sys_permission,
};

/* Directories are dr-xr-xr-x with one link, files their table mode. */
static struct inode *proc_sys_make_inode(struct super_block *sb, struct ctl_table *table)
{
	umode_t mode = table->child ? S_IFDIR | 0555 : S_IFREG | table->mode;
	struct inode *inode = proc_get_inode(sb, mode, NULL, NULL);

	if (!inode)
		return NULL;
	PROC_I(inode)->sysctl = table;
	inode->i_nlink = 1;
	if (table->child) {
		inode->i_op = &proc_sys_dir_operations;
		inode->i_fop = &proc_sys_dir_file_operations;
	} else {
		inode->i_op = &proc_sys_inode_operations;
		inode->i_fop = &proc_sys_file_operations;
	}
	return inode;
}
