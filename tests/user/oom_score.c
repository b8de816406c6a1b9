// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/oom_score_adj, oom_adj and oom_score, as 6.1 reads and
 * writes them: the range and parsing of a write (at most 12 bytes are
 * read, white space around the number allowed, base prefixes taken),
 * oom_adj's older scale mapped onto oom_score_adj, inheritance at fork,
 * who may lower the value (CAP_SYS_RESOURCE, oom_score_adj_min), and
 * oom_score's range for a process of a few hundred pages. The scores
 * themselves depend on each kernel's RAM and the program's size, so
 * only their ranges are printed.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "credlib.h"

#define ADJ	"/proc/self/oom_score_adj"
#define OLD	"/proc/self/oom_adj"

/* Write s (all of it) to path; write's result. */
static long put(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY);
	long r;

	if (fd < 0)
		return -1;
	r = write(fd, s, strlen(s));
	close(fd);
	return r;
}

static long get(const char *path)
{
	return read_file(path) < 0 ? -9999 : strtol(proc_buf, NULL, 10);
}

static void writes(void)
{
	ok_eq(0, get(ADJ), "oom_score_adj starts at 0");
	ok_eq(3, put(ADJ, "500"), "write 500: 3 bytes taken");
	ok_eq(500, get(ADJ), "reads back 500");
	ok(read_file(ADJ) == 4 && !strcmp(proc_buf, "500\n"), "as \"500\\n\"");
	ok_eq(8, get(OLD), "oom_adj reads 500 * 17 / 1000 = 8");
	ok_eq(7, put(ADJ, " 200 \n\t"), "white space around the number: allowed");
	ok_eq(200, get(ADJ), "200");
	ok_eq(4, put(ADJ, "0x10"), "a hex prefix");
	ok_eq(16, get(ADJ), "16");
	ok_eq(3, put(ADJ, "010"), "an octal one");
	ok_eq(8, get(ADJ), "8");
	ok_eq(2, put(ADJ, "+5"), "a plus sign");
	ok_eq(5, get(ADJ), "5");
	ok_errno(EINVAL, put(ADJ, "1001"), "1001: EINVAL");
	ok_errno(EINVAL, put(ADJ, "-1001"), "-1001: EINVAL");
	ok_errno(EINVAL, put(ADJ, "abc"), "not a number: EINVAL");
	ok_errno(EINVAL, put(ADJ, "100xyz"), "trailing junk: EINVAL");
	ok_errno(EINVAL, put(ADJ, "1 2"), "two numbers: EINVAL");
	ok_errno(ERANGE, put(ADJ, "12345678901234"), "14 digits: 12 are read, past int: ERANGE");
	ok_errno(EINVAL, put(ADJ, "             100"), "13 spaces first: the 12 read are blank: EINVAL");
	ok_eq(5, get(ADJ), "the failed writes left it at 5");
	ok_eq(12, put(ADJ, "100           "), "100 and 11 spaces: 12 bytes read, 12 reported written");
	ok_eq(100, get(ADJ), "100");
}

/* oom_adj: -17 disables, -16 ... 15 map linearly (15 to the top). */
static void legacy(void)
{
	ok_eq(2, put(OLD, "15"), "oom_adj 15");
	ok_eq(1000, get(ADJ), "is oom_score_adj 1000");
	ok_eq(15, get(OLD), "and reads 15");
	ok_eq(2, put(OLD, "-8"), "oom_adj -8");
	ok_eq(-470, get(ADJ), "is -8 * 1000 / 17 = -470");
	ok_eq(-7, get(OLD), "and reads back -7 (-470 * 17 / 1000)");
	ok_eq(3, put(OLD, "-17"), "oom_adj -17 (OOM_DISABLE)");
	ok_eq(-1000, get(ADJ), "is -1000");
	ok_eq(-17, get(OLD), "and reads -17");
	ok_errno(EINVAL, put(OLD, "16"), "oom_adj 16: EINVAL");
	ok_errno(EINVAL, put(OLD, "-18"), "oom_adj -18: EINVAL");
	ok_eq(1, put(ADJ, "0"), "back to 0");
}

/* oom_score: 0 for -1000 and for init; about 2/3 of 1000 at 0; past 1333 at 1000. */
static void scores(void)
{
	long s;

	ok_eq(0, get("/proc/1/oom_score"), "init's oom_score is 0: never chosen");
	s = get("/proc/self/oom_score");
	ok(s >= 666 && s < 700, "a small process at adj 0: 666 <= oom_score < 700 (%s)",
	   s >= 666 && s < 700 ? "yes" : "no");
	put(ADJ, "1000");
	s = get("/proc/self/oom_score");
	ok(s >= 1300 && s < 1370, "at adj 1000: 1300 <= oom_score < 1370 (%s)",
	   s >= 1300 && s < 1370 ? "yes" : "no");
	put(ADJ, "-500");
	s = get("/proc/self/oom_score");
	ok(s >= 333 && s < 370, "at adj -500: 333 <= oom_score < 370 (%s)",
	   s >= 333 && s < 370 ? "yes" : "no");
	put(ADJ, "-1000");
	ok_eq(0, get("/proc/self/oom_score"), "at adj -1000: 0");
	put(ADJ, "0");
}

/* A child starts with its parent's value; another process's file is writable by root. */
static void inherit(void)
{
	int status, fds[2];
	char path[64];
	pid_t pid;

	put(ADJ, "300");
	if (pipe(fds))
		return;
	pid = fork();
	if (pid == 0) {
		char c;

		close(fds[1]);
		read(fds[0], &c, 1);
		_exit(get(ADJ) == 700 ? 0 : 1);
	}
	close(fds[0]);
	snprintf(path, sizeof(path), "/proc/%d/oom_score_adj", pid);
	ok_eq(300, get(path), "a forked child has its parent's 300");
	ok_eq(3, put(path, "700"), "root writes the child's");
	write(fds[1], "x", 1);
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "and the child reads 700");
	ok_eq(300, get(ADJ), "ours stays 300");
	close(fds[1]);
}

/*
 * Without CAP_SYS_RESOURCE: raise freely, lower only down to what a
 * privileged writer last set (oom_score_adj_min); oom_adj only up.
 */
static void as_nobody(void)
{
	/* dumpable again, or /proc/self's files stay root's (task_dump_owner) */
	if (become(NOBODY, NOGROUP) || prctl(PR_SET_DUMPABLE, 1))
		_exit(9);
	ok_eq(3, put(ADJ, "200"), "nobody raises to 200");
	ok_eq(3, put(ADJ, "150"), "lowers to 150: above the floor root set");
	ok_eq(3, put(ADJ, "100"), "to 100: the floor itself");
	ok_errno(EACCES, put(ADJ, "99"), "below it, 99: EACCES");
	ok_eq(100, get(ADJ), "still 100");
	ok_errno(EACCES, put(OLD, "0"), "oom_adj 0 lowers it: EACCES");
	ok_eq(2, put(OLD, "15"), "oom_adj 15 raises it");
	ok_eq(1000, get(ADJ), "to 1000");
	ok_eq(3, put(ADJ, "500"), "oom_score_adj may still come down to the floor");
}

static void unprivileged(void)
{
	put(ADJ, "100");	/* as root: the floor becomes 100 */
	in_child(as_nobody, "as_nobody");
	ok_eq(4, put(ADJ, "-100"), "root lowers below the floor");
	ok_eq(-100, get(ADJ), "-100");
	put(ADJ, "0");
}

int main(void)
{
	writes();
	legacy();
	scores();
	inherit();
	unprivileged();
	return tap_done();
}
