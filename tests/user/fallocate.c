// SPDX-License-Identifier: GPL-2.0
/*
 * fallocate(2) on tmpfs (memfds, so that the newer Linux of this machine
 * runs it on tmpfs too) as Linux 6.1 answers it: allocating with and
 * without KEEP_SIZE, punching holes (whole pages freed and unmapped
 * from every mapping, the parts of pages at the ends zeroed, private
 * copies kept), and the errno of each mode and descriptor it refuses.
 * The rootfs's size limit (ENOSPC) is in statfs.c; seals in memfd.c.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "tap.h"
#include "proclib.h"

#define P 4096L

#ifndef FALLOC_FL_PUNCH_HOLE
#define FALLOC_FL_KEEP_SIZE 0x01
#define FALLOC_FL_PUNCH_HOLE 0x02
#endif
#define COLLAPSE 0x08
#define ZERO 0x10
#define INSERT 0x20
#define UNSHARE 0x40
#define KEEP FALLOC_FL_KEEP_SIZE
#define PUNCH (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE)

static long size_of(int fd)
{
	struct stat st;

	fstat(fd, &st);
	return (long)st.st_size;
}

/* Pages the file holds (st_blocks counts 512-byte blocks). */
static long pages_of(int fd)
{
	struct stat st;

	fstat(fd, &st);
	return (long)st.st_blocks / 8;
}

static void test_modes(void)
{
	int fd = memfd_create("modes", 0);
	int bad_modes[] = { FALLOC_FL_PUNCH_HOLE, ZERO, ZERO | KEEP, PUNCH | ZERO, 0x80, 0x04,
			    UNSHARE, UNSHARE | KEEP, UNSHARE | FALLOC_FL_PUNCH_HOLE, COLLAPSE,
			    INSERT };
	int einval_modes[] = { COLLAPSE | KEEP, INSERT | KEEP, UNSHARE | ZERO };

	for (unsigned i = 0; i < sizeof(bad_modes) / sizeof(bad_modes[0]); i++)
		ok_errno(EOPNOTSUPP, fallocate(fd, bad_modes[i], 0, P), "mode %#x: EOPNOTSUPP",
			 bad_modes[i]);
	for (unsigned i = 0; i < sizeof(einval_modes) / sizeof(einval_modes[0]); i++)
		ok_errno(EINVAL, fallocate(fd, einval_modes[i], 0, P),
			 "mode %#x (an exclusive mode with another): EINVAL", einval_modes[i]);
	ok_errno(EINVAL, fallocate(fd, 0, -1, P), "a negative offset: EINVAL");
	ok_errno(EINVAL, fallocate(fd, 0, 0, 0), "a length of 0: EINVAL");
	ok_errno(EINVAL, fallocate(fd, 0, 0, -P), "a negative length: EINVAL");
	ok_errno(EINVAL, fallocate(fd, 0x80, -1, P), "EINVAL comes before the mode's EOPNOTSUPP");
	ok_errno(EFBIG, fallocate(fd, 0, INT64_MAX - P + 1, P), "past the largest file: EFBIG");
	ok_errno(EFBIG, fallocate(fd, PUNCH, INT64_MAX - 10, 20), "a hole past it too: EFBIG");
	ok_eq(0, fallocate(fd, 0, INT64_MAX - P + 1, P - 1), "up to the last byte a file can have");
	ok_eq(INT64_MAX, size_of(fd), "it is then that large");
	ok_eq(1, pages_of(fd), "with one page, the last");
	close(fd);
}

static void test_descriptors(void)
{
	int fd = memfd_create("fds", 0), p[2], ro, path, null, comm;
	char name[64];

	pipe(p);
	snprintf(name, sizeof(name), "/proc/self/fd/%d", fd);
	ro = open(name, O_RDONLY);
	path = open(name, O_PATH);
	null = open("/dev/null", O_WRONLY);
	comm = open("/proc/self/comm", O_RDWR);
	ok_errno(EBADF, fallocate(99, 0, 0, P), "no such descriptor: EBADF");
	ok_errno(EBADF, fallocate(ro, 0, 0, P), "a descriptor open read-only: EBADF");
	ok_errno(EBADF, fallocate(path, 0, 0, P), "an O_PATH descriptor: EBADF");
	ok_errno(EBADF, fallocate(p[0], 0, 0, P), "a pipe's read end: EBADF");
	ok_errno(ESPIPE, fallocate(p[1], 0, 0, P), "a pipe's write end: ESPIPE");
	ok_errno(ENODEV, fallocate(null, 0, 0, P), "a character device: ENODEV");
	ok_errno(EOPNOTSUPP, fallocate(comm, 0, 0, P),
		 "a file system without fallocate: EOPNOTSUPP");
	ok_errno(EINVAL, fallocate(ro, 0, 0, 0),
		 "the length is checked before the descriptor's mode");
	close(p[0]);
	close(p[1]);
	close(ro);
	close(path);
	close(null);
	close(comm);
	close(fd);
}

