// SPDX-License-Identifier: GPL-2.0
/*
 * The second chance: pages in use stay in memory while reclaim streams
 * a much larger cold working set through swap. A hot set of a
 * sixteenth of the RAM is read after every 128th of the RAM the program
 * writes of a cold set three times the RAM. Reclaim finds the hot pages
 * young each time they reach the inactive list's tail (page_referenced)
 * and keeps or activates them, so they seldom go out; reclaim that
 * ignored the accessed bits would evict each about once per pass of the
 * stream through the lists, three times in all, and each time the next
 * read would fault it back in. Every fault counts, minor too: swap
 * readahead brings an evicted page back into the swap cache with its
 * neighbours, so its fault need not read the disk. (Some do go out even
 * so: a page met twice between two reads, while the lists are short, is
 * evicted; on Faultline under TCG it is under one time per hot page.)
 *
 * It needs a swap disk of at least 3.5 times the RAM (tests/reclaim.sh
 * attaches one); elsewhere it skips.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include "swaplib.h"
#include "proclib.h"

#define P	4096UL

/* Faults of any kind: a hot page found unmapped faults, read from disk or not. */
static long faults(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_majflt + ru.ru_minflt;
}

int main(void)
{
	unsigned long mem_pages, hot_pages, cold_pages, chunk, rounds = 0;
	long mem_kb, hot_faults = 0, cold_faults, before;
	volatile char *hot, *cold;
	unsigned long bad = 0;

	swap_test_begin();
	if (swapon(SWAP_DEV, 0)) {
		printf("Bail out! swapon " SWAP_DEV ": %s\n", strerror(errno));
		return 1;
	}
	mem_kb = swap_meminfo("MemTotal");
	if (swap_meminfo("SwapTotal") * 2 < mem_kb * 7) {
		swap_test_end();
		printf("1..0 # SKIP the swap disk is smaller than 3.5 times the RAM\n");
		return 0;
	}
	mem_pages = (unsigned long)mem_kb / 4;
	hot_pages = mem_pages / 16;
	cold_pages = mem_pages * 3;
	chunk = mem_pages / 128;
	hot = mmap(NULL, hot_pages * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	cold = mmap(NULL, cold_pages * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (hot == MAP_FAILED || cold == MAP_FAILED) {
		printf("Bail out! mmap: %s\n", strerror(errno));
		return 1;
	}
	for (unsigned long i = 0; i < hot_pages; i++)
		hot[i * P] = (char)i;

	before = faults();
	for (unsigned long done = 0; done < cold_pages; done += chunk, rounds++) {
		long f;

		for (unsigned long i = done; i < done + chunk && i < cold_pages; i++)
			cold[i * P] = (char)i;
		f = faults();
		for (unsigned long i = 0; i < hot_pages; i++)
			bad += hot[i * P] != (char)i;
		hot_faults += faults() - f;
	}
	cold_faults = faults() - before - hot_faults;
	ok_eq(0, bad, "the hot pages read back intact, every round");
	ok(hot_faults < 2 * (long)hot_pages,
	   "the hot set stays mapped: its pages fault back in under twice each");
	if (hot_faults >= 2 * (long)hot_pages)
		printf("#   %lu rounds of %lu hot pages: %ld faults (the cold set: %ld)\n",
		       rounds, hot_pages, hot_faults, cold_faults);
	ok(swap_meminfo("SwapFree") < swap_meminfo("SwapTotal"),
	   "the cold set went to swap");
	munmap((void *)hot, hot_pages * P);
	munmap((void *)cold, cold_pages * P);
	ok(swapoff(SWAP_DEV) == 0, "swapoff: nothing is left in swap");
	swap_test_end();
	return tap_done();
}
