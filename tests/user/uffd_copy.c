// SPDX-License-Identifier: GPL-2.0
/*
 * Filling pages with UFFDIO_COPY, UFFDIO_ZEROPAGE and UFFDIO_CONTINUE as
 * Linux 6.1 does: what each maps (anonymous and shmem memory), the errno
 * of every refusal (in the ioctl's result and its copy field), partial
 * fills (EAGAIN with the bytes done), and a shared page filled for one
 * process showing in another's mapping of it. No fault waits here: the
 * process fills its own registered memory before touching it.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include "tap.h"
#include "testlib.h"
#include "proclib.h"
#include "uffdlib.h"

static char src[4 * P] __attribute__((aligned(4096)));

static char *map(unsigned long pages, int flags)
{
	return mmap(NULL, pages * P, PROT_READ | PROT_WRITE, flags | MAP_ANONYMOUS, -1, 0);
}

static void test_copy(int uffd)
{
	char *a = map(4, MAP_PRIVATE), *other = map(1, MAP_PRIVATE);
	int64_t copied;

	memset(src, 'c', sizeof(src));
	ok_eq(0, uffd_register(uffd, a, 4 * P, UFFDIO_REGISTER_MODE_MISSING, NULL), "registered");
	ok_eq(0, uffd_copy(uffd, a, src, P, 0, &copied), "COPY one page");
	ok_eq(P, copied, "copy: 4096");
	ok(a[0] == 'c' && a[P - 1] == 'c', "the page holds the source");
	ok_eq(4, vma_field(a, "Rss:"), "Rss: 4 kB, one anonymous page");
	ok_eq(4, vma_field(a, "Anonymous:"), "Anonymous: 4 kB");
	ok_eq(0, probe_sig(a, 1), "and it is writable");
	ok_errno(EEXIST, uffd_copy(uffd, a, src, P, 0, &copied), "COPY onto it again: EEXIST");
	ok_eq(-EEXIST, copied, "copy: -EEXIST");
	ok_eq(0, uffd_copy(uffd, a + 2 * P, src, 2 * P, 0, &copied), "COPY two missing pages");
	ok_eq(2 * P, copied, "copy: 8192");
	ok_errno(EAGAIN, uffd_copy(uffd, a + P, src, 2 * P, 0, &copied),
		 "COPY 2 pages whose second is mapped: EAGAIN");
	ok_eq(P, copied, "copy: the 4096 bytes done");

	ok_errno(ENOENT, uffd_copy(uffd, other, src, P, 0, &copied),
		 "COPY into unregistered memory: ENOENT");
	ok_eq(-ENOENT, copied, "copy: -ENOENT");
	ok_errno(ENOENT, uffd_copy(uffd, a + 3 * P, src, 2 * P, 0, &copied),
		 "COPY past the registered VMA's end: ENOENT");
	ok_errno(EINVAL, uffd_copy(uffd, a + 1, src, P, 0, &copied), "unaligned dst: EINVAL");
	ok_eq(12345, copied, "copy untouched");
	ok_errno(EINVAL, uffd_copy(uffd, a, src, 0, 0, &copied), "len 0: EINVAL");
	ok_errno(EINVAL, uffd_copy(uffd, a, src, P, 1 << 2, &copied), "an unknown mode: EINVAL");
	ok_errno(EINVAL, uffd_copy(uffd, a, (void *)-P, P, 0, &copied),
		 "a source that wraps: EINVAL");
	ok_errno(EINVAL, uffd_copy(uffd, a + 3 * P, src, P, UFFDIO_COPY_MODE_WP, &copied),
		 "MODE_WP into a range not registered for WP: EINVAL");
	ok_eq(-EINVAL, copied, "copy: -EINVAL");
	munmap(a, 4 * P);
	a = map(1, MAP_PRIVATE);
	uffd_register(uffd, a, P, UFFDIO_REGISTER_MODE_MISSING, NULL);
	ok_errno(EFAULT, uffd_copy(uffd, a, (void *)P, P, 0, &copied),
		 "an unreadable source: EFAULT");
	ok_eq(-EFAULT, copied, "copy: -EFAULT");
	ok_eq(0, vma_field(a, "Rss:"), "nothing mapped");
	ok_errno(EFAULT, ioctl(uffd, UFFDIO_COPY, NULL), "a NULL structure: EFAULT");
	munmap(a, P);
	munmap(other, P);
}

static void test_zeropage(int uffd)
{
	char *a = map(2, MAP_PRIVATE);
	struct uffdio_zeropage z = { .range = { (uintptr_t)a, P } };

	uffd_register(uffd, a, 2 * P, UFFDIO_REGISTER_MODE_MISSING, NULL);
	ok_eq(0, ioctl(uffd, UFFDIO_ZEROPAGE, &z), "ZEROPAGE one page");
	ok_eq(P, z.zeropage, "zeropage: 4096");
	ok(a[0] == 0 && a[P - 1] == 0, "it reads zeros");
	ok_eq(0, vma_field(a, "Rss:"), "the shared zero page: no Rss");
	ok_errno(EEXIST, ioctl(uffd, UFFDIO_ZEROPAGE, &z), "again: EEXIST");
	ok_eq(-EEXIST, z.zeropage, "zeropage: -EEXIST");
	z.mode = 1 << 1;
	ok_errno(EINVAL, ioctl(uffd, UFFDIO_ZEROPAGE, &z), "an unknown mode: EINVAL");
	ok_eq(0, probe_sig(a, 1), "a write copies the zero page");
	ok_eq(4, vma_field(a, "Rss:"), "now Rss 4 kB");
	munmap(a, 2 * P);
}

/* Shared memory: the filled page is in the file, so every mapping sees it. */
static void test_shmem(int uffd)
{
	char *s = map(3, MAP_SHARED);
	struct uffdio_zeropage z = { .range = { (uintptr_t)s + P, P } };
	int64_t copied;
	pid_t pid;

	memset(src, 's', P);
	ok_eq(0, uffd_register(uffd, s, 3 * P, UFFDIO_REGISTER_MODE_MISSING, NULL),
	      "shared anonymous memory registered");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		/* The child's copy of the mapping is not registered; its fills go to the parent's. */
		_exit(vma_has_flag("um", s) ? 1 : s[0] == 0 ? 2 : 0);
	}
	ok_eq(2, wait_status(pid), "a child sees the page missing, unregistered (reads 0)");
	ok_errno(EEXIST, uffd_copy(uffd, s, src, P, 0, &copied),
		 "so its read put a page in the file: COPY there is EEXIST");
	ok_eq(0, uffd_copy(uffd, s + 2 * P, src, P, 0, &copied), "COPY into the third page");
	ok_eq('s', s[2 * P], "the parent reads it");
	ok_eq(4, vma_field(s, "Rss:"), "Rss: the one page mapped");
	ok_eq(0, ioctl(uffd, UFFDIO_ZEROPAGE, &z), "ZEROPAGE into the second page");
	ok_eq(0, s[P], "reads zero");
	ok_eq(0, probe_sig(s + P, 1), "and is writable: a page of the file, not the zero page");
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(s[2 * P] == 's' && s[P] == 1 ? 0 : 1);
	ok_eq(0, wait_status(pid), "a child sees both pages through its mapping");
	munmap(s, 3 * P);
}

