// SPDX-License-Identifier: GPL-2.0
/*
 * Swap readahead, with the swap disk on: a fault on a swapped-out page
 * reads the aligned block of slots around it (6.1's
 * swap_cluster_readahead: the oracle's virtio disk is rotational), and
 * the block's size follows the readahead hits (swapin_nr_pages). Pages
 * are read back sequentially, with a stride, backwards, and in a
 * child after fork; each time pswpin, pgmajfault, swap_ra, swap_ra_hit
 * and the process's ru_majflt must be 6.1's (ru_majflt only where no
 * fault can meet a read still in flight: see stride 4).
 *
 * The slots: MADV_PAGEOUT gives them in address order, the regions one
 * after the other on a fresh area: w at slots 1..32, a at 33..96, b at
 * 97..160, c at 161..224 (pagemap shows them). Block sizes carry over
 * from one fault to the next (and from earlier programs), so four
 * faults on w far apart come first: however they start, each halves
 * the block, and after them it is 1, with no hits pending.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include "swaplib.h"
#include "proclib.h"

#define P	4096UL
#define N	64

struct counts {
	long pswpin, pgmajfault, swap_ra, swap_ra_hit, majflt;
};

static void counts_now(struct counts *c)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	c->pswpin = vmstat_value("pswpin");
	c->pgmajfault = vmstat_value("pgmajfault");
	c->swap_ra = vmstat_value("swap_ra");
	c->swap_ra_hit = vmstat_value("swap_ra_hit");
	c->majflt = ru.ru_majflt;
}

/* The counts since *c, into *c. */
static void counts_since(struct counts *c)
{
	struct counts now;

	counts_now(&now);
	*c = (struct counts){ now.pswpin - c->pswpin, now.pgmajfault - c->pgmajfault,
			      now.swap_ra - c->swap_ra, now.swap_ra_hit - c->swap_ra_hit,
			      now.majflt - c->majflt };
}

static void expect_io(const char *what, const struct counts *got, const struct counts *want)
{
	ok_eq(want->pswpin, got->pswpin, "%s: pswpin %ld", what, want->pswpin);
	ok_eq(want->pgmajfault, got->pgmajfault, "%s: pgmajfault %ld", what, want->pgmajfault);
	ok_eq(want->swap_ra, got->swap_ra, "%s: swap_ra %ld", what, want->swap_ra);
	ok_eq(want->swap_ra_hit, got->swap_ra_hit, "%s: swap_ra_hit %ld", what, want->swap_ra_hit);
}

static void expect(const char *what, const struct counts *got, const struct counts *want)
{
	expect_io(what, got, want);
	ok_eq(want->majflt, got->majflt, "%s: ru_majflt %ld", what, want->majflt);
}

static long sysctl_value(const char *name)
{
	char path[64], buf[32] = "";
	int fd;

	snprintf(path, sizeof(path), "/proc/sys/vm/%s", name);
	fd = open(path, O_RDONLY);
	if (fd < 0 || read(fd, buf, sizeof(buf) - 1) <= 0)
		buf[0] = '\0';
	if (fd >= 0)
		close(fd);
	return buf[0] ? atol(buf) : -1;
}

static int sysctl_set(const char *name, long value)
{
	char path[64], buf[32];
	int fd, len, ret;

	snprintf(path, sizeof(path), "/proc/sys/vm/%s", name);
	len = snprintf(buf, sizeof(buf), "%ld\n", value);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -1;
	ret = write(fd, buf, (size_t)len) == len ? 0 : -1;
	close(fd);
	return ret;
}

