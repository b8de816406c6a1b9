// SPDX-License-Identifier: GPL-2.0
/*
 * qrun-init: /init of a scripts/qrun boot (and of scripts/linux-run's
 * Linux boot): run one program the way a grader wants it run, say how it
 * ended, power off.
 *
 *   /qrun/argv   the program's arguments, NUL-separated; argv[0] is the
 *                program (/bin/NAME)
 *   /qrun/envp   its environment, NAME=VALUE strings, NUL-separated
 *                (qrun's --env; empty or missing: an empty environment)
 *   /qrun/disk   (qrun --swap or --disk) the disk attached, e.g. /dev/vda:
 *                the program starts once its node is there
 *   /qrun/swap   (qrun --swap) swap on that disk before the program runs
 *   /qrun/modules/order, NAME.ko   (linux-run --swap) kernel modules to
 *                load first, in that order: Debian's kernel has its
 *                virtio drivers as modules
 *
 * The program runs with that environment and cwd /, in a session of
 * its own whose controlling terminal is the second serial port,
 * /dev/ttyS1 (qrun's standard input and output; stdin, stdout and stderr
 * of the program). The kernel log and this line go to the console, the
 * first serial port, which qrun reads for the status:
 *
 *   qrun: exit N         the program exited with status N
 *   qrun: signal N       a signal killed it (N | 128 in qrun's status)
 *   qrun: cannot run P   exec failed (qrun says why)
 *   qrun: cannot swap on P (error N)   swapon failed: nothing ran
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#define MAX_ARGS	256
#define LIST_BYTES	65536

static char argbuf[LIST_BYTES], envbuf[LIST_BYTES];

/*
 * Read the NUL-separated strings of path into buf and a NULL-terminated
 * vector of at most MAX_ARGS of them; returns how many there are.
 */
static int read_list(const char *path, char *buf, char **vec)
{
	int fd = open(path, O_RDONLY), count = 0;
	ssize_t n = fd >= 0 ? read(fd, buf, LIST_BYTES - 1) : -1;

	if (fd >= 0)
		close(fd);
	if (n < 0)
		n = 0;
	buf[n] = '\0';
	for (char *p = buf; p < buf + n && count < MAX_ARGS; p += strlen(p) + 1)
		vec[count++] = p;
	vec[count] = NULL;
	return count;
}

static void say(const char *fmt, long v, const char *s)
{
	FILE *console = fopen("/dev/console", "w");

	if (!console)
		return;
	fprintf(console, fmt, v, s);
	fclose(console);
}

/*
 * Linux boots have no /dev yet: mount devtmpfs (Faultline's initramfs
 * has /dev). Both get /proc and /sys, mounted as a Linux init mounts them.
 */
static void setup_dev(void)
{
	if (access("/dev/ttyS1", F_OK) != 0) {
		mkdir("/dev", 0755);
		mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	}
	mkdir("/proc", 0555);
	mount("proc", "/proc", "proc", 0, NULL);
	mkdir("/sys", 0555);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
}

/* Load each module /qrun/modules/order names (finit_module), in order. */
static void load_modules(void)
{
	static char order[4096];
	int fd = open("/qrun/modules/order", O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, order, sizeof(order) - 1) : -1;

	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return;
	order[n] = '\0';
	for (char *name = strtok(order, "\n"); name; name = strtok(NULL, "\n")) {
		char path[256];
		int mfd;

		snprintf(path, sizeof(path), "/qrun/modules/%s.ko", name);
		mfd = open(path, O_RDONLY | O_CLOEXEC);
		if (mfd < 0 || (syscall(SYS_finit_module, mfd, "", 0) < 0 && errno != EEXIST))
			say("qrun: cannot load module %ld %s\n", errno, name);
		if (mfd >= 0)
			close(mfd);
	}
}

/*
 * qrun --disk or --swap: wait until the disk's node is there (a module's
 * probe makes it on Linux; the wait is bounded: 500 looks, 10 ms apart),
 * and with --swap swap on it. Returns 0, or -1 having said why.
 */
static int setup_disk(void)
{
	char dev[256];
	int fd = open("/qrun/disk", O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, dev, sizeof(dev) - 1) : -1;

	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return 0;
	dev[n] = '\0';
	dev[strcspn(dev, "\n")] = '\0';
	load_modules();
	for (int i = 0; i < 500 && access(dev, F_OK) != 0; i++)
		usleep(10000);
	if (access("/qrun/swap", F_OK) != 0 || swapon(dev, 0) == 0)
		return 0;
	say("qrun: cannot swap on %2$s (error %1$ld)\n", errno, dev);
	return -1;
}

static void run_child(char **argv, char **envp)
{
	int fd;

	setsid();
	fd = open("/dev/ttyS1", O_RDWR);
	if (fd >= 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
	}
	if (chdir("/") < 0)
		_exit(125);
	execve(argv[0], argv, envp);
	say("qrun: cannot run %ld %s\n", errno, argv[0]);
	_exit(127);
}

int main(void)
{
	char *argv[MAX_ARGS + 1], *envp[MAX_ARGS + 1];
	int status = 0;
	pid_t child;

	setup_dev();
	if (setup_disk() < 0) {
		sync();
		reboot(RB_POWER_OFF);
	}
	read_list("/qrun/envp", envbuf, envp);
	if (!read_list("/qrun/argv", argbuf, argv)) {
		say("qrun: no program to run (%ld%s)\n", 0, "");
		sync();
		reboot(RB_POWER_OFF);
	}
	child = fork();
	if (child == 0)
		run_child(argv, envp);
	for (;;) {
		int st;
		pid_t pid = wait(&st);

		if (pid < 0)
			break;
		if (pid == child) {
			status = st;
			kill(-1, SIGKILL);	/* what it left running */
		}
	}
	if (WIFSIGNALED(status))
		say("qrun: signal %ld%s\n", WTERMSIG(status), "");
	else
		say("qrun: exit %ld%s\n", WEXITSTATUS(status), "");
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
