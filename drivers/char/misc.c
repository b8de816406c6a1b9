// SPDX-License-Identifier: GPL-2.0
/*
 * The misc devices: major 10, one driver per minor (/dev/userfaultfd).
 * Linux: drivers/char/misc.c (which also hands out dynamic minors and
 * makes the device nodes; Faultline's minors are fixed and devtmpfs.c
 * lists the nodes)
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

static LIST_HEAD(misc_list);

/* Hand the open to the driver of this minor. Linux: misc_open() */
static int misc_open(struct inode *inode, struct file *file)
{
	struct miscdevice *c;

	list_for_each_entry(c, &misc_list, list) {
		if (c->minor != (int)MINOR(inode->i_rdev))
			continue;
		file->f_op = c->fops;
		return c->fops->open ? c->fops->open(inode, file) : 0;
	}
	return -ENODEV;
}

static const struct file_operations misc_fops = {
	.open = misc_open,
};

/* Linux: misc_register() */
int misc_register(struct miscdevice *misc)
{
	struct miscdevice *c;

	list_for_each_entry(c, &misc_list, list)
		if (c->minor == misc->minor)
			return -EBUSY;
	if (list_empty(&misc_list))
		register_chrdev(MISC_MAJOR, "misc", &misc_fops);
	list_add(&misc->list, &misc_list);
	return 0;
}