static char *filled(int n)
{
	char *p = mmap(NULL, n * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	for (int i = 0; i < n; i++)
		memset(p + i * P, i + 1, P);
	return p;
}

/*
 * Page the n pages at p out until the swap cache holds none of them.
 * MADV_PAGEOUT leaves a page in the cache while the disk writes it (the
 * write ends by interrupt); such a page, once written, goes when it is
 * mapped again (a swap cache hit, no disk read) and paged out once more,
 * clean. The loop waits for the disk, however long it takes; it checks
 * no time. (A page touched while still being written counts a
 * readahead hit on both kernels, as PG_readahead is PG_reclaim: the
 * warm-up below absorbs it.)
 */
static void page_out(char *p, int n)
{
	unsigned char vec[N];
	volatile char c;
	int cached;

	madvise(p, n * P, MADV_PAGEOUT);
	for (;;) {
		mincore(p, n * P, vec);
		cached = 0;
		for (int i = 0; i < n; i++)
			cached |= vec[i] & 1;
		if (!cached)
			break;
		usleep(20000);
		for (int i = 0; i < n; i++)
			if (vec[i] & 1)
				c = p[i * P];
		madvise(p, n * P, MADV_PAGEOUT);
	}
	(void)c;
}

static unsigned long slot_of(const void *addr)
{
	int fd = open("/proc/self/pagemap", O_RDONLY);
	uint64_t e = 0;

	pread(fd, &e, sizeof(e), (off_t)((uintptr_t)addr / P * sizeof(e)));
	close(fd);
	return (e >> 62) == 1 ? (unsigned long)((e >> 5) & ((1ULL << 50) - 1)) : 0;
}

static int contents_ok(const char *p, int n)
{
	for (int i = 0; i < n; i++)
		if (p[i * P] != (char)(i + 1) || p[i * P + P - 1] != (char)(i + 1))
			return 0;
	return 1;
}

/* A child reads the region in order and exits with its own ru_majflt. */
static int child_majflt(const char *p)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		struct rusage ru;

		if (!contents_ok(p, N))
			_exit(255);
		getrusage(RUSAGE_SELF, &ru);
		_exit((int)ru.ru_majflt);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(void)
{
	struct counts got, want;
	char *w, *a, *b, *c;
	volatile char x;

	swap_test_begin();
	ok(swapon(SWAP_DEV, 0) == 0, "swapon " SWAP_DEV);
	w = filled(32);
	a = filled(N);
	b = filled(N);
	c = filled(N);
	page_out(w, 32);
	page_out(a, N);
	page_out(b, N);
	page_out(c, N);
	ok(slot_of(w) == 1 && slot_of(a) == 33 && slot_of(a + (N - 1) * P) == 96 &&
	   slot_of(b) == 97 && slot_of(c) == 161, "the regions' slots follow each other from 1");

	for (int i = 0; i < 32; i += 10)
		x = w[i * P];

	/*
	 * In order: a[0] is not next to the last fault: 1 page. a[1] is:
	 * 2 (a[2] ahead). a[2] is a hit, so a[3]'s block is 4, ... then 8:
	 * 11 faults read 71 pages, 7 of them past a's end, into b.
	 */
	counts_now(&got);
	for (int i = 0; i < N; i++)
		x = a[i * P];
	counts_since(&got);
	want = (struct counts){ 71, 11, 60, 53, 11 };
	expect("sequential", &got, &want);
	ok(contents_ok(a, N), "sequential: every page has its bytes");

	/*
	 * Every 4th page, four passes: the first pass's faults hit little
	 * (the blocks shrink as hits stay few), later passes find pages
	 * the earlier ones read ahead.
	 */
	counts_now(&got);
	for (int k = 0; k < 4; k++)
		for (int i = k; i < N; i += 4)
			x = b[i * P];
	counts_since(&got);
	want = (struct counts){ 57, 45, 12, 19, 45 };
	expect_io("stride 4", &got, &want);
	/*
	 * Here a block can be split by pages already cached: a fault may
	 * then find a page whose read is still in flight. 6.1 waits for it
	 * by retrying the fault, and counts the retried fault major in
	 * ru_majflt (not in pgmajfault), as the disk's timing has it.
	 */
	ok(got.majflt >= got.pgmajfault, "stride 4: ru_majflt counts at least the pgmajfault faults");
	ok(contents_ok(b, N), "stride 4: every page has its bytes");

	/* Backwards: the blocks are aligned, so each read serves the faults below it too. */
	counts_now(&got);
	for (int i = N - 1; i >= 0; i--)
		x = c[i * P];
	counts_since(&got);
	want = (struct counts){ 64, 11, 53, 53, 11 };
	expect("backwards", &got, &want);
	ok(contents_ok(c, N), "backwards: every page has its bytes");
	(void)x;

	/*
	 * After fork: both share a's swap entries again. The child's faults
	 * read them (its own major faults), its blocks sized by the hits
	 * the backwards reads left (b's pages past a's end are still in the
	 * cache: no read); the parent then finds every page in the swap
	 * cache, the readahead marks already spent.
	 */
	page_out(a, N);
	counts_now(&got);
	ok_eq(9, child_majflt(a), "fork: the child's reads in order are 9 major faults");
	counts_since(&got);
	want = (struct counts){ 65, 9, 56, 55, 0 };
	expect("fork: the child", &got, &want);
	counts_now(&got);
	ok(contents_ok(a, N), "fork: the parent reads the same bytes");
	counts_since(&got);
	want = (struct counts){ 0, 0, 0, 0, 0 };
	expect("fork: the parent", &got, &want);

	/* vm.page-cluster 0: one page a fault, no readahead. */
	page_out(b, N);
	ok_eq(3, sysctl_value("page-cluster"), "vm.page-cluster is 3");
	ok_eq(0, sysctl_set("page-cluster", 0), "vm.page-cluster set to 0");
	counts_now(&got);
	ok(contents_ok(b, N), "page-cluster 0: every page has its bytes");
	counts_since(&got);
	want = (struct counts){ N, N, 0, 0, N };
	expect("page-cluster 0", &got, &want);
	ok_eq(0, sysctl_set("page-cluster", 3), "vm.page-cluster back to 3");

	ok_eq(0, munmap(w, 32 * P) | munmap(a, N * P) | munmap(b, N * P) | munmap(c, N * P),
	      "munmap");
	ok(swapoff(SWAP_DEV) == 0, "swapoff: no slot is left in use, none hides in a cache");
	swap_test_end();
	return tap_done();
}
