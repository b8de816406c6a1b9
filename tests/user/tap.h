/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FAULTLINE_TESTS_USER_TAP_H
#define FAULTLINE_TESTS_USER_TAP_H

/*
 * TAP for the user-level test programs: one "ok N - what" line per
 * check, with want and got on a failure. The same binary runs on Linux
 * and on Faultline (tests/user.sh compares the two outputs line by
 * line), so a test prints only what both kernels must agree on.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static void tap_flush(void)
{
	fflush(stdout);
}

#define ok(cond, ...) do {						\
	int _c = !!(cond);						\
	printf("%s %d - ", _c ? "ok" : "not ok", ++tap_n);		\
	printf(__VA_ARGS__);						\
	printf("\n");							\
	if (!_c) {							\
		tap_failed++;						\
		printf("#   %s:%d: %s\n", __FILE__, __LINE__, #cond);	\
	}								\
	tap_flush();							\
} while (0)

/* ok() for two integers, showing both on a failure. */
#define ok_eq(want, got, ...) do {					\
	long long _w = (long long)(want), _g = (long long)(got);	\
	ok(_w == _g, __VA_ARGS__);					\
	if (_w != _g)							\
		printf("#     want: %lld\n#     got:  %lld\n", _w, _g);	\
	tap_flush();							\
} while (0)

/* A system call's result: -1 with errno e. */
#define ok_errno(e, call, ...) do {					\
	errno = 0;							\
	long _r = (long)(call);						\
	int _e = errno;							\
	ok(_r == -1 && _e == (e), __VA_ARGS__);				\
	if (!(_r == -1 && _e == (e)))					\
		printf("#     want: -1 %s\n#     got:  %ld %s\n",	\
		       strerror(e), _r, _r == -1 ? strerror(_e) : "");	\
	tap_flush();							\
} while (0)

static int tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
