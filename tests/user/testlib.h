/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FAULTLINE_TESTS_USER_TESTLIB_H
#define FAULTLINE_TESTS_USER_TESTLIB_H

/*
 * Helpers several user test programs share: the fault counters that
 * getrusage reports, and a child that waits for signals. Each program
 * uses some of them, so they are static and may go unused.
 */
#include <setjmp.h>
#include <signal.h>
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

static sigjmp_buf probe_env;

static void probe_on_signal(int sig)
{
	siglongjmp(probe_env, sig);
}

/*
 * Touch the byte at p (write: store 1 into it): 0 if that worked, else
 * the signal it raised (SIGSEGV, SIGBUS).
 */
static __attribute__((unused)) int probe_sig(volatile char *p, int write)
{
	int sig;

	signal(SIGSEGV, probe_on_signal);
	signal(SIGBUS, probe_on_signal);
	sig = sigsetjmp(probe_env, 1);
	if (!sig) {
		if (write)
			*p = 1;
		else
			(void)*p;
	}
	signal(SIGSEGV, SIG_DFL);
	signal(SIGBUS, SIG_DFL);
	return sig;
}

/* Can we read (write) the byte at p without a signal? */
static __attribute__((unused)) int probe(volatile char *p, int write)
{
	return probe_sig(p, write) == 0;
}

#endif
