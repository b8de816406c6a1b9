// SPDX-License-Identifier: GPL-2.0
/*
 * How /proc files read (seq_file): the same bytes whether read whole,
 * one byte at a time or in odd sizes; lseek and pread to any offset;
 * a file re-read after the process changed shows the change. And the
 * /proc directories: getdents64 of /proc lists this process and "self",
 * /proc/self is a link to the pid, exe/cwd/root read as paths, fd lists
 * the open descriptors as links; cmdline, environ, auxv, comm and stat
 * of this process.
 *
 * Masked, and why: pids (Linux starts its own kernel threads first) are
 * printed as PPID, PGRP, SID, TPGID; stat's times (ticks) as T; inode numbers are not
 * printed at all.
 */
#include <dirent.h>
#include <elf.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include "tap.h"
#include "proclib.h"

static char whole[1 << 16], pieces[1 << 16];

/* Read path in reads of size n; the byte count. */
static long read_by(const char *path, char *out, size_t n)
{
	int fd = open(path, O_RDONLY);
	long total = 0, r;

	while ((r = read(fd, out + total, n)) > 0)
		total += r;
	close(fd);
	return total;
}

static void check_pieces(const char *path)
{
	long w = read_by(path, whole, sizeof(whole));
	size_t sizes[] = { 1, 7, 100, 4095 };
	int same = 1;

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		long p = read_by(path, pieces, sizes[i]);

		same &= p == w && !memcmp(whole, pieces, (size_t)w);
	}
	ok(w > 0 && same, "%s: reads of 1, 7, 100 and 4095 bytes give the whole file", path);
}

/* Print stat's fields with pids and times masked. */
static void print_stat(void)
{
	char *f[64], *p;
	int n = 0;

	read_file("/proc/self/stat");
	p = strrchr(proc_buf, ')');
	printf("stat: pid (%.*s)", (int)(p - strchr(proc_buf, '(') - 1), strchr(proc_buf, '(') + 1);
	for (p = strtok(p + 2, " \n"); p && n < 64; p = strtok(NULL, " \n"))
		f[n++] = p;
	/* f[0] is field 3 (state) */
	for (int i = 0; i < n; i++) {
		int field = i + 3;
		long v = strtol(f[i], NULL, 10);

		if (field == 4)
			printf(" %s", v == getppid() ? "PPID" : f[i]);
		else if (field == 5)
			printf(" %s", v == getpgrp() ? "PGRP" : f[i]);
		else if (field == 6)
			printf(" %s", v == getsid(0) ? "SID" : f[i]);
		else if (field == 8)
			printf(" %s", v > 0 ? "TPGID" : f[i]);	/* the terminal's group: a pid */
		else if (field >= 14 && field <= 17)
			printf(" T");		/* utime stime cutime cstime */
		else if (field == 22)
			printf(" T");		/* start time */
		else if (field == 10 || field == 24)
			printf(" N");		/* minflt, rss: lag on 6.1 (DESIGN.md) */
		else
			printf(" %s", f[i]);
	}
	printf("\n");
	ok(n == 50, "stat has 52 fields");
}

/*
 * The same bytes however the file is read. The buffers are touched
 * first: a process reading its own smaps must not change it by faulting
 * pages in meanwhile. (status is not among these: its context-switch
 * counts move with every read; nor are meminfo and vmstat, which move
 * whenever anything else allocates.)
 */
static void read_in_pieces(void)
{
	memset(whole, 0, sizeof(whole));
	memset(pieces, 0, sizeof(pieces));
	read_file("/proc/self/smaps");
	check_pieces("/proc/self/maps");
	check_pieces("/proc/self/smaps");
	check_pieces("/proc/self/smaps_rollup");
	check_pieces("/proc/self/statm");
	check_pieces("/proc/self/mounts");
	check_pieces("/proc/filesystems");
}

/* Read fd from 0 into pieces: is the VMA at m listed? */
static int lists_vma(int fd, const void *m)
{
	char start[32];
	long n;

	snprintf(start, sizeof(start), "%08lx-", (unsigned long)m);
	lseek(fd, 0, SEEK_SET);
	n = read(fd, pieces, sizeof(pieces) - 1);
	pieces[n > 0 ? n : 0] = 0;
	return strstr(pieces, start) != NULL;
}

/* lseek and pread into the middle of a seq_file; a re-read sees changes. */
static void seek_and_reread(void)
{
	int fd = open("/proc/self/maps", O_RDONLY);
	char buf[64];
	char *m;

	read_file("/proc/self/maps");
	ok_eq(30, lseek(fd, 30, SEEK_SET), "lseek to 30");
	ok(read(fd, buf, 40) == 40 && !memcmp(buf, proc_buf + 30, 40),
	   "read from 30 gives bytes 30..69");
	ok_eq(10, pread(fd, buf, 10, 5), "pread at 5");
	ok(!memcmp(buf, proc_buf + 5, 10), "pread gives bytes 5..14");
	ok_eq(-1, lseek(fd, -1, SEEK_SET), "lseek to -1 is refused");
	m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(lists_vma(fd, m), "re-read from 0 after mmap: the new VMA is there");
	munmap(m, 4096);
	ok(!lists_vma(fd, m), "and after munmap it is gone");
	close(fd);
}

/* readlink into buf, NUL-terminated. */
static void link_of(const char *path, char *buf, size_t size)
{
	long n = readlink(path, buf, size - 1);

	buf[n > 0 ? n : 0] = 0;
}

