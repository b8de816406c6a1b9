// SPDX-License-Identifier: GPL-2.0
/*
 * getdents and getdents64: a directory's entries into a user buffer, as
 * many as fit, resuming at f_pos. Linux: fs/readdir.c
 *
 *   struct linux_dirent64 { u64 d_ino; s64 d_off; u16 d_reclen;
 *                           u8 d_type; char d_name[]; }   (8-aligned)
 *
 * The older getdents puts d_type in the record's last byte instead.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/* Linux: iterate_dir() */
int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	int res;

	if (!S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (!file->f_op || !file->f_op->iterate_shared)
		return -ENOTDIR;
	if (IS_DEADDIR(inode))
		return -ENOENT;
	ctx->pos = file->f_pos;
	res = file->f_op->iterate_shared(file, ctx);
	file->f_pos = ctx->pos;
	inode->i_atime = current_time();
	return res;
}

struct getdents_callback {
	struct dir_context ctx;
	char __user *current_dir;	/* where the next record goes */
	int count;			/* room left */
	int error;
	bool is64;
};

/* One record; false when the buffer is full (or a copy faulted). */
static bool filldir(struct dir_context *ctx, const char *name, int namlen, loff_t offset,
		    u64 ino, unsigned int d_type)
{
	struct getdents_callback *buf = container_of(ctx, struct getdents_callback, ctx);
	/* header: ino, off, reclen (+ type for 64); name + NUL; old form: + type byte */
	int header = buf->is64 ? 19 : 18;
	int reclen = ALIGN(header + namlen + 1 + (buf->is64 ? 0 : 1), 8);
	char rec[ALIGN(19 + NAME_MAX + 2, 8)];
	u64 off = (u64)offset + 1;
	u16 rl = (u16)reclen;

	buf->error = -EINVAL;		/* the record does not fit: too small a buffer */
	if (reclen > buf->count)
		return false;
	memset(rec, 0, (size_t)reclen);
	memcpy(rec, &ino, 8);
	memcpy(rec + 8, &off, 8);
	memcpy(rec + 16, &rl, 2);
	if (buf->is64)
		rec[18] = (char)d_type;
	else
		rec[reclen - 1] = (char)d_type;
	memcpy(rec + header, name, (size_t)namlen);
	if (copy_to_user(buf->current_dir, rec, (unsigned long)reclen)) {
		buf->error = -EFAULT;
		return false;
	}
	buf->error = 0;
	buf->current_dir += reclen;
	buf->count -= reclen;
	return true;
}

static long do_getdents(unsigned int fd, void __user *dirent, unsigned int count, bool is64)
{
	struct getdents_callback buf = {
		.ctx.actor = filldir,
		.current_dir = dirent,
		.count = (int)count,	/* over INT_MAX: negative, EINVAL at the first entry, as Linux */
		.is64 = is64,
	};
	struct file *file;
	long error;

	file = fget(fd);
	if (!file)
		return -EBADF;
	if (!access_ok(dirent, count)) {
		fput(file);
		return -EFAULT;
	}
	error = iterate_dir(file, &buf.ctx);
	if (error >= 0)
		error = buf.error;
	if (buf.current_dir != (char __user *)dirent)
		error = (char __user *)buf.current_dir - (char __user *)dirent;
	fput(file);
	return error;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, void __user *, dirent, unsigned int, count)
{
	return do_getdents(fd, dirent, count, true);
}

SYSCALL_DEFINE3(getdents, unsigned int, fd, void __user *, dirent, unsigned int, count)
{
	return do_getdents(fd, dirent, count, false);
}
