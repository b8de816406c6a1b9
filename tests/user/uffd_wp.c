// SPDX-License-Identifier: GPL-2.0
/*
 * userfaultfd's write protection as Linux 6.1 does it: UFFDIO_WRITEPROTECT
 * marks present pages (pagemap bit 57) so that a read goes through and a
 * write waits for the monitor (a PAGEFAULT with FLAG_WRITE | FLAG_WP);
 * lifting the protection wakes the writer; COPY_MODE_WP maps a page
 * protected; the bit survives mprotect, is dropped in a child forked
 * without UFFD_FEATURE_EVENT_FORK, and goes when the uffd is closed;
 * shared memory is protected the same way. Plus every errno.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include "tap.h"
#include "testlib.h"
#include "proclib.h"
#include "uffdlib.h"

#define WP_MODE	UFFDIO_WRITEPROTECT_MODE_WP

static int protected(const void *addr)
{
	return !!(pagemap_entry(addr) & PM_UFFD_WP);
}

static void test_errors(int uffd, char *a)
{
	char *plain = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct uffdio_writeprotect wp = { .range = { (uintptr_t)a, P }, .mode = 1 << 2 };

	ok_errno(EINVAL, ioctl(uffd, UFFDIO_WRITEPROTECT, &wp), "an unknown mode: EINVAL");
	ok_errno(EINVAL, uffd_wp(uffd, a, P, WP_MODE | UFFDIO_WRITEPROTECT_MODE_DONTWAKE),
		 "WP with DONTWAKE: EINVAL");
	ok_errno(EINVAL, uffd_wp(uffd, a + 1, P, WP_MODE), "unaligned: EINVAL");
	ok_errno(EINVAL, uffd_wp(uffd, a, 0, WP_MODE), "length 0: EINVAL");
	ok_errno(ENOENT, uffd_wp(uffd, plain, P, WP_MODE), "unregistered memory: ENOENT");
	ok_errno(EFAULT, ioctl(uffd, UFFDIO_WRITEPROTECT, NULL), "a NULL structure: EFAULT");
	uffd_register(uffd, plain, P, UFFDIO_REGISTER_MODE_MISSING, NULL);
	ok_errno(ENOENT, uffd_wp(uffd, plain, P, WP_MODE), "registered without WP: ENOENT");
	munmap(plain, P);
}

/* A monitor that lifts the protection of the page it hears of. */
static pid_t monitor_unprotect(int uffd, int report_fd)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct uffd_msg msg;

		if (uffd_read_msg(uffd, &msg))
			_exit(1);
		if (write(report_fd, &msg, sizeof(msg)) != sizeof(msg))
			_exit(2);
		_exit(uffd_wp(uffd, (void *)(uintptr_t)msg.arg.pagefault.address, P, 0) ? 3 : 0);
	}
	return pid;
}

static void test_protect(int uffd, char *a)
{
	struct uffd_msg msg;
	int p[2];
	pid_t mon;

	if (pipe(p))
		return;
	a[0] = 'x';
	a[P] = 'y';
	ok(!protected(a), "a written page: not protected");
	ok_eq(0, uffd_wp(uffd, a, 2 * P, WP_MODE), "WRITEPROTECT two pages");
	ok(protected(a) && protected(a + P), "pagemap: uffd-wp set on both");
	ok(!protected(a + 2 * P), "a missing page has none");
	ok_eq('x', a[0], "a read goes through");
	mon = monitor_unprotect(uffd, p[1]);
	a[P + 1] = 'z';
	ok_eq(0, wait_status(mon), "a write waited for the monitor, which lifted the protection");
	ok_eq(sizeof(msg), read(p[0], &msg, sizeof(msg)), "its message");
	ok(msg.event == UFFD_EVENT_PAGEFAULT &&
	   msg.arg.pagefault.flags == (UFFD_PAGEFAULT_FLAG_WRITE | UFFD_PAGEFAULT_FLAG_WP) &&
	   msg.arg.pagefault.address == (uintptr_t)a + P,
	   "PAGEFAULT, FLAG_WRITE | FLAG_WP, the page");
	ok(a[P] == 'y' && a[P + 1] == 'z', "the write went into the same page");
	ok(!protected(a + P) && protected(a), "only that page lost its protection");

	ok_eq(0, mprotect(a, P, PROT_READ), "mprotect the protected page read-only");
	ok_eq(0, mprotect(a, P, PROT_READ | PROT_WRITE), "and writable again");
	ok(protected(a), "still protected: mprotect keeps the bit");
	ok_eq(0, uffd_wp(uffd, a, P, 0), "lift it");
	ok(!protected(a), "pagemap: cleared");
	ok_eq(0, probe_sig(a, 1), "a write now just works");
	close(p[0]);
	close(p[1]);
}

static void test_copy_wp_and_fork(int uffd, char *a)
{
	static char src[P] __attribute__((aligned(4096)));
	int64_t copied;
	pid_t pid;

	memset(src, 'w', P);
	ok_eq(0, uffd_copy(uffd, a + 2 * P, src, P, UFFDIO_COPY_MODE_WP, &copied),
	      "COPY_MODE_WP into the missing page");
	ok(protected(a + 2 * P) && a[2 * P] == 'w', "it arrives protected");
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(protected(a + 2 * P) ? 1 : vma_has_flag("uw", a) ? 2 : 0);
	ok_eq(0, wait_status(pid), "a child (no EVENT_FORK) has neither the bit nor the range");
	ok(protected(a + 2 * P), "the parent keeps it");
}

static void test_shmem(int uffd)
{
	char *s = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	struct uffd_msg msg;
	int p[2];
	pid_t mon;

	if (pipe(p))
		return;
	s[0] = 'a';
	ok_eq(0, uffd_register(uffd, s, P, UFFDIO_REGISTER_MODE_WP, NULL),
	      "shared memory registered for WP");
	ok_eq(0, uffd_wp(uffd, s, P, WP_MODE), "its page protected");
	ok(protected(s), "pagemap: uffd-wp");
	mon = monitor_unprotect(uffd, p[1]);
	s[1] = 'b';
	ok_eq(0, wait_status(mon), "a write to it waited for the monitor");
	ok(read(p[0], &msg, sizeof(msg)) == sizeof(msg) &&
	   msg.arg.pagefault.flags == (UFFD_PAGEFAULT_FLAG_WRITE | UFFD_PAGEFAULT_FLAG_WP),
	   "with FLAG_WRITE | FLAG_WP");
	ok(s[0] == 'a' && s[1] == 'b', "then went in");
	munmap(s, P);
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	char *a = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int uffd = uffd_open(0, UFFD_FEATURE_PAGEFAULT_FLAG_WP);

	ok_eq(0, uffd_register(uffd, a, 4 * P, UFFDIO_REGISTER_MODE_WP, NULL),
	      "four pages registered for WP only");
	ok(vma_has_flag("uw", a) && !vma_has_flag("um", a), "VmFlags: uw, not um");
	test_errors(uffd, a);
	test_protect(uffd, a);
	test_copy_wp_and_fork(uffd, a);
	test_shmem(uffd);
	a[3 * P] = 1;
	uffd_wp(uffd, a + 3 * P, P, WP_MODE);
	ok(protected(a + 3 * P), "one more page protected");
	close(uffd);
	ok(!protected(a + 3 * P) && !protected(a + 2 * P), "closing the uffd lifts every protection");
	ok_eq(0, probe_sig(a + 3 * P, 1), "and writes go through");
	return tap_done();
}
