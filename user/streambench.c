// SPDX-License-Identifier: GPL-2.0
/*
 * streambench: a working set four times the RAM streamed through swap by
 * reclaim under pressure: every page of it written once (the first word
 * names the page), then every page read back and checked, in order.
 * make bench runs it on Faultline and on Linux 6.1, each with the same
 * RAM (--mem 128) and a 600 MiB swap disk, both under -icount; since
 * the kernels leave different amounts of that RAM free, each streams
 * four times its own MemTotal, and the figures are per page.
 *
 * What a figure includes: the faults, reclaim (kswapd and direct), the
 * swap cache, the writes and reads submitted, readahead, and the time
 * the CPU sat idle waiting for the disk. Under -icount an idle wait jumps
 * the clock to the next timer tick (both kernels tick at 250 Hz), so the
 * waits count in ticks, not in the disk's speed: the figure says how
 * often each kernel has to wait as much as how much work it does. A
 * zeroed page costs about 4,096 "instructions" (rep stosb counts one per
 * byte) on both kernels alike.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "benchlib.h"

#define P 4096UL

static long meminfo_kb(const char *name)
{
	char line[256];
	FILE *f = fopen("/proc/meminfo", "r");
	long v = -1;

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, name, strlen(name)) && line[strlen(name)] == ':')
			v = atol(line + strlen(name) + 1);
	if (f)
		fclose(f);
	return v;
}

int main(void)
{
	unsigned long pages = (unsigned long)meminfo_kb("MemTotal") * 4 / (P / 1024);
	unsigned long bad = 0;
	long long t0, t_write, t_read;
	volatile uint64_t *p;

	if (meminfo_kb("SwapFree") < (long)(pages * (P / 1024))) {
		fprintf(stderr, "streambench: the swap is smaller than 4x the RAM\n");
		return 1;
	}
	p = mmap(NULL, pages * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		perror("streambench: mmap");
		return 1;
	}
	t0 = now_ns();
	for (unsigned long i = 0; i < pages; i++)
		p[i * (P / 8)] = i + 1;
	t_write = now_ns() - t0;
	t0 = now_ns();
	for (unsigned long i = 0; i < pages; i++)
		bad += p[i * (P / 8)] != i + 1;
	t_read = now_ns() - t0;
	if (bad) {
		fprintf(stderr, "streambench: %lu pages read back wrong\n", bad);
		return 1;
	}
	report("stream 4x RAM through swap: write, per page", (double)t_write / pages, "ns");
	report("stream 4x RAM through swap: read back, per page", (double)t_read / pages, "ns");
	report("stream 4x RAM through swap: the whole, ms", (double)(t_write + t_read) / 1e6, "ms");
	return 0;
}
