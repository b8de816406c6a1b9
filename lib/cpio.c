// SPDX-License-Identifier: GPL-2.0
/*
 * Reading newc cpio archives (format in include/linux/cpio.h). Every
 * length is checked against the archive's end before it is used, so a
 * corrupt or truncated archive is reported, never read past.
 * Linux: init/initramfs.c (its header parser), lib/earlycpio.c
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/cpio.h>

#define CPIO_HEADER_LEN	110
#define CPIO_FIELDS	13

enum {
	F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
	F_DEVMAJOR, F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK,
};

static bool parse_hex8(const char *s, unsigned long *out)
{
	unsigned long v = 0;

	for (int i = 0; i < 8; i++) {
		char c = s[i];
		int d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return false;
		v = v * 16 + d;
	}
	*out = v;
	return true;
}

static size_t align4(size_t x)
{
	return (x + 3) & ~(size_t)3;
}

static int fail(char *err, size_t errlen, const char *name, size_t offset, const char *what)
{
	if (name)
		scnprintf(err, errlen, "%s in entry '%s' at offset %zu", what, name, offset);
	else
		scnprintf(err, errlen, "%s at offset %zu", what, offset);
	return -EINVAL;
}

int cpio_next(const void *archive, size_t len, size_t *pos, struct cpio_entry *e,
	      char *err, size_t errlen)
{
	const char *base = archive, *h;
	unsigned long f[CPIO_FIELDS];
	size_t at, name_end, data_start;

	/* Zero padding between archives, and after the last one. */
	while (*pos < len && base[*pos] == '\0')
		(*pos)++;
	if (*pos >= len)
		return 0;
	at = *pos;
	if (len - at < CPIO_HEADER_LEN)
		return fail(err, errlen, NULL, at, "truncated header");
	h = base + at;
	if (memcmp(h, "070701", 6) && memcmp(h, "070702", 6))
		return fail(err, errlen, NULL, at, "no cpio magic (not a newc archive)");
	for (int i = 0; i < CPIO_FIELDS; i++)
		if (!parse_hex8(h + 6 + 8 * i, &f[i]))
			return fail(err, errlen, NULL, at, "bad hex digit in header");
	if (f[F_NAMESIZE] == 0 || f[F_NAMESIZE] > len - at - CPIO_HEADER_LEN)
		return fail(err, errlen, NULL, at, "name runs past the end of the archive");
	name_end = at + CPIO_HEADER_LEN + f[F_NAMESIZE];
	if (base[name_end - 1] != '\0')
		return fail(err, errlen, NULL, at, "name is not NUL-terminated");
	e->name = h + CPIO_HEADER_LEN;
	data_start = align4(name_end);
	if (data_start > len || f[F_FILESIZE] > len - data_start)
		return fail(err, errlen, e->name, at, "truncated data");
	e->mode = (unsigned int)f[F_MODE];
	e->uid = (unsigned int)f[F_UID];
	e->gid = (unsigned int)f[F_GID];
	e->nlink = (unsigned int)f[F_NLINK];
	e->ino = f[F_INO];
	e->mtime = f[F_MTIME];
	e->rdevmajor = (unsigned int)f[F_RDEVMAJOR];
	e->rdevminor = (unsigned int)f[F_RDEVMINOR];
	e->data = base + data_start;
	e->size = f[F_FILESIZE];
	e->offset = at;
	*pos = min(align4(data_start + e->size), len);
	return 1;
}
