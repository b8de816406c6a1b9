// SPDX-License-Identifier: GPL-2.0
/*
 * Bad input to /proc, answered as Linux 6.1 answers it: a pid that does
 * not exist or has been reaped (ENOENT, and ESRCH for a file opened
 * before), pagemap and kpage* reads not a multiple of 8 bytes (EINVAL),
 * writes to files that take none, creating or removing names in /proc,
 * reads far past the end (0 bytes), and reads of another process's smaps
 * while it maps and unmaps all the time (never a crash, every read whole).
 */
#include <dirent.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "tap.h"
#include "proclib.h"
#include "testlib.h"

/* "what: N" or "what: -1 ENAME": the same line on both kernels. */
static long said(const char *what, long r)
{
	if (r < 0)
		printf("%s: -1 %s\n", what, strerror(errno));
	else
		printf("%s: %ld\n", what, r);
	return r;
}

static long write_to(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	long r;

	if (fd < 0)
		return -1;
	r = write(fd, text, strlen(text));
	close(fd);
	return r;
}

static long read_at(const char *path, off_t off, size_t count)
{
	char buf[64];
	int fd = open(path, O_RDONLY);
	long r;

	if (fd < 0)
		return -1;
	r = pread(fd, buf, count, off);
	close(fd);
	return r;
}

/*
 * Lines of the smaps just read that are not whole: each must be a VMA's
 * first line (an address range), "Name: N kB", "THPeligible: N" or
 * "VmFlags: ...", and each VMA must have its 23 lines.
 */
static int torn_lines(void)
{
	int torn = 0, in_vma = 0;

	for (char *p = proc_buf; *p;) {
		char *e = line_end(p);
		unsigned long a, b;
		char name[32];
		long v;

		if (sscanf(p, "%lx-%lx ", &a, &b) == 2 && a < b && p[strspn(p, "0123456789abcdef")] == '-') {
			torn += in_vma != 0;	/* the last VMA was cut short */
			in_vma = 1;
		} else if (!strncmp(p, "VmFlags:", 8)) {
			torn += in_vma != 23;
			in_vma = 0;
		} else if (sscanf(p, "%31[A-Za-z_]: %ld", name, &v) == 2 && in_vma) {
			in_vma++;
		} else {
			torn++;
		}
		p = *e ? e + 1 : e;
	}
	return torn + (in_vma != 0);
}

/* A child that maps and unmaps forever. */
static pid_t fork_churner(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		for (unsigned i = 0;; i++) {
			char *p = mmap(NULL, (i % 7 + 1) * 4096, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
			if (p != MAP_FAILED) {
				p[0] = 1;
				munmap(p, (i % 7 + 1) * 4096);
			}
		}
	}
	return pid;
}

/* A pid nobody has. */
static void bad_pids(void)
{
	ok_errno(ENOENT, said("open /proc/99999/status", open("/proc/99999/status", O_RDONLY)),
		 "a pid that does not exist: ENOENT");
	ok_errno(ENOENT, said("stat /proc/99999", stat("/proc/99999", &(struct stat){ 0 })),
		 "its directory: ENOENT");
	said("open /proc/0/status", open("/proc/0/status", O_RDONLY));
	said("open /proc/1x/status", open("/proc/1x/status", O_RDONLY));
	said("open /proc/self/nonesuch", open("/proc/self/nonesuch", O_RDONLY));
}

/* A process reaped while its files are open. */
static void reaped_process(void)
{
	char path[64], buf[256];
	pid_t child;
	int fd, status;
	DIR *d;

	child = fork_pausing_child();
	snprintf(path, sizeof(path), "/proc/%d/status", child);
	fd = open(path, O_RDONLY);
	snprintf(path, sizeof(path), "/proc/%d", child);
	d = opendir(path);
	kill(child, SIGKILL);
	waitpid(child, &status, 0);
	ok_errno(ESRCH, said("read status of a reaped process", read(fd, buf, sizeof(buf))),
		 "reading a reaped process's status, opened before: ESRCH");
	close(fd);
	snprintf(path, sizeof(path), "/proc/%d/status", child);
	ok_errno(ENOENT, said("open status of a reaped process", open(path, O_RDONLY)),
		 "opening it now: ENOENT");
	errno = 0;
	said("readdir of a reaped process's directory",
	     readdir(d) ? 0 : (errno ? -1 : 1));
	closedir(d);
	snprintf(path, sizeof(path), "/proc/%d/exe", child);
	said("readlink exe of a reaped process", readlink(path, buf, sizeof(buf)));
}

