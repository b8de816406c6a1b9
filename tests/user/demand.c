// SPDX-License-Identifier: GPL-2.0
/*
 * Demand paging, counted by getrusage's ru_minflt: a page costs a fault
 * when first touched, not when mapped; a read maps the shared zero page
 * (and a later write takes a second fault to get a page of its own); a
 * file mapping's read fault maps 16 pages of the page cache at once
 * (fault-around, 64 KiB).
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include "tap.h"
#include "testlib.h"

#define P 4096
#define N 16

int main(void)
{
	volatile char *a = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	volatile char *f;
	static char page[P];
	long before, major_before, sum = 0;
	int fd;

	before = minflt();
	ok_eq(0, minflt() - before, "mapping memory costs no fault");
	before = minflt();
	for (int i = 0; i < N; i++)
		a[i * P] = 1;
	ok_eq(N, minflt() - before, "writing 16 untouched pages: 16 faults");
	before = minflt();
	for (int i = 0; i < N; i++)
		a[i * P + 1] = 2;
	ok_eq(0, minflt() - before, "writing them again: none");
	munmap((void *)a, N * P);

	a = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	before = minflt();
	for (int i = 0; i < N; i++)
		sum += a[i * P];
	ok(sum == 0 && minflt() - before == N, "reading 16 untouched pages: 16 faults, all zeros");
	before = minflt();
	for (int i = 0; i < N; i++)
		a[i * P] = 1;
	ok_eq(N, minflt() - before, "then writing them: 16 more (each leaves the zero page)");
	munmap((void *)a, N * P);

	fd = open("/tmp/faultline-demand", O_RDWR | O_CREAT | O_TRUNC, 0600);
	for (int i = 0; i < 40; i++) {
		memset(page, 'A' + i % 26, P);
		if (write(fd, page, P) != P)
			return 1;
	}
	/* At a 64 KiB boundary: fault-around windows are aligned to it. */
	f = mmap(NULL, 40 * P + 0x10000, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap((void *)f, 40 * P + 0x10000);
	f = (volatile char *)(((unsigned long)f + 0xffff) & ~0xffffUL);
	f = mmap((void *)f, 40 * P, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
	before = minflt();
	major_before = majflt();
	sum = 0;
	for (int i = 0; i < 40; i++)
		sum += f[i * P] == 'A' + i % 26;
	ok_eq(40, sum, "a file mapping shows the file's pages");
	ok_eq(3, minflt() - before, "reading 40 cached file pages: 3 faults (16 pages mapped per fault)");
	/* Only these: the host's Linux may have had to read the program itself. */
	ok_eq(0, majflt() - major_before, "no major faults: the pages were in the page cache");
	munmap((void *)f, 40 * P);
	close(fd);
	unlink("/tmp/faultline-demand");
	return tap_done();
}
