// SPDX-License-Identifier: GPL-2.0
/*
 * read, write and lseek on open files. Linux: fs/read_write.c
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

static ssize_t vfs_iter_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = *pos };
	ssize_t ret;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(file_inode(file)->i_mode))
		return -EISDIR;
	if (!file->f_op || !file->f_op->read_iter)
		return -EINVAL;
	ret = file->f_op->read_iter(&kiocb, to);
	if (ret > 0)
		*pos = kiocb.ki_pos;
	return ret;
}

static ssize_t vfs_iter_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = *pos };
	ssize_t ret;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op || !file->f_op->write_iter)
		return -EINVAL;
	if (file->f_flags & O_APPEND)
		kiocb.ki_flags |= IOCB_APPEND;
	ret = file->f_op->write_iter(&kiocb, from);
	if (ret > 0)
		*pos = kiocb.ki_pos;
	return ret;
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;

	iov_iter_kvec(&iter, READ, buf, count);
	return vfs_iter_read(file, &iter, pos);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;

	iov_iter_kvec(&iter, WRITE, (void *)buf, count);
	return vfs_iter_write(file, &iter, pos);
}

/* Linux: generic_file_llseek() for files with a size */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t pos;

	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		pos = file->f_pos + offset;
		break;
	case SEEK_END:
		pos = i_size_read(file_inode(file)) + offset;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!file->f_op || !file->f_op->llseek)
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}
