/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FAULTLINE_TESTS_USER_UFFDLIB_H
#define FAULTLINE_TESTS_USER_UFFDLIB_H

/*
 * userfaultfd for the user tests: musl ships no <linux/userfaultfd.h>,
 * so the ABI (Linux 6.1's) is spelled out here, with the few helpers the
 * uffd_* programs share. A monitor here is another process (fork): a
 * uffd acts on the address space that made it, whoever holds the
 * descriptor, and UFFDIO_COPY reads its source from the caller's own
 * memory, so a forked child can serve its parent's faults.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#define P 4096UL

#ifndef __NR_userfaultfd
#define __NR_userfaultfd 323
#endif

#define UFFD_API		((uint64_t)0xAA)
#define UFFD_USER_MODE_ONLY	1

#define UFFD_FEATURE_PAGEFAULT_FLAG_WP		(1 << 0)
#define UFFD_FEATURE_EVENT_FORK			(1 << 1)
#define UFFD_FEATURE_EVENT_REMAP		(1 << 2)
#define UFFD_FEATURE_EVENT_REMOVE		(1 << 3)
#define UFFD_FEATURE_MISSING_SHMEM		(1 << 5)
#define UFFD_FEATURE_EVENT_UNMAP		(1 << 6)
#define UFFD_FEATURE_SIGBUS			(1 << 7)
#define UFFD_FEATURE_THREAD_ID			(1 << 8)
#define UFFD_FEATURE_MINOR_SHMEM		(1 << 10)
#define UFFD_FEATURE_EXACT_ADDRESS		(1 << 11)

#define UFFDIO_REGISTER_MODE_MISSING	((uint64_t)1 << 0)
#define UFFDIO_REGISTER_MODE_WP		((uint64_t)1 << 1)
#define UFFDIO_REGISTER_MODE_MINOR	((uint64_t)1 << 2)

#define UFFD_EVENT_PAGEFAULT	0x12
#define UFFD_EVENT_FORK		0x13
#define UFFD_EVENT_REMAP	0x14
#define UFFD_EVENT_REMOVE	0x15
#define UFFD_EVENT_UNMAP	0x16

#define UFFD_PAGEFAULT_FLAG_WRITE	(1 << 0)
#define UFFD_PAGEFAULT_FLAG_WP		(1 << 1)
#define UFFD_PAGEFAULT_FLAG_MINOR	(1 << 2)

#define UFFDIO_COPY_MODE_DONTWAKE		((uint64_t)1 << 0)
#define UFFDIO_COPY_MODE_WP			((uint64_t)1 << 1)
#define UFFDIO_ZEROPAGE_MODE_DONTWAKE		((uint64_t)1 << 0)
#define UFFDIO_WRITEPROTECT_MODE_WP		((uint64_t)1 << 0)
#define UFFDIO_WRITEPROTECT_MODE_DONTWAKE	((uint64_t)1 << 1)
#define UFFDIO_CONTINUE_MODE_DONTWAKE		((uint64_t)1 << 0)

struct uffd_msg {
	uint8_t event;
	uint8_t reserved1;
	uint16_t reserved2;
	uint32_t reserved3;
	union {
		struct {
			uint64_t flags;
			uint64_t address;
			union {
				uint32_t ptid;
			} feat;
		} pagefault;
		struct {
			uint32_t ufd;
		} fork;
		struct {
			uint64_t from;
			uint64_t to;
			uint64_t len;
		} remap;
		struct {
			uint64_t start;
			uint64_t end;
		} remove;
		struct {
			uint64_t reserved1, reserved2, reserved3;
		} reserved;
	} arg;
} __attribute__((packed));

struct uffdio_api {
	uint64_t api, features, ioctls;
};
struct uffdio_range {
	uint64_t start, len;
};
struct uffdio_register {
	struct uffdio_range range;
	uint64_t mode, ioctls;
};
struct uffdio_copy {
	uint64_t dst, src, len, mode;
	int64_t copy;
};
struct uffdio_zeropage {
	struct uffdio_range range;
	uint64_t mode;
	int64_t zeropage;
};
struct uffdio_writeprotect {
	struct uffdio_range range;
	uint64_t mode;
};
struct uffdio_continue {
	struct uffdio_range range;
	uint64_t mode;
	int64_t mapped;
};

#define UFFDIO_API		_IOWR(0xAA, 0x3F, struct uffdio_api)
#define UFFDIO_REGISTER		_IOWR(0xAA, 0x00, struct uffdio_register)
#define UFFDIO_UNREGISTER	_IOR(0xAA, 0x01, struct uffdio_range)
#define UFFDIO_WAKE		_IOR(0xAA, 0x02, struct uffdio_range)
#define UFFDIO_COPY		_IOWR(0xAA, 0x03, struct uffdio_copy)
#define UFFDIO_ZEROPAGE		_IOWR(0xAA, 0x04, struct uffdio_zeropage)
#define UFFDIO_WRITEPROTECT	_IOWR(0xAA, 0x06, struct uffdio_writeprotect)
#define UFFDIO_CONTINUE		_IOWR(0xAA, 0x07, struct uffdio_continue)
#define USERFAULTFD_IOC_NEW	_IO(0xAA, 0x00)

static __attribute__((unused)) int uffd_create(int flags)
{
	return (int)syscall(__NR_userfaultfd, flags);
}

/* A uffd with the API done and features asked for; -1 on failure. */
static __attribute__((unused)) int uffd_open(int flags, uint64_t features)
{
	struct uffdio_api api = { .api = UFFD_API, .features = features };
	int fd = uffd_create(flags);

	if (fd < 0)
		return -1;
	if (ioctl(fd, UFFDIO_API, &api)) {
		close(fd);
		return -1;
	}
	return fd;
}

