/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HOST_TAP_H
#define _HOST_TAP_H

/*
 * TAP for host unit tests (these files use the C library, not the kernel
 * headers): ok/not ok lines with want and got on failure.
 */
#include <stdio.h>
#include <stdlib.h>

static int tap_n, tap_failed, tap_case_failed;

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		printf("#   %s:%d: %s\n", __FILE__, __LINE__, #cond);	\
		tap_case_failed = 1;					\
	}								\
} while (0)

#define CHECK_EQ(want, got) do {					\
	long long _w = (long long)(want), _g = (long long)(got);	\
	if (_w != _g) {							\
		printf("#   %s:%d: %s\n#     want: %lld\n#     got:  %lld\n", \
		       __FILE__, __LINE__, #got, _w, _g);		\
		tap_case_failed = 1;					\
	}								\
} while (0)

static void tap_result(const char *name)
{
	tap_n++;
	printf("%s %d - %s\n", tap_case_failed ? "not ok" : "ok", tap_n, name);
	tap_failed += tap_case_failed;
	tap_case_failed = 0;
}

static int tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
