// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/task: a directory of the process's threads, each named by
 * its tid and holding its own files (base.c's tid_base_stuff): status,
 * stat, comm ... of that one thread. The threads are listed in the
 * order of their process's thread list (the leader first, then by
 * creation), a zombie leader among them until the process is reaped.
 * Linux: fs/proc/base.c proc_task_lookup(), proc_task_readdir()
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include "internal.h"

/*
 * /proc/<pid>/task/<tid>, for a tid of the process's thread group.
 * Linux: proc_task_lookup() (find_task_by_pid_ns(), then same_thread_group())
 */
static int proc_task_lookup(struct inode *dir, struct dentry *dentry)
{
	struct task_struct *leader = get_proc_task(dir), *task;
	int tid = name_to_int(dentry->d_name.name, dentry->d_name.len);
	struct inode *inode;

	if (!leader)
		return -ENOENT;
	task = tid > 0 ? find_task_by_vpid(tid) : NULL;
	if (!task || !proc_task_alive(task) || !same_thread_group(leader, task)) {
		put_task_struct(leader);
		return -ENOENT;
	}
	inode = proc_get_inode(dentry->d_sb, S_IFDIR | 0555, task, NULL);
	put_task_struct(leader);
	if (!inode)
		return -ENOMEM;
	inode->i_op = &proc_tid_base_inode_operations;
	inode->i_fop = &proc_tid_base_operations;
	dentry->d_op = &pid_dentry_operations;
	d_instantiate(dentry, inode);
	return 0;
}

/*
 * ".", "..", then each thread by its tid, at positions 2, 3, ...: the
 * nth thread of the list is at n + 2 (a thread exiting between two reads
 * shifts the rest, as in Linux). Linux: proc_task_readdir()
 */
static int proc_task_readdir(struct file *file, struct dir_context *ctx)
{
	struct task_struct *task = get_proc_task(file_inode(file)), *t;
	loff_t pos = 2;
	char name[12];
	int len;

	if (!task)
		return -ENOENT;
	if (!proc_emit_dots(file, ctx))
		goto out;
	for_each_thread(task, t) {
		if (pos++ < ctx->pos)
			continue;
		len = snprintf(name, sizeof(name), "%d", t->pid);
		if (!ctx->actor(ctx, name, len, ctx->pos, 1 + ctx->pos, DT_DIR))
			break;
		ctx->pos++;
	}
out:
	put_task_struct(task);
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
