// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/self/pagemap, /proc/kpagecount and /proc/kpageflags of the pages
 * of known mappings: anonymous (written, read through the zero page,
 * untouched), a private file mapping (clean pages and a copied one), a
 * shared file page, shared anonymous memory, and an anonymous page shared
 * with a forked child. Linux 6.1's pagemap bits: 63 present, 62 swapped,
 * 61 file page or shared anonymous, 56 mapped exactly once, 55
 * soft-dirty; bits 0-54 the page frame number.
 *
 * Masked, and why: frame numbers (where a page lands in physical memory
 * differs) are printed only as "pfn" or "no pfn"; of kpageflags, the LRU
 * bits (lru, active, referenced, idle, ...) are left out because Linux
 * moves pages onto the lists in per-CPU batches that this test does not
 * drain (the lru_* tests compare them, drained), and so are the bits
 * that only say how a kernel keeps its own pages.
 */
#include <stdint.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <signal.h>
#include "tap.h"
#include "proclib.h"
#include "testlib.h"

#define P 4096
#define PM_PFN_MASK	((1ULL << 55) - 1)
#define SHARED_FILE "/tmp/proc-pagemap-shared"

/* kpageflags bits both kernels model the same way */
static const struct { int bit; const char *name; } kpf[] = {
	{ 0, "locked" }, { 3, "uptodate" }, { 4, "dirty" }, { 7, "slab" }, { 10, "buddy" },
	{ 11, "mmap" }, { 12, "anon" }, { 13, "swapcache" }, { 14, "swapbacked" },
	{ 15, "compound_head" }, { 16, "compound_tail" }, { 20, "nopage" },
	{ 24, "zero_page" }, { 26, "pgtable" }, { 34, "mappedtodisk" },
};

static int pagemap_fd, kpagecount_fd, kpageflags_fd;

static uint64_t read_u64(int fd, uint64_t index)
{
	uint64_t v = ~0ULL;

	if (pread(fd, &v, sizeof(v), (off_t)(index * 8)) != sizeof(v))
		return ~0ULL;
	return v;
}

/* One line: what pagemap says of addr, and what kpage* say of its frame. */
static void show_page(const char *what, const void *addr)
{
	uint64_t pm = read_u64(pagemap_fd, (uintptr_t)addr / P);
	uint64_t pfn = pm & PM_PFN_MASK;

	printf("%-22s present %d swapped %d file/shared %d exclusive %d soft-dirty %d %s",
	       what, (int)(pm >> 63 & 1), (int)(pm >> 62 & 1), (int)(pm >> 61 & 1),
	       (int)(pm >> 56 & 1), (int)(pm >> 55 & 1), pfn ? "pfn" : "no pfn");
	if (pfn) {
		uint64_t flags = read_u64(kpageflags_fd, pfn);

		printf(" count %lld flags", (long long)read_u64(kpagecount_fd, pfn));
		for (size_t i = 0; i < sizeof(kpf) / sizeof(kpf[0]); i++)
			if (flags >> kpf[i].bit & 1)
				printf(" %s", kpf[i].name);
	}
	printf("\n");
}

/*
 * One read across a 6 MiB mapping with only its last page touched: the
 * page tables have nothing for most of it (whole empty PMD entries), and
 * every one of those pages still needs its entry, in order.
 */
static void sparse_read(void)
{
	static uint64_t all[1536];
	char *m = mmap(NULL, sizeof(all) / 8 * P, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long n, present = 0, where = -1;

	m[(1536 - 1) * P] = 1;
	n = pread(pagemap_fd, all, sizeof(all), (off_t)((uintptr_t)m / P * 8));
	for (int i = 0; i < 1536; i++)
		if (all[i] >> 63) {
			present++;
			where = i;
		}
	printf("sparse read: %ld bytes, %ld present, at entry %ld\n", n, present, where);
	ok(n == (long)sizeof(all) && present == 1 && where == 1535,
	   "one read across empty page tables gives every entry in its place");
	munmap(m, sizeof(all) / 8 * P);
}

int main(void)
{
	char buf[2 * P];
	char *anon, *fpriv, *fshared, *sanon;
	volatile char sink = 0;
	int fd;
	pid_t child;

	pagemap_fd = open("/proc/self/pagemap", O_RDONLY);
	kpagecount_fd = open("/proc/kpagecount", O_RDONLY);
	kpageflags_fd = open("/proc/kpageflags", O_RDONLY);
	ok(pagemap_fd >= 0 && kpagecount_fd >= 0 && kpageflags_fd >= 0,
	   "pagemap, kpagecount and kpageflags open");

	anon = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	anon[0] = 1;
	sink += anon[P];
	fd = open("/test/pages.bin", O_RDONLY);
	fpriv = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	close(fd);
	sink += fpriv[0];
	fpriv[P] = 'x';
	fd = open(SHARED_FILE, O_RDWR | O_CREAT | O_TRUNC, 0600);
	memset(buf, 's', sizeof(buf));
	write(fd, buf, sizeof(buf));
	fshared = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	fshared[0] = 'S';
	sanon = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	sanon[0] = 1;

	show_page("anon written", anon);
	show_page("anon read (zero page)", anon + P);
	show_page("anon untouched", anon + 2 * P);
	show_page("file private clean", fpriv);
	show_page("file private copied", fpriv + P);
	show_page("file private around", fpriv + 2 * P);
	show_page("file shared written", fshared);
	show_page("file shared unmapped", fshared + P);
	show_page("shared anon written", sanon);
	show_page("shared anon untouched", sanon + P);

	child = fork_pausing_child();
	show_page("anon, child shares it", anon);
	show_page("file private, shared", fpriv);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	show_page("anon, child gone", anon);
	anon[0] = 2;
	show_page("anon written again", anon);

	/* The whole range in one read matches page by page. */
	{
		uint64_t all[4];

		ok(pread(pagemap_fd, all, sizeof(all), (off_t)((uintptr_t)anon / P * 8)) ==
		   sizeof(all) && all[0] == read_u64(pagemap_fd, (uintptr_t)anon / P) &&
		   all[2] == read_u64(pagemap_fd, (uintptr_t)anon / P + 2),
		   "one read of four entries agrees with four reads of one");
	}
	sparse_read();
	unlink(SHARED_FILE);
	(void)sink;
	return tap_done();
}