/* CONTINUE: map a page the shmem file has (minor faults). */
static void test_continue(int uffd)
{
	char *s, *alias;
	struct uffdio_continue c = { .range = { 0, P } };
	char path[] = "/tmp/uffdcontXXXXXX";
	int fd = mkstemp(path);

	ftruncate(fd, 2 * P);
	alias = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	s = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ok_eq(0, uffd_register(uffd, s, 2 * P, UFFDIO_REGISTER_MODE_MINOR, NULL),
	      "a file mapping registered for minor faults");
	alias[0] = 'm';
	c.range.start = (uintptr_t)s;
	ok_eq(0, ioctl(uffd, UFFDIO_CONTINUE, &c), "CONTINUE where the file has a page");
	ok_eq(P, c.mapped, "mapped: 4096");
	ok_eq('m', s[0], "it maps the file's page");
	ok_errno(EEXIST, ioctl(uffd, UFFDIO_CONTINUE, &c), "again: EEXIST");
	ok_eq(-EEXIST, c.mapped, "mapped: -EEXIST");
	c.range.start = (uintptr_t)s + P;
	ok_errno(EFAULT, ioctl(uffd, UFFDIO_CONTINUE, &c), "where the file has none: EFAULT");
	ok_eq(-EFAULT, c.mapped, "mapped: -EFAULT");
	c.mode = 1 << 1;
	ok_errno(EINVAL, ioctl(uffd, UFFDIO_CONTINUE, &c), "an unknown mode: EINVAL");
	munmap(s, 2 * P);
	s = map(1, MAP_PRIVATE);
	uffd_register(uffd, s, P, UFFDIO_REGISTER_MODE_MISSING, NULL);
	c = (struct uffdio_continue){ .range = { (uintptr_t)s, P } };
	ok_errno(EINVAL, ioctl(uffd, UFFDIO_CONTINUE, &c), "CONTINUE into anonymous memory: EINVAL");
	munmap(s, P);
	munmap(alias, 2 * P);
	close(fd);
	unlink(path);
}

int main(void)
{
	int uffd = uffd_open(0, UFFD_FEATURE_MISSING_SHMEM | UFFD_FEATURE_MINOR_SHMEM);

	test_copy(uffd);
	test_zeropage(uffd);
	test_shmem(uffd);
	test_continue(uffd);
	close(uffd);
	return tap_done();
}
