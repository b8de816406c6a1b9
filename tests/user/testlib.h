/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FAULTLINE_TESTS_USER_TESTLIB_H
#define FAULTLINE_TESTS_USER_TESTLIB_H

/*
 * Helpers several user test programs share: the fault counters that
 * getrusage reports, and a child that waits for signals. Each program
 * uses some of them, so they are static and may go unused.
 */
#include <stdio.h>
#include <unistd.h>
#include <sys/resource.h>

/* Minor and major faults so far (the fault path counts them, as Linux). */
static __attribute__((unused)) long minflt(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_minflt;
}

static __attribute__((unused)) long majflt(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_majflt;
}

/* A child that does nothing but wait for signals; its pid. */
static __attribute__((unused)) pid_t fork_pausing_child(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	return pid;
}

#endif
