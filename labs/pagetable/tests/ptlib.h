/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FAULTLINE_LABS_PTLIB_H
#define FAULTLINE_LABS_PTLIB_H

/* Reading /proc/self/pagetable: the line of the PTE that maps addr. */
#include <stdio.h>
#include "lablib.h"

/*
 * The dump's line for addr's PTE, found under its pgd, pud and pmd lines
 * (so the levels above must be there too), copied into line; 0 if none.
 */
static int pte_line(const void *addr, char *line, size_t size)
{
	unsigned long a = (unsigned long)addr;
	unsigned int want[4] = { (a >> 39) & 511, (a >> 30) & 511, (a >> 21) & 511,
				 (a >> 12) & 511 };
	static const char *const level[] = { "pgd[", "pud[", "pmd[", "pte[" };
	int depth_ok = -1;

	read_file("/proc/self/pagetable");
	for (char *p = proc_buf; *p; p = *line_end(p) ? line_end(p) + 1 : line_end(p)) {
		int depth = (int)strspn(p, " ") - 1;
		unsigned int index;

		if (depth < 0 || depth > 3 || strncmp(p + depth + 1, level[depth], 4))
			continue;
		if (depth > depth_ok + 1)
			continue;		/* under an entry that is not addr's */
		index = (unsigned int)strtoul(p + depth + 5, NULL, 10);
		depth_ok = index == want[depth] ? depth : depth - 1;
		if (depth_ok == 3) {
			size_t n = (size_t)(line_end(p) - p);

			snprintf(line, size, "%.*s", (int)n, p);
			return 1;
		}
	}
	return 0;
}

/* The pfn a dump line gives (0 if none). */
static __attribute__((unused)) uint64_t line_pfn(const char *line)
{
	const char *p = strstr(line, "pfn 0x");

	return p ? strtoull(p + 6, NULL, 16) : 0;
}

/* Does the line's flag list (its last [...]) hold flag ("W", "NX", ...)? */
static __attribute__((unused)) int has_flag(const char *line, const char *flag)
{
	const char *open = strrchr(line, '['), *close = open ? strchr(open, ']') : NULL;
	size_t n = strlen(flag);

	for (const char *p = open ? open + 1 : NULL; p && p < close; p += strcspn(p, " ]") + 1)
		if (!strncmp(p, flag, n) && (p[n] == ' ' || p[n] == ']'))
			return 1;
	return 0;
}

#endif