/* UFFDIO_REGISTER; returns the ioctl's result, the ioctls mask in *ioctls. */
static __attribute__((unused)) int uffd_register(int fd, void *start, unsigned long len,
						 uint64_t mode, uint64_t *ioctls)
{
	struct uffdio_register reg = {
		.range = { (uintptr_t)start, len }, .mode = mode,
	};
	int ret = ioctl(fd, UFFDIO_REGISTER, &reg);

	if (ioctls)
		*ioctls = reg.ioctls;
	return ret;
}

static __attribute__((unused)) int uffd_unregister(int fd, void *start, unsigned long len)
{
	struct uffdio_range range = { (uintptr_t)start, len };

	return ioctl(fd, UFFDIO_UNREGISTER, &range);
}

/* UFFDIO_COPY of len bytes; the copy field in *copied. */
static __attribute__((unused)) int uffd_copy(int fd, void *dst, const void *src,
					     unsigned long len, uint64_t mode, int64_t *copied)
{
	struct uffdio_copy c = {
		.dst = (uintptr_t)dst, .src = (uintptr_t)src, .len = len, .mode = mode,
		.copy = 12345,
	};
	int ret = ioctl(fd, UFFDIO_COPY, &c);

	if (copied)
		*copied = c.copy;
	return ret;
}

static __attribute__((unused)) int uffd_wp(int fd, void *start, unsigned long len,
					   uint64_t mode)
{
	struct uffdio_writeprotect wp = { .range = { (uintptr_t)start, len }, .mode = mode };

	return ioctl(fd, UFFDIO_WRITEPROTECT, &wp);
}

/* One message (blocking or not as the uffd is); 0, or -1 with errno. */
static __attribute__((unused)) int uffd_read_msg(int fd, struct uffd_msg *msg)
{
	ssize_t n = read(fd, msg, sizeof(*msg));

	return n == (ssize_t)sizeof(*msg) ? 0 : -1;
}

/* The state letter of /proc/<pid>/stat: S while asleep in a fault. */
static __attribute__((unused)) char proc_state(pid_t pid)
{
	char path[64], buf[512], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return '?';
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return '?';
	buf[n] = 0;
	p = strrchr(buf, ')');
	return p && p[1] && p[2] ? p[2] : '?';
}

/* The pagemap entry of addr in this process (bit 57: uffd-wp). */
static __attribute__((unused)) uint64_t pagemap_entry(const void *addr)
{
	uint64_t v = 0;
	int fd = open("/proc/self/pagemap", O_RDONLY);

	if (fd >= 0) {
		if (pread(fd, &v, sizeof(v), ((uintptr_t)addr / P) * sizeof(v)) != sizeof(v))
			v = 0;
		close(fd);
	}
	return v;
}
#define PM_UFFD_WP	((uint64_t)1 << 57)
#define PM_PRESENT	((uint64_t)1 << 63)

/* Wait for pid; its exit status, or 128 + the signal that ended it. */
static __attribute__((unused)) int wait_status(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

#endif
