// SPDX-License-Identifier: GPL-2.0
/*
 * procfs inodes, dentries and the files of one record. Linux:
 * fs/proc/inode.c, fs/proc/root.c (proc_fill_super), fs/proc/base.c
 * (pid_revalidate, proc_single_show, proc_pident_readdir)
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/time64.h>
#include <linux/proc_fs.h>
#include <linux/statfs.h>
#include <linux/ptrace.h>
#include <asm/uaccess.h>
#include "internal.h"

#define PROC_ROOT_INO	1

/* Still a process /proc shows: not yet reaped. Linux: pid_alive() */
bool proc_task_alive(const struct task_struct *task)
{
	return task->signal != NULL;
}

/*
 * The task an inode of /proc/<pid> is about, with a reference, or NULL
 * once it has been reaped. Linux: get_proc_task()
 */
struct task_struct *get_proc_task(const struct inode *inode)
{
	struct task_struct *task = PROC_I(inode)->task;

	if (!task || !proc_task_alive(task))
		return NULL;
	get_task_struct(task);
	return task;
}

static void proc_evict_inode(struct inode *inode)
{
	struct proc_inode *ei = PROC_I(inode);

	if (!ei)
		return;
	if (ei->task)
		put_task_struct(ei->task);
	kfree(ei);
	inode->i_private = NULL;
}

static void proc_put_super(struct super_block *sb)
{
}

static const struct super_operations proc_sops = {
	.evict_inode = proc_evict_inode,
	.put_super = proc_put_super,
	.statfs = simple_statfs,
};

/*
 * Attribute changes: a truncate (O_TRUNC, truncate(2)) succeeds and
 * changes nothing, as Linux's proc_setattr() and proc_notify_change()
 * let it. Faultline's notify_change() asks the file system only about
 * size changes.
 */
int proc_setattr(struct dentry *dentry, struct iattr *attr)
{
	return 0;
}

static const struct inode_operations proc_file_inode_operations = {
	.setattr = proc_setattr,
};

/*
 * A new inode for an entry (or a directory when entry is NULL) about
 * task (NULL for the system files), which it holds a reference to.
 * Owned by the task's euid (task_dump_owner) or root, times now, as
 * Linux's proc_pid_make_inode() makes them.
 */
struct inode *proc_get_inode(struct super_block *sb, umode_t mode, struct task_struct *task,
			     const struct proc_entry *entry)
{
	struct inode *inode = new_inode(sb);
	struct proc_inode *ei = kzalloc(sizeof(*ei), GFP_KERNEL);

	if (!inode || !ei) {
		kfree(ei);
		iput(inode);
		return NULL;
	}
	ei->task = task;
	ei->entry = entry;
	if (task) {
		get_task_struct(task);
		task_dump_owner(task, mode, &inode->i_uid, &inode->i_gid);
	}
	inode->i_private = ei;
	inode->i_ino = get_next_ino();
	inode->i_mode = mode;
	inode->i_nlink = S_ISDIR(mode) ? 2 : 1;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time();
	inode->i_op = &proc_file_inode_operations;
	if (entry && entry->fop)
		inode->i_fop = entry->fop;
	return inode;
}

/*
 * A /proc/<pid> dentry stays valid while its task is not reaped; its
 * owner follows the task's credentials and dumpability.
 * Linux: pid_revalidate(), pid_update_inode()
 */
static int pid_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = d_inode(dentry);
	struct task_struct *task = inode ? PROC_I(inode)->task : NULL;

	if (!task || !proc_task_alive(task))
		return 0;
	task_dump_owner(task, inode->i_mode, &inode->i_uid, &inode->i_gid);
	inode->i_mode &= ~(S_ISUID | S_ISGID);
	return 1;
}

const struct dentry_operations pid_dentry_operations = {
	.d_revalidate = pid_revalidate,
};

/*
 * Follow (or read) exe, cwd or root: only for those who may inspect the
 * process. Linux: proc_pid_get_link(), proc_pid_readlink(),
 * proc_fd_access_allowed()
 */
static int proc_entry_get_link(struct dentry *dentry, char *buf, int buflen, struct path *jump)
{
	const struct proc_inode *ei = PROC_I(d_inode(dentry));
	struct task_struct *task = get_proc_task(d_inode(dentry));
	int err = -EACCES;

	if (!task)
		return -ENOENT;
	if (ptrace_may_access(task, PTRACE_MODE_READ_FSCREDS))
		err = ei->entry->get_link(task, jump);
	put_task_struct(task);
	return err;
}

static const struct inode_operations proc_pid_link_inode_operations = {
	.get_link = proc_entry_get_link,
	.setattr = proc_setattr,
};

static int proc_target_get_link(struct dentry *dentry, char *buf, int buflen, struct path *jump)
{
	strlcpy(buf, PROC_I(d_inode(dentry))->entry->target, (size_t)buflen);
	return 0;
}

static const struct inode_operations proc_target_inode_operations = {
	.get_link = proc_target_get_link,
	.setattr = proc_setattr,
};

