/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FAULTLINE_TESTS_USER_SWAPLIB_H
#define FAULTLINE_TESTS_USER_SWAPLIB_H

/*
 * Helpers for the swap tests (swapon.c, swap_header.c). They need the
 * disk that scripts/qrun --disk or --swap attaches (/dev/vda, mkswap'd)
 * and that tests/user.sh attaches to its boot; they change its header
 * and swap it on and off, so they run only inside a test VM (a qrun
 * boot, or the user suite's utest= boot) and only on a disk whose first
 * page ends in SWAPSPACE2: anywhere else they skip, touching nothing.
 * Each leaves the disk as it found it: the same first page, swapped on
 * or not as before.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/swap.h>
#include "tap.h"

#define SWAP_DEV	"/dev/vda"
#define PAGE		4096

static char swap_saved[PAGE];
static int swap_was_on;

/* Whether /proc/swaps lists dev. */
static __attribute__((unused)) int swap_listed(const char *dev)
{
	char line[256];
	FILE *f = fopen("/proc/swaps", "r");
	int found = 0;

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, dev, strlen(dev)) && line[strlen(dev)] == ' ')
			found = 1;
	if (f)
		fclose(f);
	return found;
}

/* A meminfo field in kB, or -1. */
static __attribute__((unused)) long swap_meminfo(const char *name)
{
	char line[256];
	FILE *f = fopen("/proc/meminfo", "r");
	long v = -1;

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, name, strlen(name)) && line[strlen(name)] == ':')
			v = atol(line + strlen(name) + 1);
	if (f)
		fclose(f);
	return v;
}

static int in_test_vm(void)
{
	char cmdline[4096] = "";
	int fd = open("/proc/cmdline", O_RDONLY);

	if (fd >= 0) {
		ssize_t n = read(fd, cmdline, sizeof(cmdline) - 1);

		cmdline[n > 0 ? n : 0] = '\0';
		close(fd);
	}
	return access("/qrun/argv", F_OK) == 0 || strstr(cmdline, "utest=") != NULL;
}

static __attribute__((unused)) int read_page0(char *buf)
{
	int fd = open(SWAP_DEV, O_RDONLY);
	int ok = fd >= 0 && pread(fd, buf, PAGE, 0) == PAGE;

	if (fd >= 0)
		close(fd);
	return ok ? 0 : -1;
}

static __attribute__((unused)) int write_page0(const char *buf)
{
	int fd = open(SWAP_DEV, O_WRONLY);
	int ok = fd >= 0 && pwrite(fd, buf, PAGE, 0) == PAGE && fsync(fd) == 0;

	if (fd >= 0)
		close(fd);
	return ok ? 0 : -1;
}

/*
 * Skip (exit 0) unless this is a test VM with a swap disk; then swap it
 * off, keeping its first page, so each test starts from an idle disk.
 */
static __attribute__((unused)) void swap_test_begin(void)
{
	if (!in_test_vm() || read_page0(swap_saved) || memcmp(swap_saved + PAGE - 10, "SWAPSPACE2", 10)) {
		printf("1..0 # SKIP no swap disk in a test VM\n");
		exit(0);
	}
	swap_was_on = swap_listed(SWAP_DEV);
	if (swap_was_on && swapoff(SWAP_DEV)) {
		printf("Bail out! swapoff " SWAP_DEV ": %s\n", strerror(errno));
		exit(1);
	}
}

/* Put the disk back as swap_test_begin found it. */
static __attribute__((unused)) void swap_test_end(void)
{
	if (swap_listed(SWAP_DEV))
		swapoff(SWAP_DEV);
	if (write_page0(swap_saved))
		printf("# could not restore " SWAP_DEV "'s first page\n");
	if (swap_was_on && swapon(SWAP_DEV, 0))
		printf("# could not swap " SWAP_DEV " back on: %s\n", strerror(errno));
}

#endif
