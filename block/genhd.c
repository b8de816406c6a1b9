// SPDX-License-Identifier: GPL-2.0
/*
 * The disks the drivers have added, and claiming one.
 * Linux: block/genhd.c (device_add_disk), block/bdev.c
 * (blkdev_get_by_dev, bd_prepare_to_claim, blkdev_put)
 *
 * A disk is added once, at boot, and never removed (no hot-unplug), so
 * its block_device lives as long as the kernel: blkdev_get_by_dev takes
 * no reference to free later, only counts opens and the claim.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/stat.h>
#include <linux/blkdev.h>

#define MAX_DISKS	16

static struct gendisk *disks[MAX_DISKS];

int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev);

/*
 * Make the disk known: its whole-disk block_device, numbered
 * MKDEV(major, first_minor), and its node in /dev (mode 0600, as
 * devtmpfs gives a disk before udev changes it). Linux: device_add_disk()
 */
int device_add_disk(struct gendisk *disk)
{
	char path[DISK_NAME_LEN + 6];
	unsigned int i;

	for (i = 0; i < MAX_DISKS && disks[i]; i++)
		;
	if (i == MAX_DISKS)
		return -ENOSPC;
	disk->part0.bd_dev = MKDEV(disk->major, disk->first_minor);
	disk->part0.bd_disk = disk;
	disks[i] = disk;
	snprintf(path, sizeof(path), "/dev/%s", disk->disk_name);
	return devtmpfs_create_node(path, S_IFBLK | 0600, disk->part0.bd_dev);
}

static struct block_device *bdev_lookup(dev_t dev)
{
	for (unsigned int i = 0; i < MAX_DISKS && disks[i]; i++)
		if (disks[i]->part0.bd_dev == dev)
			return &disks[i]->part0;
	return NULL;
}

/*
 * Open the disk numbered dev; with FMODE_EXCL, claim it for holder: a
 * claim by another holder makes it -EBUSY (a swap area's disk, for an
 * O_EXCL open or a second swapon). -ENXIO when no such disk exists,
 * -EACCES to write a read-only one. Linux: blkdev_get_by_dev()
 */
struct block_device *blkdev_get_by_dev(dev_t dev, fmode_t mode, void *holder)
{
	struct block_device *bdev = bdev_lookup(dev);

	if (!bdev)
		return ERR_PTR(-ENXIO);
	if ((mode & FMODE_WRITE) && bdev->bd_disk->read_only)
		return ERR_PTR(-EACCES);
	if (mode & FMODE_EXCL) {
		if (bdev->bd_holder && bdev->bd_holder != holder)
			return ERR_PTR(-EBUSY);
		bdev->bd_holder = holder;
		bdev->bd_holders++;
	}
	bdev->bd_openers++;
	return bdev;
}

/* Linux: blkdev_put() (and bd_end_claim() for an exclusive open) */
void blkdev_put(struct block_device *bdev, fmode_t mode)
{
	if ((mode & FMODE_EXCL) && !--bdev->bd_holders)
		bdev->bd_holder = NULL;
	bdev->bd_openers--;
}
