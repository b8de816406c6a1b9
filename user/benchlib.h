/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FAULTLINE_USER_BENCHLIB_H
#define FAULTLINE_USER_BENCHLIB_H

/*
 * What the benchmark programs (procbench, procfsbench, sparsebench)
 * share: the clock and the line tests/run-bench reads. Under make
 * bench's -icount, CLOCK_MONOTONIC advances one ns per guest instruction,
 * on Faultline and on Linux 6.1 alike.
 */
#include <stdio.h>
#include <time.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* "bench: WHAT: VALUE UNIT", the line tests/run-bench sets beside Linux's. */
static void report(const char *what, double value, const char *unit)
{
	printf(value < 100 ? "bench: %s: %.1f %s\n" : "bench: %s: %.0f %s\n", what, value, unit);
	fflush(stdout);
}

#endif
