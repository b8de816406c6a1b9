// SPDX-License-Identifier: GPL-2.0
/*
 * Character devices: a device node's major number picks the driver whose
 * file operations an open gets; the driver looks at the minor.
 * Linux: fs/char_dev.c (which also splits majors into minor ranges)
 *
 *   1  mem     /dev/null (3), /dev/zero (5), /dev/full (7), /dev/random (8),
 *              /dev/urandom (9)                        drivers/char/mem.c
 *   4  ttyS    /dev/ttyS0, ttyS1 (64, 65)              drivers/tty
 *   5  tty     /dev/tty (0), /dev/console (1)          drivers/tty
 *  10  misc    /dev/userfaultfd (126)                  drivers/char/misc.c
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

#define CHRDEV_MAJOR_MAX	256

static struct {
	const char *name;
	const struct file_operations *fops;
} chrdevs[CHRDEV_MAJOR_MAX];

int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{
	if (major >= CHRDEV_MAJOR_MAX || chrdevs[major].fops)
		return -EBUSY;
	chrdevs[major].name = name;
	chrdevs[major].fops = fops;
	return 0;
}

/* Linux: chrdev_open() */
static int chrdev_open(struct inode *inode, struct file *filp)
{
	unsigned int major = MAJOR(inode->i_rdev);
	const struct file_operations *fops;

	if (major >= CHRDEV_MAJOR_MAX || !chrdevs[major].fops)
		return -ENXIO;
	fops = chrdevs[major].fops;
	filp->f_op = fops;
	if (fops->open)
		return fops->open(inode, filp);
	return 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};
