// SPDX-License-Identifier: GPL-2.0
/*
 * msync(2) as Linux 6.1 answers it: a shared file mapping's writes are
 * in the file (read(2) sees them, msync or not), each flag combination
 * accepted or refused, EBUSY for MS_INVALIDATE of locked memory, and
 * ENOMEM for a range with holes.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include "tap.h"

#define P 4096UL

int main(void)
{
	char path[] = "/tmp/msyncXXXXXX", buf[8] = { 0 }, *m, *a;
	int fd = mkstemp(path);

	ftruncate(fd, 2 * P);
	m = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	memcpy(m + P, "synced", 6);
	ok_eq(0, msync(m, 2 * P, MS_SYNC), "MS_SYNC of a shared file mapping");
	pread(fd, buf, 6, P);
	ok(!strcmp(buf, "synced"), "the file holds what was written");
	ok_eq(0, msync(m, 2 * P, MS_ASYNC), "MS_ASYNC");
	ok_eq(0, msync(m, 2 * P, MS_INVALIDATE), "MS_INVALIDATE");
	ok_eq(0, msync(m, 2 * P, MS_SYNC | MS_INVALIDATE), "MS_SYNC | MS_INVALIDATE");
	ok_eq(0, msync(m, 0, MS_SYNC), "length 0: nothing to do");
	ok_eq(0, msync(m, 100, MS_SYNC), "a length short of a page");
	ok_errno(EINVAL, msync(m, P, MS_SYNC | MS_ASYNC), "MS_SYNC with MS_ASYNC: EINVAL");
	ok_errno(EINVAL, msync(m, P, 8), "an unknown flag: EINVAL");
	ok_errno(EINVAL, msync(m + 1, P, MS_SYNC), "an unaligned start: EINVAL");
	ok_errno(ENOMEM, msync(m, 100 * P, MS_SYNC), "a range past the mapping: ENOMEM");
	ok_errno(ENOMEM, msync(m + 100 * P, P, MS_ASYNC), "nothing mapped there: ENOMEM");

	a = mmap(NULL, 3 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(a + P, P);
	ok_errno(ENOMEM, msync(a, 3 * P, MS_SYNC), "MS_SYNC over a hole: ENOMEM");
	ok_errno(ENOMEM, msync(a, 3 * P, MS_ASYNC), "MS_ASYNC over a hole: ENOMEM");
	ok_eq(0, msync(a, P, MS_SYNC), "MS_SYNC of anonymous memory");
	mlock(a, P);
	ok_errno(EBUSY, msync(a, P, MS_INVALIDATE), "MS_INVALIDATE of locked memory: EBUSY");
	ok_eq(0, msync(a, P, MS_SYNC), "MS_SYNC of it is fine");
	munmap(a, 3 * P);
	munmap(m, 2 * P);
	close(fd);
	unlink(path);
	return tap_done();
}