/* Give the negative dentry the inode of entry (about task). Linux: proc_pident_instantiate() */
int proc_fill_entry(struct dentry *dentry, struct task_struct *task,
		    const struct proc_entry *entry)
{
	struct inode *inode = proc_get_inode(dentry->d_sb, entry->mode, task, entry);

	if (!inode)
		return -ENOMEM;
	if (entry->get_link)
		inode->i_op = &proc_pid_link_inode_operations;
	else if (entry->target)
		inode->i_op = &proc_target_inode_operations;
	else if (entry->iop)
		inode->i_op = entry->iop;
	if (task)
		dentry->d_op = &pid_dentry_operations;
	d_instantiate(dentry, inode);
	return 0;
}

/* The entry of ents that dentry names, or NULL. */
const struct proc_entry *proc_find_entry(const struct proc_entry *ents, int n,
					 const struct dentry *dentry)
{
	for (int i = 0; i < n; i++)
		if (strlen(ents[i].name) == dentry->d_name.len &&
		    !memcmp(ents[i].name, dentry->d_name.name, dentry->d_name.len))
			return &ents[i];
	return NULL;
}

/* "." and ".." at positions 0 and 1; false once the caller's buffer is full. */
bool proc_emit_dots(struct file *file, struct dir_context *ctx)
{
	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 0, file_inode(file)->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 1, d_inode(file->f_path.dentry->d_parent)->i_ino,
				DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

/*
 * readdir of a table of entries, which take positions first, first+1,
 * ...; false once the caller's buffer is full. Linux: proc_pident_readdir()
 */
bool proc_emit_entries(struct dir_context *ctx, const struct proc_entry *ents, int n,
		       loff_t first)
{
	for (; ctx->pos >= first && ctx->pos < first + n; ctx->pos++) {
		const struct proc_entry *e = &ents[ctx->pos - first];

		/* Linux gives each a fresh inode number as its lookup would. */
		if (!ctx->actor(ctx, e->name, (int)strlen(e->name), ctx->pos, 2 + ctx->pos,
				fs_umode_to_dtype(e->mode)))
			return false;
	}
	return true;
}

/* --- files of one record --- */

static int proc_single_show(struct seq_file *m, void *v)
{
	struct inode *inode = m->private;
	struct task_struct *task;
	int ret;

	if (!PROC_I(inode)->task)
		return PROC_I(inode)->entry->show(m, NULL);
	task = get_proc_task(inode);
	if (!task)
		return -ESRCH;
	ret = PROC_I(inode)->entry->show(m, task);
	put_task_struct(task);
	return ret;
}

static int proc_single_open(struct inode *inode, struct file *file)
{
	unsigned int mode = PROC_I(inode)->entry->ptrace_mode;

	if (mode) {
		int err = proc_task_access(inode, mode);

		if (err)
			return err;
	}
	return single_open(file, proc_single_show, inode);
}

/* Linux: comm_write() and the like: a whole write, at most a page. */
static ssize_t proc_single_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	const struct proc_entry *entry = PROC_I(inode)->entry;
	size_t count = iov_iter_count(from);
	struct task_struct *task;
	char *buf;
	ssize_t ret;

	/* Linux: vfs_write's -EINVAL for a per-process file, pde_write's -EIO for /proc's own */
	if (!entry->write)
		return PROC_I(inode)->task ? -EINVAL : -EIO;
	if (count > PAGE_SIZE)
		count = PAGE_SIZE;
	buf = kzalloc(count + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_iter(buf, count, from) != count)
		goto out;
	if (!PROC_I(inode)->task) {		/* a file of /proc itself */
		ret = entry->write(NULL, buf, count);
		goto done;
	}
	ret = -ESRCH;
	task = get_proc_task(inode);
	if (!task)
		goto out;
	ret = entry->write(task, buf, count);
	put_task_struct(task);
done:
	if (ret > 0)
		iocb->ki_pos += ret;
out:
	kfree(buf);
	return ret;
}

const struct file_operations proc_single_file_operations = {
	.open = proc_single_open,
	.read_iter = seq_read_iter,
	.write_iter = proc_single_write,
	.llseek = seq_lseek,
	.release = single_release,
};

/* --- the super block --- */

struct super_block *proc_fill_super(dev_t dev)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	struct inode *root;

	if (!sb)
		return NULL;
	sb->s_op = &proc_sops;
	sb->s_flags = SB_NLINK_STAT;
	sb->s_dev = dev;
	sb->s_magic = PROC_SUPER_MAGIC;
	sb->s_type = "proc";
	root = proc_get_inode(sb, S_IFDIR | 0555, NULL, NULL);
	if (!root) {
		kfree(sb);
		return NULL;
	}
	root->i_ino = PROC_ROOT_INO;
	root->i_op = &proc_root_inode_operations;
	root->i_fop = &proc_root_operations;
	sb->s_root = d_make_root(root);
	if (!sb->s_root) {
		iput(root);
		kfree(sb);
		return NULL;
	}
	return sb;
}