/* A zombie: status says so; it has no memory to show. */
static void zombie(void)
{
	char path[64], buf[256];
	pid_t child;
	int status;

	fflush(stdout);
	child = fork();
	if (child == 0)
		_exit(3);
	sleep(1);
	snprintf(path, sizeof(path), "/proc/%d/status", child);
	read_file(path);
	{
		char *st = strstr(proc_buf, "State:");

		printf("zombie %.*s\n", st ? (int)strcspn(st, "\n") : 0, st ? st : "");
	}
	snprintf(path, sizeof(path), "/proc/%d/maps", child);
	said("zombie maps bytes", read_file(path));
	snprintf(path, sizeof(path), "/proc/%d/statm", child);
	read_file(path);
	printf("zombie statm: %s", proc_buf);
	snprintf(path, sizeof(path), "/proc/%d/smaps_rollup", child);
	said("zombie smaps_rollup", read_at(path, 0, 64));
	snprintf(path, sizeof(path), "/proc/%d/cmdline", child);
	said("zombie cmdline bytes", read_at(path, 0, 64));
	snprintf(path, sizeof(path), "/proc/%d/exe", child);
	said("readlink zombie exe", readlink(path, buf, sizeof(buf)));
	waitpid(child, &status, 0);
}

/* Reads not in whole 8-byte words. */
static void partial_words(void)
{
	ok_errno(EINVAL, said("pagemap at offset 4", read_at("/proc/self/pagemap", 4, 8)),
		 "pagemap at an offset not a multiple of 8: EINVAL");
	ok_errno(EINVAL, said("pagemap of 12 bytes", read_at("/proc/self/pagemap", 0, 12)),
		 "pagemap of a count not a multiple of 8: EINVAL");
	ok_errno(EINVAL, said("kpagecount at offset 4", read_at("/proc/kpagecount", 4, 8)),
		 "kpagecount at offset 4: EINVAL");
	ok_errno(EINVAL, said("kpageflags of 7 bytes", read_at("/proc/kpageflags", 0, 7)),
		 "kpageflags of 7 bytes: EINVAL");
	said("pagemap of 0 bytes", read_at("/proc/self/pagemap", 0, 0));
}

/* Far past the end. */
static void past_the_end(void)
{
	ok_eq(0, said("status at 1 MiB", read_at("/proc/self/status", 1 << 20, 64)),
	      "status read far past its end: 0 bytes");
	said("maps at 1 MiB", read_at("/proc/self/maps", 1 << 20, 64));
	said("meminfo at 1 MiB", read_at("/proc/meminfo", 1 << 20, 64));
	ok_eq(0, said("kpagecount at 2^40", read_at("/proc/kpagecount", (off_t)1 << 40, 8)),
	      "kpagecount past the last frame: 0 bytes");
	said("pagemap past the user address space",
	     read_at("/proc/self/pagemap", (off_t)1 << 40, 8));
}

/* Writes to files that take none. */
static void writes(void)
{
	said("write /proc/self/status", write_to("/proc/self/status", "x"));
	said("write /proc/self/maps", write_to("/proc/self/maps", "x"));
	said("write /proc/meminfo", write_to("/proc/meminfo", "x"));
	said("write /proc/self/pagemap", write_to("/proc/self/pagemap", "xxxxxxxx"));
	said("write /proc/self/comm (too long)",
	     write_to("/proc/self/comm", "a-name-longer-than-sixteen-bytes"));
	read_file("/proc/self/comm");
	printf("comm now: %s", proc_buf);
}

/* Names in /proc are not the caller's to make or remove. */
static void names(void)
{
	said("creat /proc/newfile", open("/proc/newfile", O_CREAT | O_WRONLY, 0644));
	said("mkdir /proc/newdir", mkdir("/proc/newdir", 0755));
	said("unlink /proc/meminfo", unlink("/proc/meminfo"));
	said("rmdir /proc/self", rmdir("/proc/self"));
	said("rename /proc/meminfo", rename("/proc/meminfo", "/proc/m"));
	said("symlink in /proc/self", symlink("x", "/proc/self/newlink"));
	said("open /proc for writing", open("/proc", O_WRONLY));
	said("truncate /proc/meminfo", truncate("/proc/meminfo", 0));
}

/* smaps of a process that never stops changing. */
static void churning_smaps(void)
{
	char path[64];
	pid_t child;
	int status, bad = 0;

	child = fork_churner();
	snprintf(path, sizeof(path), "/proc/%d/smaps", child);
	for (int i = 0; i < 100; i++) {
		long n = read_file(path);

		if (n <= 0 || strncmp(proc_buf, "00400000-", 9) || !strstr(proc_buf, "[stack]") ||
		    proc_buf[n - 1] != '\n' || torn_lines())
			bad++;
	}
	kill(child, SIGKILL);
	waitpid(child, &status, 0);
	ok_eq(0, bad, "100 reads of smaps of a process mapping and unmapping: all whole, no line torn");
}

int main(void)
{
	bad_pids();
	reaped_process();
	zombie();
	partial_words();
	past_the_end();
	writes();
	names();
	churning_smaps();
	return tap_done();
}
