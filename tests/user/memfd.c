// SPDX-License-Identifier: GPL-2.0
/*
 * memfd_create(2) and file seals as Linux 6.1 answers them: the file a
 * memfd is (a nameless tmpfs file, shown as "/memfd:NAME (deleted)"),
 * the errno of every bad call, and what each seal forbids: write,
 * truncate, fallocate, writable shared mmap and mprotect, with
 * F_SEAL_WRITE refused (EBUSY) while a writable shared mapping exists.
 * fallocate's own checks are in fallocate.c.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include "tap.h"
#include "testlib.h"
#include "proclib.h"

#define P 4096L

#ifndef F_SEAL_FUTURE_WRITE
#define F_SEAL_FUTURE_WRITE 0x0010
#endif
#ifndef MFD_HUGETLB
#define MFD_HUGETLB 0x0004U
#endif
#define HUGE_SHIFT 26
#define TMPFS_MAGIC 0x01021994
#ifndef FALLOC_FL_PUNCH_HOLE
#define FALLOC_FL_KEEP_SIZE 0x01
#define FALLOC_FL_PUNCH_HOLE 0x02
#endif

/* The file an fd names, as /proc/self/fd shows it. */
static const char *fd_link(int fd)
{
	static char link[512];
	char path[64];
	long n;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	n = readlink(path, link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = 0;
	return link;
}

/* The path of the mapping at addr in /proc/self/maps (after the inode). */
static const char *maps_path(const void *addr)
{
	unsigned long a = (unsigned long)addr, lo, hi;

	read_file("/proc/self/maps");
	for (char *p = proc_buf; *p; p = *line_end(p) ? line_end(p) + 1 : line_end(p)) {
		char *path;

		if (!vma_line(p, &lo, &hi) || a < lo || a >= hi)
			continue;
		*line_end(p) = 0;
		path = strchr(p, '/');
		return path ? path : "";
	}
	return "(none)";
}

/* A second descriptor of the same file, open read-only (through /proc/self/fd). */
static int reopen_rdonly(int fd)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	return open(path, O_RDONLY);
}

static void test_create_errors(void)
{
	char name[300];
	char *two = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct rlimit old, low;
	int fd;

	ok_errno(EINVAL, memfd_create("x", 0x100), "an unknown flag: EINVAL");
	ok_errno(EINVAL, memfd_create("x", 21U << HUGE_SHIFT),
		 "a huge page size without MFD_HUGETLB: EINVAL");
	ok_errno(EINVAL, memfd_create("x", MFD_HUGETLB | 0x100),
		 "MFD_HUGETLB and an unknown flag: EINVAL");
	ok_errno(ENODEV, memfd_create("x", MFD_HUGETLB | (20U << HUGE_SHIFT)),
		 "MFD_HUGETLB with a page size x86_64 lacks (1 MiB): ENODEV");
	/* Linux 6.1 makes a hugetlbfs file; Faultline has no hugetlbfs and says EINVAL. */
	errno = 0;
	fd = memfd_create("x", MFD_HUGETLB | (21U << HUGE_SHIFT));
	ok(fd >= 0 || errno == EINVAL,
	   "MFD_HUGETLB of 2 MiB pages: a file, or EINVAL without hugetlbfs");
	if (fd >= 0)
		close(fd);
	ok_errno(EFAULT, memfd_create((char *)1, 0), "a name at a bad address: EFAULT");
	/* A name running into an unmapped page before its NUL. */
	munmap(two + P, P);
	memset(two + P - 3, 'a', 3);
	ok_errno(EFAULT, memfd_create(two + P - 3, 0),
		 "a name that runs into unmapped memory: EFAULT");
	munmap(two, P);

	memset(name, 'n', sizeof(name));
	name[249] = 0;
	fd = memfd_create(name, 0);
	ok(fd >= 0, "a name of 249 bytes (255 less \"memfd:\") is taken");
	ok_eq(6 + 249 + 1 + 10, strlen(fd_link(fd)), "and shows whole in /proc/self/fd");
	close(fd);
	name[249] = 'n';
	name[250] = 0;
	ok_errno(EINVAL, memfd_create(name, 0), "a name of 250 bytes: EINVAL");
	fd = memfd_create("", 0);
	ok(fd >= 0 && !strcmp(fd_link(fd), "/memfd: (deleted)"), "an empty name is taken: %s",
	   fd_link(fd));
	close(fd);

	/* No descriptor left: EMFILE, after the name is checked. */
	getrlimit(RLIMIT_NOFILE, &old);
	fd = dup(0);
	close(fd);
	low = old;
	low.rlim_cur = (rlim_t)fd;
	setrlimit(RLIMIT_NOFILE, &low);
	ok_errno(EMFILE, memfd_create("x", 0), "no free descriptor: EMFILE");
	ok_errno(EFAULT, memfd_create((char *)1, 0), "a bad name is EFAULT before that");
	setrlimit(RLIMIT_NOFILE, &old);
}

