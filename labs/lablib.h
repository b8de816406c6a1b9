/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FAULTLINE_LABS_LABLIB_H
#define FAULTLINE_LABS_LABLIB_H

/*
 * What the lab tests measure with: a VMA's smaps fields and a page's
 * frame (pagemap, as root), on top of tests/user's TAP and fault
 * counters.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tap.h"
#include "testlib.h"
#include "proclib.h"

#define P 4096

/* Is line a VMA's first line in smaps ("start-end perms ...")? */
static int vma_line(const char *line, unsigned long *lo, unsigned long *hi)
{
	char *end;

	*lo = strtoul(line, &end, 16);
	if (end == line || *end != '-')
		return 0;
	*hi = strtoul(end + 1, &end, 16);
	return *end == ' ';
}

/* Field (kB) of the smaps entry of the VMA containing addr, or -1. */
static __attribute__((unused)) long vma_field(const void *addr, const char *field)
{
	unsigned long a = (unsigned long)addr, lo, hi;
	int inside = 0;

	read_file("/proc/self/smaps");
	for (char *p = proc_buf; *p; p = *line_end(p) ? line_end(p) + 1 : line_end(p)) {
		if (vma_line(p, &lo, &hi))
			inside = a >= lo && a < hi;
		else if (inside && !strncmp(p, field, strlen(field)))
			return strtol(p + strlen(field), NULL, 10);
	}
	return -1;
}

/* VMAs overlapping [lo, hi), as /proc/self/maps lists them. */
static __attribute__((unused)) int vmas_in(const void *lo, const void *hi)
{
	unsigned long a, b;
	int n = 0;

	read_file("/proc/self/maps");
	for (char *p = proc_buf; *p; p = *line_end(p) ? line_end(p) + 1 : line_end(p))
		if (vma_line(p, &a, &b) && a < (unsigned long)hi && b > (unsigned long)lo)
			n++;
	return n;
}

static __attribute__((unused)) long vma_rss_kb(const void *addr)
{
	return vma_field(addr, "Rss:");
}

/* The frame mapping addr (0: none). */
static __attribute__((unused)) uint64_t pfn_of(const void *addr)
{
	uint64_t e = 0;
	int fd = open("/proc/self/pagemap", O_RDONLY);

	pread(fd, &e, sizeof(e), (off_t)((uintptr_t)addr / P * sizeof(e)));
	close(fd);
	return e >> 63 ? e & ((1ULL << 55) - 1) : 0;
}

#endif
