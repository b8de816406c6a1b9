// SPDX-License-Identifier: GPL-2.0
/*
 * Lab pagetable: /proc/self/pagetable shows a written page's PTE under
 * its pgd, pud and pmd entries, at their indexes, with the frame
 * pagemap gives for it.
 */
#include <sys/mman.h>
#include "ptlib.h"

int main(void)
{
	char *a = mmap((void *)0x40000000, 4 * P, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	char *far = mmap((void *)0x7f0000400000, P, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	char line[256];

	a[P] = 1;
	far[0] = 2;
	read_file("/proc/self/pagetable");
	ok(!strncmp(proc_buf, "pgd 0x", 6), "the dump starts with the pgd's address");
	ok(pte_line(a + P, line, sizeof(line)), "0x40001000: pgd[0] > pud[1] > pmd[0] > pte[1]");
	ok(line_pfn(line) && line_pfn(line) == pfn_of(a + P), "with the frame pagemap gives");
	ok(!pte_line(a + 2 * P, line, sizeof(line)), "an untouched page has no PTE line");
	ok(pte_line(far, line, sizeof(line)), "0x7f0000400000: pgd[254] > pud[0] > pmd[2] > pte[0]");
	ok(line_pfn(line) == pfn_of(far), "with its frame");
	return tap_done();
}
