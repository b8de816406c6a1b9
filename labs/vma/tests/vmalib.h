/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FAULTLINE_LABS_VMALIB_H
#define FAULTLINE_LABS_VMALIB_H

/* The vma lab's measures: guest time (-icount: exact), VMAs made and counted. */
#include <sys/mman.h>
#include <time.h>
#include "lablib.h"

static __attribute__((unused)) long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* VMAs of the process now (lines of maps). */
static __attribute__((unused)) int count_vmas(void)
{
	int n = 0;

	read_file("/proc/self/maps");
	for (char *p = proc_buf; *p; p++)
		n += *p == '\n';
	return n;
}

/* Grow to want VMAs: one-page mappings, alternately r-- and rw-, so none merges. */
static __attribute__((unused)) void grow_to(int want)
{
	static int made;

	for (int have = count_vmas(); have < want; have++, made++)
		mmap(NULL, P, made % 2 ? PROT_READ : PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

#endif
