// SPDX-License-Identifier: GPL-2.0
/*
 * The active list is not a refuge: pages once in use, then left alone,
 * go back to the inactive list and out to swap when memory is needed.
 * A tmpfs file (a memfd) of three fifths of the RAM is read twice with
 * read(2), which marks its pages accessed twice: active (Active(anon)
 * grows). Then the program writes three times the RAM of anonymous
 * memory. With the inactive list short beside the active one
 * (inactive_is_low), shrink_active_list moves the file's pages back to
 * the inactive list (pgdeactivate), 32 at a time, and, unread since,
 * they are written to swap: at the end a good part of the file is no
 * longer resident (mincore of a mapping of it; after 2x the RAM, 49% on
 * Linux 6.1, 22% on Faultline). Reclaim that never deactivated would
 * keep all of it in memory for good.
 *
 * It needs a swap disk of at least 4 times the RAM (tests/reclaim.sh
 * attaches one); elsewhere it skips.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/mman.h>
#include "swaplib.h"
#include "proclib.h"

#define P	4096UL

static unsigned long resident(const char *p, unsigned long pages)
{
	static unsigned char vec[1 << 16];
	unsigned long n = 0;

	if (pages > sizeof(vec) || mincore((void *)p, pages * P, vec))
		return ~0UL;
	for (unsigned long i = 0; i < pages; i++)
		n += vec[i] & 1;
	return n;
}

int main(void)
{
	static char buf[1 << 16];
	unsigned long mem_pages, file_pages, anon_pages, in_memory;
	long mem_kb, active_before, deact;
	char *map;
	volatile char *anon;
	int fd;

	swap_test_begin();
	if (swapon(SWAP_DEV, 0)) {
		printf("Bail out! swapon " SWAP_DEV ": %s\n", strerror(errno));
		return 1;
	}
	mem_kb = swap_meminfo("MemTotal");
	if (swap_meminfo("SwapTotal") < mem_kb * 4) {
		swap_test_end();
		printf("1..0 # SKIP the swap disk is smaller than 4 times the RAM\n");
		return 0;
	}
	mem_pages = (unsigned long)mem_kb / 4;
	file_pages = mem_pages * 3 / 5;
	anon_pages = mem_pages * 3;
	fd = memfd_create("reclaim_active", 0);
	if (fd < 0 || ftruncate(fd, (off_t)(file_pages * P))) {
		printf("Bail out! memfd: %s\n", strerror(errno));
		return 1;
	}
	memset(buf, 0x5a, sizeof(buf));
	for (unsigned long off = 0; off < file_pages * P; off += sizeof(buf))
		pwrite(fd, buf, sizeof(buf), (off_t)off);
	active_before = swap_meminfo("Active(anon)");
	for (int pass = 0; pass < 2; pass++)
		for (unsigned long off = 0; off < file_pages * P; off += sizeof(buf))
			pread(fd, buf, sizeof(buf), (off_t)off);
	ok(swap_meminfo("Active(anon)") - active_before > (long)file_pages * 4 / 2,
	   "read twice, most of the file's pages are active (Active(anon))");

	deact = vmstat_value("pgdeactivate");
	anon = mmap(NULL, anon_pages * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	map = mmap(NULL, file_pages * P, PROT_READ, MAP_SHARED, fd, 0);
	if (anon == MAP_FAILED || map == MAP_FAILED) {
		printf("Bail out! mmap: %s\n", strerror(errno));
		return 1;
	}
	for (unsigned long i = 0; i < anon_pages; i++)
		anon[i * P] = 1;
	ok(vmstat_value("pgdeactivate") > deact, "writing 3x the RAM deactivated pages (pgdeactivate)");
	in_memory = resident(map, file_pages);
	ok(in_memory < file_pages * 9 / 10, "and over a tenth of the file went out to swap (mincore)");
	if (in_memory >= file_pages * 9 / 10)
		printf("#   %lu of the file's %lu pages still in memory\n", in_memory, file_pages);
	munmap(map, file_pages * P);
	munmap((void *)anon, anon_pages * P);
	close(fd);
	ok(swapoff(SWAP_DEV) == 0, "swapoff: nothing is left in swap");
	swap_test_end();
	return tap_done();
}
