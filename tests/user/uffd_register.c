// SPDX-License-Identifier: GPL-2.0
/*
 * UFFDIO_REGISTER and UFFDIO_UNREGISTER as Linux 6.1 answers them: every
 * bad argument's errno, which memory may be registered for what, the
 * ioctls each mode reports, and the VMAs: a registered range is a VMA of
 * its own (split off, with "um"/"uw"/"ui" in smaps' VmFlags), merges
 * only with neighbours of the same uffd, and merges back when
 * unregistered or when the uffd is closed.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include "tap.h"
#include "proclib.h"
#include "uffdlib.h"

#define MISSING		UFFDIO_REGISTER_MODE_MISSING
#define WP		UFFDIO_REGISTER_MODE_WP
#define MINOR		UFFDIO_REGISTER_MODE_MINOR
/* The range ioctls: WAKE, COPY, ZEROPAGE; WRITEPROTECT with WP, CONTINUE with MINOR. */
#define RANGE_BASIC	0x1cULL
#define RANGE_WP	(1ULL << 6)
#define RANGE_CONTINUE	(1ULL << 7)

static char *map_anon(unsigned long pages)
{
	return mmap(NULL, pages * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void test_errors(int uffd)
{
	char *a = map_anon(4);
	struct uffdio_register reg = { .range = { (uintptr_t)a, P }, .mode = 0 };

	ok_errno(EINVAL, ioctl(uffd, UFFDIO_REGISTER, &reg), "mode 0: EINVAL");
	reg.mode = 1 << 3;
	ok_errno(EINVAL, ioctl(uffd, UFFDIO_REGISTER, &reg), "an unknown mode: EINVAL");
	ok_errno(EINVAL, uffd_register(uffd, a + 1, P, MISSING, NULL), "unaligned start: EINVAL");
	ok_errno(EINVAL, uffd_register(uffd, a, P + 1, MISSING, NULL), "unaligned length: EINVAL");
	ok_errno(EINVAL, uffd_register(uffd, a, 0, MISSING, NULL), "length 0: EINVAL");
	ok_errno(EINVAL, uffd_register(uffd, (void *)0x7ffffffff000UL, P, MISSING, NULL),
		 "at TASK_SIZE: EINVAL");
	ok_errno(EINVAL, uffd_register(uffd, a, (unsigned long)-P, MISSING, NULL),
		 "past TASK_SIZE: EINVAL");
	ok_errno(EFAULT, ioctl(uffd, UFFDIO_REGISTER, NULL), "a NULL structure: EFAULT");
	munmap(a, 4 * P);
	ok_errno(EINVAL, uffd_register(uffd, a, 4 * P, MISSING, NULL),
		 "nothing mapped in the range: EINVAL");
	ok_errno(EINVAL, uffd_unregister(uffd, a, 4 * P), "unregistering there: EINVAL");
	ok_errno(EINVAL, uffd_unregister(uffd, a + 1, P), "unregistering unaligned: EINVAL");
	ok_errno(EFAULT, ioctl(uffd, UFFDIO_UNREGISTER, NULL), "unregister NULL: EFAULT");

	a = map_anon(1);
	ok_errno(EINVAL, uffd_register(uffd, a, P, MINOR, NULL),
		 "MINOR on anonymous memory: EINVAL");
	munmap(a, P);
}

static void test_memory_kinds(int uffd, int uffd2)
{
	char path[] = "/tmp/uffdregXXXXXX";
	int fd = mkstemp(path);
	char *a = map_anon(2), *s, *f, *ro;
	uint64_t ioctls = 0;

	ftruncate(fd, 2 * P);
	s = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	f = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ok_eq(0, uffd_register(uffd, a, P, MISSING, &ioctls), "anonymous, MISSING: registered");
	ok_eq(RANGE_BASIC, ioctls, "ioctls: WAKE, COPY, ZEROPAGE");
	ok_eq(0, uffd_register(uffd, a + P, P, MISSING | WP, &ioctls), "anonymous, MISSING|WP");
	ok_eq(RANGE_BASIC | RANGE_WP, ioctls, "ioctls: and WRITEPROTECT");
	ok_eq(0, uffd_register(uffd, s, P, MISSING | WP | MINOR, &ioctls),
	      "shared anonymous (shmem), all three modes");
	ok_eq(RANGE_BASIC | RANGE_WP | RANGE_CONTINUE, ioctls, "ioctls: and CONTINUE");
	ok_eq(0, uffd_register(uffd, f, 2 * P, MINOR, &ioctls), "a tmpfs file, MINOR");
	ok_eq(RANGE_BASIC | RANGE_CONTINUE, ioctls, "ioctls: basic and CONTINUE");
	ok_errno(EBUSY, uffd_register(uffd2, a, 2 * P, MISSING, NULL),
		 "a range of another uffd: EBUSY");
	ok_eq(0, uffd_unregister(uffd2, a, 2 * P), "but another uffd may unregister it");
	ok(!vma_has_flag("um", a), "and it is gone");

	close(fd);
	fd = open(path, O_RDONLY);
	ro = mmap(NULL, P, PROT_READ, MAP_SHARED, fd, 0);
	ok_errno(EPERM, uffd_register(uffd, ro, P, MISSING, NULL),
		 "a shared mapping that can never be written: EPERM");
	munmap(ro, P);
	ro = mmap(NULL, P, PROT_READ, MAP_PRIVATE, fd, 0);
	ok_eq(0, uffd_register(uffd, ro, P, MISSING, NULL),
	      "a private read-only one (writes go to copies): registered");
	munmap(ro, P);
	close(fd);
	unlink(path);
	munmap(a, 2 * P);
	munmap(s, 2 * P);
	munmap(f, 2 * P);
}

static void test_vmas(int uffd)
{
	char *a = map_anon(8);

	ok_eq(0, uffd_register(uffd, a + 2 * P, 2 * P, MISSING, NULL),
	      "register the middle of an eight-page VMA");
	ok_eq(3, vmas_in(a, a + 8 * P), "split in three");
	ok(!vma_has_flag("um", a) && vma_has_flag("um", a + 2 * P) && !vma_has_flag("um", a + 4 * P),
	   "only the middle says um");
	ok_eq(0, uffd_register(uffd, a + 4 * P, 2 * P, MISSING, NULL),
	      "register the next two pages");
	ok_eq(3, vmas_in(a, a + 8 * P), "they join the registered VMA");
	/* 6.1 offers vma_merge the VMA's own pgoff here (see userfaultfd_update_range). */
	ok_eq(0, uffd_register(uffd, a + P, P, MISSING, NULL), "register the page before");
	ok_eq(4, vmas_in(a, a + 8 * P), "as 6.1: a range from inside a VMA stays apart");
	ok_eq(0, uffd_unregister(uffd, a + P, P), "unregister it");
	ok_eq(3, vmas_in(a, a + 8 * P), "it merges back");
	ok_eq(0, uffd_register(uffd, a + 2 * P, 4 * P, MISSING | WP, NULL), "add WP to the range");
	ok_eq(3, vmas_in(a, a + 8 * P), "the same three VMAs");
	ok(vma_has_flag("uw", a + 5 * P) && vma_has_flag("um", a + 5 * P), "um and uw");
	ok_eq(0, uffd_register(uffd, a + 2 * P, 4 * P, MISSING, NULL),
	      "register MISSING again over MISSING|WP");
	ok(vma_has_flag("uw", a + 2 * P), "changes nothing: uw stays");
	ok_eq(0, mprotect(a + 3 * P, P, PROT_READ), "mprotect one registered page");
	ok(vmas_in(a, a + 8 * P) == 5 && vma_has_flag("um", a + 3 * P),
	   "split again, the registration kept");
	ok_eq(0, mprotect(a + 3 * P, P, PROT_READ | PROT_WRITE), "and back");
	ok_eq(3, vmas_in(a, a + 8 * P), "merged again");
	ok_eq(0, uffd_unregister(uffd, a + 2 * P, P), "unregister the first registered page");
	ok(vmas_in(a, a + 8 * P) == 3 && !vma_has_flag("um", a + 2 * P),
	   "it joins the unregistered VMA before it");
	ok_eq(0, uffd_unregister(uffd, a, 8 * P), "unregister everything");
	ok_eq(1, vmas_in(a, a + 8 * P), "one VMA again");
	ok_eq(0, uffd_unregister(uffd, a, 8 * P), "unregistering an unregistered range: 0");
	munmap(a, 8 * P);
}

/* The same flags, two uffds: the VMAs stay apart, as each uffd hears only of its own. */
static void test_two_uffds(int uffd, int uffd2)
{
	char *a = map_anon(4);

	ok_eq(0, uffd_register(uffd, a, 2 * P, MISSING, NULL), "two pages with one uffd");
	ok_eq(0, uffd_register(uffd2, a + 2 * P, 2 * P, MISSING, NULL),
	      "the next two with another, in the same mode");
	ok_eq(2, vmas_in(a, a + 4 * P), "two VMAs");
	ok_eq(0, uffd_unregister(uffd2, a + 2 * P, 2 * P), "unregister the second");
	ok_eq(0, uffd_register(uffd, a + 2 * P, 2 * P, MISSING, NULL), "register it with the first");
	ok_eq(1, vmas_in(a, a + 4 * P), "one VMA");
	munmap(a, 4 * P);
}

static void test_close(void)
{
	char *a = map_anon(4), *b;
	int uffd = uffd_open(0, 0);

	ok_eq(0, uffd_register(uffd, a + P, 2 * P, MISSING | WP, NULL), "register two pages");
	b = mmap(a + 4 * P, P, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	ok(b == a + 4 * P, "a new mapping right after");
	ok_eq(3, vmas_in(a, a + 5 * P), "merges with the unregistered tail, not the range");
	close(uffd);
	ok_eq(1, vmas_in(a, a + 5 * P), "closing the uffd unregisters: one VMA");
	ok(!vma_has_flag("um", a + P) && !vma_has_flag("uw", a + P), "no um or uw left");
	munmap(a, 5 * P);
}

int main(void)
{
	int uffd = uffd_open(0, UFFD_FEATURE_PAGEFAULT_FLAG_WP | UFFD_FEATURE_MINOR_SHMEM);
	int uffd2 = uffd_open(0, 0);

	test_errors(uffd);
	test_memory_kinds(uffd, uffd2);
	test_vmas(uffd);
	test_two_uffds(uffd, uffd2);
	test_close();
	return tap_done();
}
