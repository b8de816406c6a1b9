// SPDX-License-Identifier: GPL-2.0
/*
 * pidfd_open and pidfd_send_signal as Linux 6.1 does them: the file
 * (close-on-exec, O_RDWR, PIDFD_NONBLOCK, mode 0600, no read or write),
 * its /proc/self/fdinfo lines, poll readable once the process exits,
 * signals through it with and without a siginfo, and every errno.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "tap.h"
#include "testlib.h"
#include "proclib.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif
#define PIDFD_NONBLOCK O_NONBLOCK

static int pidfd_open(pid_t pid, unsigned int flags)
{
	return (int)syscall(SYS_pidfd_open, pid, flags);
}

static int pidfd_send_signal(int fd, int sig, siginfo_t *info, unsigned int flags)
{
	return (int)syscall(SYS_pidfd_send_signal, fd, sig, info, flags);
}

/* poll the pidfd without waiting: its revents. */
static int revents(int fd, int timeout)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, timeout) < 0 ? -errno : p.revents;
}

/* /proc/self/fdinfo/<fd>: pos and flags printed, the Pid lines checked against pid. */
static void check_fdinfo(int fd, pid_t pid)
{
	char path[64], want[64];

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	ok(read_file(path) > 0, "fdinfo reads");
	print_lines((const char *const[]){ "pos:", "flags:", NULL });
	ok(strstr(proc_buf, "\nmnt_id:\t") && strstr(proc_buf, "\nino:\t"), "mnt_id and ino lines");
	snprintf(want, sizeof(want), "\nPid:\t%d\nNSpid:\t%d\n", pid, pid);
	ok(strstr(proc_buf, want) != NULL, "Pid: and NSpid: the process (%s)", pid < 0 ? "-1" : "its pid");
}

static void test_open(void)
{
	int fd = pidfd_open(getpid(), 0), nb;
	struct stat st;
	char c;

	ok(fd >= 0, "pidfd_open of ourselves");
	ok_eq(FD_CLOEXEC, fcntl(fd, F_GETFD), "close-on-exec");
	ok_eq(O_RDWR, fcntl(fd, F_GETFL), "F_GETFL: O_RDWR");
	ok_eq(0, fstat(fd, &st), "fstat");
	ok_eq(0600, st.st_mode, "st_mode 0600, no file type (the anonymous inode)");
	ok_errno(EINVAL, read(fd, &c, 1), "read: EINVAL");
	ok_errno(EINVAL, write(fd, &c, 1), "write: EINVAL");
	ok_eq(0, revents(fd, 0), "poll: not readable while we run");
	check_fdinfo(fd, getpid());
	nb = pidfd_open(getpid(), PIDFD_NONBLOCK);
	ok_eq(O_RDWR | O_NONBLOCK, fcntl(nb, F_GETFL), "PIDFD_NONBLOCK: O_NONBLOCK");
	check_fdinfo(nb, getpid());
	close(nb);
	close(fd);

	ok_errno(EINVAL, pidfd_open(getpid(), 1), "an unknown flag: EINVAL");
	ok_errno(EINVAL, pidfd_open(getpid(), O_CLOEXEC), "O_CLOEXEC is no flag of it: EINVAL");
	ok_errno(EINVAL, pidfd_open(0, 0), "pid 0: EINVAL");
	ok_errno(EINVAL, pidfd_open(-1, 0), "pid -1: EINVAL");
	ok_errno(ESRCH, pidfd_open(4000000, 0), "a pid past pid_max: ESRCH");
}

/* A child killed through its pidfd; the pidfd outlives it. */
static void test_exit_and_reap(void)
{
	pid_t pid = fork_pausing_child();
	int fd = pidfd_open(pid, 0), status;

	ok(fd >= 0, "pidfd_open of a child");
	ok_eq(0, revents(fd, 0), "not readable while it lives");
	ok_eq(0, pidfd_send_signal(fd, 0, NULL, 0), "signal 0: it exists");
	ok_eq(0, pidfd_send_signal(fd, SIGKILL, NULL, 0), "SIGKILL through the pidfd");
	ok_eq(POLLIN, revents(fd, -1), "poll wakes: readable once it exited");
	ok_eq(0, pidfd_send_signal(fd, SIGTERM, NULL, 0), "a zombie takes signals (and ignores them)");
	ok(pidfd_open(pid, 0) >= 0, "pidfd_open of a zombie");
	ok_eq(pid, waitpid(pid, &status, 0), "reap it");
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "it died of SIGKILL");
	ok_eq(POLLIN, revents(fd, 0), "still readable after the reap");
	ok_errno(ESRCH, pidfd_send_signal(fd, SIGKILL, NULL, 0), "signal after the reap: ESRCH");
	ok_errno(ESRCH, pidfd_send_signal(fd, 99, NULL, 0), "ESRCH before the signal's check");
	ok_errno(ESRCH, pidfd_open(pid, 0), "pidfd_open after the reap: ESRCH");
	check_fdinfo(fd, -1);
	close(fd);
}

static void test_send_errors(void)
{
	pid_t pid = fork_pausing_child();
	int fd = pidfd_open(pid, 0), fds[2], status;
	siginfo_t info;

	pipe(fds);
	ok_errno(EINVAL, pidfd_send_signal(fd, SIGKILL, NULL, 1), "an unknown flag: EINVAL");
	ok_errno(EBADF, pidfd_send_signal(-1, SIGKILL, NULL, 0), "fd -1: EBADF");
	ok_errno(EBADF, pidfd_send_signal(fds[0], SIGKILL, NULL, 0), "a pipe: EBADF");
	ok_errno(EINVAL, pidfd_send_signal(fd, 99, NULL, 0), "signal 99: EINVAL");
	ok_errno(EINVAL, pidfd_send_signal(fd, -1, NULL, 0), "signal -1: EINVAL");
	ok_errno(EFAULT, pidfd_send_signal(fd, SIGKILL, (siginfo_t *)1, 0), "a bad siginfo: EFAULT");
	memset(&info, 0, sizeof(info));
	info.si_signo = SIGUSR1;
	info.si_code = SI_QUEUE;
	ok_errno(EINVAL, pidfd_send_signal(fd, SIGUSR2, &info, 0), "si_signo not the signal: EINVAL");
	info.si_code = SI_USER;
	ok_errno(EPERM, pidfd_send_signal(fd, SIGUSR1, &info, 0), "SI_USER to another process: EPERM");
	info.si_code = SI_TKILL;
	ok_errno(EPERM, pidfd_send_signal(fd, SIGUSR1, &info, 0), "SI_TKILL to another: EPERM");
	info.si_code = SI_QUEUE;
	ok_eq(0, pidfd_send_signal(fd, SIGUSR1, &info, 0), "SI_QUEUE to another is allowed");
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1, "and the child got SIGUSR1");
	close(fds[0]);
	close(fds[1]);
	close(fd);

	fd = pidfd_open(getpid(), 0);
	signal(SIGUSR1, SIG_IGN);
	info.si_code = SI_USER;
	ok_eq(0, pidfd_send_signal(fd, SIGUSR1, &info, 0), "any si_code to ourselves");
	signal(SIGUSR1, SIG_DFL);
	close(fd);
}

int main(void)
{
	test_open();
	test_exit_and_reap();
	test_send_errors();
	return tap_done();
}
