// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/clear_refs and soft-dirty tracking as Linux 6.1 has them:
 * after "4" no page is soft-dirty (pagemap bit 55) until written again;
 * new mappings are soft-dirty whole; a moved page is; "1" zeroes smaps'
 * Referenced, "5" resets VmHWM; bad values are EINVAL.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include "tap.h"
#include "testlib.h"
#include "proclib.h"

#define P 4096UL
#define PM_SOFT_DIRTY (1ULL << 55)

static int soft_dirty(const void *addr)
{
	uint64_t e = 0;
	int fd = open("/proc/self/pagemap", O_RDONLY);

	pread(fd, &e, sizeof(e), (off_t)((uintptr_t)addr / P * sizeof(e)));
	close(fd);
	return !!(e & PM_SOFT_DIRTY);
}

static ssize_t clear_refs(const char *what)
{
	int fd = open("/proc/self/clear_refs", O_WRONLY);
	ssize_t n = write(fd, what, strlen(what));

	close(fd);
	return n;
}

static long status_kb(const char *name)
{
	read_file("/proc/self/status");
	return field(name);
}

int main(void)
{
	char *a = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *s = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	char *b, *big;

	ok(soft_dirty(a) && soft_dirty(a + 3 * P), "a new mapping is soft-dirty, even untouched");
	memset(a, 1, 2 * P);
	s[0] = 1;
	ok_eq(1, clear_refs("4"), "clear_refs 4");
	ok(!soft_dirty(a) && !soft_dirty(a + P) && !soft_dirty(a + 3 * P) && !soft_dirty(s),
	   "then nothing is soft-dirty");
	a[P] = 2;
	(void)*(volatile char *)a;
	ok(!soft_dirty(a) && soft_dirty(a + P), "a write makes its page soft-dirty, a read does not");
	a[3 * P] = 3;
	ok(soft_dirty(a + 3 * P), "so does a first write to a new page");
	s[1] = 2;
	ok(soft_dirty(s), "and a write to shared memory");
	/* A page first mapped by a read is mapped read-only (write-notify), so its write is seen. */
	(void)*(volatile char *)(s + P);
	*(volatile char *)(s + P + 1) = 3;	/* volatile: not moved before the read */
	ok(soft_dirty(s + P), "and a write to a shared page first mapped by a read");
	b = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(soft_dirty(b), "a mapping made after the clear is soft-dirty");
	clear_refs("4");
	b = mremap(a, P, P, MREMAP_MAYMOVE | MREMAP_FIXED, b);
	ok(soft_dirty(b), "a page moved by mremap is soft-dirty at its new place");

	ok_eq(2, clear_refs("1\n"), "clear_refs 1");
	ok_eq(0, vma_field(a + P, "Referenced:"), "Referenced is 0 right after it");
	ok_eq(3, clear_refs(" 2 "), "clear_refs 2, with blanks around");
	ok_eq(2, clear_refs("3\n"), "clear_refs 3");

	/* Linux counts RSS per task in batches of up to 64 faults: allow for that. */
	big = mmap(NULL, 1024 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(big, 1, 1024 * P);
	munmap(big, 1024 * P);
	ok(status_kb("VmHWM") >= status_kb("VmRSS") + 2048, "VmHWM remembers MiBs more than VmRSS");
	ok_eq(1, clear_refs("5"), "clear_refs 5");
	ok_eq(status_kb("VmRSS"), status_kb("VmHWM"), "VmHWM is VmRSS again");

	ok_errno(EINVAL, clear_refs("0"), "clear_refs 0: EINVAL");
	ok_errno(EINVAL, clear_refs("6"), "clear_refs 6: EINVAL");
	ok_errno(EINVAL, clear_refs("-1"), "clear_refs -1: EINVAL");
	ok_errno(EINVAL, clear_refs("4x"), "trailing junk: EINVAL");
	ok_eq(12, clear_refs("4                   "), "a long write: 12 bytes are taken");
	return tap_done();
}
