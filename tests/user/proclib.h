/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FAULTLINE_TESTS_USER_PROCLIB_H
#define FAULTLINE_TESTS_USER_PROCLIB_H

/*
 * Reading /proc in the procfs tests: whole files into a static buffer,
 * the lines of one VMA, and printing lines with what cannot match on
 * Linux 6.1 and Faultline masked (say why at each use).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char proc_buf[1 << 20];

/* The end of the line at p: its '\n' or the string's end. */
static __attribute__((unused)) char *line_end(char *p)
{
	char *e = strchr(p, '\n');

	return e ? e : p + strlen(p);
}

/* The whole file into proc_buf (NUL-terminated); its length or -1. */
static __attribute__((unused)) long read_file(const char *path)
{
	int fd = open(path, O_RDONLY);
	long n = 0, r;

	if (fd < 0)
		return -1;
	while ((r = read(fd, proc_buf + n, sizeof(proc_buf) - 1 - (size_t)n)) > 0)
		n += r;
	close(fd);
	proc_buf[n] = 0;
	return r < 0 ? -1 : n;
}

/* The value of "Name:" in a status/meminfo-like file just read, or -1. */
static __attribute__((unused)) long field(const char *name)
{
	size_t len = strlen(name);

	for (char *p = proc_buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p)
		if (!strncmp(p, name, len) && (p[len] == ':' || p[len] == ' '))
			return strtol(p + len + 1, NULL, 10);
	return -1;
}

/* A counter of /proc/vmstat ("pgreuse", "pgfault"), or -1. */
static __attribute__((unused)) long vmstat_value(const char *name)
{
	size_t len = strlen(name);

	read_file("/proc/vmstat");
	for (char *p = proc_buf; *p; p = *line_end(p) ? line_end(p) + 1 : line_end(p))
		if (!strncmp(p, name, len) && p[len] == ' ')
			return strtol(p + len + 1, NULL, 10);
	return -1;
}

/*
 * Print a maps line (or the first line of an smaps entry) with a
 * nonzero inode number written as INODE: the initramfs unpacks files in
 * a different order on the two kernels, so their inode numbers differ.
 * The path stays in the column it was in (Linux pads to column 73).
 */
static __attribute__((unused)) void print_maps_line(const char *line, size_t len)
{
	const char *ino = line, *end = line + len, *path;
	int spaces = 0;

	for (int i = 0; i < 4 && ino < end; i++) {	/* skip address perms offset dev */
		ino = memchr(ino, ' ', (size_t)(end - ino));
		ino = ino ? ino + 1 : end;
	}
	if (ino >= end || *ino == '0') {
		printf("%.*s\n", (int)len, line);
		return;
	}
	path = memchr(ino, ' ', (size_t)(end - ino));
	path = path ? path : end;
	while (path < end && *path == ' ') {
		path++;
		spaces++;
	}
	printf("%.*sINODE%*s%.*s\n", (int)(ino - line), line,
	       (int)(path - ino) - 5 > 0 ? (int)(path - ino) - 5 : (spaces ? 1 : 0), "",
	       (int)(end - path), path);
}

/* Print every line of the file just read whose text starts with one of a list. */
static __attribute__((unused)) void print_lines(const char *const *names)
{
	for (char *p = proc_buf; *p;) {
		char *e = line_end(p);

		for (const char *const *n = names; *n; n++)
			if (!strncmp(p, *n, strlen(*n))) {
				printf("%.*s\n", (int)(e - p), p);
				break;
			}
		p = *e ? e + 1 : e;
	}
}

/*
 * The smaps entry of the VMA that starts at start, printed whole (its
 * first line with the inode masked); -1 if there is none.
 */
