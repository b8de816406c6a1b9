// SPDX-License-Identifier: GPL-2.0
/*
 * ps: one line per process, read from /proc as Linux's ps reads it:
 *
 *   PID  PPID S    VSZ   RSS COMMAND
 *
 * S is the state letter of /proc/PID/stat, VSZ and RSS are in KiB (stat's
 * vsize and rss), COMMAND is the command line, or [comm] for a process
 * without one (a kernel thread, a zombie).
 */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The whole of a small file; its length, or -1. */
static long slurp(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	long n = 0, r;

	if (fd < 0)
		return -1;
	while (n < (long)size - 1 && (r = read(fd, buf + n, size - 1 - (size_t)n)) > 0)
		n += r;
	close(fd);
	buf[n] = '\0';
	return n;
}

static void show(const char *pid)
{
	char path[64], stat[1024], cmd[256], comm[64], state;
	unsigned long vsize = 0;
	long rss = 0, n;
	int ppid = 0;
	char *p;

	snprintf(path, sizeof(path), "/proc/%s/stat", pid);
	if (slurp(path, stat, sizeof(stat)) <= 0)
		return;				/* gone meanwhile */
	p = strrchr(stat, ')');
	if (!p || !strchr(stat, '('))
		return;
	snprintf(comm, sizeof(comm), "%.*s", (int)(p - strchr(stat, '(') - 1), strchr(stat, '(') + 1);
	/* after ") ": state ppid pgrp session tty tpgid flags minflt cminflt
	   majflt cmajflt utime stime cutime cstime priority nice threads
	   itrealvalue starttime vsize rss */
	if (sscanf(p + 2, "%c %d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d "
		   "%*d %*d %*u %lu %ld", &state, &ppid, &vsize, &rss) != 4)
		return;
	snprintf(path, sizeof(path), "/proc/%s/cmdline", pid);
	n = slurp(path, cmd, sizeof(cmd));
	for (long i = 0; i < n - 1; i++)
		if (cmd[i] == '\0')
			cmd[i] = ' ';
	if (n <= 0)
		snprintf(cmd, sizeof(cmd), "[%s]", comm);
	printf("%5s %5d %c %6lu %5ld %s\n", pid, ppid, state, vsize / 1024,
	       rss * (sysconf(_SC_PAGESIZE) / 1024), cmd);
}

static int by_number(const struct dirent **a, const struct dirent **b)
{
	return atoi((*a)->d_name) - atoi((*b)->d_name);
}

static int is_pid(const struct dirent *e)
{
	return isdigit((unsigned char)e->d_name[0]);
}

int main(int argc, char **argv)
{
	struct dirent **list;
	int n = scandir("/proc", &list, is_pid, by_number);

	if (argc > 1) {
		fprintf(stderr, "usage: ps\n");
		return 2;
	}
	if (n < 0) {
		perror("ps: /proc (is it mounted?)");
		return 1;
	}
	printf("  PID  PPID S    VSZ   RSS COMMAND\n");
	for (int i = 0; i < n; i++) {
		show(list[i]->d_name);
		free(list[i]);
	}
	free(list);
	return 0;
}