static void test_the_file(void)
{
	int fd = memfd_create("hello world", 0), cfd = memfd_create("c", MFD_CLOEXEC);
	struct statfs sfs;
	struct stat st;
	char buf[8] = { 0 };
	char *a;

	ok(fd >= 0 && cfd >= 0, "memfd_create makes a descriptor");
	ok_eq(0, fcntl(fd, F_GETFD), "without MFD_CLOEXEC it stays open across exec");
	ok_eq(FD_CLOEXEC, fcntl(cfd, F_GETFD), "MFD_CLOEXEC: close-on-exec");
	ok_eq(O_RDWR | O_LARGEFILE, fcntl(fd, F_GETFL), "open O_RDWR | O_LARGEFILE");
	fstat(fd, &st);
	ok_eq(S_IFREG | 0777, st.st_mode, "a regular file, mode 0777");
	ok(st.st_nlink == 0 && st.st_size == 0 && st.st_blocks == 0, "no name, no size, no blocks");
	fstatfs(fd, &sfs);
	ok(sfs.f_type == TMPFS_MAGIC && sfs.f_blocks == 0,
	   "on the internal tmpfs, which has no size limit");
	ok(!strcmp(fd_link(fd), "/memfd:hello world (deleted)"), "/proc/self/fd shows %s",
	   fd_link(fd));

	ok_eq(5, write(fd, "hello", 5), "write");
	ok(pread(fd, buf, 8, 0) == 5 && !strcmp(buf, "hello"), "pread reads it back");
	ok_eq(0, ftruncate(fd, 2 * P), "ftruncate grows it");
	a = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ok(a != MAP_FAILED && !memcmp(a, "hello", 5), "a shared mapping sees what was written");
	ok(!strcmp(maps_path(a), "/memfd:hello world (deleted)"), "maps shows %s", maps_path(a));
	a[P] = 'x';
	ok(pread(fd, buf, 1, P) == 1 && buf[0] == 'x', "and read() sees what the mapping wrote");
	munmap(a, 2 * P);
	close(fd);
	close(cfd);
}

