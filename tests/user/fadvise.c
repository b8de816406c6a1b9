// SPDX-License-Identifier: GPL-2.0
/*
 * fadvise64(2) as Linux 6.1 answers it for files that live in memory
 * (tmpfs, procfs, devices, directories): every known advice is taken
 * and does nothing; an unknown one is EINVAL, a pipe ESPIPE, a bad or
 * O_PATH descriptor EBADF, a negative length EINVAL.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "tap.h"

#define F "/tmp/faultline-fadvise"

static long fadvise(int fd, long offset, long len, int advice)
{
	return syscall(SYS_fadvise64, fd, offset, len, advice);
}

int main(void)
{
	int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0600);
	int p[2], fds[4];

	write(fd, "data", 4);
	for (int advice = 0; advice <= 5; advice++)
		ok_eq(0, fadvise(fd, 0, 0, advice), "advice %d on a tmpfs file is taken", advice);
	ok_errno(EINVAL, fadvise(fd, 0, 0, 6), "an unknown advice: EINVAL");
	ok_errno(EINVAL, fadvise(fd, 0, 0, -1), "a negative advice: EINVAL");
	ok_errno(EINVAL, fadvise(fd, 0, -1L, 4), "a negative length: EINVAL");
	ok_eq(0, fadvise(fd, -4096, 4096, 4), "a negative offset is taken");
	ok_eq(0, fadvise(fd, 1L << 50, 1L << 50, 3), "a range past the end is taken");
	pipe(p);
	ok_errno(ESPIPE, fadvise(p[0], 0, 0, 4), "a pipe: ESPIPE");
	ok_errno(ESPIPE, fadvise(p[1], 0, 0, 99), "ESPIPE comes before the advice check");
	ok_errno(EBADF, fadvise(99, 0, 0, 4), "a closed descriptor: EBADF");
	fds[0] = open("/tmp", O_RDONLY);
	fds[1] = open("/proc/self/status", O_RDONLY);
	fds[2] = open("/dev/null", O_RDONLY);
	fds[3] = open(F, O_PATH);
	ok_eq(0, fadvise(fds[0], 0, 0, 4), "a directory: taken");
	ok_eq(0, fadvise(fds[1], 0, 0, 4), "a /proc file: taken");
	ok_eq(0, fadvise(fds[2], 0, 0, 4), "a device: taken");
	ok_errno(EBADF, fadvise(fds[3], 0, 0, 4), "an O_PATH descriptor: EBADF");
	ok_eq(0, posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED), "musl's posix_fadvise reaches it");
	ok_eq(EINVAL, posix_fadvise(fd, 0, 0, 77), "and returns the error number");
	unlink(F);
	return tap_done();
}
