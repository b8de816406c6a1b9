// SPDX-License-Identifier: GPL-2.0
/*
 * Lab procfs: what any version keeps: statm's size is status's VmSize,
 * and smaps_rollup's Rss and Pss are the sums over smaps.
 */
#include <string.h>
#include <sys/mman.h>
#include "lablib.h"

static long sum_smaps(const char *field)
{
	long sum = 0;

	read_file("/proc/self/smaps");
	for (char *p = proc_buf; *p; p = *line_end(p) ? line_end(p) + 1 : line_end(p))
		if (!strncmp(p, field, strlen(field)))
			sum += strtol(p + strlen(field), NULL, 10);
	return sum;
}

static long rollup(const char *field)
{
	char *p;

	read_file("/proc/self/smaps_rollup");
	p = strstr(proc_buf, field);
	return p ? strtol(p + strlen(field), NULL, 10) : -1;
}

int main(void)
{
	char *m = mmap(NULL, 8 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long size, vmsize;

	m[0] = m[3 * P] = 1;
	read_file("/proc/self/statm");
	size = strtol(proc_buf, NULL, 10);
	read_file("/proc/self/status");
	vmsize = field("VmSize");
	ok_eq(vmsize, size * 4, "statm's size is status's VmSize");
	sum_smaps("Rss:");
	ok_eq(sum_smaps("Rss:"), rollup("\nRss:"), "smaps_rollup's Rss is the sum over smaps");
	ok_eq(sum_smaps("Pss:"), rollup("\nPss:"), "and so is its Pss");
	return tap_done();
}