static void test_seal_calls(void)
{
	int sealed = memfd_create("s", 0), fd = memfd_create("f", MFD_ALLOW_SEALING), ro, p[2];

	ok_eq(F_SEAL_SEAL, fcntl(sealed, F_GET_SEALS), "without MFD_ALLOW_SEALING: F_SEAL_SEAL");
	ok_errno(EPERM, fcntl(sealed, F_ADD_SEALS, F_SEAL_GROW), "so no seal can be added: EPERM");
	ok_eq(0, fcntl(fd, F_GET_SEALS), "MFD_ALLOW_SEALING: no seals");
	ok_eq(0, fcntl(fd, F_ADD_SEALS, 0), "adding none");
	ok_errno(EINVAL, fcntl(fd, F_ADD_SEALS, 0x100), "an unknown seal: EINVAL");
	ok_errno(EINVAL, fcntl(fd, F_ADD_SEALS, 1L << 32), "a seal past 32 bits: EINVAL");
	ro = reopen_rdonly(fd);
	ok_errno(EPERM, fcntl(ro, F_ADD_SEALS, F_SEAL_GROW),
		 "through a read-only descriptor: EPERM");
	ok_errno(EPERM, fcntl(ro, F_ADD_SEALS, 0x100), "EPERM comes before the check of the seals");
	ok_eq(0, fcntl(ro, F_GET_SEALS), "F_GET_SEALS needs no write access");
	pipe(p);
	ok_errno(EINVAL, fcntl(p[0], F_GET_SEALS), "F_GET_SEALS of a pipe: EINVAL");
	ok_errno(EPERM, fcntl(p[0], F_ADD_SEALS, F_SEAL_GROW),
		 "F_ADD_SEALS of a pipe's read end: EPERM");
	ok_errno(EINVAL, fcntl(p[1], F_ADD_SEALS, F_SEAL_GROW), "... of its write end: EINVAL");
	ok_eq(0, fcntl(fd, F_ADD_SEALS, F_SEAL_GROW), "F_SEAL_GROW");
	ok_eq(0, fcntl(fd, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK),
	      "adding a seal again is fine");
	ok_eq(F_SEAL_GROW | F_SEAL_SHRINK, fcntl(ro, F_GET_SEALS), "the seals are the inode's");
	ok_eq(0, fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL), "F_SEAL_SEAL");
	ok_errno(EPERM, fcntl(fd, F_ADD_SEALS, 0),
		 "then nothing may be added, not even none: EPERM");
	ok_errno(EINVAL, fcntl(fd, F_ADD_SEALS, 0x100), "an unknown seal is still EINVAL");
	close(p[0]);
	close(p[1]);
	close(ro);
	close(fd);
	close(sealed);
}

static void test_shrink_grow(void)
{
	int fd = memfd_create("sg", MFD_ALLOW_SEALING);
	char buf[3 * 4096];

	ftruncate(fd, 10);
	fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK);
	ok_errno(EPERM, ftruncate(fd, 5), "F_SEAL_SHRINK: ftruncate smaller: EPERM");
	ok_eq(0, ftruncate(fd, 10), "to the same size: fine");
	ok_eq(0, ftruncate(fd, P + 100), "larger: fine");
	ok_eq(0, fcntl(fd, F_ADD_SEALS, F_SEAL_GROW), "F_SEAL_GROW");
	ok_errno(EPERM, ftruncate(fd, 2 * P), "ftruncate larger: EPERM");
	ok_errno(EPERM, pwrite(fd, "x", 1, P + 100), "a write past the end: EPERM");
	ok_eq(2, pwrite(fd, "xy", 2, P + 98), "a write up to the end: fine");
	memset(buf, 'z', sizeof(buf));
	ok_eq(P - 10, pwrite(fd, buf, sizeof(buf), 10),
	      "a long write stops at the page that would grow it");
	ok_errno(EPERM, pwrite(fd, buf, sizeof(buf), P + 10),
		 "one that starts in the last page: EPERM (the page's part would grow it)");
	ok_errno(EPERM, fallocate(fd, 0, 0, 2 * P), "fallocate growing it: EPERM");
	ok_errno(EPERM, fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, 2 * P), "even with KEEP_SIZE: EPERM");
	ok_eq(0, fallocate(fd, 0, 0, P + 100), "fallocate within it: fine");
	ok_eq(0, fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, P),
	      "a hole: fine (it changes no size)");
	close(fd);
}

/* The child holds its own writable shared mapping until told to go. */
static void test_write_busy_in_child(int fd, char *shared)
{
	int go[2], status;
	pid_t pid;

	pipe(go);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char c;

		read(go[0], &c, 1);
		_exit(0);
	}
	munmap(shared, P);
	ok_errno(EBUSY, fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE),
		 "F_SEAL_WRITE while a child still maps it shared: EBUSY");
	write(go[1], "x", 1);
	waitpid(pid, &status, 0);
	close(go[0]);
	close(go[1]);
}

