// SPDX-License-Identifier: GPL-2.0
/*
 * Lab rmap: two adjacent anonymous mappings that differ only in access
 * rights are two VMAs, but the second takes the first's anon_vma at its
 * first write (find_mergeable_anon_vma), so that an mprotect that makes
 * them alike can merge them back into one VMA. Linux 6.1 does the same.
 */
#include <string.h>
#include <sys/mman.h>
#include "lablib.h"

int main(void)
{
	char *a = mmap((void *)0x20000000, 2 * P, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	char *b = mmap(a + 2 * P, 2 * P, PROT_READ | PROT_WRITE | PROT_EXEC,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	a[0] = 1;
	b[0] = 2;
	ok_eq(2, vmas_in(a, b + 2 * P), "rw- and rwx side by side: two VMAs");
	mprotect(b, 2 * P, PROT_READ | PROT_WRITE);
	ok_eq(1, vmas_in(a, b + 2 * P), "made alike, they merge into one: they shared an anon_vma");
	ok(a[0] == 1 && b[0] == 2, "the data stays");
	return tap_done();
}
