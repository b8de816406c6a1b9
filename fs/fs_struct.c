// SPDX-License-Identifier: GPL-2.0
/*
 * fs_struct: root, working directory and umask. Linux: fs/fs_struct.c
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/fs_struct.h>

/* The first task's; vfs_caches_init points it at the root. umask 022 as Linux's. */
struct fs_struct init_fs = {
	.users = 1,
	.umask = 0022,
};

struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kmalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	fs->umask = old->umask;
	fs->root = old->root;
	path_get(&fs->root);
	fs->pwd = old->pwd;
	path_get(&fs->pwd);
	return fs;
}

void free_fs_struct(struct fs_struct *fs)
{
	path_put(&fs->root);
	path_put(&fs->pwd);
	kfree(fs);
}

void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	if (!fs)
		return;
	tsk->fs = NULL;
	if (--fs->users == 0)
		free_fs_struct(fs);
}

void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	struct path old = fs->pwd;

	fs->pwd = *path;
	path_get(path);
	path_put(&old);
}
