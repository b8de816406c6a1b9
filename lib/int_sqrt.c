// SPDX-License-Identifier: GPL-2.0
/*
 * The integer square root, for the few places the VM scales by one:
 * the zones' min_free_kbytes and reclaim's inactive:active target.
 * Linux: lib/math/int_sqrt.c (a bit-at-a-time method; this plain loop
 * is enough for the small numbers asked here)
 */
#include <linux/math.h>

unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = 0;

	while ((r + 1) * (r + 1) <= x)
		r++;
	return r;
}
