// SPDX-License-Identifier: GPL-2.0
/*
 * read, write and lseek, and their vectored and positioned forms.
 * Linux: fs/read_write.c
 *
 * Every read goes through the file's read_iter with an iov_iter over
 * the caller's buffer(s): a user buffer for read(2), an array of them
 * for readv(2), a kernel buffer for the kernel's own reads (exec reading
 * an ELF header). A bad user pointer gives a short count or -EFAULT.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/* The most one call moves, as Linux: INT_MAX rounded down to a page. */
#define MAX_RW_COUNT	(INT_MAX & PAGE_MASK)

/*
 * A position and count the file can take: not negative, and not past
 * the largest loff_t once added up, unless the file's offsets are
 * unsigned (/proc/<pid>/mem: addresses), where only a wrap past 2^64
 * is refused. Linux: rw_verify_area()
 */
static int rw_verify_area(struct file *file, const loff_t *pos, size_t count)
{
	bool unsigned_offsets = file->f_mode & FMODE_UNSIGNED_OFFSET;

	if ((ssize_t)count < 0)
		return -EINVAL;
	if (!pos)
		return 0;
	if (*pos < 0) {
		if (!unsigned_offsets)
			return -EINVAL;
		if (count >= (u64)-*pos)
			return -EOVERFLOW;
	} else if ((loff_t)((u64)*pos + count) < 0 && !unsigned_offsets) {
		return -EINVAL;
	}
	return 0;
}

ssize_t vfs_iter_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = pos ? *pos : 0 };
	ssize_t ret;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(file_inode(file)->i_mode))
		return -EISDIR;
	if (!file->f_op || !file->f_op->read_iter)
		return -EINVAL;
	ret = rw_verify_area(file, pos, iov_iter_count(to));
	if (ret)
		return ret;
	ret = file->f_op->read_iter(&kiocb, to);
	if (ret > 0 && pos)
		*pos = kiocb.ki_pos;
	return ret;
}

ssize_t vfs_iter_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = pos ? *pos : 0 };
	ssize_t ret;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op || !file->f_op->write_iter)
		return -EINVAL;
	ret = rw_verify_area(file, pos, iov_iter_count(from));
	if (ret)
		return ret;
	if (file->f_flags & O_APPEND)
		kiocb.ki_flags |= IOCB_APPEND;
	ret = file->f_op->write_iter(&kiocb, from);
	if (ret > 0 && pos)
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

ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;		/* before the buffer, as Linux checks */
	if (!access_ok(buf, count))
		return -EFAULT;
	iov_iter_ubuf(&iter, READ, buf, min(count, (size_t)MAX_RW_COUNT));
	return vfs_iter_read(file, &iter, pos);
}

ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!access_ok(buf, count))
		return -EFAULT;
	iov_iter_ubuf(&iter, WRITE, (char __user *)buf, min(count, (size_t)MAX_RW_COUNT));
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
	case SEEK_DATA:		/* no holes here: data is wherever the file is */
		if (offset < 0 || offset >= i_size_read(file_inode(file)))
			return -ENXIO;
		pos = offset;
		break;
	case SEEK_HOLE:		/* ...and the one hole starts at its end */
		if (offset < 0 || offset >= i_size_read(file_inode(file)))
			return -ENXIO;
		pos = i_size_read(file_inode(file));
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

/* Devices with no position (/dev/null, /dev/zero): seeking succeeds, moves nothing. */
loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}

/* Pipes and terminals: no seeking. */
loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!(file->f_mode & FMODE_LSEEK) || !file->f_op || !file->f_op->llseek)
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, off_t, offset, unsigned int, whence)
{
	struct file *file = fget(fd);
	long ret;

	if (!file)
		return -EBADF;
	ret = -EINVAL;
	if (whence <= SEEK_MAX)
		ret = vfs_llseek(file, offset, (int)whence);
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = vfs_read(file, buf, count, &file->f_pos);
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = vfs_write(file, buf, count, &file->f_pos);
	fput(file);
	return ret;
}

static long do_pread_pwrite(unsigned int fd, char __user *buf, size_t count, loff_t pos,
			    bool write)
{
	struct file *file;
	long ret;

	if (pos < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	ret = -ESPIPE;
	if (file->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD))
		ret = write ? vfs_write(file, buf, count, &pos) : vfs_read(file, buf, count, &pos);
	fput(file);
	return ret;
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count, loff_t, pos)
{
	return do_pread_pwrite(fd, buf, count, pos, false);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf, size_t, count,
		loff_t, pos)
{
	return do_pread_pwrite(fd, (char __user *)buf, count, pos, true);
}

/*
 * readv/writev, process_madvise: the iovec array comes in from user
 * space, each segment is checked, and the total may not overflow.
 * Linux: import_iovec()
 */
long import_iovec(const struct iovec __user *uvec, unsigned long nr_segs,
			 struct iovec **iovp, struct iov_iter *iter)
{
	struct iovec *iov;
	size_t total = 0;

	if (nr_segs > UIO_MAXIOV)
		return -EINVAL;
	iov = kcalloc(nr_segs ? nr_segs : 1, sizeof(*iov), GFP_KERNEL);
	if (!iov)
		return -ENOMEM;
	if (copy_from_user(iov, uvec, nr_segs * sizeof(*iov))) {
		kfree(iov);
		return -EFAULT;
	}
	for (unsigned long seg = 0; seg < nr_segs; seg++) {
		if ((ssize_t)iov[seg].iov_len < 0) {
			kfree(iov);
			return -EINVAL;
		}
		if (!access_ok(iov[seg].iov_base, iov[seg].iov_len)) {
			kfree(iov);
			return -EFAULT;
		}
		if (iov[seg].iov_len > MAX_RW_COUNT - total)
			iov[seg].iov_len = MAX_RW_COUNT - total;
		total += iov[seg].iov_len;
	}
	iov_iter_init(iter, READ, iov, nr_segs, total);
	*iovp = iov;
	return 0;
}

static long do_readv_writev(unsigned long fd, const struct iovec __user *vec,
			    unsigned long vlen, bool write)
{
	struct iovec *iov;
	struct iov_iter iter;
	struct file *file = fget((unsigned int)fd);
	long ret;

	if (!file)
		return -EBADF;
	ret = import_iovec(vec, vlen, &iov, &iter);
	if (!ret) {
		ret = write ? vfs_iter_write(file, &iter, &file->f_pos) :
			      vfs_iter_read(file, &iter, &file->f_pos);
		kfree(iov);
	}
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_readv_writev(fd, vec, vlen, false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_readv_writev(fd, vec, vlen, true);
}

/*
 * Everything lives in memory (tmpfs): there is nothing to write back, so
 * sync and fsync succeed at once. Linux: fs/sync.c
 */
SYSCALL_DEFINE0(sync)
{
	return 0;
}

static long do_fsync(unsigned int fd)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return do_fsync(fd);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return do_fsync(fd);
}

SYSCALL_DEFINE1(syncfs, int, fd)
{
	return do_fsync((unsigned int)fd);
}
