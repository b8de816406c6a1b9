// SPDX-License-Identifier: GPL-2.0
/*
 * tmpfs pages in swap, with a swap disk on: MADV_PAGEOUT of a shared
 * mapping of a tmpfs file (a memfd) writes each page to a slot
 * (pswpout), takes it out of the page cache (meminfo Shmem, the
 * process's RssShmem) and leaves its swap entry in the file (smaps Swap,
 * the file's st_blocks unchanged); pagemap shows nothing there, as 6.1
 * does not report a file's swap. Reading back gives the same bytes,
 * through the mapping and read(2). Truncating, punching a hole and
 * closing the file free its slots (swapoff at the end fails if one was
 * left). SwapFree is not compared: 6.1 gives slots back 64 at a time
 * through a per-CPU slot cache (see swap_pageout.c); nor are major
 * faults or pswpin counted exactly: whether a page is still in the swap
 * cache depends on when the disk ended its write, and 6.1 reads ahead.
 * The meminfo numbers are deltas of this program's own pages.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/resource.h>
#include "swaplib.h"
#include "proclib.h"

#define N	32
#define P	4096UL

/* The byte at offset j of page i: a pattern no two pages share. */
static char pattern(int i, unsigned long j)
{
	return (char)(i * 7 + j / 512 + 1);
}

static void fill(char *p, int first, int n)
{
	for (int i = first; i < first + n; i++)
		for (unsigned long j = 0; j < P; j++)
			p[i * P + j] = pattern(i, j);
}

/* Pages first..first+n-1 at p hold their pattern. */
static int contents_ok(const char *p, int first, int n)
{
	for (int i = first; i < first + n; i++)
		for (unsigned long j = 0; j < P; j += 64)
			if (p[i * P + j] != pattern(i, j))
				return 0;
	return 1;
}

static long status_kb(const char *name)
{
	read_file("/proc/self/status");
	return field(name);
}

static long rollup_kb(const char *name)
{
	read_file("/proc/self/smaps_rollup");
	return field(name);
}

static long meminfo_kb(const char *name)
{
	read_file("/proc/meminfo");
	return field(name);
}

static long blocks_of(int fd)
{
	struct stat st;

	return fstat(fd, &st) ? -1 : (long)st.st_blocks;
}

/* How many of n pages at p pagemap shows present (bit 63) or swapped (bit 62). */
static int pagemap_pages(const char *p, int n)
{
	int fd = open("/proc/self/pagemap", O_RDONLY), got = 0;

	for (int i = 0; i < n; i++) {
		uint64_t e = 0;

		pread(fd, &e, sizeof(e), (off_t)((uintptr_t)(p + i * P) / P * sizeof(e)));
		got += (e >> 62) != 0;
	}
	close(fd);
	return got;
}

static int zeros(const char *p, unsigned long len)
{
	for (unsigned long j = 0; j < len; j++)
		if (p[j])
			return 0;
	return 1;
}

