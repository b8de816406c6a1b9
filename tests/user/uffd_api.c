// SPDX-License-Identifier: GPL-2.0
/*
 * Making a userfaultfd and agreeing on its API, as Linux 6.1 answers:
 * userfaultfd(2)'s flags and errno, /dev/userfaultfd and its one ioctl,
 * UFFDIO_API's version, features and ioctls (once only), what the file
 * does before and after the API (read, poll, write, pread, lseek, fstat),
 * and vm.unprivileged_userfaultfd (0 on Debian; everything here runs as
 * root, which may always handle kernel faults).
 */
#define _GNU_SOURCE
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "tap.h"
#include "uffdlib.h"

/* All of 6.1's features, and the ioctls UFFDIO_API reports. */
#define ALL_FEATURES	0x1fffULL
#define API_IOCTLS	((1ULL << 0x3F) | (1ULL << 0x00) | (1ULL << 0x01))

static void test_syscall_flags(void)
{
	int fd;

	ok_errno(EINVAL, uffd_create(8), "an unknown flag: EINVAL");
	ok_errno(EINVAL, uffd_create(O_RDWR), "O_RDWR: EINVAL");
	fd = uffd_create(O_CLOEXEC | O_NONBLOCK);
	ok(fd >= 0, "O_CLOEXEC | O_NONBLOCK: a uffd");
	ok_eq(FD_CLOEXEC, fcntl(fd, F_GETFD), "close-on-exec set");
	ok_eq(O_RDONLY | O_NONBLOCK, fcntl(fd, F_GETFL), "opened read-only, non-blocking");
	close(fd);
	fd = uffd_create(UFFD_USER_MODE_ONLY);
	ok(fd >= 0, "UFFD_USER_MODE_ONLY: a uffd");
	ok_eq(0, fcntl(fd, F_GETFD), "no close-on-exec");
	ok_eq(O_RDONLY, fcntl(fd, F_GETFL), "read-only");
	close(fd);
}

static void test_file(void)
{
	struct pollfd pfd = { .events = POLLIN };
	struct uffd_msg msg;
	struct stat st;
	int fd = uffd_create(0);
	char c;

	ok_eq(0, fstat(fd, &st), "fstat of a uffd");
	ok(st.st_mode == 0600 && st.st_nlink == 1 && st.st_size == 0,
	   "an anonymous inode: mode 0600 without a type, one link, empty");
	ok_errno(EINVAL, read(fd, &msg, sizeof(msg)), "read before UFFDIO_API: EINVAL");
	ok_errno(EINVAL, ioctl(fd, UFFDIO_WAKE, &msg), "another ioctl before the API: EINVAL");
	pfd.fd = fd;
	ok_eq(1, poll(&pfd, 1, 0), "poll before the API: ready ...");
	ok_eq(POLLERR, pfd.revents, "... with POLLERR");
	ok_errno(EBADF, write(fd, &msg, sizeof(msg)), "write: EBADF (read-only)");
	ok_errno(ESPIPE, pread(fd, &msg, sizeof(msg), 0), "pread: ESPIPE");
	ok_eq(0, lseek(fd, 100, SEEK_SET), "lseek: 0, nothing moves");
	close(fd);

	fd = uffd_open(0, 0);
	pfd.fd = fd;
	ok_eq(1, poll(&pfd, 1, 0), "poll of a blocking uffd: POLLERR, whatever is queued");
	ok_eq(POLLERR, pfd.revents, "(a read could still block)");
	ok_errno(EINVAL, read(fd, &c, 1), "a read of less than a message: EINVAL");
	fcntl(fd, F_SETFL, O_NONBLOCK);
	ok_eq(0, poll(&pfd, 1, 0), "non-blocking, nothing queued: not ready");
	ok_errno(EAGAIN, read(fd, &msg, sizeof(msg)), "and a read: EAGAIN");
	ok_errno(EINVAL, ioctl(fd, 0x1234, 0), "an unknown ioctl: EINVAL");
	ok_errno(EINVAL, ioctl(fd, _IOWR(0xAA, 0x05, struct uffdio_range), 0),
		 "an unknown UFFDIO number: EINVAL");
	close(fd);
}

