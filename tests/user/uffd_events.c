// SPDX-License-Identifier: GPL-2.0
/*
 * userfaultfd's non-cooperative events as Linux 6.1 sends them: fork
 * (the monitor gets a new uffd for the child, whose faults come there),
 * mremap (REMAP: from, to, len; the range stays registered; then UNMAP of
 * the old range), MADV_DONTNEED
 * (REMOVE) and munmap (UNMAP: start, end). The process that causes an
 * event waits until the monitor has read it, and until then fills are
 * refused with EAGAIN.
 *
 * The monitor is a child forked before any range is registered (a fork
 * with a registered range would wait for a FORK event nobody reads).
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include "tap.h"
#include "proclib.h"
#include "uffdlib.h"

#define FEATURES (UFFD_FEATURE_EVENT_FORK | UFFD_FEATURE_EVENT_REMAP | \
		  UFFD_FEATURE_EVENT_REMOVE | UFFD_FEATURE_EVENT_UNMAP)

/* What the monitor tells the test: an event, or the result of a fill. */
struct report {
	uint8_t event;
	int64_t a, b, c;	/* offsets from the area, or ioctl results */
};

static char *area;
static int rep[2];

static void send_report(uint8_t event, int64_t a, int64_t b, int64_t c)
{
	struct report r = { event, a, b, c };

	if (write(rep[1], &r, sizeof(r)) != sizeof(r))
		_exit(3);
}

static struct report take_report(void)
{
	struct report r = { 0 };

	if (read(rep[0], &r, sizeof(r)) != sizeof(r))
		r.event = 0xff;
	return r;
}

/* Wait (poll) for a message on fd, and read it. */
static int next_msg(int fd, struct uffd_msg *msg)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };

	if (poll(&pfd, 1, -1) != 1)
		return -1;
	return uffd_read_msg(fd, msg);
}

/*
 * The monitor: a FORK (trying a COPY first, while it is pending), the
 * child's fault on the new uffd, then REMAP, REMOVE and UNMAP, each
 * reported back through the pipe.
 */
static void monitor(int uffd)
{
	static char src[P] __attribute__((aligned(4096)));
	struct uffd_msg msg;
	int64_t copied;
	int cfd, ret;

	struct pollfd pfd = { .fd = uffd, .events = POLLIN };

	memset(src, 'f', P);
	/* The FORK event is queued, unread: a COPY now is refused. */
	if (poll(&pfd, 1, -1) != 1)
		_exit(1);
	ret = uffd_copy(uffd, area, src, P, 0, &copied);
	send_report(0, ret ? -errno : 0, copied, 0);
	if (uffd_read_msg(uffd, &msg))
		_exit(1);
	send_report(msg.event, msg.event == UFFD_EVENT_FORK && (int)msg.arg.fork.ufd > 2, 0, 0);
	cfd = (int)msg.arg.fork.ufd;
	if (next_msg(cfd, &msg))
		_exit(2);
	ret = uffd_copy(cfd, (void *)(uintptr_t)msg.arg.pagefault.address, src, P, 0, &copied);
	send_report(msg.event, (int64_t)msg.arg.pagefault.address - (intptr_t)area, ret, 0);
	close(cfd);
	for (int i = 0; i < 4; i++) {
		if (next_msg(uffd, &msg))
			_exit(4);
		send_report(msg.event, (int64_t)msg.arg.reserved.reserved1 - (intptr_t)area,
			    (int64_t)msg.arg.reserved.reserved2 - (intptr_t)area,
			    (int64_t)msg.arg.reserved.reserved3);
		if (msg.event == UFFD_EVENT_REMAP)
			area = (char *)(uintptr_t)msg.arg.remap.to;
	}
	_exit(0);
}

static void test_fork(int uffd)
{
	struct report r;
	pid_t child;

	fflush(stdout);
	child = fork();
	if (child == 0)
		_exit(vma_has_flag("um", area) ? area[0] : 1);
	r = take_report();
	ok(r.a == -EAGAIN && r.b == 12345,
	   "while the FORK event is unread, a COPY is EAGAIN (copy untouched)");
	r = take_report();
	ok(r.event == UFFD_EVENT_FORK && r.a == 1, "fork: a FORK event with the child's new uffd");
	r = take_report();
	ok(r.event == UFFD_EVENT_PAGEFAULT && r.a == 0 && r.b == 0,
	   "the child's fault came on the new uffd and was served there");
	ok_eq('f', wait_status(child), "the child is registered and reads the monitor's page");
	ok_eq(0, vma_field(area, "Rss:"), "the parent's page is still missing");
	(void)uffd;
}

static void test_remap_remove_unmap(void)
{
	char *to = mmap(NULL, 8 * P, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct report r;
	char *moved;

	munmap(to, 8 * P);
	moved = mremap(area, 4 * P, 4 * P, MREMAP_MAYMOVE | MREMAP_FIXED, to);
	ok(moved == to, "mremap the registered range");
	r = take_report();
	ok(r.event == UFFD_EVENT_REMAP && r.a == 0 && r.b == to - area && r.c == 4 * P,
	   "REMAP: from, to, len");
	r = take_report();
	ok(r.event == UFFD_EVENT_UNMAP && r.a == area - moved && r.b == area + 4 * P - moved,
	   "then UNMAP of the old range (offsets now from the new place)");
	ok(vma_has_flag("um", moved), "the range stays registered where it went");
	area = moved;
	ok_eq(0, madvise(area + P, P, MADV_DONTNEED), "MADV_DONTNEED a page");
	r = take_report();
	ok(r.event == UFFD_EVENT_REMOVE && r.a == P && r.b == 2 * P, "REMOVE: start, end");
	ok_eq(0, munmap(area + 2 * P, 2 * P), "munmap two pages");
	r = take_report();
	ok(r.event == UFFD_EVENT_UNMAP && r.a == 2 * P && r.b == 4 * P, "UNMAP: start, end");
}

/* Without the features: no events, and mremap leaves the registration behind. */
static void test_without_features(void)
{
	char *a = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *to = mmap(NULL, 2 * P, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int uffd = uffd_open(0, 0);
	char *moved;

	uffd_register(uffd, a, 2 * P, UFFDIO_REGISTER_MODE_MISSING, NULL);
	munmap(to, 2 * P);
	moved = mremap(a, 2 * P, 2 * P, MREMAP_MAYMOVE | MREMAP_FIXED, to);
	ok(moved == to && !vma_has_flag("um", moved),
	   "no EVENT_REMAP: the moved range is not registered");
	ok_eq(0, madvise(moved, P, MADV_DONTNEED), "no EVENT_REMOVE: DONTNEED just happens");
	ok_eq(0, munmap(moved, 2 * P), "no EVENT_UNMAP: munmap just happens");
	close(uffd);
}

int main(void)
{
	int uffd = uffd_open(O_NONBLOCK, FEATURES);
	pid_t mon;

	if (pipe(rep))
		return 1;
	area = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(uffd >= 0, "a uffd with EVENT_FORK, REMAP, REMOVE, UNMAP");
	fflush(stdout);
	mon = fork();
	if (mon == 0)
		monitor(uffd);
	ok_eq(0, uffd_register(uffd, area, 4 * P, UFFDIO_REGISTER_MODE_MISSING, NULL),
	      "four pages registered");
	test_fork(uffd);
	test_remap_remove_unmap();
	ok_eq(0, wait_status(mon), "the monitor saw every event");
	close(uffd);
	test_without_features();
	return tap_done();
}
