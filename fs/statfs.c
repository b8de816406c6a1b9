// SPDX-License-Identifier: GPL-2.0
/*
 * statfs(2) and fstatfs(2): what the file system holding a path or an
 * open file says of itself. Linux: fs/statfs.c
 *
 * Each file system fills in its magic number and counts through
 * super_operations.statfs; the VFS adds the mount's flags (f_flags).
 * Faultline's mounts take no ro, nosuid, nodev or noexec (fs/namespace.c),
 * so f_flags is ST_VALID, plus ST_RELATIME for every mount made by
 * mount(2), which is Linux's default; the rootfs, mounted by the kernel
 * itself, and the internal mounts (pipes, shared memory) have no relatime.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/namei.h>
#include <linux/fdtable.h>
#include <linux/statfs.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/* For file systems without limits. Linux: fs/libfs.c simple_statfs() */
int simple_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	buf->f_type = (long)dentry->d_sb->s_magic;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	return 0;
}

/* Linux: calculate_f_flags(), flags_by_mnt() */
static long calculate_f_flags(const struct super_block *sb)
{
	struct mount *mnt = mount_of_root(sb->s_root);

	if (!mnt || mnt->mnt_root == root_sb->s_root)
		return ST_VALID;
	return ST_VALID | ST_RELATIME;
}

/* Linux: statfs_by_dentry() */
static int statfs_by_dentry(struct dentry *dentry, struct kstatfs *buf)
{
	const struct super_operations *sop = dentry->d_sb->s_op;
	int err;

	if (!sop || !sop->statfs)
		return -ENOSYS;
	memset(buf, 0, sizeof(*buf));
	err = sop->statfs(dentry, buf);
	if (!err && buf->f_frsize == 0)
		buf->f_frsize = buf->f_bsize;
	return err;
}

/* Linux: vfs_statfs() */
int vfs_statfs(const struct path *path, struct kstatfs *buf)
{
	int err = statfs_by_dentry(path->dentry, buf);

	if (!err)
		buf->f_flags = calculate_f_flags(path->dentry->d_sb);
	return err;
}

/* Linux: user_statfs() */
static int user_statfs(const char __user *pathname, struct kstatfs *st)
{
	struct path path;
	int err = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = vfs_statfs(&path, st);
	path_put(&path);
	return err;
}

/* Linux: fd_statfs(): any open file, O_PATH ones too (fdget_raw) */
static int fd_statfs(int fd, struct kstatfs *st)
{
	struct file *file = fget_raw((unsigned int)fd);
	int err;

	if (!file)
		return -EBADF;
	err = vfs_statfs(&file->f_path, st);
	fput(file);
	return err;
}

/*
 * x86_64's struct statfs has kstatfs's layout, word for word, so it is
 * copied as it is. Linux: do_statfs_native()
 */
static int do_statfs_native(const struct kstatfs *st, void __user *p)
{
	return copy_to_user(p, st, sizeof(*st)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(statfs, const char __user *, pathname, void __user *, buf)
{
	struct kstatfs st;
	int err = user_statfs(pathname, &st);

	return err ? err : do_statfs_native(&st, buf);
}

SYSCALL_DEFINE2(fstatfs, unsigned int, fd, void __user *, buf)
{
	struct kstatfs st;
	int err = fd_statfs((int)fd, &st);

	return err ? err : do_statfs_native(&st, buf);
}
