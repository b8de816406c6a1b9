// SPDX-License-Identifier: GPL-2.0
/*
 * Lab vma: where mmap puts things, top-down (what every version must
 * keep, and what Linux 6.1 does): each new mapping just below the last,
 * a freed gap reused by a mapping that fits, a hint taken when free.
 */
#include "vmalib.h"

int main(void)
{
	char *a = mmap(NULL, 4 * P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *b = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *c, *d;

	ok(b == a - 4 * P, "the next mapping goes just below the last");
	munmap(b, 4 * P);
	c = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(c == a - 2 * P, "a smaller one takes the top of the freed gap");
	d = mmap((void *)0x50000000, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(d == (void *)0x50000000, "a free hint is taken");
	return tap_done();
}