/* /proc lists us, self and the system files; the links read as paths. */
static void dirs_and_links(const char *argv0)
{
	int seen_self = 0, seen_pid = 0, seen_meminfo = 0, fd;
	char buf[256], pid[16];
	DIR *d = opendir("/proc");
	struct dirent *e;

	snprintf(pid, sizeof(pid), "%d", getpid());
	while ((e = readdir(d))) {
		seen_self |= !strcmp(e->d_name, "self") && e->d_type == DT_LNK;
		seen_pid |= !strcmp(e->d_name, pid) && e->d_type == DT_DIR;
		seen_meminfo |= !strcmp(e->d_name, "meminfo") && e->d_type == DT_REG;
	}
	closedir(d);
	ok(seen_self && seen_pid && seen_meminfo, "/proc lists self (a link), our pid (a directory), meminfo");
	link_of("/proc/self", buf, sizeof(buf));
	ok(!strcmp(buf, pid), "/proc/self is a link to our pid");
	link_of("/proc/self/exe", buf, sizeof(buf));
	ok(!strcmp(buf, argv0), "/proc/self/exe is %s", argv0);
	chdir("/tmp");
	link_of("/proc/self/cwd", buf, sizeof(buf));
	printf("cwd: %s\n", buf);
	link_of("/proc/self/root", buf, sizeof(buf));
	printf("root: %s\n", buf);
	fd = open("/proc/self/cwd/.", O_RDONLY | O_DIRECTORY);
	ok(fd >= 0, "the cwd link can be followed");
	close(fd);
	link_of("/proc/mounts", buf, sizeof(buf));
	printf("/proc/mounts -> %s\n", buf);
}

/*
 * /proc/self/fd: a link per open descriptor, whose mode says how it is
 * open, reading as the file's path ("pipe:[INO]" for a pipe), and
 * opening the file itself. Masked: the pipe's inode number.
 */
static void fd_links(void)
{
	int p[2], file = open("/tmp/fd-link", O_RDONLY | O_CREAT, 0600), w, seen = 0;
	char path[64], buf[256];
	struct dirent *e;
	struct stat st;
	DIR *d;

	pipe(p);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", file);
	link_of(path, buf, sizeof(buf));
	ok(!strcmp(buf, "/tmp/fd-link"), "fd/N of a file reads as its path: %s", buf);
	lstat(path, &st);
	ok_eq(S_IFLNK | 0500, st.st_mode, "open read-only: a link of mode r-x------");
	snprintf(path, sizeof(path), "/proc/self/fd/%d", p[1]);
	link_of(path, buf, sizeof(buf));
	ok(!strncmp(buf, "pipe:[", 6) && buf[strlen(buf) - 1] == ']',
	   "a pipe's reads as pipe:[INO]");
	lstat(path, &st);
	ok_eq(S_IFLNK | 0300, st.st_mode, "its write end: -wx------");
	w = open(path, O_WRONLY);
	ok(w >= 0 && write(w, "q", 1) == 1 && read(p[0], buf, 1) == 1 && buf[0] == 'q',
	   "opening the link opens the pipe itself");
	d = opendir("/proc/self/fd");
	while ((e = readdir(d)))
		seen += e->d_type == DT_LNK && (atoi(e->d_name) == file || atoi(e->d_name) == w);
	closedir(d);
	ok_eq(2, seen, "the directory lists them as links");
	close(w);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", w);
	errno = 0;
	ok(readlink(path, buf, sizeof(buf)) == -1 && errno == ENOENT,
	   "a closed descriptor: ENOENT");
	stat("/proc/self/fd", &st);
	ok_eq(S_IFDIR | 0500, st.st_mode, "the directory is dr-x------");
	close(p[0]);
	close(p[1]);
	close(file);
	unlink("/tmp/fd-link");
}

/*
 * The names of a process's directory, in order: those of the files this
 * test knows (Linux has many more; Faultline has these).
 */
static void pid_dir_names(void)
{
	DIR *d = opendir("/proc/self");
	struct dirent *e;

	printf("/proc/self:");
	while ((e = readdir(d))) {
		char word[300];

		snprintf(word, sizeof(word), " %s ", e->d_name);
		if (strstr(" fd environ auxv status comm cmdline stat statm maps cwd root exe "
			   "mounts smaps smaps_rollup pagemap ", word))
			printf(" %s", e->d_name);
	}
	printf("\n");
	closedir(d);
}

/* cmdline, environ, auxv and comm of this process */
static void own_files(const char *argv0)
{
	char name[32];
	long n = read_by("/proc/self/cmdline", pieces, 4096);
	int fd;

	ok(n == (long)strlen(argv0) + 1 && !strcmp(pieces, argv0), "cmdline is argv, NUL-terminated");
	ok_eq(0, read_by("/proc/self/environ", pieces, 4096), "environ of an empty environment is empty");
	n = read_by("/proc/self/auxv", pieces, 4096);
	printf("auxv types:");
	for (Elf64_auxv_t *a = (Elf64_auxv_t *)pieces; (char *)a < pieces + n; a++) {
		printf(" %lu", (unsigned long)a->a_type);
		if (a->a_type == AT_NULL)
			break;
	}
	printf("\n");
	read_file("/proc/self/comm");
	printf("comm: %s", proc_buf);
	prctl(PR_SET_NAME, "renamed");
	read_file("/proc/self/comm");
	ok(!strcmp(proc_buf, "renamed\n"), "comm follows PR_SET_NAME");
	fd = open("/proc/self/comm", O_WRONLY);
	write(fd, "written", 7);
	close(fd);
	prctl(PR_GET_NAME, name);
	ok(!strcmp(name, "written"), "a write to comm renames the process");
}

int main(int argc, char **argv)
{
	read_in_pieces();
	seek_and_reread();
	dirs_and_links(argv[0]);
	pid_dir_names();
	fd_links();
	own_files(argv[0]);
	print_stat();
	return tap_done();
}
