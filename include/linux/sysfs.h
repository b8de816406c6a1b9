/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SYSFS_H
#define _LINUX_SYSFS_H

#include <linux/types.h>

struct super_block;

/* A new sysfs super block, for mount(2) of "sysfs" (fs/sysfs/sysfs.c). */
struct super_block *sysfs_fill_super(dev_t dev);

#endif
