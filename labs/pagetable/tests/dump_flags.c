// SPDX-License-Identifier: GPL-2.0
/*
 * Lab pagetable: the dump's flags are the PTE's: a written page is
 * present, writable, user, dirty and no-exec; the zero page a read maps
 * is read-only and special; the program's code is executable.
 */
#include <fcntl.h>
#include <sys/mman.h>
#include "ptlib.h"

int main(void)
{
	char *a = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	volatile char sink;
	char line[256];

	a[0] = 1;
	sink = a[P];
	ok(pte_line(a, line, sizeof(line)) && has_flag(line, "P") && has_flag(line, "W") &&
	   has_flag(line, "U") && has_flag(line, "D") && has_flag(line, "NX"),
	   "a written page: [P W U ... D ... NX]");
	ok(pte_line(a + P, line, sizeof(line)) && !has_flag(line, "W") && has_flag(line, "SP"),
	   "a read page maps the zero page: not writable, special (SP)");
	ok(pte_line((void *)main, line, sizeof(line)) && !has_flag(line, "NX") &&
	   !has_flag(line, "W"), "the program's code: executable, read-only");
	(void)sink;
	return tap_done();
}
