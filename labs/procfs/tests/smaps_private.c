// SPDX-License-Identifier: GPL-2.0
/*
 * Lab procfs: the smaps record of anonymous memory the process wrote:
 * every written page resident, its own (Pss = Rss), private and dirty.
 */
#include <sys/mman.h>
#include "lablib.h"

int main(void)
{
	char *m = mmap(NULL, 32 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	volatile char sink = 0;

	for (int i = 0; i < 10; i++)
		m[i * P] = 1;
	for (int i = 10; i < 20; i++)
		sink += m[i * P];		/* the zero page: not counted */
	ok_eq(40, vma_field(m, "Rss:"), "10 written pages: Rss 40 kB (read ones map the zero page)");
	ok_eq(40, vma_field(m, "Pss:"), "Pss 40 kB: all ours");
	ok_eq(40, vma_field(m, "Private_Dirty:"), "Private_Dirty 40 kB");
	ok_eq(0, vma_field(m, "Shared_Dirty:") + vma_field(m, "Shared_Clean:"), "nothing shared");
	ok_eq(40, vma_field(m, "Anonymous:"), "Anonymous 40 kB");
	ok_eq(40, vma_field(m, "Pss_Dirty:"), "Pss_Dirty 40 kB");
	(void)sink;
	return tap_done();
}
