// SPDX-License-Identifier: GPL-2.0
/*
 * Lab procfs: a read file mapping's smaps: its mapped cache pages (16 of
 * them from one fault, fault-around) are resident, private to the
 * process (one mapping each), not anonymous, and dirty: a tmpfs page
 * has no disk to be clean against (PageDirty), as on Linux 6.1.
 */
#include <fcntl.h>
#include <sys/mman.h>
#include "lablib.h"

int main(void)
{
	int fd = open("/test/pages.bin", O_RDONLY);
	char *m = mmap((void *)0x10000000, 16 * P, PROT_READ, MAP_PRIVATE, fd, 0);

	close(fd);
	(void)*(volatile char *)m;
	ok_eq(64, vma_field(m, "Rss:"), "one read fault: Rss 64 kB (16 cached pages)");
	ok_eq(64, vma_field(m, "Pss:"), "Pss 64 kB: one mapping each");
	ok_eq(64, vma_field(m, "Private_Dirty:"), "Private_Dirty 64 kB (tmpfs pages are dirty)");
	ok_eq(0, vma_field(m, "Shared_Dirty:") + vma_field(m, "Shared_Clean:"), "nothing shared");
	ok_eq(0, vma_field(m, "Anonymous:"), "Anonymous 0 kB");
	return tap_done();
}
