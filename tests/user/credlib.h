/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FAULTLINE_TESTS_USER_CREDLIB_H
#define FAULTLINE_TESTS_USER_CREDLIB_H

/*
 * Helpers for the credential tests (cred_*.c): checks run in a child,
 * so that the ids and capabilities it changes go with it, numbered on
 * from the parent's; the ids and capability lines of the moment.
 * The tests start as root (both kernels run them so) with every
 * capability, and become nobody (65534, Debian's /etc/passwd) or other
 * unnamed ids.
 */
#define _GNU_SOURCE
#include <grp.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/fsuid.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include "tap.h"
#include "proclib.h"

#define NOBODY		65534
#define NOGROUP		65534

/*
 * Run fn in a child; its checks take the numbers after ours, and a
 * child that does not exit 0 is a failed check of its own.
 */
static __attribute__((unused)) void in_child(void (*fn)(void), const char *what)
{
	int *counts = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int status = -1;
	pid_t pid;

	counts[0] = tap_n;
	counts[1] = tap_failed;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		fn();
		counts[0] = tap_n;
		counts[1] = tap_failed;
		fflush(stdout);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	tap_n = counts[0];
	tap_failed = counts[1];
	munmap(counts, 4096);
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		ok(0, "%s: the child exited normally (status %#x)", what, status);
}

/* Become uid and gid with no supplementary groups, as a daemon drops root. */
static __attribute__((unused)) int become(uid_t uid, gid_t gid)
{
	if (setgroups(0, NULL) || setgid(gid) || setuid(uid))
		return -1;
	return 0;
}

/* "ruid euid suid fsuid" now (setfsuid(-1) changes nothing and tells the fsuid). */
static __attribute__((unused)) const char *uids(void)
{
	static char buf[64];
	uid_t r, e, s;

	getresuid(&r, &e, &s);
	snprintf(buf, sizeof(buf), "%u %u %u %u", r, e, s, (uid_t)setfsuid(-1));
	return buf;
}

static __attribute__((unused)) const char *gids(void)
{
	static char buf[64];
	gid_t r, e, s;

	getresgid(&r, &e, &s);
	snprintf(buf, sizeof(buf), "%u %u %u %u", r, e, s, (gid_t)setfsgid(-1));
	return buf;
}

/* ok() that two strings are equal, showing both on a failure. */
#define ok_str(want, got, ...) do {					\
	const char *_ws = (want), *_gs = (got);				\
	ok(!strcmp(_ws, _gs), __VA_ARGS__);				\
	if (strcmp(_ws, _gs))						\
		printf("#     want: %s\n#     got:  %s\n", _ws, _gs);	\
	tap_flush();							\
} while (0)

/*
 * The line of /proc/self/status that starts with name ("CapEff",
 * "Groups"), without the name and its tab; "" if there is none.
 */
static __attribute__((unused)) const char *status_line(const char *name)
{
	static char line[256];
	size_t len = strlen(name);

	line[0] = 0;
	if (read_file("/proc/self/status") < 0)
		return "(unreadable)";
	for (char *p = proc_buf; *p; p = *line_end(p) ? line_end(p) + 1 : line_end(p))
		if (!strncmp(p, name, len) && p[len] == ':') {
			char *v = p + len + 2;

			snprintf(line, sizeof(line), "%.*s", (int)(line_end(p) - v), v);
			break;
		}
	return line;
}

/*
 * Set the effective capabilities to effective (capabilities 0-31; 32-40,
 * all of 6.1's others, stay on), keeping permitted full: how a root
 * test gives up one capability for a while. capset's result.
 */
static __attribute__((unused)) long set_effective(unsigned int effective)
{
	struct {
		unsigned int version;
		int pid;
	} h = { 0x20080522, 0 };	/* _LINUX_CAPABILITY_VERSION_3, this task */
	struct {
		unsigned int effective, permitted, inheritable;
	} d[2] = { { effective, ~0U, 0 }, { 0x1ff, 0x1ff, 0 } };

	return syscall(SYS_capset, &h, d);
}

/* Effective without capability cap (below 32). */
static __attribute__((unused)) long drop_effective(int cap)
{
	return set_effective(~(1U << cap));
}

#endif
