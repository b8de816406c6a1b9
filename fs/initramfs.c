// SPDX-License-Identifier: GPL-2.0
/*
 * Unpacking the initramfs: GRUB (a multiboot2 module each) or QEMU's
 * -initrd (PVH's one module, the archives one after another) loads cpio
 * archives next to the kernel; every entry becomes a directory, file or symlink
 * in the root tmpfs, and the archive's memory goes back to the page
 * allocator. Linux: init/initramfs.c (populate_rootfs)
 *
 * A corrupt archive is reported with the entry it broke at; what was
 * unpacked before stays, and the boot goes on, as Linux's does.
 * Left out: hard links (each name gets its own copy), file times.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/namei.h>
#include <linux/cpio.h>
#include <linux/mm.h>
#include <asm/bootinfo.h>

static int unpack_file(const struct cpio_entry *e)
{
	struct file *file = filp_open(e->name, O_WRONLY | O_CREAT | O_TRUNC, e->mode & 07777);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(file))
		return PTR_ERR(file);
	n = kernel_write(file, e->data, e->size, &pos);
	fput(file);
	if (n < 0)
		return (int)n;
	return (size_t)n == e->size ? 0 : -ENOSPC;
}

static int unpack_symlink(const struct cpio_entry *e)
{
	char target[PATH_MAX];

	if (e->size >= sizeof(target))
		return -ENAMETOOLONG;
	memcpy(target, e->data, e->size);
	target[e->size] = '\0';
	return init_symlink(target, e->name);
}

static int unpack_entry(const struct cpio_entry *e)
{
	int err;

	if (!strcmp(e->name, ".") || !strcmp(e->name, "./"))
		return 0;
	switch (e->mode & S_IFMT) {
	case S_IFDIR:
		err = init_mkdir(e->name, e->mode & 07777);
		return err == -EEXIST ? 0 : err;
	case S_IFREG:
		return unpack_file(e);
	case S_IFLNK:
		return unpack_symlink(e);
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		err = init_mknod(e->name, e->mode, MKDEV(e->rdevmajor, e->rdevminor));
		return err == -EEXIST ? 0 : err;
	default:
		pr_notice("initramfs: skipping '%s': unknown file type %#o\n", e->name,
			  e->mode & S_IFMT);
		return 0;
	}
}

/* Returns the number of entries unpacked. */
static unsigned int unpack_to_rootfs(const void *buf, size_t len)
{
	unsigned int count = 0;
	bool trailer = false;
	struct cpio_entry e;
	char err[200];
	size_t pos = 0;
	int r;

	while ((r = cpio_next(buf, len, &pos, &e, err, sizeof(err))) > 0) {
		int error;

		trailer = !strcmp(e.name, "TRAILER!!!");
		if (trailer)
			continue;
		error = unpack_entry(&e);
		if (error)
			pr_err("initramfs: cannot create '%s': error %d\n", e.name, error);
		else
			count++;
	}
	if (r < 0)
		pr_err("Initramfs unpacking failed: %s\n", err);
	else if (!trailer)
		pr_warn("initramfs: the archive ends without its TRAILER!!! entry: truncated?\n");
	return count;
}

/* Linux: populate_rootfs() */
void populate_rootfs(void)
{
	for (unsigned int i = 0; i < boot_info.nr_modules; i++) {
		const struct boot_module *m = &boot_info.modules[i];
		unsigned int count;

		if (m->end <= m->start)
			continue;
		pr_info("Trying to unpack rootfs image as initramfs...\n");
		count = unpack_to_rootfs(__va(m->start), m->end - m->start);
		pr_info("initramfs: %u entries unpacked from %s (%llu bytes)\n", count,
			m->cmdline[0] ? m->cmdline : "module", (unsigned long long)(m->end - m->start));
		free_reserved_area(__va(m->start), __va(m->end), "initrd");
	}
}
