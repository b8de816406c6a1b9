/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CPIO_H
#define _LINUX_CPIO_H

#include <linux/types.h>

/*
 * The "newc" cpio format, which initramfs archives use (cpio -H newc).
 * Each entry: a 110-byte ASCII header ("070701" then thirteen 8-digit hex
 * fields), the name with its NUL, padding to 4 bytes, the data, padding
 * to 4 bytes. The entry named "TRAILER!!!" ends an archive; archives may
 * follow one another, with zero bytes between.
 * Linux: init/initramfs.c, lib/earlycpio.c
 */
struct cpio_entry {
	const char *name;		/* NUL-terminated, inside the archive */
	unsigned int mode, uid, gid, nlink;
	unsigned long ino, mtime;
	unsigned int rdevmajor, rdevminor;	/* device nodes */
	const void *data;
	size_t size;			/* bytes of data */
	size_t offset;			/* where the header starts */
};

/*
 * Read the entry at *pos. Returns 1 with *e filled and *pos moved past
 * it, 0 at the end of the data, or -EINVAL with a sentence in err that
 * names the entry (when its name could be read) and its offset.
 */
int cpio_next(const void *archive, size_t len, size_t *pos, struct cpio_entry *e,
	      char *err, size_t errlen);

#endif
