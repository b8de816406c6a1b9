// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/task: a directory of the process's threads, each a
 * directory of its own files (base.c's tid_base_stuff). Faultline has
 * no threads yet (CLONE_THREAD is refused), so a process's only thread is
 * itself, named by its pid; the shape is Linux's, so that
 * /proc/thread-self/... and /proc/self/task/<tid>/... paths written for
 * Linux work here. Linux: fs/proc/base.c proc_task_lookup(),
 * proc_task_readdir()
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include "internal.h"

/*
 * /proc/<pid>/task/<tid>, for a tid of the process's thread group: here
 * only the process itself, named by its pid. Linux: proc_task_lookup()
 * (find_task_by_pid_ns(), then same_thread_group())
 */
static int proc_task_lookup(struct inode *dir, struct dentry *dentry)
{
	struct task_struct *task = get_proc_task(dir);
	struct inode *inode;
	char tid[12];
	int len;

	if (!task)
		return -ENOENT;
	len = snprintf(tid, sizeof(tid), "%d", task->pid);
	if (dentry->d_name.len != (unsigned int)len || memcmp(tid, dentry->d_name.name, len) ||
	    !proc_task_alive(task)) {
		put_task_struct(task);
		return -ENOENT;
	}
	inode = proc_get_inode(dentry->d_sb, S_IFDIR | 0555, task, NULL);
	put_task_struct(task);
	if (!inode)
		return -ENOMEM;
	inode->i_op = &proc_tid_base_inode_operations;
	inode->i_fop = &proc_tid_base_operations;
	dentry->d_op = &pid_dentry_operations;
	d_instantiate(dentry, inode);
	return 0;
}

/* ".", "..", then each thread by its id (here: the one). */
static int proc_task_readdir(struct file *file, struct dir_context *ctx)
{
	struct task_struct *task = get_proc_task(file_inode(file));
	char name[12];
	int len;

	if (!task)
		return -ENOENT;
	len = snprintf(name, sizeof(name), "%d", task->pid);
	put_task_struct(task);
	if (!proc_emit_dots(file, ctx))
		return 0;
	if (ctx->pos == 2) {
		if (!ctx->actor(ctx, name, len, 2, 3, DT_DIR))
			return 0;
		ctx->pos = 3;
	}
	return 0;
}

const struct inode_operations proc_task_inode_operations = {
	.lookup = proc_task_lookup,
	.setattr = proc_setattr,
};

const struct file_operations proc_task_operations = {
	.iterate_shared = proc_task_readdir,
	.llseek = generic_file_llseek,
};
