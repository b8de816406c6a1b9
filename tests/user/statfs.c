// SPDX-License-Identifier: GPL-2.0
/*
 * statfs(2) and fstatfs(2) for each file system a test program meets:
 * the rootfs (tmpfs, with /tmp in it), procfs, sysfs, pipes, and their
 * errors.
 * The magic numbers and fixed fields must match Linux 6.1's exactly.
 * A tmpfs's size and inode counts come from the amount of RAM each
 * kernel counts, which differs, so they are checked by how they move:
 * one inode per file (and per hard link), one block per page written or
 * fallocated.
 */
#define _GNU_SOURCE		/* O_PATH */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include "tap.h"

#define TMPFS_MAGIC		0x01021994
#define PROC_SUPER_MAGIC	0x9fa0
#define PIPEFS_MAGIC		0x50495045
#define ST_VALID		0x0020	/* musl has ST_RELATIME, not ST_VALID */
#define KERNEL_PTR		((void *)0xffff888000000000UL)
#define F			"/tmp/faultline-statfs"

/* The fields every file system fills the same way on both kernels. */
static void check_fixed(const char *what, const struct statfs *s, long type, long flags)
{
	ok_eq(type, s->f_type, "%s: f_type", what);
	ok_eq(4096, s->f_bsize, "%s: f_bsize is the page size", what);
	ok_eq(4096, s->f_frsize, "%s: f_frsize is f_bsize", what);
	ok_eq(255, s->f_namelen, "%s: f_namelen is NAME_MAX", what);
	ok_eq(flags, s->f_flags, "%s: f_flags", what);
}

/* A file system without limits reports no counts and no fsid. */
static void check_unlimited(const char *what, const struct statfs *s)
{
	ok(!s->f_blocks && !s->f_bfree && !s->f_bavail && !s->f_files && !s->f_ffree,
	   "%s: no block or inode counts", what);
	ok(!s->f_fsid.__val[0] && !s->f_fsid.__val[1], "%s: f_fsid is 0", what);
}

/* The rootfs: a tmpfs with Linux's default limits, mounted by the kernel (no relatime). */
static void test_rootfs(void)
{
	struct statfs s, t;

	ok_eq(0, statfs("/", &s), "statfs /");
	check_fixed("/", &s, TMPFS_MAGIC, ST_VALID);
	ok(s.f_blocks > 0 && s.f_bfree <= s.f_blocks && s.f_bavail == s.f_bfree,
	   "/: a size limit, with bavail = bfree <= blocks");
	ok(s.f_files > 0 && s.f_ffree < s.f_files, "/: an inode limit, some inodes in use");
	ok(s.f_fsid.__val[0] || s.f_fsid.__val[1], "/: a tmpfs has an fsid");
	ok_eq(0, statfs("/tmp", &t), "statfs /tmp");
	ok(t.f_fsid.__val[0] == s.f_fsid.__val[0] && t.f_fsid.__val[1] == s.f_fsid.__val[1] &&
	   t.f_blocks == s.f_blocks, "/tmp is the same file system as /");
}

/* Creating, linking, writing and removing move the counts by exactly that much. */
static void test_tmpfs_counts(void)
{
	char page[4096] = { 1 };
	struct statfs a, b;
	int fd;

	unlink(F);
	unlink(F "-link");
	statfs("/tmp", &a);
	fd = open(F, O_CREAT | O_RDWR, 0644);
	statfs("/tmp", &b);
	ok_eq(a.f_ffree - 1, b.f_ffree, "a new file takes one inode");
	ok_eq(a.f_bfree, b.f_bfree, "and no block while empty");
	for (int i = 0; i < 3; i++)
		write(fd, page, sizeof(page));
	statfs("/tmp", &b);
	ok_eq(a.f_bfree - 3, b.f_bfree, "three pages written take three blocks");
	ftruncate(fd, 100000);
	statfs("/tmp", &b);
	ok_eq(a.f_bfree - 3, b.f_bfree, "a hole made by ftruncate takes none");
	link(F, F "-link");
	statfs("/tmp", &b);
	ok_eq(a.f_ffree - 2, b.f_ffree, "a hard link takes an inode slot too");
	unlink(F "-link");
	statfs("/tmp", &b);
	ok_eq(a.f_ffree - 1, b.f_ffree, "removing the link gives it back");
	unlink(F);
	statfs("/tmp", &b);
	ok_eq(a.f_bfree - 3, b.f_bfree, "an unlinked file still open keeps its blocks");
	close(fd);
	statfs("/tmp", &b);
	ok(b.f_bfree == a.f_bfree && b.f_ffree == a.f_ffree, "closing it gives back blocks and inode");
}

/*
 * fallocate on the rootfs: its pages count as blocks, and a range larger
 * than the whole file system fails at once with ENOSPC, taking nothing.
 * A file of a mounted tmpfs is sealed against sealing (F_SEAL_SEAL).
 */
