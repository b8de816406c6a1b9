// SPDX-License-Identifier: GPL-2.0
/* mmap and munmap: placement, MAP_FIXED, holes, errors, as Linux does them. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "tap.h"
#include "testlib.h"

#define P 4096UL

int main(void)
{
	char *a, *b, *c;

	a = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(a != MAP_FAILED && ((uintptr_t)a & (P - 1)) == 0, "an anonymous mapping is page-aligned");
	ok(a[0] == 0 && a[4 * P - 1] == 0, "it reads as zeros");
	b = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok_eq((uintptr_t)a - 2 * P, (uintptr_t)b, "the next mapping goes right below it (top-down)");
	ok_eq(0, munmap(a + P, P), "munmap of one page in the middle");
	ok(probe(a, 1) && !probe(a + P, 0) && probe(a + 2 * P, 1), "the hole faults, its neighbours do not");
	c = mmap(a + P, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	ok(c == a + P, "MAP_FIXED fills the hole at the address asked");
	ok(probe(c, 0) && !probe(c, 1), "with its own protection: readable, not writable");
	a[2 * P] = 'x';
	c = mmap(a + 2 * P, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	ok(c == a + 2 * P && c[0] == 0, "MAP_FIXED over written memory replaces it with zeros");
	ok_errno(EEXIST, mmap(a, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0),
		 "MAP_FIXED_NOREPLACE over a mapping fails with EEXIST");
	c = mmap(a + 64 * P, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(c == a + 64 * P, "a free hint is taken as the address");
	munmap(c, P);
	ok_errno(EINVAL, mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), "length 0: EINVAL");
	ok_errno(EINVAL, mmap(NULL, P, PROT_READ, MAP_ANONYMOUS, -1, 0), "neither shared nor private: EINVAL");
	ok_errno(EBADF, mmap(NULL, P, PROT_READ, MAP_PRIVATE, 999, 0), "a file mapping of a bad fd: EBADF");
	ok_errno(EINVAL, mmap(NULL, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 100),
		 "an offset that is not page-aligned: EINVAL");
	ok_errno(EINVAL, munmap(a + 1, P), "munmap of an unaligned address: EINVAL");
	ok_errno(EINVAL, munmap(a, 0), "munmap of length 0: EINVAL");
	ok_eq(0, munmap(a + 1000 * P, P), "munmap where nothing is mapped succeeds");
	ok_errno(ENOMEM, mmap(NULL, 1UL << 47, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
		 "a mapping as large as user space: ENOMEM");
	ok_eq(0, mprotect(b, 2 * P, PROT_READ), "mprotect to read-only");
	ok(probe(b, 0) && !probe(b, 1), "a write now faults, a read does not");
	ok_eq(0, mprotect(b, P, PROT_NONE), "PROT_NONE on its first page");
	ok(!probe(b, 0) && probe(b + P, 0), "PROT_NONE: even a read faults, the next page is readable");
	ok_errno(ENOMEM, mprotect(a + 100 * P, P, PROT_READ), "mprotect of an unmapped range: ENOMEM");
	ok_errno(EINVAL, syscall(SYS_mprotect, b + 1, P, PROT_READ),
		 "mprotect of an unaligned address: EINVAL (musl would round it)");
	ok_eq(0, munmap(a, 4 * P), "munmap of a range with several pieces");
	ok(!probe(a, 0) && !probe(a + 3 * P, 0), "all of it is gone");
	return tap_done();
}
