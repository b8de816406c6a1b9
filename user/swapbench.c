// SPDX-License-Identifier: GPL-2.0
/*
 * swapbench: what swapping a page out and back in costs, per page. make
 * bench runs it on Faultline and on Linux 6.1, each with a swap disk of
 * the same size swapped on (scripts/qrun --swap), both under -icount,
 * and prints the figures side by side.
 *
 * Each round writes NPAGES private anonymous pages (dirty), then times
 *
 *   swap-out  madvise(MADV_PAGEOUT) of all of them: isolating each from
 *             its LRU list, a swap slot and the swap cache, unmapping it
 *             through the rmap, and submitting its write (one bio a page
 *             on Faultline; Linux may plug neighbours). Both kernels
 *             return once the writes are submitted: their completion (the
 *             disk's interrupt, PG_writeback cleared) is not in the
 *             figure, nor is the disk's own time.
 *   swap-in   writing one byte of each page again: the fault on its swap
 *             entry, the swap cache lookup, and mapping it back. Neither
 *             kernel frees a page it wrote for MADV_PAGEOUT until memory
 *             runs short, so the page is usually still in the swap cache
 *             and no disk is read; "pages read from disk per page" says
 *             were (pswpin), on each kernel.
 *
 * Under -icount a guest instruction is a virtual ns, but a disk's
 * completion interrupt arrives when the host has done the I/O, so
 * whichever timed stretch it lands in pays for it; and a wait for the
 * disk with the CPU idle jumps the clock to the next timer. So before
 * each timed stretch the program waits, untimed, until no page is under
 * writeback (settle()), and reports the median of ROUNDS rounds. A page
 * still under writeback would also be skipped by MADV_PAGEOUT, leaving
 * fewer pages written than asked: the program checks that none was.
 * For the same reason a swap-in that reads the disk is not timed here:
 * it waits for the disk with the CPU idle, and its figure would be the
 * distance to the next timer, not the kernel's work.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "benchlib.h"

#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT	21
#endif

#define NPAGES		256
#define NPAGES_TEXT	"256"
#define ROUNDS		15
#define PAGE		4096UL

/* A counter of /proc/vmstat, or -1. */
static long vmstat(const char *name)
{
	static char buf[1 << 14];
	int fd = open("/proc/vmstat", O_RDONLY);
	size_t len = strlen(name);
	long n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	for (char *p = buf; p; p = strchr(p, '\n'), p = p ? p + 1 : p)
		if (!strncmp(p, name, len) && p[len] == ' ')
			return strtol(p + len + 1, NULL, 10);
	return -1;
}

/*
 * Wait, the CPU idle, until no page is under writeback (vmstat's
 * nr_writeback; on Linux after vm.stat_refresh folds its per-CPU deltas,
 * on Faultline, whose counters are exact, the write does nothing).
 */
static void settle(void)
{
	for (int i = 0; i < 10000; i++) {
		int fd = open("/proc/sys/vm/stat_refresh", O_WRONLY);

		if (fd >= 0) {
			write(fd, "1", 1);
			close(fd);
		}
		if (vmstat("nr_writeback") == 0)
			return;
		usleep(1000);
	}
	fprintf(stderr, "swapbench: the writes did not end\n");
	exit(1);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return v[n / 2];
}

int main(void)
{
	double out_ns[ROUNDS], in_ns[ROUNDS];
	long pswpin, pswpout;
	char *p = mmap(NULL, NPAGES * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("swapbench: mmap");
		return 1;
	}
	memset(p, 1, NPAGES * PAGE);
	pswpin = vmstat("pswpin");
	pswpout = vmstat("pswpout");
	for (int r = -1; r < ROUNDS; r++) {	/* round -1 warms up */
		long long t0;

		settle();
		t0 = now_ns();
		if (madvise(p, NPAGES * PAGE, MADV_PAGEOUT)) {
			perror("swapbench: MADV_PAGEOUT");
			return 1;
		}
		if (r >= 0)
			out_ns[r] = (double)(now_ns() - t0) / NPAGES;
		settle();
		t0 = now_ns();
		for (unsigned long i = 0; i < NPAGES; i++)
			p[i * PAGE] = (char)r;
		if (r >= 0)
			in_ns[r] = (double)(now_ns() - t0) / NPAGES;
		if (r == -1) {
			pswpin = vmstat("pswpin");
			pswpout = vmstat("pswpout");
		}
	}
	pswpin = vmstat("pswpin") - pswpin;
	pswpout = vmstat("pswpout") - pswpout;
	if (pswpout < NPAGES * ROUNDS) {
		fprintf(stderr, "swapbench: %ld pages written for %d: no swap?\n", pswpout,
			NPAGES * ROUNDS);
		return 1;
	}
	report("swap-out (MADV_PAGEOUT of " NPAGES_TEXT " dirty pages), per page",
	       median(out_ns, ROUNDS), "ns");
	report("swap-in (write fault on a swapped-out page), per page", median(in_ns, ROUNDS), "ns");
	report("swap-in, pages read from disk per page", (double)pswpin / (NPAGES * ROUNDS), "pages");
	return 0;
}
