/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FAULTLINE_TESTS_USER_OOMLIB_H
#define FAULTLINE_TESTS_USER_OOMLIB_H

/*
 * Helpers for the OOM killer tests (oom_kill.c, oom_swap.c): setting
 * this process's oom_score_adj, and a hog that allocates until the OOM
 * killer stops it.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#define MB		(1UL << 20)

/* Write value to /proc/self/oom_score_adj: 0, or -1. */
static __attribute__((unused)) int set_adj(const char *value)
{
	int fd = open("/proc/self/oom_score_adj", O_WRONLY);
	int ok = fd >= 0 && write(fd, value, strlen(value)) == (ssize_t)strlen(value);

	close(fd);
	return ok ? 0 : -1;
}

/*
 * A child at oom_score_adj 0 that touches a megabyte at a time, up to
 * max bytes (far past what the machine has), until killed; it exits 3
 * if it ever got all it asked for, 4 if mmap failed.
 */
static __attribute__((unused)) pid_t start_hog(unsigned long max)
{
	pid_t pid = fork();

	if (pid == 0) {
		set_adj("0");
		for (unsigned long done = 0; done < max; done += MB) {
			char *p = mmap(NULL, MB, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

			if (p == MAP_FAILED)
				_exit(4);
			for (unsigned long i = 0; i < MB; i += 4096)
				p[i] = 1;
		}
		_exit(3);
	}
	return pid;
}

#endif
