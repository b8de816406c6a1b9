// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/zoneinfo: its layout, and its numbers against the rules that
 * make them and against /proc/meminfo, /proc/vmstat and /proc/buddyinfo.
 *
 * Printed: every line with its numbers written as N, so the layout (the
 * zones and their order, each zone's lines, names and columns) is
 * compared line by line with Linux 6.1's. The numbers themselves differ
 * (the kernels keep different amounts of memory), so they are checked,
 * not printed:
 *   - the watermarks as vm.min_free_kbytes and vm.watermark_scale_factor
 *     make them, and "protection" as vm.lowmem_reserve_ratio makes it.
 *     Linux sets both at boot, before it frees its init memory, so they
 *     lag the zones' managed pages; writing each sysctl its own value
 *     sets them again from the pages managed now, on both kernels.
 *   - the zones' free pages against MemFree and buddyinfo, their sizes
 *     against MemTotal, the counters against /proc/vmstat. Linux folds
 *     per-CPU deltas into its counters only now and then (vm.stat_refresh
 *     folds them at once), and the reads themselves allocate, so these
 *     agree within SLACK pages; Faultline's agree exactly.
 * node_unreclaimable is only printed (masked): Linux sets it once kswapd
 * has failed again and again (after a test that filled memory) and
 * clears it when reclaim makes progress, so it tells of earlier tests.
 */
#include <sys/stat.h>
#include "tap.h"
#include "proclib.h"

#define MAX_ZONES	8
#define MAX_LINES	128
#define MAX_PROT	8
#define SLACK		32	/* pages: see above */

struct zinfo {
	char name[16];
	int n;
	char key[MAX_LINES][40];	/* the line's text before its number, trimmed */
	long val[MAX_LINES];
	long prot[MAX_PROT];
	int nprot;
};

static struct zinfo zones[MAX_ZONES];
static int nzones;

static void write_sysctl(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);

	if (fd >= 0) {
		write(fd, text, strlen(text));
		close(fd);
	}
}

/* A sysctl's first number, or -1. */
static long read_sysctl(const char *path)
{
	return read_file(path) < 0 ? -1 : strtol(proc_buf, NULL, 10);
}

/*
 * Set the watermarks and reserves again from the zones as they are now,
 * by writing each sysctl back its own value; then fold Linux's per-CPU
 * counter deltas.
 */
static void refresh(void)
{
	char text[64];

	read_file("/proc/sys/vm/min_free_kbytes");
	snprintf(text, sizeof(text), "%.63s", proc_buf);
	write_sysctl("/proc/sys/vm/min_free_kbytes", text);
	read_file("/proc/sys/vm/lowmem_reserve_ratio");
	snprintf(text, sizeof(text), "%.63s", proc_buf);
	write_sysctl("/proc/sys/vm/lowmem_reserve_ratio", text);
	write_sysctl("/proc/sys/vm/stat_refresh", "1");
}

/* Print a line with each number in it (a word of digits) as N. */
static void print_masked(const char *p, const char *e)
{
	while (p < e) {
		if (*p >= '0' && *p <= '9' && (p[-1] == ' ' || p[-1] == '(')) {
			while (p < e && *p >= '0' && *p <= '9')
				p++;
			putchar('N');
		} else {
			putchar(*p++);
		}
	}
	putchar('\n');
}

/* "        protection: (a, b, ...)" */
static void parse_protection(struct zinfo *z, const char *p)
{
	p = strchr(p, '(');
	for (z->nprot = 0; p && *p != ')' && z->nprot < MAX_PROT; z->nprot++) {
		char *end;

		z->prot[z->nprot] = strtol(p + 1, &end, 10);
		p = end;
	}
}

/* One line of a zone: its text before the last number (trimmed), and that number. */
static void parse_line(struct zinfo *z, char *p, char *e)
{
	char *num = e;

	while (num > p && num[-1] >= '0' && num[-1] <= '9')
		num--;
	if (num == e || z->n == MAX_LINES)
		return;
	while (*p == ' ')
		p++;
	snprintf(z->key[z->n], sizeof(z->key[0]), "%.*s", (int)(num - p), p);
	for (char *k = z->key[z->n] + strlen(z->key[z->n]); k > z->key[z->n] && k[-1] == ' '; k--)
		k[-1] = 0;
	z->val[z->n++] = strtol(num, NULL, 10);
}

/* Read /proc/zoneinfo into zones[], printing it masked. */
static void read_zoneinfo(void)
{
	char *p, *e;

	nzones = 0;
	read_file("/proc/zoneinfo");
	for (p = proc_buf; *p; p = *e ? e + 1 : e) {
		e = line_end(p);
		print_masked(p, e);
		if (!strncmp(p, "Node ", 5) && nzones < MAX_ZONES) {
			struct zinfo *z = &zones[nzones++];
			const char *name = strstr(p, "zone") + 4;

			memset(z, 0, sizeof(*z));
			while (*name == ' ')
				name++;
			snprintf(z->name, sizeof(z->name), "%.*s", (int)(e - name), name);
		} else if (nzones && strstr(p, "protection: (") && strstr(p, "protection: (") < e) {
			parse_protection(&zones[nzones - 1], p);
		} else if (nzones) {
			parse_line(&zones[nzones - 1], p, e);
		}
	}
}

