// SPDX-License-Identifier: GPL-2.0
/*
 * The root file system: one tmpfs, mounted at "/" before anything else
 * runs, as Linux mounts its rootfs. No mount table (yet): every path
 * resolves within it. Linux: fs/namespace.c (init_mount_tree),
 * init/do_mounts.c, fs/fs_struct.c
 */
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/shmem_fs.h>

struct super_block *root_sb;

/* An anonymous device number, 0:2, as Linux's tmpfs rootfs gets one. */
#define ROOTFS_DEV	2

void vfs_caches_init(void)
{
	shmem_init();
	root_sb = shmem_fill_super(ROOTFS_DEV);
	if (!root_sb)
		panic("vfs_caches_init: cannot create the root file system");
	init_fs.root.dentry = dget(root_sb->s_root);
	init_fs.pwd.dentry = dget(root_sb->s_root);
	init_task.fs = &init_fs;
}
