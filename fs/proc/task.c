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

extern const struct inode_operations proc_tid_base_inode_operations;
extern const struct file_operations proc_tid_base_operations;

/* The thread tid of the process dir belongs to, referenced, or NULL. */
static struct task_struct *task_of_thread_group(struct inode *dir, const char *name,
						unsigned int len)
{
	struct task_struct *leader = get_proc_task(dir), *task = NULL;
	char buf[12];

	if (!leader)
		return NULL;
	if (len == (unsigned int)snprintf(buf, sizeof(buf), "%d", leader->pid) &&
	    !memcmp(buf, name, len) && proc_task_alive(leader))
		task = leader;		/* one thread: the leader itself */
	else
		put_task_struct(leader);
	return task;
}

static int proc_task_lookup(struct inode *dir, struct dentry *dentry)
{
	struct task_struct *task = task_of_thread_group(dir, dentry->d_name.name,
							dentry->d_name.len);
	struct inode *inode;

	if (!task)
		return -ENOENT;
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