/* The value of the zone's line key (the first such), or -1. */
static long zget(const struct zinfo *z, const char *key)
{
	for (int i = 0; i < z->n; i++)
		if (!strcmp(z->key[i], key))
			return z->val[i];
	return -1;
}

static int populated(const struct zinfo *z)
{
	return zget(z, "present") > 0;
}

/* Where the counters start in a populated zone's lines ("nr_free_pages"), or -1. */
static int zone_counters(const struct zinfo *z)
{
	for (int i = 0; i < z->n; i++)
		if (!strcmp(z->key[i], "nr_free_pages"))
			return i;
	return -1;
}

static long abs_diff(long a, long b)
{
	return a > b ? a - b : b - a;
}

/*
 * min shared out by size; low and high a step above each (Linux:
 * __setup_per_zone_wmarks). Linux prints each with the zone's boost
 * added (raised for a while after an allocation had to take pages of
 * another migrate type); Faultline's boost is always 0.
 */
static void check_watermarks(void)
{
	long pages_min = read_sysctl("/proc/sys/vm/min_free_kbytes") / 4;
	long scale = read_sysctl("/proc/sys/vm/watermark_scale_factor");
	long lowmem = 0;

	for (int i = 0; i < nzones; i++)
		lowmem += zget(&zones[i], "managed");
	for (int i = 0; i < nzones; i++) {
		const struct zinfo *z = &zones[i];
		long managed = zget(z, "managed"), min = pages_min * managed / lowmem;
		long step = min / 4 > managed * scale / 10000 ? min / 4 : managed * scale / 10000;
		long boost = zget(z, "boost");

		ok_eq(min, zget(z, "min") - boost,
		      "%s: min is min_free_kbytes/4 shared by managed pages", z->name);
		ok_eq(min + step, zget(z, "low") - boost,
		      "%s: low is min + max(min/4, managed*scale/10000)", z->name);
		ok_eq(min + 2 * step, zget(z, "high") - boost, "%s: high is low + the same step",
		      z->name);
		if (populated(z))
			ok(zget(z, "min") < zget(z, "low") && zget(z, "low") < zget(z, "high"),
			   "%s: min < low < high", z->name);
	}
}

/*
 * Zone i keeps from an allocation whose highest zone is j > i the managed
 * pages of zones i+1..j over its ratio; nothing if its ratio is 0 or it
 * has no pages. Linux: setup_per_zone_lowmem_reserve()
 */
static void check_protection(void)
{
	long ratio[MAX_ZONES] = { 0 };
	char *p = proc_buf;

	read_file("/proc/sys/vm/lowmem_reserve_ratio");
	for (int i = 0; i < MAX_ZONES && *p; i++)
		ratio[i] = strtol(p, &p, 10);
	for (int i = 0; i < nzones; i++) {
		const struct zinfo *z = &zones[i];
		long managed = zget(z, "managed"), upper = 0;
		int bad = z->nprot != nzones;

		for (int j = 0; j < z->nprot && !bad; j++) {
			long want = 0;

			if (j > i) {
				upper += zget(&zones[j], "managed");
				want = ratio[i] && managed ? upper / ratio[i] : 0;
			}
			if (z->prot[j] != want)
				printf("#   %s: protection[%d] want %ld got %ld\n", z->name, j, want,
				       z->prot[j]);
			bad |= z->prot[j] != want;
		}
		ok(!bad, "%s: protection has a column per zone, each as lowmem_reserve_ratio makes it",
		   z->name);
	}
}

/* Sizes against each other and MemTotal; free pages against MemFree and buddyinfo. */
static void check_sizes(long mem_total_kb, long mem_free_kb)
{
	long managed = 0, free = 0, end_pfn = 0;

	for (int i = 0; i < nzones; i++) {
		const struct zinfo *z = &zones[i];

		managed += zget(z, "managed");
		free += zget(z, "pages free");
		ok(zget(z, "spanned") >= zget(z, "present") && zget(z, "present") >= zget(z, "managed"),
		   "%s: spanned >= present >= managed", z->name);
		if (!populated(z)) {
			ok(z->n == 9 && zget(z, "pages free") == 0 && zget(z, "spanned") == 0,
			   "%s: empty: nothing free, nothing spanned, no counters", z->name);
			continue;
		}
		ok_eq(zget(z, "pages free"), zget(z, "nr_free_pages"),
		      "%s: nr_free_pages is pages free", z->name);
		ok(zget(z, "start_pfn:") >= end_pfn, "%s: starts past the zone below", z->name);
		end_pfn = zget(z, "start_pfn:") + zget(z, "spanned");
		/*
		 * Not count <= high: Linux sets high from the low watermark,
		 * so refresh()'s write lowers it without draining the list.
		 */
		ok(zget(z, "count:") >= 0 && zget(z, "high:") >= 0 && zget(z, "batch:") >= 1,
		   "%s: cpu 0's pageset: a count, a high mark and a batch of at least 1", z->name);
	}
	ok_eq(mem_total_kb, managed * 4, "the zones' managed pages add up to MemTotal");
	ok(abs_diff(free * 4, mem_free_kb) <= SLACK * 4,
	   "the zones' free pages add up to MemFree (within %d pages)", SLACK);
	if (abs_diff(free * 4, mem_free_kb) > SLACK * 4)
		printf("#     MemFree %ld kB, zones %ld kB\n", mem_free_kb, free * 4);
}

