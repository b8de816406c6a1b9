// SPDX-License-Identifier: GPL-2.0
/*
 * mincore(2) as Linux 6.1 answers it: touched anonymous pages resident,
 * untouched ones not, a file's pages resident from its page cache even
 * where this process has not touched them, and the errno of bad calls.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include "tap.h"
#include "testlib.h"

#define P 4096UL

/* The residency bytes of n pages as a string of 0s and 1s. */
static const char *residency(void *a, size_t n)
{
	static char out[64];
	unsigned char vec[64];

	if (mincore(a, n * P, vec))
		return strerror(errno);
	for (size_t i = 0; i < n; i++)
		out[i] = (char)('0' + (vec[i] & 1));
	out[n] = 0;
	return out;
}

int main(void)
{
	char *a = mmap(NULL, 6 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char path[] = "/tmp/mincoreXXXXXX", buf[3 * P], *f;
	unsigned char vec[8];
	int fd = mkstemp(path);

	ok(!strcmp("000000", residency(a, 6)), "untouched anonymous memory: nothing resident");
	a[0] = 1;
	(void)*(volatile char *)(a + 2 * P);
	ok(!strcmp("101000", residency(a, 6)), "a written page and a read one (the zero page) are");
	madvise(a, P, MADV_DONTNEED);
	ok(!strcmp("001000", residency(a, 6)), "MADV_DONTNEED drops the written one");
	ok_eq(0, mincore(a + P, 100, vec), "a length short of a page covers that page");
	ok_errno(EINVAL, mincore(a + 1, P, vec), "an unaligned start: EINVAL");
	ok_errno(ENOMEM, mincore(a, 100 * P, vec), "a range running past the mapping: ENOMEM");
	ok_errno(ENOMEM, mincore(a + 1000 * P, P, vec), "nothing mapped there: ENOMEM");
	ok_errno(ENOMEM, mincore((void *)(1UL << 47), P, vec), "past user space: ENOMEM");
	ok_errno(EFAULT, mincore(a, P, (unsigned char *)8), "a bad vector: EFAULT");
	ok_eq(0, mincore(a, 0, vec), "length 0: nothing to do");

	memset(buf, 'f', sizeof(buf));
	write(fd, buf, sizeof(buf));
	f = mmap(NULL, 4 * P, PROT_READ, MAP_PRIVATE, fd, 0);
	ok(!strcmp("1110", residency(f, 4)),
	   "a file's cached pages are resident though not touched here; past its end not");
	munmap(f, 4 * P);
	close(fd);
	unlink(path);
	munmap(a, 6 * P);
	return tap_done();
}
