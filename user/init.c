// SPDX-License-Identifier: GPL-2.0
/*
 * init: the first program (pid 1). It gives the console to a shell and,
 * when the shell exits, powers the machine off.
 *
 *   1. a session of its own, and the console's real terminal (/dev/ttyS0,
 *      found with TIOCGDEV) as its controlling terminal, so the shell
 *      gets job control (^C reaches the foreground job, not the shell);
 *   2. /bin/sh, with the environment the kernel passed, in a loop that
 *      also reaps the orphans every process leaves to init;
 *   3. exit from the shell (or ^D) ends the session: power off.
 *
 * A real init reads /etc/inittab and restarts the shell; this one is as
 * small as a teaching machine needs. Linux: busybox init, sysvinit.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/ioctl.h>
#include <sys/reboot.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

#ifndef TIOCGDEV
#define TIOCGDEV	_IOR('T', 0x32, unsigned int)
#endif

extern char **environ;

/* The terminal behind /dev/console, opened as our controlling terminal. */
static int open_console_tty(void)
{
	unsigned int dev = 0;
	char path[32] = "/dev/console";
	int fd = open("/dev/console", O_RDWR | O_NOCTTY);

	if (fd >= 0 && ioctl(fd, TIOCGDEV, &dev) == 0 && major(dev) == 4)
		snprintf(path, sizeof(path), "/dev/ttyS%u", minor(dev) - 64);
	if (fd >= 0)
		close(fd);
	return open(path, O_RDWR);
}

static void power_off(void)
{
	sync();
	reboot(RB_POWER_OFF);
}

int main(int argc, char **argv)
{
	int fd, status;
	pid_t shell;

	if (getpid() != 1) {
		fprintf(stderr, "init: must run as process 1 (the kernel starts it)\n");
		return 1;
	}
	setsid();
	/* ps, free and the students read /proc and /sys: mount them as a Linux init does. */
	mkdir("/proc", 0555);
	if (mount("proc", "/proc", "proc", 0, NULL))
		perror("init: mount /proc");
	mkdir("/sys", 0555);
	if (mount("sysfs", "/sys", "sysfs", 0, NULL))
		perror("init: mount /sys");
	fd = open_console_tty();
	if (fd >= 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
	}
	printf("\nFaultline: a teaching kernel for virtual memory. Type 'exit' (or ^D) to power off.\n\n");
	fflush(stdout);
	shell = fork();
	if (shell == 0) {
		char *sh_argv[] = { "-sh", NULL };

		setenv("PATH", "/bin:/sbin:/usr/bin", 0);
		execve("/bin/sh", sh_argv, environ);
		perror("init: cannot run /bin/sh");
		_exit(127);
	}
	if (shell < 0)
		perror("init: fork");
	/* Reap everything; the shell's exit ends the session. */
	for (;;) {
		pid_t pid = wait(&status);

		if (pid < 0 && errno == ECHILD)
			break;
		if (pid == shell)
			break;
	}
	printf("init: the shell has exited; powering off\n");
	fflush(stdout);
	power_off();
	return 0;
}