static void test_allocate(void)
{
	int fd = memfd_create("alloc", 0);
	char buf[16];

	ok_eq(0, fallocate(fd, 0, 100, 2 * P), "mode 0 allocates");
	ok_eq(100 + 2 * P, size_of(fd), "and the file grows to the range's end");
	ok_eq(3, pages_of(fd), "every page the range touches is allocated");
	ok_eq(0, fallocate(fd, 0, 0, 10), "a range inside the file");
	ok_eq(100 + 2 * P, size_of(fd), "leaves its size alone");
	ok_eq(0, fallocate(fd, KEEP, 0, 8 * P), "KEEP_SIZE allocates past the end");
	ok(size_of(fd) == 100 + 2 * P && pages_of(fd) == 8, "the size stays, the pages are there");
	memset(buf, 1, sizeof(buf));
	ok(pread(fd, buf, sizeof(buf), P) == sizeof(buf) && !buf[0] && !buf[15],
	   "allocated pages read as zeros");
	ok_eq(0, ftruncate(fd, 5 * P), "growing the file");
	ok_eq(8, pages_of(fd), "keeps the pages allocated past the old end");
	ok_eq(0, ftruncate(fd, 4 * P), "shrinking it");
	ok_eq(4, pages_of(fd), "frees those past the new end");
	ok_eq(0, fallocate(fd, 0, 0, 4 * P), "allocating where pages are");
	ok_eq(4, pages_of(fd), "allocates nothing more");
	close(fd);
}

static void test_punch(void)
{
	int fd = memfd_create("punch", 0);
	char *a, *b, *priv, buf[4];

	ftruncate(fd, 4 * P);
	a = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	b = mmap(NULL, 4 * P, PROT_READ, MAP_SHARED, fd, 0);
	priv = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	memset(a, 'a', 4 * P);
	ok(b[P] == 'a' && b[3 * P] == 'a', "two shared mappings see the same pages");
	priv[P] = 'p';
	(void)*(volatile char *)&priv[2 * P];
	ok_eq(16, vma_rss_kb(a), "the first maps all four");
	ok_eq(0, fallocate(fd, PUNCH, 100, 3 * P - 200),
	      "a hole from byte 100 to 100 bytes before page 3");
	ok_eq(3, pages_of(fd), "the file lost its one whole page");
	ok_eq(12, vma_rss_kb(a), "which is unmapped from the shared mapping");
	ok_eq(4 * P, size_of(fd), "the size stays");
	ok(a[99] == 'a' && a[100] == 0 && b[100] == 0,
	   "page 0: zeros from byte 100, in both mappings");
	ok(a[3 * P - 101] == 0 && a[3 * P - 100] == 'a',
	   "page 2: zeros up to 100 bytes before its end");
	ok(a[3 * P] == 'a', "page 3: untouched");
	ok(priv[P] == 'p', "a private copy of the freed page stays");
	ok(priv[2 * P] == 0, "a private mapping of a file page sees the zeros");
	ok(a[P] == 0 && b[2 * P - 1] == 0, "page 1 reads zeros");

	ok_eq(0, fallocate(fd, PUNCH, 0, 4 * P), "a hole over the whole file");
	ok_eq(0, pages_of(fd), "frees every page");
	ok_eq(0, vma_rss_kb(a), "and unmaps them from the shared mapping");
	ok_eq(0, vma_rss_kb(b), "and from the other");
	ok(pread(fd, buf, 4, 3 * P) == 4 && !buf[0] && !buf[3], "read() sees zeros");
	ok(a[3 * P] == 0 && b[3 * P] == 0, "both mappings read zeros");
	ok_eq(0, fallocate(fd, PUNCH, 8 * P, P), "a hole past the end: nothing to do");
	ok_eq(0, fallocate(fd, PUNCH, 0, 8 * P), "a hole running past the end");
	ok_eq(4 * P, size_of(fd), "leaves the size alone");
	munmap(a, 4 * P);
	munmap(b, 4 * P);
	munmap(priv, 4 * P);
	close(fd);
}

int main(void)
{
	test_modes();
	test_descriptors();
	test_allocate();
	test_punch();
	return tap_done();
}
