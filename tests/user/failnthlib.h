/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FAULTLINE_TESTS_USER_FAILNTHLIB_H
#define FAULTLINE_TESTS_USER_FAILNTHLIB_H

/*
 * The fail-nth tests' hold on /proc/thread-self/fail-nth (fail_nth.c,
 * fail_nth_exec.c): arm(N) makes the Nth allocation from now on fail,
 * left() says how many are still to come (0: the failure happened).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int fail_fd;

static __attribute__((unused)) void arm(unsigned int n)
{
	char num[16];

	pwrite(fail_fd, num, (size_t)snprintf(num, sizeof(num), "%u", n), 0);
}

/* Allocations still to come before the failure; 0 once it happened. */
static __attribute__((unused)) unsigned int left(void)
{
	char num[16] = { 0 };

	pread(fail_fd, num, sizeof(num) - 1, 0);
	return (unsigned int)strtoul(num, NULL, 10);
}

#endif
