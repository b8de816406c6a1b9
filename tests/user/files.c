// SPDX-License-Identifier: GPL-2.0
/*
 * Files and directories at their edges, as Linux answers: what O_TRUNC
 * and F_GETFL do, positions that overflow, SEEK_DATA/SEEK_HOLE, which
 * error comes first, modes that chown and mkdir leave, and a directory
 * removed while it is still the working directory (nothing can be made
 * in it, and it lists as gone).
 */
#define _GNU_SOURCE		/* O_PATH, SEEK_DATA */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "tap.h"

#define F "/tmp/faultline-files"
#define D "/tmp/faultline-files-dir"
#define KERNEL_PTR	((void *)0xffff888000000000UL)

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -1 : (long)st.st_size;
}

static void test_open_flags(void)
{
	int fd = open(F, O_CREAT | O_EXCL | O_TRUNC | O_NOCTTY | O_CLOEXEC | O_RDWR, 0644);

	ok_eq(0x8002, fcntl(fd, F_GETFL), "F_GETFL: O_RDWR|O_LARGEFILE, not the open-time flags");
	write(fd, "hello", 5);
	close(fd);
	fd = open(F, O_RDONLY | O_TRUNC);
	ok(fd >= 0 && file_size(F) == 0, "O_TRUNC truncates even a file opened O_RDONLY");
	close(fd);
	ok_errno(EISDIR, open("/tmp", O_RDONLY | O_TRUNC), "O_TRUNC on a directory: EISDIR");
	fd = open("/tmp", O_PATH);
	ok_eq(O_PATH, fcntl(fd, F_GETFL), "an O_PATH descriptor's F_GETFL is O_PATH");
	close(fd);
}

static void test_positions(void)
{
	int fd = open(F, O_RDWR | O_TRUNC);
	char buf[16];

	write(fd, "abc", 3);
	ok_errno(EINVAL, pwrite(fd, buf, sizeof(buf), LLONG_MAX - 1), "pwrite whose end passes LLONG_MAX: EINVAL");
	ok_errno(EINVAL, pread(fd, buf, sizeof(buf), LLONG_MAX - 1), "pread likewise: EINVAL");
	ok_errno(EINVAL, pread(fd, buf, 1, -1), "a negative position: EINVAL");
	ok_eq(3, file_size(F), "and the file is untouched");
	ok_eq(1, lseek(fd, 1, SEEK_DATA), "SEEK_DATA inside the file: the offset itself");
	ok_eq(3, lseek(fd, 1, SEEK_HOLE), "SEEK_HOLE: the end of the file");
	ok_errno(ENXIO, lseek(fd, 3, SEEK_DATA), "SEEK_DATA at the end: ENXIO");
	close(fd);
	fd = open(F, O_WRONLY);
	ok_errno(EBADF, syscall(SYS_read, fd, KERNEL_PTR, 1), "read on a write-only fd: EBADF before the bad buffer");
	close(fd);
	ok_errno(EBADF, syscall(SYS_getdents64, 999, KERNEL_PTR, 4096), "getdents64 of a bad fd: EBADF before the buffer");
	ok_errno(ENOENT, readlink("", buf, sizeof(buf)), "readlink of an empty path: ENOENT");
}

static void test_modes(void)
{
	struct stat st;
	mode_t old = umask(0);

	chmod(F, 06755);
	chown(F, 0, 0);
	stat(F, &st);
	ok_eq(0755, st.st_mode & 07777, "chown clears set-user-ID and set-group-ID");
	rmdir(D);
	mkdir(D, 07777);
	stat(D, &st);
	ok_eq(01777, st.st_mode & 07777, "mkdir keeps only the permissions and the sticky bit");
	rmdir(D);
	umask(old);
	unlink(F);
}

static void test_removed_cwd(void)
{
	char buf[512];
	int fd;

	mkdir(D, 0755);
	chdir(D);
	fd = open(".", O_RDONLY | O_DIRECTORY);
	rmdir(D);
	ok_errno(ENOENT, open("x", O_CREAT | O_RDWR, 0644), "in a removed working directory, O_CREAT: ENOENT");
	ok_errno(ENOENT, mkdir("y", 0755), "and mkdir: ENOENT");
	ok_errno(ENOENT, syscall(SYS_getdents64, fd, buf, sizeof(buf)), "and listing it: ENOENT");
	close(fd);
	chdir("/");
}

int main(void)
{
	unlink(F);
	test_open_flags();
	test_positions();
	test_modes();
	test_removed_cwd();
	return tap_done();
}
