// SPDX-License-Identifier: GPL-2.0
/*
 * swapon(2) and swapoff(2) on the test VM's swap disk, as 6.1 answers
 * them: every refusal and its errno in 6.1's order (flags, then
 * CAP_SYS_ADMIN, then the name, then what it names), priorities, and
 * what /proc/swaps and /proc/meminfo's SwapTotal and SwapFree show
 * with the area on and off. Needs the disk (swaplib.h says which).
 */
#define _GNU_SOURCE
#include <sys/stat.h>
#include <sys/wait.h>
#include "swaplib.h"

#define SWAP_FLAG_PREFER	0x8000
#define SWAP_FLAG_DISCARD	0x10000
#define SWAP_FLAG_DISCARD_ONCE	0x20000
#define SWAP_FLAG_DISCARD_PAGES	0x40000

/* The size (kB) and priority /proc/swaps gives dev; prints its line. */
static int swaps_line(const char *dev, long *size_kb, int *prio)
{
	char line[256], name[64], type[32];
	long used;
	FILE *f = fopen("/proc/swaps", "r");
	int found = 0;

	if (!f)
		return 0;
	if (fgets(line, sizeof(line), f))
		printf("# %s", line);
	while (fgets(line, sizeof(line), f)) {
		printf("# %s", line);
		if (sscanf(line, "%63s %31s %ld %ld %d", name, type, size_kb, &used, prio) == 5 &&
		    !strcmp(name, dev) && !strcmp(type, "partition") && used == 0)
			found = 1;
	}
	fclose(f);
	return found;
}

static void on_and_off(void)
{
	long size_kb = 0;
	int prio = 0;

	ok(swapon(SWAP_DEV, 0) == 0, "swapon " SWAP_DEV ": 0");
	ok(swaps_line(SWAP_DEV, &size_kb, &prio), "/proc/swaps: a partition, nothing used");
	ok_eq(-2, prio, "the first area without a priority gets -2");
	ok_eq(size_kb, swap_meminfo("SwapTotal"), "meminfo SwapTotal is its size");
	ok_eq(size_kb, swap_meminfo("SwapFree"), "SwapFree: all of it");
	ok_errno(EBUSY, swapon(SWAP_DEV, 0), "swapon again: EBUSY (the disk is claimed)");
	ok_errno(EBUSY, open(SWAP_DEV, O_RDWR | O_EXCL), "an O_EXCL open of it: EBUSY");
	ok(swapoff(SWAP_DEV) == 0, "swapoff: 0");
	ok(!swaps_line(SWAP_DEV, &size_kb, &prio), "/proc/swaps: the header alone");
	ok_eq(0, swap_meminfo("SwapTotal"), "SwapTotal 0");
	ok_eq(0, swap_meminfo("SwapFree"), "SwapFree 0");
	ok_errno(EINVAL, swapoff(SWAP_DEV), "swapoff again: EINVAL (not a swap area)");
	ok(swapon(SWAP_DEV, SWAP_FLAG_PREFER | 5) == 0, "swapon with SWAP_FLAG_PREFER | 5");
	ok(swaps_line(SWAP_DEV, &size_kb, &prio) && prio == 5, "its priority is 5");
	ok(swapoff(SWAP_DEV) == 0, "swapoff");
	ok(swapon(SWAP_DEV, SWAP_FLAG_DISCARD | SWAP_FLAG_DISCARD_ONCE) == 0,
	   "swapon with the DISCARD flags: taken");
	ok(swaps_line(SWAP_DEV, &size_kb, &prio) && prio == -2, "priority -2 again: swapoff gave -2 back");
	ok(swapoff(SWAP_DEV) == 0, "swapoff");
}

static void bad_input(void)
{
	int fd = open("/tmp/swapon-file", O_RDWR | O_CREAT | O_TRUNC, 0600);

	ok(fd >= 0 && ftruncate(fd, 1 << 20) == 0, "a 1 MiB file in /tmp");
	close(fd);
	ok_errno(EINVAL, swapon(SWAP_DEV, 0x80000), "an unknown flag: EINVAL");
	ok_errno(EINVAL, swapon(NULL, 0x80000), "an unknown flag before a bad pointer: EINVAL");
	ok_errno(EFAULT, swapon(NULL, 0), "a NULL name: EFAULT");
	ok_errno(ENOENT, swapon("", 0), "an empty name: ENOENT");
	ok_errno(ENOENT, swapon("/nonexistent", 0), "a missing file: ENOENT");
	ok_errno(EISDIR, swapon("/", 0), "a directory: EISDIR (opened for writing)");
	ok_errno(EINVAL, swapon("/dev/null", 0), "a character device: EINVAL");
	ok_errno(EINVAL, swapon("/tmp/swapon-file", 0), "a file in tmpfs: EINVAL");
	ok_errno(EFAULT, swapoff(NULL), "swapoff NULL: EFAULT");
	ok_errno(ENOENT, swapoff("/nonexistent"), "swapoff of a missing file: ENOENT");
	ok_errno(EINVAL, swapoff("/dev/null"), "swapoff of what is not swap: EINVAL");
	ok_errno(EISDIR, swapoff("/"), "swapoff of a directory: EISDIR");
	unlink("/tmp/swapon-file");
}

/* As nobody: CAP_SYS_ADMIN is asked for after the flags, before the name. */
static void as_nobody(void)
{
	pid_t pid = fork();
	int status = -1;

	if (pid == 0) {
		if (setgid(65534) || setuid(65534))
			_exit(2);
		if (swapon(SWAP_DEV, 0) != -1 || errno != EPERM)
			_exit(3);
		if (swapon(NULL, 0) != -1 || errno != EPERM)
			_exit(4);
		if (swapon(SWAP_DEV, 0x80000) != -1 || errno != EINVAL)
			_exit(5);
		if (swapoff(NULL) != -1 || errno != EPERM)
			_exit(6);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	ok_eq(0, status, "as nobody: swapon and swapoff EPERM, even with a bad name; a bad flag EINVAL first");
}

int main(void)
{
	swap_test_begin();
	on_and_off();
	bad_input();
	as_nobody();
	swap_test_end();
	return tap_done();
}
