// SPDX-License-Identifier: GPL-2.0
/*
 * /dev: a node for every device the kernel has, made at boot in the
 * root file system (nodes the initramfs already made are kept). Linux
 * keeps them in devtmpfs, its own tmpfs that init mounts on /dev; with no
 * mounts here, the nodes go straight into the root. Linux:
 * drivers/base/devtmpfs.c, and the /dev/console node of its default
 * initramfs (usr/default_cpio_list)
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/namei.h>

static const struct {
	const char *name;
	umode_t mode;
	unsigned int major, minor;
} devices[] = {
	{ "/dev/null",		S_IFCHR | 0666, 1, 3 },
	{ "/dev/zero",		S_IFCHR | 0666, 1, 5 },
	{ "/dev/full",		S_IFCHR | 0666, 1, 7 },
	{ "/dev/random",	S_IFCHR | 0666, 1, 8 },
	{ "/dev/urandom",	S_IFCHR | 0666, 1, 9 },
	{ "/dev/ttyS0",		S_IFCHR | 0660, 4, 64 },
	{ "/dev/ttyS1",		S_IFCHR | 0660, 4, 65 },
	{ "/dev/tty",		S_IFCHR | 0666, 5, 0 },
	{ "/dev/console",	S_IFCHR | 0600, 5, 1 },
	{ "/dev/userfaultfd",	S_IFCHR | 0600, 10, 126 },
};

/*
 * A node for a device found after boot's list (a disk a driver added).
 * Linux: devtmpfs_create_node()
 */
int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev)
{
	int err = init_mknod(name, mode, dev);

	if (err && err != -EEXIST)
		pr_err("devtmpfs: cannot create %s: error %d\n", name, err);
	return err == -EEXIST ? 0 : err;
}

void devtmpfs_init(void)
{
	int err = init_mkdir("/dev", 0755);

	if (err && err != -EEXIST) {
		pr_err("devtmpfs: cannot create /dev: error %d\n", err);
		return;
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(devices); i++) {
		err = init_mknod(devices[i].name, devices[i].mode,
				 MKDEV(devices[i].major, devices[i].minor));
		if (err && err != -EEXIST)
			pr_err("devtmpfs: cannot create %s: error %d\n", devices[i].name, err);
	}
	pr_info("devtmpfs: initialized\n");
}