static __attribute__((unused)) int print_smaps_of(unsigned long start)
{
	char want[32];
	char *p, *e;

	if (read_file("/proc/self/smaps") < 0)
		return -1;
	snprintf(want, sizeof(want), "%08lx-", start);
	for (p = proc_buf; *p; p = *e ? e + 1 : e) {
		e = line_end(p);
		if (!strncmp(p, want, strlen(want)))
			break;
	}
	if (!*p)
		return -1;
	print_maps_line(p, (size_t)(e - p));
	for (p = *e ? e + 1 : e; *p; p = *e ? e + 1 : e) {
		e = line_end(p);
		printf("%.*s\n", (int)(e - p), p);
		if (!strncmp(p, "VmFlags:", 8))
			break;	/* the last line of an entry */
	}
	return 0;
}

/* Print /proc/self/maps whole, inodes masked. */
static __attribute__((unused)) void print_maps(void)
{
	char *p, *e;

	read_file("/proc/self/maps");
	for (p = proc_buf; *p; p = *e ? e + 1 : e) {
		e = line_end(p);
		print_maps_line(p, (size_t)(e - p));
	}
}

/* Is line a VMA's first line in smaps ("start-end perms ...")? */
static __attribute__((unused)) int vma_line(const char *line, unsigned long *lo, unsigned long *hi)
{
	char *end;

	*lo = strtoul(line, &end, 16);
	if (end == line || *end != '-')
		return 0;
	*hi = strtoul(end + 1, &end, 16);
	return *end == ' ';
}

/* Field (kB) of the smaps entry of the VMA containing addr, or -1. */
static __attribute__((unused)) long vma_field(const void *addr, const char *field)
{
	unsigned long a = (unsigned long)addr, lo, hi;
	int inside = 0;

	read_file("/proc/self/smaps");
	for (char *p = proc_buf; *p; p = *line_end(p) ? line_end(p) + 1 : line_end(p)) {
		if (vma_line(p, &lo, &hi))
			inside = a >= lo && a < hi;
		else if (inside && !strncmp(p, field, strlen(field)))
			return strtol(p + strlen(field), NULL, 10);
	}
	return -1;
}

/* VMAs overlapping [lo, hi), as /proc/self/maps lists them. */
static __attribute__((unused)) int vmas_in(const void *lo, const void *hi)
{
	unsigned long a, b;
	int n = 0;

	read_file("/proc/self/maps");
	for (char *p = proc_buf; *p; p = *line_end(p) ? line_end(p) + 1 : line_end(p))
		if (vma_line(p, &a, &b) && a < (unsigned long)hi && b > (unsigned long)lo)
			n++;
	return n;
}

static __attribute__((unused)) long vma_rss_kb(const void *addr)
{
	return vma_field(addr, "Rss:");
}

/* The frame mapping addr (0: none). */
static __attribute__((unused)) uint64_t pfn_of(const void *addr)
{
	uint64_t e = 0;
	int fd = open("/proc/self/pagemap", O_RDONLY);

	pread(fd, &e, sizeof(e), (off_t)((uintptr_t)addr / 4096 * sizeof(e)));
	close(fd);
	return e >> 63 ? e & ((1ULL << 55) - 1) : 0;
}

/*
 * Does the smaps entry of the VMA holding p show flag (two letters, as
 * "lo") in its VmFlags? 1 or 0, -1 if no VMA holds p.
 */
static __attribute__((unused)) int vma_has_flag(const char *flag, const void *p)
{
	unsigned long a = (unsigned long)p, lo, hi;
	int inside = 0;

	read_file("/proc/self/smaps");
	for (char *l = proc_buf; *l; l = *line_end(l) ? line_end(l) + 1 : line_end(l)) {
		if (vma_line(l, &lo, &hi)) {
			inside = a >= lo && a < hi;
		} else if (inside && !strncmp(l, "VmFlags:", 8)) {
			for (char *f = l + 8; f < line_end(l); f++)
				if (f[-1] == ' ' && f[0] == flag[0] && f[1] == flag[1])
					return 1;
			return 0;
		}
	}
	return -1;
}

#endif
