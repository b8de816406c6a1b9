// SPDX-License-Identifier: GPL-2.0
/*
 * free: memory in KiB, from /proc/meminfo, with procps's columns:
 *
 *   total  used  free  shared  buff/cache  available
 *
 * buff/cache is Buffers + Cached + SReclaimable, and used is what is
 * left of total after free and buff/cache, as procps 4 computes them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char buf[8192];

static long field(const char *name)
{
	size_t len = strlen(name);

	for (char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, name, len) && p[len] == ':')
			return strtol(p + len + 1, NULL, 10);
	return 0;
}

int main(int argc, char **argv)
{
	FILE *f = fopen("/proc/meminfo", "r");
	long total, avail, freek, cache, used;
	size_t n;

	if (argc > 1) {
		fprintf(stderr, "usage: free\n");
		return 2;
	}
	if (!f) {
		perror("free: /proc/meminfo (is /proc mounted?)");
		return 1;
	}
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	total = field("MemTotal");
	freek = field("MemFree");
	avail = field("MemAvailable");
	cache = field("Buffers") + field("Cached") + field("SReclaimable");
	used = total - freek - cache;
	if (used < 0)
		used = total - freek;
	printf("%-7s%12s%12s%12s%12s%12s%12s\n", "", "total", "used", "free", "shared",
	       "buff/cache", "available");
	printf("%-7s%12ld%12ld%12ld%12ld%12ld%12ld\n", "Mem:", total, used, freek,
	       field("Shmem"), cache, avail);
	printf("%-7s%12ld%12ld%12ld\n", "Swap:", field("SwapTotal"),
	       field("SwapTotal") - field("SwapFree"), field("SwapFree"));
	return 0;
}