static void test_seal_write(void)
{
	int fd = memfd_create("w", MFD_ALLOW_SEALING);
	char buf[4], *rw, *r, *priv;

	ftruncate(fd, 2 * P);
	write(fd, "data", 4);
	rw = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ok_errno(EBUSY, fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE),
		 "F_SEAL_WRITE while a writable shared mapping exists: EBUSY");
	mprotect(rw, P, PROT_READ);
	ok_errno(EBUSY, fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE),
		 "... even mprotected read-only: it may become writable again");
	test_write_busy_in_child(fd, rw);
	priv = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	ok_eq(0, fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), "with only a private mapping: sealed");

	ok_errno(EPERM, write(fd, "x", 1), "write: EPERM");
	ok_errno(EPERM, pwrite(fd, "x", 1, 0), "pwrite: EPERM");
	ok_eq(0, write(fd, "", 0), "a write of nothing: 0");
	ok(mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED && errno == EPERM,
	   "a writable shared mapping: EPERM");
	r = mmap(NULL, P, PROT_READ, MAP_SHARED, fd, 0);
	ok(r != MAP_FAILED && !memcmp(r, "data", 4), "a read-only shared mapping is fine");
	ok_errno(EACCES, mprotect(r, P, PROT_READ | PROT_WRITE),
		 "but it can never be made writable: EACCES");
	ok_eq(0, mprotect(priv, P, PROT_READ | PROT_WRITE), "a private mapping stays writable");
	priv[0] = 'P';
	ok(pread(fd, buf, 4, 0) == 4 && !memcmp(buf, "data", 4), "and its writes are its own copy");
	ok_errno(EPERM, fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, P),
		 "punching a hole: EPERM");
	ok_eq(0, fallocate(fd, 0, 0, 4 * P), "fallocate may still grow it");
	ok_eq(0, ftruncate(fd, P), "and ftruncate may still shrink it");
	ok_eq(F_SEAL_WRITE, fcntl(fd, F_GET_SEALS), "F_GET_SEALS: F_SEAL_WRITE");
	munmap(r, P);
	munmap(priv, P);
	close(fd);
}

static void test_seal_future_write(void)
{
	int fd = memfd_create("fw", MFD_ALLOW_SEALING);
	char buf[4] = { 0 }, *old, *r;

	ftruncate(fd, P);
	old = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ok_eq(0, fcntl(fd, F_ADD_SEALS, F_SEAL_FUTURE_WRITE),
	      "F_SEAL_FUTURE_WRITE, with a writable shared mapping: fine");
	ok_errno(EPERM, write(fd, "x", 1), "write: EPERM");
	old[0] = 'o';
	ok(pread(fd, buf, 1, 0) == 1 && buf[0] == 'o', "the old mapping still writes");
	ok(mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED && errno == EPERM,
	   "a new writable shared mapping: EPERM");
	r = mmap(NULL, P, PROT_READ, MAP_SHARED, fd, 0);
	ok(r != MAP_FAILED && r[0] == 'o', "a read-only one is fine");
	ok_errno(EACCES, mprotect(r, P, PROT_READ | PROT_WRITE),
		 "and may not become writable: EACCES");
	ok_errno(EACCES, madvise(r, P, MADV_REMOVE),
		 "nor punch a hole through MADV_REMOVE: EACCES");
	ok_errno(EBUSY, fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE),
		 "F_SEAL_WRITE now: EBUSY, the old mapping is writable");
	munmap(old, P);
	ok_eq(0, fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), "once it is gone: fine");
	ok_eq(F_SEAL_FUTURE_WRITE | F_SEAL_WRITE, fcntl(fd, F_GET_SEALS), "both seals");
	munmap(r, P);
	close(fd);
}

int main(void)
{
	test_create_errors();
	test_the_file();
	test_seal_calls();
	test_shrink_grow();
	test_seal_write();
	test_seal_future_write();
	return tap_done();
}
