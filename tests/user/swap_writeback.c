// SPDX-License-Identifier: GPL-2.0
/*
 * The writeback counters around MADV_PAGEOUT with a swap disk on: each
 * page written counts in nr_writeback (and its zone's
 * nr_zone_write_pending, meminfo's Writeback) while the disk writes it,
 * and in nr_written once the write has ended. When the writes end is
 * the disk's affair, so the test waits for nr_writeback to fall back
 * to 0 and compares only what holds then. Linux folds per-CPU deltas
 * into these counters now and then: vm.stat_refresh folds them first
 * (on Faultline, whose counters are exact, the write does nothing).
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include "swaplib.h"
#include "proclib.h"

#define N	64
#define P	4096UL

static void stat_refresh(void)
{
	int fd = open("/proc/sys/vm/stat_refresh", O_WRONLY);

	if (fd >= 0) {
		write(fd, "1", 1);
		close(fd);
	}
}

/* Wait (up to about 10 s) for nr_writeback to reach 0: 0 if it did. */
static int wait_writeback_done(void)
{
	for (int i = 0; i < 10000; i++) {
		stat_refresh();
		if (vmstat_value("nr_writeback") == 0)
			return 0;
		usleep(1000);
	}
	return -1;
}

int main(void)
{
	long written;
	char *p;

	swap_test_begin();
	ok(swapon(SWAP_DEV, 0) == 0, "swapon " SWAP_DEV);
	ok_eq(0, wait_writeback_done(), "nothing under writeback at the start");
	p = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(p, 1, N * P);
	written = vmstat_value("nr_written");
	ok_eq(0, madvise(p, N * P, MADV_PAGEOUT), "MADV_PAGEOUT of %d written pages", N);
	ok_eq(0, wait_writeback_done(), "nr_writeback falls back to 0 once the disk has them");
	ok_eq(N, vmstat_value("nr_written") - written, "nr_written grew by %d", N);
	ok_eq(0, vmstat_value("nr_zone_write_pending"), "nr_zone_write_pending 0 again");
	read_file("/proc/meminfo");
	ok_eq(0, field("Writeback"), "meminfo: Writeback 0 kB again");
	ok_eq(0, munmap(p, N * P), "munmap");
	ok(swapoff(SWAP_DEV) == 0, "swapoff");
	swap_test_end();
	return tap_done();
}