static void test_api(void)
{
	struct uffdio_api api = { .api = 0xAB, .features = 0, .ioctls = 7 };
	int fd = uffd_create(0);

	ok_errno(EINVAL, ioctl(fd, UFFDIO_API, &api), "API version 0xAB: EINVAL");
	ok(api.api == 0 && api.features == 0 && api.ioctls == 0, "and the structure zeroed");
	api = (struct uffdio_api){ .api = UFFD_API, .features = 1ULL << 13 };
	ok_errno(EINVAL, ioctl(fd, UFFDIO_API, &api), "an unknown feature: EINVAL");
	ok(api.api == 0 && api.features == 0, "zeroed again");
	ok_errno(EFAULT, ioctl(fd, UFFDIO_API, NULL), "a NULL structure: EFAULT");
	api = (struct uffdio_api){ .api = UFFD_API, .features = UFFD_FEATURE_THREAD_ID };
	ok_eq(0, ioctl(fd, UFFDIO_API, &api), "UFFD_API with THREAD_ID: accepted");
	ok_eq(UFFD_API, api.api, "the version stays");
	ok_eq(ALL_FEATURES, api.features, "every feature of 6.1 is offered");
	ok_eq(API_IOCTLS, api.ioctls, "ioctls: API, REGISTER, UNREGISTER");
	api = (struct uffdio_api){ .api = UFFD_API };
	ok_errno(EINVAL, ioctl(fd, UFFDIO_API, &api), "a second UFFDIO_API: EINVAL");
	ok(api.features == 0 && api.ioctls == 0, "and zeroed");
	close(fd);

	fd = uffd_create(0);
	api = (struct uffdio_api){ .api = UFFD_API, .features = ALL_FEATURES };
	ok_eq(0, ioctl(fd, UFFDIO_API, &api), "all features at once: accepted");
	close(fd);
}

static void test_dev(void)
{
	struct uffdio_api api = { .api = UFFD_API };
	struct stat st;
	int dev, fd;

	ok_eq(0, stat("/dev/userfaultfd", &st), "/dev/userfaultfd exists");
	ok(S_ISCHR(st.st_mode) && (st.st_mode & 07777) == 0600,
	   "a character device, mode 0600");
	ok(major(st.st_rdev) == 10, "a misc device (major 10)");
	dev = open("/dev/userfaultfd", O_RDWR | O_CLOEXEC);
	ok(dev >= 0, "opened");
	fd = ioctl(dev, USERFAULTFD_IOC_NEW, O_CLOEXEC | O_NONBLOCK);
	ok(fd >= 0, "USERFAULTFD_IOC_NEW: a new uffd");
	ok_eq(O_RDONLY | O_NONBLOCK, fcntl(fd, F_GETFL), "with the flags asked for");
	ok_eq(0, ioctl(fd, UFFDIO_API, &api), "which takes the API");
	close(fd);
	ok_errno(EINVAL, ioctl(dev, USERFAULTFD_IOC_NEW, 8), "an unknown flag: EINVAL");
	ok_errno(EINVAL, ioctl(dev, _IO(0xAA, 0x01), 0), "another ioctl: EINVAL");
	ok_errno(EINVAL, read(dev, &api, sizeof(api)), "read: EINVAL");
	close(dev);
}

static void test_sysctl(void)
{
	char buf[16] = "";
	int fd = open("/proc/sys/vm/unprivileged_userfaultfd", O_RDONLY);

	ok(fd >= 0 && read(fd, buf, sizeof(buf) - 1) == 2 && !strcmp(buf, "0\n"),
	   "vm.unprivileged_userfaultfd reads 0");
	close(fd);
}

int main(void)
{
	test_syscall_flags();
	test_file();
	test_api();
	test_dev();
	test_sysctl();
	return tap_done();
}
