// SPDX-License-Identifier: GPL-2.0
/*
 * procfsbench: what reading /proc costs. make bench runs it under
 * Faultline (scripts/qrun --icount) and the same binary under Linux 6.1
 * (scripts/linux-run --icount), and prints the two figures side by side.
 *
 *   smaps, 100 VMAs        open, read whole, close /proc/self/smaps of a
 *                          process of 100 VMAs (one touched page each)
 *   maps, 100 VMAs         the same for /proc/self/maps
 *   smaps, 10000 VMAs      smaps again with 10,000 VMAs: ~100x the 100-VMA
 *                          figure if the cost is linear, not quadratic
 *   statm                  open, read, close /proc/self/statm
 *   pagemap of 1 GiB       one read of the 262,144 entries of a 1 GiB
 *                          mapping (untouched), from an open pagemap
 *
 * Each figure is the mean over a loop after one warm-up round; the clock
 * is CLOCK_MONOTONIC (under -icount, one ns per guest instruction).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include "benchlib.h"

#define PAGE_SIZE	4096

static char buf[1 << 16];

static int count_vmas(void)
{
	int fd = open("/proc/self/maps", O_RDONLY), lines = 0;
	long n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		for (long i = 0; i < n; i++)
			lines += buf[i] == '\n';
	close(fd);
	return lines;
}

/*
 * Grow the address space to want VMAs: one-page mappings, each touched,
 * alternately read-only and read-write so that none merges.
 */
static void grow_to(int want)
{
	static int made;

	for (int have = count_vmas(); have < want; have++, made++) {
		int prot = made % 2 ? PROT_READ : PROT_READ | PROT_WRITE;
		volatile char *p = mmap(NULL, PAGE_SIZE, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED) {
			perror("procfsbench: mmap");
			exit(1);
		}
		if (prot & PROT_WRITE)
			p[0] = 1;
		else
			(void)p[0];
	}
}

static void bench_pagemap(void)
{
	size_t len = 1UL << 30, entries = len / PAGE_SIZE;
	char *m = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	char *out = malloc(entries * 8);
	int fd = open("/proc/self/pagemap", O_RDONLY);
	off_t off = (off_t)((unsigned long)m / PAGE_SIZE * 8);
	long long t0;

	if (m == MAP_FAILED || !out || fd < 0)
		exit(1);
	pread(fd, out, entries * 8, off);
	t0 = now_ns();
	for (int i = 0; i < 10; i++)
		if (pread(fd, out, entries * 8, off) != (ssize_t)(entries * 8))
			exit(1);
	report("/proc/self/pagemap read of a 1 GiB range", (double)(now_ns() - t0) / 10 / 1000, "us");
	close(fd);
	free(out);
	munmap(m, len);
}

int main(void)
{
	grow_to(100);
	report("/proc/self/smaps read, 100 VMAs", time_reads("/proc/self/smaps", 50) / 1000, "us");
	report("/proc/self/maps read, 100 VMAs", time_reads("/proc/self/maps", 50) / 1000, "us");
	report("/proc/self/statm read", time_reads("/proc/self/statm", 1000), "ns");
	bench_pagemap();
	grow_to(10000);
	report("/proc/self/smaps read, 10000 VMAs", time_reads("/proc/self/smaps", 3) / 1000, "us");
	return 0;
}
