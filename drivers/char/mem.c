// SPDX-License-Identifier: GPL-2.0
/*
 * The memory devices of major 1: /dev/null, /dev/zero, /dev/full,
 * /dev/random, /dev/urandom. Linux: drivers/char/mem.c
 *
 * A private mapping of /dev/zero is plain anonymous memory (zero page on
 * read, a new page on write); a shared one is a nameless tmpfs file, as
 * MAP_SHARED|MAP_ANONYMOUS.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/uio.h>
#include <linux/shmem_fs.h>

#define MEM_MAJOR	1

ssize_t get_random_bytes_user(struct iov_iter *iter);

static ssize_t read_null(struct kiocb *iocb, struct iov_iter *to)
{
	return 0;
}

static ssize_t write_null(struct kiocb *iocb, struct iov_iter *from)
{
	size_t count = iov_iter_count(from);

	from->count = 0;
	return (ssize_t)count;
}

static ssize_t read_zero(struct kiocb *iocb, struct iov_iter *to)
{
	size_t count = iov_iter_count(to);
	size_t done = iov_iter_zero(count, to);

	return done ? (ssize_t)done : count ? -EFAULT : 0;
}

static ssize_t write_full(struct kiocb *iocb, struct iov_iter *from)
{
	return -ENOSPC;
}

static ssize_t read_random(struct kiocb *iocb, struct iov_iter *to)
{
	return iov_iter_count(to) ? get_random_bytes_user(to) : 0;
}

/* Linux: mmap_zero() */
static int mmap_zero(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_SHARED)
		return shmem_zero_setup(vma);
	vma->vm_ops = NULL;	/* anonymous memory */
	return 0;
}

static const struct file_operations null_fops = {
	.llseek = noop_llseek,
	.read_iter = read_null,
	.write_iter = write_null,
};

static const struct file_operations zero_fops = {
	.llseek = noop_llseek,
	.read_iter = read_zero,
	.write_iter = write_null,
	.mmap = mmap_zero,
};

static const struct file_operations full_fops = {
	.llseek = noop_llseek,
	.read_iter = read_zero,
	.write_iter = write_full,
};

static const struct file_operations random_fops = {
	.llseek = noop_llseek,
	.read_iter = read_random,
	.write_iter = write_null,
};

/* Pick the device by minor number. Linux: memory_open() */
static int memory_open(struct inode *inode, struct file *filp)
{
	switch (MINOR(inode->i_rdev)) {
	case 3:
		filp->f_op = &null_fops;
		return 0;
	case 5:
		filp->f_op = &zero_fops;
		return 0;
	case 7:
		filp->f_op = &full_fops;
		return 0;
	case 8:
	case 9:
		filp->f_op = &random_fops;
		return 0;
	default:
		return -ENXIO;
	}
}

static const struct file_operations memory_fops = {
	.open = memory_open,
};

void chr_dev_init(void)
{
	register_chrdev(MEM_MAJOR, "mem", &memory_fops);
}
