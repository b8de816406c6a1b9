/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BLKDEV_H
#define _LINUX_BLKDEV_H

#include <linux/types.h>
#include <linux/blk_types.h>
#include <linux/bio.h>
#include <linux/fs.h>

/*
 * Disks. A driver fills a gendisk (name, size, operations) and adds it:
 * the block layer gives it a block_device for the whole disk (part0),
 * numbered MKDEV(major, first_minor), and a node /dev/NAME. Faultline
 * has no partitions, so a disk is its part0 and nothing more.
 * Linux: include/linux/blkdev.h, block/genhd.c, block/bdev.c
 *
 *   /dev/vda (inode, i_rdev) ──blkdev_get_by_dev──> block_device ──> gendisk
 *                                                    bd_holder      fops->submit_bio
 */
struct gendisk;
struct file_operations;

#define FMODE_EXCL	0x80	/* claim it: a second exclusive opener gets EBUSY */

struct block_device {
	dev_t bd_dev;
	struct gendisk *bd_disk;
	int bd_openers;			/* opens not yet put */
	void *bd_holder;		/* the exclusive opener (swap's area, an O_EXCL file) */
	int bd_holders;			/* its claims */
};

/*
 * The bios a driver cannot take yet (its device queue is full), in order.
 * Faultline differs: Linux's blk-mq turns bios into requests, merges
 * neighbours and schedules them; here the driver takes each bio as it
 * comes and this list only holds the overflow (include/linux/blkdev.h)
 */
struct request_queue {
	struct bio *head, *tail;
};

/* Linux: struct block_device_operations (submit_bio is bio-based drivers' entry) */
struct block_device_operations {
	void (*submit_bio)(struct bio *bio);
};

#define DISK_NAME_LEN	32

struct gendisk {
	unsigned int major, first_minor;
	char disk_name[DISK_NAME_LEN];
	const struct block_device_operations *fops;
	struct request_queue queue;
	sector_t nr_sectors;		/* capacity */
	bool read_only;
	struct block_device part0;
	void *private_data;		/* the driver's */
};

static inline sector_t get_capacity(const struct gendisk *disk)
{
	return disk->nr_sectors;
}

static inline u64 bdev_nr_bytes(const struct block_device *bdev)
{
	return get_capacity(bdev->bd_disk) << SECTOR_SHIFT;
}

int device_add_disk(struct gendisk *disk);
struct block_device *blkdev_get_by_dev(dev_t dev, fmode_t mode, void *holder);
void blkdev_put(struct block_device *bdev, fmode_t mode);
void blk_queue_add_tail(struct request_queue *q, struct bio *bio);
struct bio *blk_queue_pop(struct request_queue *q);

extern const struct file_operations def_blk_fops;

#endif
