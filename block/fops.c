// SPDX-License-Identifier: GPL-2.0
/*
 * The file operations of a block device node (/dev/vda): open claims
 * the disk as blkdev_get_by_dev says, read and write move bytes at any
 * offset, lseek knows the disk's size. Linux: block/fops.c
 *
 * Faultline differs: Linux reads and writes a block device through its
 * page cache (the bdev inode's mapping), so a write is seen by the next
 * read at once and reaches the disk later; here each call goes to the
 * disk through a bounce page and waits (a partial page is read first,
 * then written whole). What a reader sees is the same. O_DIRECT, mmap
 * and the ioctls (BLKGETSIZE64 ...) are left out.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fcntl.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/uio.h>
#include <linux/blkdev.h>

/* Linux: blkdev_open() (the holder of an O_EXCL open is the file) */
static int blkdev_open(struct inode *inode, struct file *file)
{
	fmode_t mode = file->f_mode & (FMODE_READ | FMODE_WRITE);
	struct block_device *bdev;

	if (file->f_flags & O_EXCL)
		mode |= FMODE_EXCL;
	bdev = blkdev_get_by_dev(inode->i_rdev, mode, file);
	if (IS_ERR(bdev))
		return (int)PTR_ERR(bdev);
	file->f_mode |= mode & FMODE_EXCL;
	file->private_data = bdev;
	return 0;
}

static int blkdev_release(struct inode *inode, struct file *file)
{
	blkdev_put(file->private_data, file->f_mode & (FMODE_READ | FMODE_WRITE | FMODE_EXCL));
	return 0;
}

/* One page-sized block at byte pos (page-aligned), len bytes of it: read or write it. */
static int blkdev_page_io(struct block_device *bdev, loff_t pos, struct page *page,
			  unsigned int len, blk_opf_t op)
{
	struct bio *bio = bio_alloc(bdev, 1, op, GFP_KERNEL);
	int err;

	if (!bio)
		return -ENOMEM;
	bio->bi_iter.bi_sector = (sector_t)pos >> SECTOR_SHIFT;
	bio_add_page(bio, page, len, 0);
	err = submit_bio_wait(bio);
	bio_put(bio);
	return err;
}

/*
 * Copy between the disk and iter, a page-sized block at a time. A write
 * that covers only part of a block reads it first. Returns the bytes
 * moved, or the first error when none were. Linux: blkdev_read_iter(),
 * blkdev_write_iter()
 */
static ssize_t blkdev_rw_iter(struct kiocb *iocb, struct iov_iter *iter, bool write)
{
	struct block_device *bdev = iocb->ki_filp->private_data;
	loff_t size = (loff_t)bdev_nr_bytes(bdev), pos = iocb->ki_pos;
	struct page *page;
	ssize_t done = 0;
	int err = 0;

	if (pos >= size)
		return write && iov_iter_count(iter) ? -ENOSPC : 0;
	page = alloc_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	while (iov_iter_count(iter) && pos < size) {
		loff_t block = pos & ~(loff_t)(PAGE_SIZE - 1);
		unsigned int len = (unsigned int)min((loff_t)PAGE_SIZE, size - block);
		unsigned int off = (unsigned int)(pos - block);
		size_t n = min((size_t)(len - off), iov_iter_count(iter)), copied;

		if (!write || off || n < len)
			err = blkdev_page_io(bdev, block, page, len, REQ_OP_READ);
		if (err)
			break;
		copied = write ? copy_page_from_iter(page, off, n, iter) :
				 copy_page_to_iter(page, off, n, iter);
		if (write && copied)
			err = blkdev_page_io(bdev, block, page, len, REQ_OP_WRITE);
		if (err || !copied) {
			err = err ? err : -EFAULT;
			break;
		}
		pos += copied;
		done += copied;
	}
	__free_page(page);
	iocb->ki_pos = pos;
	return done ? done : err;
}

static ssize_t blkdev_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	return blkdev_rw_iter(iocb, to, false);
}

static ssize_t blkdev_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	return blkdev_rw_iter(iocb, from, true);
}

/* Seeking within the disk's size. Linux: blkdev_llseek() -> fixed_size_llseek() */
static loff_t blkdev_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t size = (loff_t)bdev_nr_bytes(file->private_data), pos;

	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		pos = file->f_pos + offset;
		break;
	case SEEK_END:
		pos = size + offset;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0 || pos > size)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

const struct file_operations def_blk_fops = {
	.open = blkdev_open,
	.release = blkdev_release,
	.read_iter = blkdev_read_iter,
	.write_iter = blkdev_write_iter,
	.llseek = blkdev_llseek,
};
