// SPDX-License-Identifier: GPL-2.0
/*
 * Lab rmap: without fork, splits and merges by mprotect and munmap keep
 * every page findable (what even the starter's fallback does).
 */
#include <sys/mman.h>
#include "lablib.h"

int main(void)
{
	char *a = mmap(NULL, 16 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	for (int i = 0; i < 16; i++)
		a[i * P] = (char)i;
	mprotect(a + 4 * P, 4 * P, PROT_READ);
	munmap(a + 10 * P, 2 * P);
	mprotect(a + 4 * P, 4 * P, PROT_READ | PROT_WRITE);
	a[5 * P] = 'x';
	ok(a[3 * P] == 3 && a[5 * P] == 'x' && a[15 * P] == 15, "the pages keep their data");
	return tap_done();
}
