/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H

#include <linux/fs.h>

/*
 * A task's root and working directory and its umask, shared between
 * tasks made with CLONE_FS. Linux: include/linux/fs_struct.h, fs/fs_struct.c
 */
struct fs_struct {
	int users;
	int umask;
	struct path root, pwd;
};

extern struct fs_struct init_fs;

struct fs_struct *copy_fs_struct(struct fs_struct *old);
void free_fs_struct(struct fs_struct *fs);
void exit_fs(struct task_struct *tsk);
void set_fs_pwd(struct fs_struct *fs, const struct path *path);

static inline void get_fs_pwd(struct fs_struct *fs, struct path *pwd)
{
	*pwd = fs->pwd;
	path_get(pwd);
}

#endif
