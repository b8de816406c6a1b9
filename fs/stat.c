// SPDX-License-Identifier: GPL-2.0
/*
 * stat and readlink. Linux: fs/stat.c
 *
 * struct stat as the x86_64 system calls return it (Linux:
 * arch/x86/include/uapi/asm/stat.h), device numbers in the "new" encoding
 * user space decodes with major()/minor().
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/namei.h>
#include <linux/fdtable.h>
#include <linux/pagemap.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

struct stat {
	unsigned long st_dev;
	unsigned long st_ino;
	unsigned long st_nlink;
	unsigned int st_mode;
	unsigned int st_uid;
	unsigned int st_gid;
	unsigned int __pad0;
	unsigned long st_rdev;
	long st_size;
	long st_blksize;
	long st_blocks;			/* 512-byte blocks */
	unsigned long st_atime;
	unsigned long st_atime_nsec;
	unsigned long st_mtime;
	unsigned long st_mtime_nsec;
	unsigned long st_ctime;
	unsigned long st_ctime_nsec;
	long __unused[3];
};

/* Linux: new_encode_dev() */
static unsigned long new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

/*
 * What stat reports. A tmpfs file's blocks are its pages, in the page
 * cache or in swap (holes take none), 8 blocks of 512 bytes each
 * (Linux: shmem_getattr()'s i_blocks, from info->alloced).
 */
void generic_fillattr(struct inode *inode, struct kstat *stat)
{
	stat->dev = inode->i_sb->s_dev;
	stat->ino = inode->i_ino;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->rdev = inode->i_rdev;
	stat->size = i_size_read(inode);
	stat->atime = inode->i_atime;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	stat->blksize = PAGE_SIZE;
	stat->blocks = S_ISREG(inode->i_mode) ?
		(inode->i_mapping->nrpages + inode->i_shmem_swapped) * (PAGE_SIZE / 512) : 0;
}

int vfs_getattr(const struct path *path, struct kstat *stat)
{
	generic_fillattr(d_inode(path->dentry), stat);
	return 0;
}

static int cp_new_stat(const struct kstat *stat, struct stat __user *statbuf)
{
	struct stat tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.st_dev = new_encode_dev(stat->dev);
	tmp.st_ino = stat->ino;
	tmp.st_nlink = stat->nlink;
	tmp.st_mode = stat->mode;
	tmp.st_uid = stat->uid;
	tmp.st_gid = stat->gid;
	tmp.st_rdev = new_encode_dev(stat->rdev);
	tmp.st_size = stat->size;
	tmp.st_blksize = stat->blksize;
	tmp.st_blocks = (long)stat->blocks;
	tmp.st_atime = (unsigned long)stat->atime.tv_sec;
	tmp.st_atime_nsec = (unsigned long)stat->atime.tv_nsec;
	tmp.st_mtime = (unsigned long)stat->mtime.tv_sec;
	tmp.st_mtime_nsec = (unsigned long)stat->mtime.tv_nsec;
	tmp.st_ctime = (unsigned long)stat->ctime.tv_sec;
	tmp.st_ctime_nsec = (unsigned long)stat->ctime.tv_nsec;
	return copy_to_user(statbuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

static int vfs_fstat(int fd, struct kstat *stat)
{
	struct file *file = fget_raw((unsigned int)fd);

	if (!file)
		return -EBADF;
	generic_fillattr(file_inode(file), stat);
	fput(file);
	return 0;
}

/* Linux: vfs_fstatat() */
static int vfs_fstatat(int dfd, const char __user *filename, struct kstat *stat, int flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	int error;

	/* 0x800 AT_NO_AUTOMOUNT, 0x6000 AT_STATX_SYNC_TYPE: nothing to do here. */
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | 0x800 | 0x6000))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags &= ~LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	error = user_path_at(dfd, filename, lookup_flags, &path);
	if (error)
		return error;
	error = vfs_getattr(&path, stat);
	path_put(&path);
	return error;
}

SYSCALL_DEFINE2(stat, const char __user *, filename, struct stat __user *, statbuf)
{
	struct kstat stat;
	int error = vfs_fstatat(AT_FDCWD, filename, &stat, 0);

	return error ? error : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE2(lstat, const char __user *, filename, struct stat __user *, statbuf)
{
	struct kstat stat;
	int error = vfs_fstatat(AT_FDCWD, filename, &stat, AT_SYMLINK_NOFOLLOW);

	return error ? error : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE2(fstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct kstat stat;
	int error = vfs_fstat((int)fd, &stat);

	return error ? error : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	struct kstat stat;
	int error = vfs_fstatat(dfd, filename, &stat, flag);

	return error ? error : cp_new_stat(&stat, statbuf);
}

/*
 * The target of a symlink the file system computes (/proc/self), or for
 * a magic link the path of what it names (/proc/<pid>/exe), as
 * proc_pid_readlink() reports it. Linux: vfs_readlink()
 */
static long readlink_computed(struct dentry *link, char __user *buf, int bufsiz)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	struct path jump = { NULL };
	const char *target = page;
	long error;
	size_t len;

	if (!page)
		return -ENOMEM;
	error = d_inode(link)->i_op->get_link(link, page, PATH_MAX, &jump);
	if (!error && jump.dentry) {
		target = d_path(&jump, page, PATH_MAX);
		path_put(&jump);
		if (IS_ERR(target))
			error = PTR_ERR(target);
	}
	if (!error) {
		len = min(strlen(target), (size_t)bufsiz);
		error = copy_to_user(buf, target, len) ? -EFAULT : (long)len;
	}
	kfree(page);
	return error;
}

/* A symlink's target, without a NUL, cut at bufsiz. Linux: do_readlinkat() */
static long do_readlinkat(int dfd, const char __user *pathname, char __user *buf, int bufsiz)
{
	struct path path;
	struct inode *inode;
	long error;
	size_t len;
	char first;

	if (bufsiz <= 0)
		return -EINVAL;
	error = user_path_at(dfd, pathname, LOOKUP_EMPTY, &path);
	if (error)
		return error;
	inode = d_inode(path.dentry);
	/* Not a symlink: EINVAL, or ENOENT when the path was "" (dfd itself). */
	error = get_user(first, pathname) || first ? -EINVAL : -ENOENT;
	if (S_ISLNK(inode->i_mode) && inode->i_op && inode->i_op->get_link) {
		error = readlink_computed(path.dentry, buf, bufsiz);
	} else if (S_ISLNK(inode->i_mode) && inode->i_link) {
		len = min(strlen(inode->i_link), (size_t)bufsiz);
		error = copy_to_user(buf, inode->i_link, len) ? -EFAULT : (long)len;
		inode->i_atime = current_time();
	}
	path_put(&path);
	return error;
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname, char __user *, buf,
		int, bufsiz)
{
	return do_readlinkat(dfd, pathname, buf, bufsiz);
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, bufsiz)
{
	return do_readlinkat(AT_FDCWD, path, buf, bufsiz);
}
