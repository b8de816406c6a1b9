// SPDX-License-Identifier: GPL-2.0
/*
 * MADV_PAGEOUT of private anonymous pages, with a swap disk on: each
 * page gets a slot, its PTE becomes a swap entry (smaps Swap, pagemap
 * bit 62), it is written out (pswpout), and reading it back gives the
 * same bytes (from the swap cache or the disk, as the disk's timing has
 * it). Then fork shares the swap entries, and unmapping frees every
 * slot. SwapFree falls as the slots cache takes slots: 64 at a time,
 * but only 3 the first time on a fresh area (the scan that finds a
 * free run of 512 slots spends its ration of looks on it). It is
 * compared only after page-outs: after an unmap, a page still under
 * writeback keeps its slot for as long as the disk takes. The swapoff
 * at the end shows that no slot was left in use. The numbers are deltas
 * of this program's own pages.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include "swaplib.h"
#include "proclib.h"

#define N	64
#define P	4096UL

static uint64_t pagemap_of(const void *addr)
{
	int fd = open("/proc/self/pagemap", O_RDONLY);
	uint64_t e = 0;

	pread(fd, &e, sizeof(e), (off_t)((uintptr_t)addr / P * sizeof(e)));
	close(fd);
	return e;
}

/* How many of the N pages at p pagemap shows swapped out (bit 62 set, 63 clear). */
static int swapped_pages(const char *p)
{
	int n = 0;

	for (int i = 0; i < N; i++) {
		uint64_t e = pagemap_of(p + i * P);

		n += (e >> 62) == 1;
	}
	return n;
}

/*
 * How many of the N pages at p kpageflags shows in the swap cache: a
 * read fault leaves the page there, its slot still holding the bytes,
 * until reclaim or a full swap frees it (6.1's should_try_to_free_swap).
 */
static int swapcache_pages(const char *p)
{
	int kf = open("/proc/kpageflags", O_RDONLY), n = 0;

	for (int i = 0; i < N; i++) {
		uint64_t pfn = pagemap_of(p + i * P) & ((1ULL << 55) - 1), flags = 0;

		if (pread(kf, &flags, sizeof(flags), (off_t)(pfn * sizeof(flags))) == sizeof(flags))
			n += (flags >> 13) & 1;		/* KPF_SWAPCACHE */
	}
	close(kf);
	return n;
}

static int contents_ok(const char *p)
{
	for (int i = 0; i < N; i++)
		for (unsigned long j = 0; j < P; j += 512)
			if (p[i * P + j] != (char)(i + 1))
				return 0;
	return 1;
}

static long majflt(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_majflt;
}

int main(void)
{
	long out, in, maj, swapfree;
	char *p, *q;
	pid_t pid;
	int status;

	swap_test_begin();
	ok(swapon(SWAP_DEV, 0) == 0, "swapon " SWAP_DEV);
	p = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (int i = 0; i < N; i++)
		memset(p + i * P, i + 1, P);
	out = vmstat_value("pswpout");
	swapfree = swap_meminfo("SwapFree");
	ok_eq(16380, swapfree, "SwapFree: the disk's 4095 slots");
	ok_eq(0, madvise(p, N * P, MADV_PAGEOUT), "MADV_PAGEOUT of %d written pages", N);
	ok_eq(-(3 + 64) * 4, swap_meminfo("SwapFree") - swapfree,
	      "SwapFree: the slots cache took 3 slots, then 64, and has 3 left");
	ok_eq(N * 4, vma_field(p, "Swap:"), "smaps: Swap %d kB", N * 4);
	ok_eq(N * 4, vma_field(p, "SwapPss:"), "SwapPss the same: the slots are ours alone");
	ok_eq(0, vma_field(p, "Rss:"), "Rss 0");
	ok_eq(N, swapped_pages(p), "pagemap: all %d pages swapped (bit 62), none present", N);
	ok_eq(N, vmstat_value("pswpout") - out, "pswpout grew by %d", N);

	/*
	 * Whether a page is still in the swap cache now depends on when the
	 * disk's interrupt ended its write (a write that ended before
	 * reclaim looked again lets it free the page at once), on 6.1 as
	 * here: so no count of major faults, only the bytes.
	 */
	maj = majflt();
	in = vmstat_value("pswpin");
	ok(contents_ok(p), "read back: every page has its bytes");
	ok_eq(N * 4, vma_field(p, "Rss:"), "Rss %d kB again", N * 4);
	ok_eq(0, vma_field(p, "Swap:"), "Swap 0");
	ok(majflt() - maj <= vmstat_value("pswpin") - in,
	   "each major fault read its page from the disk (pswpin)");
	ok_eq(N, swapcache_pages(p), "kpageflags: a page read back stays in the swap cache (SWAPCACHE)");

	/*
	 * Fresh pages for fork: p's may still be under writeback (the disk
	 * ends it by interrupt, whenever), and reclaim skips those.
	 */
	q = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (int i = 0; i < N; i++)
		memset(q + i * P, i + 1, P);
	swapfree = swap_meminfo("SwapFree");
	madvise(q, N * P, MADV_PAGEOUT);
	ok_eq(-64 * 4, swap_meminfo("SwapFree") - swapfree,
	      "SwapFree: %d more pages out, 64 slots more taken: 3 were cached", N);
	pid = fork();
	if (pid == 0) {
		int good = vma_field(q, "Swap:") == N * 4 && vma_field(q, "SwapPss:") == N * 2 &&
			   contents_ok(q);

		_exit(good ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "fork: the child shares the swap entries (SwapPss halved) and reads the same bytes");
	ok_eq(N * 4, vma_field(q, "SwapPss:"), "the child gone, the slots are ours alone again");
	ok(contents_ok(q), "and the parent reads the same bytes");
	ok_eq(0, munmap(p, N * P) | munmap(q, N * P), "munmap");
	/* Fresh pages again, swapped out and unmapped without a look. */
	p = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(p, 7, N * P);
	swapfree = swap_meminfo("SwapFree");
	madvise(p, N * P, MADV_PAGEOUT);
	ok_eq(-64 * 4, swap_meminfo("SwapFree") - swapfree, "SwapFree: again 64 slots taken");
	ok_eq(N * 4, vma_field(p, "Swap:"), "paged out again: Swap %d kB", N * 4);
	ok_eq(0, munmap(p, N * P), "munmap of swapped-out pages frees their slots");
	ok(swapoff(SWAP_DEV) == 0, "swapoff: no slot is left in use");
	swap_test_end();
	return tap_done();
}