/* Each populated zone's free pages against its buddyinfo line's blocks. */
static void check_buddyinfo(void)
{
	char *p, *e;

	read_file("/proc/buddyinfo");
	for (p = proc_buf; *p; p = *e ? e + 1 : e) {
		char name[16], *q;
		long pages = 0;

		e = line_end(p);
		if (sscanf(p, "Node %*d, zone %15s", name) != 1)
			continue;
		q = strstr(p, name) + strlen(name);
		for (int order = 0; q < e; order++) {
			char *end;
			long blocks = strtol(q, &end, 10);

			if (end == q)
				break;
			pages += blocks << order;
			q = end;
		}
		for (int i = 0; i < nzones; i++)
			if (!strcmp(zones[i].name, name))
				ok(abs_diff(pages, zget(&zones[i], "pages free")) <= SLACK,
				   "%s: pages free is buddyinfo's blocks (within %d)", name, SLACK);
	}
}

/*
 * The first populated zone carries the node's counters: the names of
 * /proc/vmstat's node items, in its order, with its values; each zone
 * counter summed over the zones is /proc/vmstat's.
 */
static void check_counters(void)
{
	const struct zinfo *first = NULL;
	int matched = 0, total = 0, start;

	for (int i = 0; i < nzones && !first; i++)
		if (populated(&zones[i]))
			first = &zones[i];
	if (!first) {
		ok(0, "a zone is populated");
		return;
	}
	/* the node's counters: from the first line up to "pages free" */
	for (int i = 0; i < first->n && strcmp(first->key[i], "pages free"); i++) {
		long v = vmstat_value(first->key[i]);

		total++;
		if (v >= 0 && abs_diff(v, first->val[i]) <= SLACK)
			matched++;
		else
			printf("#   %s: zoneinfo %ld, vmstat %ld\n", first->key[i], first->val[i], v);
	}
	ok(total == 43 && matched == total, "the per-node stats are vmstat's node counters");
	start = zone_counters(first);
	matched = total = 0;
	for (int i = start; i >= 0 && i < first->n && strcmp(first->key[i], "cpu:"); i++) {
		long sum = 0, v = vmstat_value(first->key[i]);

		if (!strncmp(first->key[i], "numa_", 5))
			continue;	/* Linux counts NUMA events per CPU until read */
		for (int z = 0; z < nzones; z++)
			if (populated(&zones[z]))
				sum += zget(&zones[z], first->key[i]);
		total++;
		if (abs_diff(sum, v) <= SLACK)
			matched++;
		else
			printf("#   %s: zones %ld, vmstat %ld\n", first->key[i], sum, v);
	}
	ok(total == 11 && matched == total, "each zone counter summed over the zones is vmstat's");
}

/* /proc/zoneinfo is read-only and a write to the ratios that is no number changes nothing. */
static void check_bad(void)
{
	struct stat st;
	int fd = open("/proc/zoneinfo", O_RDWR);

	ok(!stat("/proc/zoneinfo", &st) && st.st_mode == (S_IFREG | 0444), "mode 0444");
	ok(fd >= 0, "root opens it for writing");
	ok_errno(EIO, write(fd, "1", 1), "a write fails with EIO");
	close(fd);
	write_sysctl("/proc/sys/vm/lowmem_reserve_ratio", "x");
	read_file("/proc/sys/vm/lowmem_reserve_ratio");
	ok(!strcmp(proc_buf, "256\t256\t32\t0\t0\n"),
	   "lowmem_reserve_ratio: five ratios, and a write of no number changes none");
}

int main(void)
{
	long mem_total, mem_free;

	memset(proc_buf, 0, sizeof(proc_buf));
	refresh();
	read_zoneinfo();
	read_file("/proc/meminfo");
	mem_total = field("MemTotal");
	mem_free = field("MemFree");
	printf("zones:");
	for (int i = 0; i < nzones; i++)
		printf(" %s", zones[i].name);
	printf("\n");
	check_watermarks();
	check_protection();
	check_sizes(mem_total, mem_free);
	check_buddyinfo();
	check_counters();
	check_bad();
	return tap_done();
}
