// SPDX-License-Identifier: GPL-2.0
/*
 * Lab demand: a read fault on a file page maps the cached pages around
 * it too, a 64 KiB window (Linux's fault_around_bytes), in one fault (the
 * starter maps only the faulting page). /test/pages.bin's 40 pages are
 * all in the page cache (tmpfs).
 */
#include <fcntl.h>
#include <sys/mman.h>
#include "lablib.h"

#define WHERE	((void *)0x10000000UL)	/* 64 KiB-aligned: a whole window */

int main(void)
{
	int fd = open("/test/pages.bin", O_RDONLY);
	char *m = mmap(WHERE, 40 * P, PROT_READ, MAP_PRIVATE, fd, 0);
	volatile char c;
	long faults;

	close(fd);
	ok(m == WHERE, "/test/pages.bin mapped at 0x10000000");
	faults = minflt();
	c = m[0];
	ok_eq(1, minflt() - faults, "a read of page 0: one fault");
	ok_eq(64, vma_rss_kb(m), "which maps pages 0-15 (64 kB)");
	faults = minflt();
	c = m[15 * P];
	ok_eq(0, minflt() - faults, "page 15 is mapped already: no fault");
	ok(c == 'A' + 15, "and holds the file's page 15");
	faults = minflt();
	c = m[37 * P];
	ok_eq(1, minflt() - faults, "a read of page 37: one fault");
	ok_eq(64 + 32, vma_rss_kb(m), "which maps 32-39, up to the VMA's end (32 kB more)");
	ok(m[33 * P] == 'A' + 33 % 26, "page 33 holds the file's page 33");
	return tap_done();
}
