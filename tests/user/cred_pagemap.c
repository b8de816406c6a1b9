// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/pagemap shows page frame numbers only to an opener that
 * had CAP_SYS_ADMIN when it opened the file (6.1's pagemap_read asks
 * file_ns_capable, about the file's credentials, not the reader's);
 * everyone else sees 0 there and the flags as they are.
 */
#include "credlib.h"
#include <fcntl.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#define PM_PFRAME_MASK	((1ULL << 55) - 1)
#define PM_PRESENT	(1ULL << 63)
#define CAP_SYS_ADMIN	21

static char page[4096] __attribute__((aligned(4096)));

static uint64_t entry(int fd)
{
	uint64_t e = 0;

	pread(fd, &e, sizeof(e), (off_t)((uintptr_t)page / 4096 * sizeof(e)));
	return e;
}

static int open_pagemap(void)
{
	return open("/proc/self/pagemap", O_RDONLY);
}

/* Effective set: all, or all but CAP_SYS_ADMIN. */
static long sys_admin_effective(int on)
{
	return set_effective(on ? ~0U : ~(1U << CAP_SYS_ADMIN));
}

static void frames(void)
{
	int fd_admin, fd_plain;
	uint64_t with, without;

	page[0] = 1;
	fd_admin = open_pagemap();
	with = entry(fd_admin);
	ok(with & PM_PRESENT, "root: the page is present");
	ok((with & PM_PFRAME_MASK) != 0, "and root sees its frame number");
	ok_eq(0, sys_admin_effective(0), "drop CAP_SYS_ADMIN from effective");
	fd_plain = open_pagemap();
	without = entry(fd_plain);
	ok_eq(0, without & PM_PFRAME_MASK, "a pagemap opened now shows frame 0");
	ok_eq(with & ~PM_PFRAME_MASK, without & ~PM_PFRAME_MASK, "and the same flags");
	ok_eq(with, entry(fd_admin), "the one opened with CAP_SYS_ADMIN still shows the frame");
	ok_eq(0, sys_admin_effective(1), "raise CAP_SYS_ADMIN again");
	ok_eq(0, entry(fd_plain) & PM_PFRAME_MASK, "the file opened without it still shows 0");
	close(fd_admin);
	close(fd_plain);
}

static void as_nobody(void)
{
	int fd;
	uint64_t e;

	page[0] = 1;
	become(NOBODY, NOGROUP);
	ok_errno(EACCES, open_pagemap(), "nobody after setuid: its pagemap is root's (0400): EACCES");
	prctl(PR_SET_DUMPABLE, 1);
	fd = open_pagemap();
	ok(fd >= 0, "dumpable again: it opens");
	e = entry(fd);
	ok((e & PM_PRESENT) && !(e & PM_PFRAME_MASK), "present, frame 0");
	close(fd);
}

int main(void)
{
	in_child(frames, "frames");
	in_child(as_nobody, "as_nobody");
	return tap_done();
}
