// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/meminfo and /proc/vmstat around known allocations: how much
 * each counter moved while this process touched anonymous memory,
 * mapped file pages, wrote shared anonymous memory, and unmapped it all.
 * The deltas are exact on both kernels (one process runs; nothing else
 * allocates user memory meanwhile), so they are printed and compared.
 *
 * Not printed, and why: the absolute values (the kernels differ in size
 * and in what they keep), and MemFree's delta, which Linux blurs with
 * its per-CPU page lists (checked loosely instead). Both files list the
 * same names in the same order on both kernels: the names are printed.
 */
#include <sys/mman.h>
#include "tap.h"
#include "testlib.h"
#include "proclib.h"

#define P 4096
#define NPAGES 1024
#define MAX_ITEMS 256

struct snap {
	int n;
	char name[MAX_ITEMS][40];
	long val[MAX_ITEMS];
};

/* Every "name value" (vmstat) or "Name: value kB" (meminfo) line of path. */
static void take(struct snap *s, const char *path)
{
	char *p, *e;

	s->n = 0;
	read_file(path);
	for (p = proc_buf; *p && s->n < MAX_ITEMS; p = *e ? e + 1 : e) {
		char *sep;

		e = line_end(p);
		sep = p + strcspn(p, ": ");
		snprintf(s->name[s->n], sizeof(s->name[0]), "%.*s", (int)(sep - p), p);
		s->val[s->n++] = strtol(sep + 1 + (*sep == ':'), NULL, 10);
	}
}

static long get(const struct snap *s, const char *name)
{
	for (int i = 0; i < s->n; i++)
		if (!strcmp(s->name[i], name))
			return s->val[i];
	return -999999;
}

static struct snap m0, m1, v0, v1;

/*
 * Linux keeps per-CPU deltas of its memory counters and folds them into
 * the totals only when they pass a threshold, or now and then: writing
 * vm.stat_refresh folds them at once, so the totals read next are exact.
 * Faultline's counters are exact at every moment, and it has no
 * /proc/sys: there the open fails and nothing needs doing.
 */
static void settle(void)
{
	int fd = open("/proc/sys/vm/stat_refresh", O_WRONLY);

	if (fd >= 0) {
		write(fd, "1", 1);
		close(fd);
	}
}

static long own_faults;		/* this process's faults in the window (getrusage) */

static void snap_before(void)
{
	settle();
	take(&m0, "/proc/meminfo");
	take(&v0, "/proc/vmstat");
	take(&m0, "/proc/meminfo");	/* again: the reads themselves have settled */
	take(&v0, "/proc/vmstat");
	own_faults = minflt();
}

static void snap_after(void)
{
	own_faults = minflt() - own_faults;
	settle();
	take(&m1, "/proc/meminfo");
	take(&v1, "/proc/vmstat");
}

/*
 * pgfault counts every task's faults: on Linux another task of the
 * machine (the runner, a timer's signal) may fault inside the window,
 * more often the busier the host. So it prints as this process's own
 * count when it is that plus at most a few others', and raw otherwise.
 */
static void show(const char *const *names, const struct snap *a, const struct snap *b)
{
	for (const char *const *n = names; *n; n++) {
		long delta = get(b, *n) - get(a, *n);

		if (!strcmp(*n, "pgfault") && delta >= own_faults && delta <= own_faults + 8)
			delta = own_faults;
		printf("  %s %+ld\n", *n, delta);
	}
}

static const char *const mem_names[] = {
	"Cached", "AnonPages", "Mapped", "Shmem", "PageTables", "Committed_AS", NULL
};
static const char *const vm_names[] = {
	"nr_anon_pages", "nr_mapped", "nr_file_pages", "nr_shmem", "nr_page_table_pages",
	"pgfault", "pgmajfault", NULL
};

static void report(const char *what)
{
	printf("%s:\n", what);
	show(mem_names, &m0, &m1);
	show(vm_names, &v0, &v1);
}

int main(void)
{
	volatile char sink = 0;
	char *anon, *file, *shared;
	long free_drop;
	int fd;

	/*
	 * Touch every buffer first, so that each window holds only its
	 * activity: the whole of proc_buf too, since a file that grows by a
	 * digit between two reads could reach a page not touched before.
	 */
	memset(&m1, 0, sizeof(m1));
	memset(&v1, 0, sizeof(v1));
	memset(proc_buf, 0, sizeof(proc_buf));

	/* the names, in order */
	take(&m0, "/proc/meminfo");
	printf("meminfo:");
	for (int i = 0; i < m0.n; i++)
		printf(" %s", m0.name[i]);
	take(&v0, "/proc/vmstat");
	printf("\nvmstat:");
	for (int i = 0; i < v0.n; i++)
		printf(" %s", v0.name[i]);
	printf("\n");

	snap_before();
	anon = mmap(NULL, NPAGES * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (int i = 0; i < NPAGES; i++)
		anon[i * P] = 1;
	snap_after();
	report("1024 anonymous pages written");
	free_drop = get(&m0, "MemFree") - get(&m1, "MemFree");
	ok(free_drop >= NPAGES * 4 / 2 && free_drop <= NPAGES * 4 + 64,
	   "MemFree fell by about 4096 kB (per-CPU lists blur it on Linux)");

	snap_before();
	munmap(anon, NPAGES * P);
	snap_after();
	report("and unmapped");
	ok(get(&m1, "MemFree") - get(&m0, "MemFree") >= NPAGES * 4 / 2,
	   "MemFree rose by about 4096 kB again");

	snap_before();
	fd = open("/test/pages.bin", O_RDONLY);
	file = mmap(NULL, 16 * P, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	for (int i = 0; i < 16; i++)
		sink += file[i * P];
	snap_after();
	report("16 file pages read through a mapping");
	snap_before();
	munmap(file, 16 * P);
	snap_after();
	report("and unmapped");

	snap_before();
	shared = mmap(NULL, 8 * P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	for (int i = 0; i < 8; i++)
		shared[i * P] = 1;
	snap_after();
	report("8 shared anonymous pages written");
	snap_before();
	munmap(shared, 8 * P);
	snap_after();
	report("and unmapped");
	(void)sink;
	return tap_done();
}