static void test_tmpfs_fallocate(void)
{
	struct statfs a, b;
	int fd = open(F, O_CREAT | O_RDWR | O_TRUNC, 0644);

	statfs("/tmp", &a);
	ok_eq(0, fallocate(fd, 0, 0, 5 * 4096), "fallocate of five pages");
	statfs("/tmp", &b);
	ok_eq(a.f_bfree - 5, b.f_bfree, "takes five blocks");
	ok_eq(0, fallocate(fd, 3, 4096, 2 * 4096), "a hole of two pages (PUNCH_HOLE | KEEP_SIZE)");
	statfs("/tmp", &b);
	ok_eq(a.f_bfree - 3, b.f_bfree, "gives two back");
	errno = 0;
	ok(fallocate(fd, 1, 0, (long)(a.f_blocks + 1) * 4096) == -1 && errno == ENOSPC,
	   "a range larger than the file system: ENOSPC");
	statfs("/tmp", &b);
	ok_eq(a.f_bfree - 3, b.f_bfree, "and nothing taken");
	ok_eq(1, fcntl(fd, F_GET_SEALS), "a rootfs file's seals: F_SEAL_SEAL");
	errno = 0;
	ok(fcntl(fd, F_ADD_SEALS, 4) == -1 && errno == EPERM, "so no seal can be added: EPERM");
	close(fd);
	unlink(F);
}

static void test_procfs(void)
{
	struct statfs s;
	int fd;

	ok_eq(0, statfs("/proc", &s), "statfs /proc");
	check_fixed("/proc", &s, PROC_SUPER_MAGIC, ST_VALID | ST_RELATIME);
	check_unlimited("/proc", &s);
	ok_eq(0, statfs("/proc/self/status", &s), "statfs of a file in /proc");
	ok_eq(PROC_SUPER_MAGIC, s.f_type, "/proc/self/status: procfs");
	fd = open("/proc/meminfo", O_RDONLY);
	ok_eq(0, fstatfs(fd, &s), "fstatfs of an open /proc file");
	check_fixed("fstatfs /proc/meminfo", &s, PROC_SUPER_MAGIC, ST_VALID | ST_RELATIME);
	close(fd);
	ok_eq(0, statfs("/proc/self/cwd", &s), "statfs follows a magic link");
	ok_eq(TMPFS_MAGIC, s.f_type, "/proc/self/cwd is the rootfs");
}

static void test_sysfs(void)
{
	struct statfs s;

	ok_eq(0, statfs("/sys", &s), "statfs /sys");
	check_fixed("/sys", &s, 0x62656572 /* SYSFS_MAGIC */, ST_VALID | ST_RELATIME);
	check_unlimited("/sys", &s);
}

/* pipefs is a kernel mount: no relatime, no counts. */
static void test_pipe(void)
{
	struct statfs s;
	int p[2];

	pipe(p);
	ok_eq(0, fstatfs(p[0], &s), "fstatfs of a pipe");
	check_fixed("pipe", &s, PIPEFS_MAGIC, ST_VALID);
	check_unlimited("pipe", &s);
	close(p[0]);
	close(p[1]);
}

static void test_errors(void)
{
	struct statfs s;
	int fd;

	ok_errno(ENOENT, statfs("/no/such/dir", &s), "a missing path: ENOENT");
	ok_errno(ENOENT, statfs("", &s), "an empty path: ENOENT");
	ok_errno(ENOTDIR, statfs("/proc/self/status/x", &s), "through a file: ENOTDIR");
	ok_errno(EFAULT, statfs((char *)1, &s), "a bad path pointer: EFAULT");
	/* musl's statfs() writes the buffer itself first: call the kernel directly. */
	ok_errno(EFAULT, syscall(SYS_statfs, "/", (void *)1), "a bad buffer: EFAULT");
	ok_errno(EFAULT, syscall(SYS_statfs, "/", KERNEL_PTR), "a kernel buffer: EFAULT");
	ok_errno(EFAULT, syscall(SYS_fstatfs, 0, (void *)1), "fstatfs to a bad buffer: EFAULT");
	ok_errno(EBADF, fstatfs(99, &s), "fstatfs of a closed descriptor: EBADF");
	ok_errno(EBADF, fstatfs(-1, &s), "fstatfs of -1: EBADF");
	fd = open("/proc", O_PATH);
	ok_eq(0, fstatfs(fd, &s), "fstatfs of an O_PATH descriptor works");
	ok_eq(PROC_SUPER_MAGIC, s.f_type, "and names its file system");
	close(fd);
}

int main(void)
{
	test_rootfs();
	test_tmpfs_counts();
	test_tmpfs_fallocate();
	test_procfs();
	test_sysfs();
	test_pipe();
	test_errors();
	return tap_done();
}
