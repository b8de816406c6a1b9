// SPDX-License-Identifier: GPL-2.0
/*
 * fadvise64(2): how a program means to read a file. Linux: mm/fadvise.c
 *
 * Every file here lives in memory (tmpfs, procfs, devices), whose
 * backing device Linux calls noop_backing_dev_info: there is nothing to
 * read ahead or write back, so Linux checks the advice and does nothing
 * else, and so does Faultline (POSIX_FADV_DONTNEED drops no tmpfs page:
 * it is the file's only copy).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/syscalls.h>

#define POSIX_FADV_NORMAL	0
#define POSIX_FADV_RANDOM	1
#define POSIX_FADV_SEQUENTIAL	2
#define POSIX_FADV_WILLNEED	3
#define POSIX_FADV_DONTNEED	4
#define POSIX_FADV_NOREUSE	5

/* Linux: generic_fadvise() for a file on noop_backing_dev_info */
static int generic_fadvise(struct file *file, loff_t offset, loff_t len, int advice)
{
	if (S_ISFIFO(file_inode(file)->i_mode))
		return -ESPIPE;
	if (!file->f_mapping || len < 0)
		return -EINVAL;
	if (advice < POSIX_FADV_NORMAL || advice > POSIX_FADV_NOREUSE)
		return -EINVAL;
	return 0;
}

/* Linux: ksys_fadvise64_64() */
SYSCALL_DEFINE4(fadvise64, int, fd, loff_t, offset, size_t, len, int, advice)
{
	struct file *file = fget((unsigned int)fd);
	int ret;

	if (!file)
		return -EBADF;
	ret = generic_fadvise(file, offset, (loff_t)len, advice);
	fput(file);
	return ret;
}
