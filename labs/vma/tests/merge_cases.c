// SPDX-License-Identifier: GPL-2.0
/*
 * Lab vma: vma_merge. Mappings that are adjacent and alike become one
 * VMA: a second mmap beside the first, a range mprotect'ed and back, a
 * heap grown by brk, a hole refilled between two (both neighbours). The
 * same program prints the same on Linux 6.1.
 */
#include <fcntl.h>
#include <sys/syscall.h>
#include "vmalib.h"

#define BASE	((char *)0x30000000)

int main(void)
{
	int fl = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED;
	char *a = mmap(BASE, 4 * P, PROT_READ | PROT_WRITE, fl, -1, 0), *brk0;
	int fd;

	mmap(BASE + 4 * P, 4 * P, PROT_READ | PROT_WRITE, fl, -1, 0);
	ok_eq(1, vmas_in(BASE, BASE + 8 * P), "a mapping right after a like one extends it (one VMA)");
	mprotect(BASE + 2 * P, 2 * P, PROT_READ);
	ok_eq(3, vmas_in(BASE, BASE + 8 * P), "mprotect of the middle splits it in three");
	mprotect(BASE + 2 * P, 2 * P, PROT_READ | PROT_WRITE);
	ok_eq(1, vmas_in(BASE, BASE + 8 * P), "and back, they merge into one again");
	a[0] = a[5 * P] = 1;
	munmap(BASE + 3 * P, 2 * P);
	ok_eq(2, vmas_in(BASE, BASE + 8 * P), "a hole in the middle leaves two");
	mmap(BASE + 3 * P, 2 * P, PROT_READ | PROT_WRITE, fl, -1, 0);
	ok_eq(1, vmas_in(BASE, BASE + 8 * P), "refilling it merges with both neighbours");
	fd = open("/test/pages.bin", O_RDONLY);
	mmap(BASE + 16 * P, 2 * P, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
	mmap(BASE + 18 * P, 2 * P, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 2 * P);
	mmap(BASE + 20 * P, 2 * P, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 8 * P);
	close(fd);
	ok_eq(2, vmas_in(BASE + 16 * P, BASE + 22 * P),
	      "file mappings merge when their offsets follow on, and only then");
	brk0 = (char *)syscall(SYS_brk, 0);
	syscall(SYS_brk, brk0 + P);
	syscall(SYS_brk, brk0 + 3 * P);
	ok_eq(1, vmas_in(brk0, brk0 + 3 * P), "brk grows the heap's VMA rather than adding one");
	return tap_done();
}
