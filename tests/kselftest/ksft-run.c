// SPDX-License-Identifier: GPL-2.0
/*
 * ksft-run: run one vm selftest inside the guest the way Linux 6.1's
 * tools/testing/selftests/vm/run_vmtests.sh runs it, on Faultline and on
 * Linux alike (tests/kselftest/run boots it through scripts/qrun and
 * scripts/linux-run with the test program added at /kselftest/PROG):
 *
 *   ksft-run SETUP COMMAND [ARGS...]
 *
 * First what a kselftest machine has that a qrun boot does not: sysfs on
 * /sys and debugfs on /sys/kernel/debug. Then SETUP, a comma-separated
 * list (or "-" for none) of what run_vmtests.sh does around COMMAND:
 *
 *   hugetlb     vm.nr_hugepages = 128: the 256 MB of 2 MB pages that
 *               run_vmtests.sh asks for on a one-CPU machine
 *   hugetlbfs   hugetlbfs mounted on ./huge (run_vmtests.sh's $mnt)
 *   shm         kernel.shmmax = 268435456, kernel.shmall = 4194304
 *   nobody      run as nobody (65534), as `sudo -u nobody`
 *
 * and runs COMMAND in /kselftest, as run_vmtests.sh runs ./PROG from the
 * selftests' directory. A step that fails is said on a "# ksft-run:"
 * line (a TAP diagnostic) and COMMAND runs all the same, so that its own
 * output shows what the kernel lacks; only a COMMAND meant for nobody
 * never runs as root (it exits 1 instead). COMMAND replaces ksft-run, so
 * its exit status is the boot's.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>

#define KSFT_DIR	"/kselftest"
#define NOBODY		65534

static void say_failed(const char *what, const char *arg)
{
	printf("# ksft-run: %s %s: %s\n", what, arg, strerror(errno));
}

static void mount_fs(const char *type, const char *dir)
{
	if (mkdir(dir, 0755) && errno != EEXIST) {
		say_failed("mkdir", dir);
		return;
	}
	if (mount("none", dir, type, 0, NULL) && errno != EBUSY)
		say_failed(type, dir);
}

/* Write value to /proc/sys/PATH, as `echo VALUE > /proc/sys/PATH`. */
static void sysctl_write(const char *path, const char *value)
{
	char file[128];
	int fd;

	snprintf(file, sizeof(file), "/proc/sys/%s", path);
	fd = open(file, O_WRONLY);
	if (fd < 0) {
		say_failed("open", file);
		return;
	}
	if (write(fd, value, strlen(value)) != (ssize_t)strlen(value))
		say_failed("write", file);
	close(fd);
}

/* sudo -u nobody: nobody's group alone, then nobody's uid. */
static int become_nobody(void)
{
	gid_t gid = NOBODY;

	if (setgroups(1, &gid)) {
		say_failed("setgroups", "65534");
		return -1;
	}
	if (setgid(NOBODY)) {
		say_failed("setgid", "65534");
		return -1;
	}
	if (setuid(NOBODY)) {
		say_failed("setuid", "65534");
		return -1;
	}
	return 0;
}

/* Do one SETUP step; -1 when COMMAND must not run. */
static int setup_step(const char *step)
{
	if (!strcmp(step, "hugetlb")) {
		sysctl_write("vm/nr_hugepages", "128");
	} else if (!strcmp(step, "hugetlbfs")) {
		mount_fs("hugetlbfs", "huge");
	} else if (!strcmp(step, "shm")) {
		sysctl_write("kernel/shmmax", "268435456");
		sysctl_write("kernel/shmall", "4194304");
	} else if (!strcmp(step, "nobody")) {
		return become_nobody();
	} else if (strcmp(step, "-")) {
		printf("# ksft-run: unknown setup step '%s'\n", step);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	char *steps, *step;

	if (argc < 3) {
		fprintf(stderr, "usage: ksft-run SETUP COMMAND [ARGS...]\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IONBF, 0);
	mount_fs("sysfs", "/sys");
	mount_fs("debugfs", "/sys/kernel/debug");
	if (chdir(KSFT_DIR)) {
		say_failed("chdir", KSFT_DIR);
		return 1;
	}
	steps = argv[1];
	while ((step = strsep(&steps, ",")))
		if (setup_step(step))
			return 1;
	execv(argv[2], argv + 2);
	say_failed("exec", argv[2]);
	return 127;
}
