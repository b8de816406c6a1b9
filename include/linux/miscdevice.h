/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MISCDEVICE_H
#define _LINUX_MISCDEVICE_H

#include <linux/list.h>
#include <linux/fs.h>

/*
 * Small character devices that share major 10, told apart by minor.
 * Linux: include/linux/miscdevice.h
 */
#define MISC_MAJOR		10
/*
 * Linux hands userfaultfd a dynamic minor; Debian's 6.1 ends up with 126,
 * which Faultline gives it for good, so /dev/userfaultfd reads the same.
 */
#define USERFAULTFD_MINOR	126

struct miscdevice {
	int minor;
	const char *name;
	const struct file_operations *fops;
	struct list_head list;
};

int misc_register(struct miscdevice *misc);

#endif
