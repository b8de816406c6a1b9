// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/fdinfo: a file per open descriptor of the process, with
 * its position, its open flags (O_CLOEXEC from the descriptor), its
 * mount and inode, and what its kind of file adds (a pidfd's Pid:).
 * Linux: fs/proc/fd.c
 *
 * Faultline differs: mounts have no ids, so mnt_id is 0 for every file.
 * Left out: the fd directory of links (Linux's proc_fd_link), file locks.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include "internal.h"

/* The open file behind the task's fd, with a reference, and its flags. */
static struct file *proc_task_file(struct task_struct *task, unsigned int fd, int *f_flags)
{
	struct files_struct *files = task->files;
	struct file *file = files ? files_lookup_fd(files, fd) : NULL;

	if (!file)
		return NULL;
	*f_flags = (int)file->f_flags;
	if (close_on_exec(fd, &files->fdt))
		*f_flags |= O_CLOEXEC;
	return get_file(file);
}

/* Linux: seq_show() of fs/proc/fd.c */
static int proc_fdinfo_show(struct seq_file *m, void *v)
{
	struct inode *inode = m->private;
	struct task_struct *task = get_proc_task(inode);
	struct file *file;
	int f_flags = 0;

	if (!task)
		return -ENOENT;
	file = proc_task_file(task, PROC_I(inode)->fd, &f_flags);
	put_task_struct(task);
	if (!file)
		return -ENOENT;
	seq_printf(m, "pos:\t%lli\nflags:\t0%o\nmnt_id:\t%i\nino:\t%lu\n",
		   (long long)file->f_pos, f_flags, 0, file_inode(file)->i_ino);
	if (file->f_op && file->f_op->show_fdinfo)
		file->f_op->show_fdinfo(m, file);
	fput(file);
	return 0;
}

static int proc_fdinfo_open(struct inode *inode, struct file *file)
{
	return single_open(file, proc_fdinfo_show, inode);
}

static const struct file_operations proc_fdinfo_file_operations = {
	.open = proc_fdinfo_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};

/* fdinfo/<fd> of a descriptor that is open now. Linux: proc_fdinfo_instantiate() */
static int proc_fdinfo_lookup(struct inode *dir, struct dentry *dentry)
{
	struct task_struct *task = get_proc_task(dir);
	int fd = name_to_int(dentry->d_name.name, dentry->d_name.len), f_flags, err = -ENOENT;
	struct file *file = NULL;
	struct inode *inode;

	if (!task)
		return -ENOENT;
	if (fd >= 0)
		file = proc_task_file(task, (unsigned int)fd, &f_flags);
	if (!file)
		goto out;
	fput(file);
	err = -ENOMEM;
	inode = proc_get_inode(dentry->d_sb, S_IFREG | 0444, task, NULL);
	if (!inode)
		goto out;
	PROC_I(inode)->fd = (unsigned int)fd;
	inode->i_fop = &proc_fdinfo_file_operations;
	dentry->d_op = &pid_dentry_operations;
	d_instantiate(dentry, inode);
	err = 0;
out:
	put_task_struct(task);
	return err;
}

/* ".", "..", then each open descriptor at position fd + 2. Linux: proc_readfd_common() */
static int proc_fdinfo_readdir(struct file *file, struct dir_context *ctx)
{
	struct task_struct *task = get_proc_task(file_inode(file));
	char name[12];

	if (!task)
		return -ENOENT;
	if (!proc_emit_dots(file, ctx) || !task->files)
		goto out;
	for (; ctx->pos - 2 < task->files->fdt.max_fds; ctx->pos++) {
		unsigned int fd = (unsigned int)(ctx->pos - 2);
		int len;

		if (!files_lookup_fd(task->files, fd))
			continue;
		len = snprintf(name, sizeof(name), "%u", fd);
		if (!ctx->actor(ctx, name, len, ctx->pos, 2 + ctx->pos, DT_REG))
			break;
	}
out:
	put_task_struct(task);
	return 0;
}

const struct inode_operations proc_fdinfo_inode_operations = {
	.lookup = proc_fdinfo_lookup,
	.setattr = proc_setattr,
};

const struct file_operations proc_fdinfo_operations = {
	.iterate_shared = proc_fdinfo_readdir,
	.llseek = generic_file_llseek,
};