int main(void)
{
	long out, shmem, rss_shmem, vmswap, pss_shmem;
	char *p, *q, buf[P];
	int fd;

	swap_test_begin();
	ok(swapon(SWAP_DEV, 0) == 0, "swapon " SWAP_DEV);
	fd = memfd_create("shmem_swap", 0);
	ok_eq(0, ftruncate(fd, N * P), "a tmpfs file of %d pages", N);
	p = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	fill(p, 0, N);
	ok_eq(N * 8L, blocks_of(fd), "st_blocks: %d pages", N);

	pss_shmem = rollup_kb("Pss_Shmem");	/* with the program's own text if tmpfs has it */
	out = vmstat_value("pswpout");
	shmem = meminfo_kb("Shmem");
	rss_shmem = status_kb("RssShmem");
	vmswap = status_kb("VmSwap");
	ok_eq(0, madvise(p, N * P, MADV_PAGEOUT), "MADV_PAGEOUT of the shared mapping");
	ok_eq(N, vmstat_value("pswpout") - out, "pswpout grew by %d", N);
	ok_eq(N * 4, vma_field(p, "Swap:"), "smaps: Swap %d kB (the file's pages in swap)", N * 4);
	ok_eq(0, vma_field(p, "SwapPss:"), "SwapPss 0: 6.1 counts no share of a file's swap");
	ok_eq(N * 4, rollup_kb("Swap"), "smaps_rollup: Swap %d kB", N * 4);
	ok_eq(0, vma_field(p, "Rss:"), "Rss 0");
	/*
	 * 6.1's meminfo sums per-CPU counters that lag by a threshold, and
	 * its status RSS counters lag by a task's cached fault counts: the
	 * falls are compared loosely there, exactly in smaps_rollup.
	 */
	shmem -= meminfo_kb("Shmem");
	ok(shmem >= N * 2 && shmem <= N * 4 + 64, "meminfo: Shmem fell by about %d kB", N * 4);
	ok(status_kb("RssShmem") < rss_shmem, "status: RssShmem fell");
	ok_eq(N * 4, pss_shmem - rollup_kb("Pss_Shmem"), "smaps_rollup: Pss_Shmem fell by %d kB",
	      N * 4);
	ok_eq(0, status_kb("VmSwap") - vmswap, "status: VmSwap unchanged (it counts swap PTEs only)");
	ok_eq(0, pagemap_pages(p, N), "pagemap: no page present or swapped (a file's swap is not shown)");
	ok_eq(N * 8L, blocks_of(fd), "st_blocks unchanged: pages in swap are the file's");

	ok(contents_ok(p, 0, N / 2), "read back through the mapping: the bytes are the same");
	ok_eq(N / 2 * 4, vma_field(p, "Swap:"), "Swap %d kB: half came back", N / 2 * 4);
	ok_eq((ssize_t)P, pread(fd, buf, P, (N - 1) * P), "read(2) of a page in swap");
	ok(buf[0] == pattern(N - 1, 0) && buf[P - 1] == pattern(N - 1, P - 1), "gives its bytes");
	ok_eq(N / 2 * 4 - 4, vma_field(p, "Swap:"), "and brings it back (Swap %d kB)", N / 2 * 4 - 4);
	ok(contents_ok(p, N / 2, N / 2), "the rest read back through the mapping");
	ok_eq(0, vma_field(p, "Swap:"), "Swap 0");
	ok_eq(N * 4, vma_field(p, "Rss:"), "Rss %d kB", N * 4);

	/* A private writable mapping: the file's swap shows where no COW copy is. */
	q = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	q[0] = 'x';	/* a COW copy of page 0: its own, not the file's */
	madvise(p, N * P, MADV_PAGEOUT);
	ok_eq(N * 4, vma_field(p, "Swap:"), "paged out again: Swap %d kB", N * 4);
	ok_eq((N - 1) * 4, vma_field(q, "Swap:"), "a private mapping: Swap %d kB, not its COW page",
	      (N - 1) * 4);
	ok(q[0] == 'x' && contents_ok(q, 1, 2), "the private mapping reads its copy and the file");
	munmap(q, N * P);

	/* The file's pages in swap go with it: truncate, hole punch, partial page. */
	ok_eq(0, ftruncate(fd, N / 2 * P), "truncate to %d pages", N / 2);
	ok_eq(N / 2 * 8L, blocks_of(fd), "st_blocks: %d pages, in memory or in swap", N / 2);
	ok_eq(0, fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 4 * P, 4 * P),
	      "punch a hole of 4 pages");
	ok_eq(N / 2 * 8L - 32, blocks_of(fd), "st_blocks: 4 pages fewer");
	ok(zeros(p + 4 * P, 4 * P), "the hole reads as zeros");
	ok_eq(0, ftruncate(fd, 10 * P + 100), "truncate into the middle of a page in swap");
	ok_eq(0, ftruncate(fd, N / 2 * P), "and grow again");
	ok(contents_ok(p, 8, 2) && contents_ok(p, 0, 1), "the pages before hold their bytes");
	ok(p[10 * P] == pattern(10, 0) && p[10 * P + 99] == pattern(10, 99) &&
	   zeros(p + 10 * P + 100, P - 100), "the cut page keeps 100 bytes, zeros after");
	ok(zeros(p + 11 * P, 5 * P), "the pages after read as zeros");

	/* Closing the last reference frees what the file still has in swap. */
	fill(p, 0, N / 2);
	madvise(p, N / 2 * P, MADV_PAGEOUT);
	ok_eq(N / 2 * 4, vma_field(p, "Swap:"), "paged out: Swap %d kB", N / 2 * 4);
	ok_eq(0, munmap(p, N * P) | close(fd), "munmap and close the file with pages in swap");
	ok(swapoff(SWAP_DEV) == 0, "swapoff: no slot is left in use");
	swap_test_end();
	return tap_done();
}
