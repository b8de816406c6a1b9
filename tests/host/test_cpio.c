// SPDX-License-Identifier: GPL-2.0
/*
 * lib/cpio.c on archives made here: a good one with files, a directory
 * and a symlink; the same archive cut at every byte (each cut must give
 * a clean error or a clean end, and ASan watches for over-reads); and
 * damaged headers, with messages that name the entry.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/cpio.h>
#include "tap.h"

static char archive[4096];
static size_t alen;

static void add(const char *name, unsigned int mode, const char *data)
{
	size_t namesize = strlen(name) + 1, size = strlen(data);

	alen += sprintf(archive + alen, "070701%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX%08X",
			1u, mode, 0u, 0u, 1u, 0u, size, 0u, 0u, 0u, 0u, namesize, 0u);
	memcpy(archive + alen, name, namesize);
	alen += namesize;
	while (alen % 4)
		archive[alen++] = 0;
	memcpy(archive + alen, data, size);
	alen += size;
	while (alen % 4)
		archive[alen++] = 0;
}

static void build(void)
{
	alen = 0;
	add("dir", 040755, "");
	add("dir/file", 0100644, "hello, cpio");
	add("dir/link", 0120777, "file");
	add("TRAILER!!!", 0, "");
}

/* Parse the first len bytes; returns entries read, or -1 on an error. */
static int parse(size_t len, char *err)
{
	struct cpio_entry e;
	size_t pos = 0;
	int n = 0, r;

	while ((r = cpio_next(archive, len, &pos, &e, err, 200)) > 0)
		n++;
	return r < 0 ? -1 : n;
}

int main(void)
{
	struct cpio_entry e;
	char err[200];
	size_t pos = 0;

	build();
	CHECK_EQ(1, cpio_next(archive, alen, &pos, &e, err, sizeof(err)));
	CHECK(!strcmp(e.name, "dir") && e.mode == 040755 && e.size == 0);
	CHECK_EQ(1, cpio_next(archive, alen, &pos, &e, err, sizeof(err)));
	CHECK(!strcmp(e.name, "dir/file") && e.size == 11 && !memcmp(e.data, "hello, cpio", 11));
	CHECK_EQ(1, cpio_next(archive, alen, &pos, &e, err, sizeof(err)));
	CHECK(!strcmp(e.name, "dir/link") && e.size == 4 && !memcmp(e.data, "file", 4));
	CHECK_EQ(1, cpio_next(archive, alen, &pos, &e, err, sizeof(err)));
	CHECK(!strcmp(e.name, "TRAILER!!!"));
	CHECK_EQ(0, cpio_next(archive, alen, &pos, &e, err, sizeof(err)));
	tap_result("cpio: files, a directory, a symlink and the trailer come back as written");

	for (size_t cut = 1; cut < alen; cut++) {
		/* An exact-size copy, so that ASan catches any read past the cut. */
		char *copy = malloc(cut);
		struct cpio_entry ce;
		size_t p = 0;
		int n = 0, r;

		memcpy(copy, archive, cut);
		while ((r = cpio_next(copy, cut, &p, &ce, err, sizeof(err))) > 0)
			n++;
		free(copy);
		CHECK(r < 0 || n <= 4);
		if (r < 0 && !strstr(err, "offset"))
			CHECK(!"an error without an offset");
	}
	tap_result("cpio: the archive cut at every byte gives a clean error, or a clean end at an entry boundary");

	build();
	alen = 110 + 4 + 112 + 12 + 3;			/* into dir/file's data */
	CHECK_EQ(-1, parse(alen, err));
	CHECK(strstr(err, "truncated data in entry 'dir/file'") != NULL);
	build();
	archive[0] = 'X';
	CHECK_EQ(-1, parse(alen, err));
	CHECK(strstr(err, "no cpio magic") != NULL);
	build();
	archive[20] = 'g';				/* a bad hex digit */
	CHECK_EQ(-1, parse(alen, err));
	CHECK(strstr(err, "bad hex digit") != NULL);
	tap_result("cpio: a cut in the data names the entry; bad magic and bad digits are refused");

	build();
	memmove(archive + 512, archive, alen);		/* zero padding before an archive */
	memset(archive, 0, 512);
	alen += 512;
	CHECK_EQ(4, parse(alen, err));
	tap_result("cpio: zero padding between archives is skipped");
	return tap_done();
}
