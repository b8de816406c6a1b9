/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FAULTLINE_TESTS_USER_LRULIB_H
#define FAULTLINE_TESTS_USER_LRULIB_H

/*
 * Watching the LRU lists from user space, for the lru_* tests: the list
 * sizes (meminfo, vmstat) around an action, and the kpageflags of this
 * process's own pages (their frames through /proc/self/pagemap: root,
 * as both test runners are).
 *
 * What makes the numbers comparable with Linux 6.1, and why:
 *  - Linux moves pages between lists in per-CPU batches of up to 15 and
 *    applies them when a batch fills or at lru_add_drain(); Faultline
 *    moves them at once. lru_drain() unmaps a page, which on Linux
 *    drains this CPU's batches (unmap_region calls lru_add_drain), and
 *    the oracle runs on one CPU: after it both kernels are settled.
 *  - Linux keeps per-CPU deltas of the counters: writing
 *    vm.stat_refresh folds them (Faultline's are exact; the write is
 *    harmless or fails there).
 * Only deltas are printed: the absolute sizes depend on what each
 * kernel itself keeps on the lists.
 */
#include <stdint.h>
#include <sys/mman.h>
#include "proclib.h"

#define LRU_P 4096UL

/* Linux's kpageflags bits (include/uapi/linux/kernel-page-flags.h) */
#define KPF_REFERENCED		2
#define KPF_LRU			5
#define KPF_ACTIVE		6
#define KPF_SWAPBACKED		14
#define KPF_UNEVICTABLE		18
#define KPF_MLOCKED		33

