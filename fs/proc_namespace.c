// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/mounts (a link to /proc/self/mounts) and /proc/<pid>/mounts: the
 * mount table, one line per mount, oldest first. Linux: fs/proc_namespace.c
 * show_vfsmnt()
 *
 *   DEVICE MOUNTPOINT TYPE OPTIONS 0 0
 *
 * OPTIONS: "rw" (mount(2) here takes no ro, nosuid, nodev or noexec:
 * fs/namespace.c), "relatime" (Linux's default for every mount(2); the rootfs,
 * mounted by the kernel itself, has none), then the file system's own:
 * tmpfs says inode64 (its inode numbers are 64 bits wide). Faultline's
 * tmpfs has no size limit, so it shows no size= or nr_inodes= as
 * Linux's rootfs does.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include "proc/internal.h"

/* Linux: mangle(): the device name with " \t\n\\" escaped */
static void mangle(struct seq_file *m, const char *s)
{
	for (; *s; s++) {
		if (strchr(" \t\n\\", *s))
			seq_printf(m, "\\%03o", (unsigned char)*s);
		else
			seq_putc(m, *s);
	}
}

static void show_vfsmnt(struct seq_file *m, const struct mount *mnt, bool kernel_mount)
{
	struct super_block *sb = mnt->mnt_root->d_sb;
	struct path mp = { .dentry = mnt->mnt_mountpoint };

	mangle(m, mnt->mnt_devname);
	seq_putc(m, ' ');
	seq_path(m, &mp, " \t\n\\");
	seq_putc(m, ' ');
	mangle(m, kernel_mount ? "rootfs" : sb->s_type);
	seq_puts(m, " rw");
	if (!kernel_mount)
		seq_puts(m, ",relatime");
	if (!strcmp(sb->s_type, "tmpfs"))
		seq_puts(m, ",inode64");
	seq_puts(m, " 0 0\n");
}

int mounts_show(struct seq_file *m, struct task_struct *task)
{
	struct mount *mnt;

	list_for_each_entry(mnt, &mount_list, mnt_list)
		show_vfsmnt(m, mnt, mnt->mnt_mountpoint == mnt->mnt_root);
	return 0;
}
