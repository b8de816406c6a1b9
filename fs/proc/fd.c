// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/fd: a directory of the process's open descriptors, each a
 * magic link named by its number. Reading one gives the file's path
 * ("/memfd:NAME (deleted)" for a memfd, "pipe:[INO]" for a pipe);
 * opening one opens the file itself, with the new open's flags, even
 * when it has no name. Linux: fs/proc/fd.c
 *
 * Left out from Linux: fdinfo, and the ptrace access check (everything
 * here runs as root).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/fdtable.h>
#include "internal.h"

/*
 * The task's open file at fd, with a reference, or NULL (none there, or
 * the task has closed its files on exit).
 */
static struct file *proc_task_fget(struct task_struct *task, unsigned int fd)
{
	struct file *file = task->files ? files_lookup_fd(task->files, fd) : NULL;

	return file ? get_file(file) : NULL;
}

/* The link's mode tells how the file is open. Linux: tid_fd_update_inode() */
static umode_t proc_fd_mode(const struct file *file)
{
	umode_t mode = S_IFLNK;

	if (file->f_mode & FMODE_READ)
		mode |= 0500;	/* S_IRUSR | S_IXUSR */
	if (file->f_mode & FMODE_WRITE)
		mode |= 0300;	/* S_IWUSR | S_IXUSR */
	return mode;
}

/* Where the link goes: the open file's own path. Linux: proc_fd_link() */
static int proc_fd_get_link(struct dentry *dentry, char *buf, int buflen, struct path *jump)
{
	struct inode *inode = d_inode(dentry);
	struct task_struct *task = get_proc_task(inode);
	struct file *file;

	if (!task)
		return -ENOENT;
	file = proc_task_fget(task, (unsigned int)PROC_I(inode)->fd);
	put_task_struct(task);
	if (!file)
		return -ENOENT;
	*jump = file->f_path;
	path_get(jump);
	fput(file);
	return 0;
}

static const struct inode_operations proc_fd_link_inode_operations = {
	.get_link = proc_fd_get_link,
	.setattr = proc_setattr,
};

/*
 * A /proc/<pid>/fd/N dentry stays valid while the task lives and N is
 * still open. Linux: tid_fd_revalidate()
 */
static int tid_fd_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = d_inode(dentry);
	struct task_struct *task = inode ? get_proc_task(inode) : NULL;
	struct file *file;

	if (!task)
		return 0;
	file = proc_task_fget(task, (unsigned int)PROC_I(inode)->fd);
	put_task_struct(task);
	if (!file)
		return 0;
	inode->i_mode = proc_fd_mode(file);
	fput(file);
	return 1;
}

static const struct dentry_operations tid_fd_dentry_operations = {
	.d_revalidate = tid_fd_revalidate,
};

/* /proc/<pid>/fd/N for an open N. Linux: proc_lookupfd() -> proc_fd_instantiate() */
static int proc_lookupfd(struct inode *dir, struct dentry *dentry)
{
	int fd = name_to_int(dentry->d_name.name, dentry->d_name.len);
	struct task_struct *task = get_proc_task(dir);
	struct inode *inode = NULL;
	struct file *file = NULL;

	if (task && fd >= 0)
		file = proc_task_fget(task, (unsigned int)fd);
	if (file)
		inode = proc_get_inode(dentry->d_sb, proc_fd_mode(file), task, NULL);
	if (task)
		put_task_struct(task);
	if (!file)
		return -ENOENT;
	fput(file);
	if (!inode)
		return -ENOMEM;
	PROC_I(inode)->fd = fd;
	inode->i_op = &proc_fd_link_inode_operations;
	dentry->d_op = &tid_fd_dentry_operations;
	d_instantiate(dentry, inode);
	return 0;
}

/* ".", "..", then each open descriptor at position 2 + fd. Linux: proc_readfd_common() */
static int proc_readfd(struct file *file, struct dir_context *ctx)
{
	struct task_struct *task = get_proc_task(file_inode(file));
	char name[12];

	if (!task)
		return -ENOENT;
	if (!proc_emit_dots(file, ctx))
		goto out;
	for (unsigned int fd = (unsigned int)(ctx->pos - 2);
	     task->files && fd < task->files->fdt.max_fds; fd++) {
		int len;

		if (!files_lookup_fd(task->files, fd))
			continue;
		len = snprintf(name, sizeof(name), "%u", fd);
		ctx->pos = 2 + fd;
		if (!ctx->actor(ctx, name, len, ctx->pos, 2 + ctx->pos, DT_LNK))
			goto out;
		ctx->pos++;
	}
out:
	put_task_struct(task);
	return 0;
}

const struct inode_operations proc_fd_inode_operations = {
	.lookup = proc_lookupfd,
	.setattr = proc_setattr,
};

const struct file_operations proc_fd_operations = {
	.iterate_shared = proc_readfd,
	.llseek = generic_file_llseek,
};