static __attribute__((unused)) void lru_drain(void)
{
	void *p = mmap(NULL, LRU_P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fd;

	munmap(p, LRU_P);
	fd = open("/proc/sys/vm/stat_refresh", O_WRONLY);
	if (fd >= 0) {
		ssize_t r = write(fd, "1", 1);

		(void)r;
		close(fd);
	}
}

/* The counters the lru tests follow, meminfo's in kB. */
enum lru_stat {
	S_ACTIVE, S_INACTIVE, S_ACTIVE_ANON, S_INACTIVE_ANON, S_ACTIVE_FILE,
	S_INACTIVE_FILE, S_UNEVICTABLE, S_MLOCKED,
	S_NR_INACTIVE_ANON, S_NR_ACTIVE_ANON, S_NR_INACTIVE_FILE, S_NR_ACTIVE_FILE,
	S_NR_UNEVICTABLE, S_NR_ZONE_INACTIVE_ANON, S_NR_ZONE_ACTIVE_ANON,
	S_NR_ZONE_INACTIVE_FILE, S_NR_ZONE_ACTIVE_FILE, S_NR_ZONE_UNEVICTABLE,
	S_PGACTIVATE, S_PGDEACTIVATE, S_PGLAZYFREE, S_CULLED, S_SCANNED, S_RESCUED,
	S_MLOCKED_EV, S_MUNLOCKED_EV, NR_LRU_STATS
};

static const char *const lru_stat_name[NR_LRU_STATS] = {
	"Active", "Inactive", "Active(anon)", "Inactive(anon)", "Active(file)",
	"Inactive(file)", "Unevictable", "Mlocked",
	"nr_inactive_anon", "nr_active_anon", "nr_inactive_file", "nr_active_file",
	"nr_unevictable", "nr_zone_inactive_anon", "nr_zone_active_anon",
	"nr_zone_inactive_file", "nr_zone_active_file", "nr_zone_unevictable",
	"pgactivate", "pgdeactivate", "pglazyfree", "unevictable_pgs_culled",
	"unevictable_pgs_scanned", "unevictable_pgs_rescued", "unevictable_pgs_mlocked",
	"unevictable_pgs_munlocked",
};

struct lru_snap {
	long v[NR_LRU_STATS];
};

/* "Name:" (meminfo) or "name " (vmstat) in proc_buf, or -1. */
static long lru_find(const char *name)
{
	size_t len = strlen(name);

	for (char *p = proc_buf; *p; p = *line_end(p) ? line_end(p) + 1 : line_end(p))
		if (!strncmp(p, name, len) && (p[len] == ':' || p[len] == ' '))
			return strtol(p + len + 1, NULL, 10);
	return -1;
}

/* Drain, then read every counter. */
static __attribute__((unused)) void lru_take(struct lru_snap *s)
{
	lru_drain();
	read_file("/proc/meminfo");
	for (int i = 0; i <= S_MLOCKED; i++)
		s->v[i] = lru_find(lru_stat_name[i]);
	read_file("/proc/vmstat");
	for (int i = S_MLOCKED + 1; i < NR_LRU_STATS; i++)
		s->v[i] = lru_find(lru_stat_name[i]);
}

/* Print every counter that moved, meminfo's in pages. */
static __attribute__((unused)) void lru_show(const char *what, const struct lru_snap *a,
					     const struct lru_snap *b)
{
	printf("%s:", what);
	for (int i = 0; i < NR_LRU_STATS; i++) {
		long d = b->v[i] - a->v[i];

		if (i <= S_MLOCKED)
			d /= 4;
		if (d)
			printf(" %s %+ld", lru_stat_name[i], d);
	}
	printf("\n");
}

static __attribute__((unused)) long lru_delta(const struct lru_snap *a, const struct lru_snap *b,
					      enum lru_stat i)
{
	return (b->v[i] - a->v[i]) / (i <= S_MLOCKED ? 4 : 1);
}

/* The kpageflags of the page mapped at addr (0 if none). */
static __attribute__((unused)) uint64_t lru_page_flags(const void *addr)
{
	int pm = open("/proc/self/pagemap", O_RDONLY), kf = open("/proc/kpageflags", O_RDONLY);
	uint64_t ent = 0, flags = 0;

	if (pm >= 0 && kf >= 0 &&
	    pread(pm, &ent, 8, (off_t)((uintptr_t)addr / LRU_P * 8)) == 8 && (ent >> 63) &&
	    pread(kf, &flags, 8, (off_t)((ent & ((1ULL << 55) - 1)) * 8)) != 8)
		flags = 0;
	if (pm >= 0)
		close(pm);
	if (kf >= 0)
		close(kf);
	return flags;
}

/* The LRU bits of a page, as words: "lru active referenced ...". */
static __attribute__((unused)) const char *lru_flag_words(uint64_t f)
{
	static char buf[128];

	snprintf(buf, sizeof(buf), "%s%s%s%s%s%s", f >> KPF_LRU & 1 ? " lru" : "",
		 f >> KPF_ACTIVE & 1 ? " active" : "", f >> KPF_REFERENCED & 1 ? " referenced" : "",
		 f >> KPF_UNEVICTABLE & 1 ? " unevictable" : "",
		 f >> KPF_MLOCKED & 1 ? " mlocked" : "",
		 f >> KPF_SWAPBACKED & 1 ? " swapbacked" : "");
	return buf[0] ? buf + 1 : "none";
}

/*
 * The flag words of npages pages from addr: "N x WORDS" for each run of
 * pages that read the same, so a mismatch shows which.
 */
static __attribute__((unused)) void lru_show_pages(const char *what, const char *addr,
						   unsigned long npages)
{
	char last[128] = "";
	unsigned long run = 0;

	printf("%s:", what);
	for (unsigned long i = 0; i <= npages; i++) {
		const char *w = i < npages ? lru_flag_words(lru_page_flags(addr + i * LRU_P)) : "";

		if (run && (i == npages || strcmp(w, last))) {
			printf(" %lu x %s;", run, last);
			run = 0;
		}
		snprintf(last, sizeof(last), "%s", w);
		run++;
	}
	printf("\n");
}

#endif
