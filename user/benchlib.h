/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FAULTLINE_USER_BENCHLIB_H
#define FAULTLINE_USER_BENCHLIB_H

/*
 * What the benchmark programs (procbench, procfsbench, sparsebench)
 * share: the clock and the line tests/run-bench reads. Under make
 * bench's -icount, CLOCK_MONOTONIC advances one ns per guest instruction,
 * on Faultline and on Linux 6.1 alike.
 */
#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static __attribute__((unused)) long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* "bench: WHAT: VALUE UNIT", the line tests/run-bench sets beside Linux's. */
static __attribute__((unused)) void report(const char *what, double value, const char *unit)
{
	printf(value < 100 ? "bench: %s: %.1f %s\n" : "bench: %s: %.0f %s\n", what, value, unit);
	fflush(stdout);
}

/* open, read to the end, close: the bytes read */
static __attribute__((unused)) long read_whole(const char *path)
{
	static char buf[1 << 16];
	int fd = open(path, O_RDONLY);
	long total = 0, n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		total += n;
	close(fd);
	return total;
}

/* Mean ns of a whole read of path, over n reads after one to warm up. */
static __attribute__((unused)) double time_reads(const char *path, int n)
{
	long long t0;

	read_whole(path);
	t0 = now_ns();
	for (int i = 0; i < n; i++)
		read_whole(path);
	return (double)(now_ns() - t0) / n;
}

#endif
