// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/fd and /proc/<pid>/fdinfo: the process's open descriptors.
 * Linux: fs/proc/fd.c
 *
 *   fd/N      a magic link: reading it gives the file's path ("/memfd:NAME
 *             (deleted)" for a memfd, "pipe:[INO]" for a pipe); opening
 *             it opens the file itself, with the new open's flags, even
 *             when it has no name
 *   fdinfo/N  the position, the open flags (O_CLOEXEC from the
 *             descriptor), the mount and inode, and what the kind of file
 *             adds (a pidfd's Pid:)
 *
 * fd/ is its process's (0500, root's while the process is not dumpable),
 * and the process itself may always look into it; a link may be
 * followed or read only by those who may inspect the process
 * (ptrace_may_access), and fdinfo/ and its files only by them too.
 *
 * Faultline differs: mounts have no ids, so mnt_id is 0 for every file.
 * Left out: file locks in fdinfo.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/ptrace.h>
#include "internal.h"

/*
 * The task's open file at fd, with a reference, and (if f_flags) its
 * flags with O_CLOEXEC from the descriptor; NULL if none is there or the
 * task has closed its files on exit.
 */
static struct file *proc_task_file(struct task_struct *task, unsigned int fd, int *f_flags)
{
	struct files_struct *files = task->files;
	struct file *file = files ? files_lookup_fd(files, fd) : NULL;

	if (!file)
		return NULL;
	if (f_flags) {
		*f_flags = (int)file->f_flags;
		if (close_on_exec(fd, &files->fdt))
			*f_flags |= O_CLOEXEC;
	}
	return get_file(file);
}

/*
 * ".", "..", then each open descriptor at position 2 + fd, of type
 * dtype (links in fd/, files in fdinfo/). Linux: proc_readfd_common()
 */
static int proc_readfd_common(struct file *file, struct dir_context *ctx, unsigned char dtype)
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
		if (!ctx->actor(ctx, name, len, ctx->pos, 2 + ctx->pos, dtype))
			break;
	}
out:
	put_task_struct(task);
	return 0;
}

/* --- fd/ --- */

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

/*
 * Where the link goes: the open file's own path, for those who may
 * inspect the process. Linux: proc_pid_get_link() -> proc_fd_link()
 */
static int proc_fd_get_link(struct dentry *dentry, char *buf, int buflen, struct path *jump)
{
	struct inode *inode = d_inode(dentry);
	struct task_struct *task = get_proc_task(inode);
	struct file *file;

	if (!task)
		return -ENOENT;
	if (!ptrace_may_access(task, PTRACE_MODE_READ_FSCREDS)) {
		put_task_struct(task);
		return -EACCES;
	}
	file = proc_task_file(task, (unsigned int)PROC_I(inode)->fd, NULL);
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
 * still open; its mode follows the file's, its owner the task's.
 * Linux: tid_fd_revalidate(), tid_fd_update_inode()
 */
static int tid_fd_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = d_inode(dentry);
	struct task_struct *task = inode ? get_proc_task(inode) : NULL;
	struct file *file;

	if (!task)
		return 0;
	file = proc_task_file(task, (unsigned int)PROC_I(inode)->fd, NULL);
	if (file) {
		inode->i_mode = proc_fd_mode(file);
		task_dump_owner(task, 0, &inode->i_uid, &inode->i_gid);
		fput(file);
	}
	put_task_struct(task);
	return file != NULL;
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
		file = proc_task_file(task, (unsigned int)fd, NULL);
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

static int proc_readfd(struct file *file, struct dir_context *ctx)
{
	return proc_readfd_common(file, ctx, DT_LNK);
}

/*
 * The fd directory by its mode bits, but a process may always look into
 * its own, even while not dumpable (root's). Linux: proc_fd_permission()
 */
static int proc_fd_permission(struct inode *inode, int mask)
{
	struct task_struct *task;
	int rv = generic_permission(inode, mask);

	if (rv == 0)
		return rv;
	task = get_proc_task(inode);
	if (task && task->tgid == current->tgid)
		rv = 0;
	if (task)
		put_task_struct(task);
	return rv;
}

const struct inode_operations proc_fd_inode_operations = {
	.lookup = proc_lookupfd,
	.setattr = proc_setattr,
	.permission = proc_fd_permission,
};

const struct file_operations proc_fd_operations = {
	.iterate_shared = proc_readfd,
	.llseek = generic_file_llseek,
};

/* --- fdinfo/ --- */

/*
 * fdinfo/ and its files: for those who may inspect the process, then by
 * the mode bits. Linux: proc_fdinfo_permission()
 */
static int proc_fdinfo_permission(struct inode *inode, int mask)
{
	struct task_struct *task = get_proc_task(inode);
	bool allowed;

	if (!task)
		return -ESRCH;
	allowed = ptrace_may_access(task, PTRACE_MODE_READ_FSCREDS);
	put_task_struct(task);
	return allowed ? generic_permission(inode, mask) : -EACCES;
}

static const struct inode_operations proc_fdinfo_file_inode_operations = {
	.permission = proc_fdinfo_permission,
	.setattr = proc_setattr,
};

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
	inode->i_op = &proc_fdinfo_file_inode_operations;
	inode->i_fop = &proc_fdinfo_file_operations;
	dentry->d_op = &pid_dentry_operations;
	d_instantiate(dentry, inode);
	err = 0;
out:
	put_task_struct(task);
	return err;
}

static int proc_fdinfo_readdir(struct file *file, struct dir_context *ctx)
{
	return proc_readfd_common(file, ctx, DT_REG);
}

const struct inode_operations proc_fdinfo_inode_operations = {
	.lookup = proc_fdinfo_lookup,
	.setattr = proc_setattr,
	.permission = proc_fdinfo_permission,
};

const struct file_operations proc_fdinfo_operations = {
	.iterate_shared = proc_fdinfo_readdir,
	.llseek = generic_file_llseek,
};
