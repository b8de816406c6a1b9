// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes as Linux has them: 64 KiB of room, EOF once every writer is
 * gone, EAGAIN for non-blocking ends, poll's POLLIN/POLLOUT/POLLHUP, a
 * blocked reader woken by a writer in another process, and a write with
 * no reader left: SIGPIPE, or EPIPE when SIGPIPE is ignored.
 */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "tap.h"

static char buf[128 * 1024];

static int revents(int fd, short events)
{
	struct pollfd p = { .fd = fd, .events = events };

	return poll(&p, 1, 0) == 1 ? p.revents : 0;
}

/*
 * A FIFO: a non-blocking writer with no reader gets ENXIO (and is not
 * counted as a writer); a reader that opened while a writer was there
 * sees POLLHUP once it goes.
 */
static void test_fifo(void)
{
	const char *path = "/tmp/faultline-fifo";
	int status, r;
	pid_t pid;

	unlink(path);
	mkfifo(path, 0600);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		int fd = open(path, O_WRONLY);	/* waits for a reader */

		write(fd, "hi", 2);
		usleep(50000);
		_exit(0);
	}
	usleep(20000);		/* the writer is waiting now */
	ok_errno(ENXIO, open(path, O_WRONLY | O_NONBLOCK),
		 "a FIFO: a non-blocking writer with no reader: ENXIO");
	r = open(path, O_RDONLY);	/* the waiting writer still counts */
	ok(r >= 0 && read(r, buf, 2) == 2 && !memcmp(buf, "hi", 2),
	   "a reader meets the waiting writer; its bytes arrive");
	waitpid(pid, &status, 0);
	ok_eq(POLLHUP, revents(r, POLLIN), "the writer gone: POLLHUP for a reader that opened while it was there");
	close(r);
	unlink(path);
}

int main(void)
{
	int fds[2], status;
	pid_t pid;

	pipe(fds);
	ok_eq(O_RDONLY, fcntl(fds[0], F_GETFL) & O_ACCMODE, "the read end is O_RDONLY");
	ok_eq(O_WRONLY, fcntl(fds[1], F_GETFL) & O_ACCMODE, "the write end is O_WRONLY");
	ok_eq(POLLOUT, revents(fds[1], POLLOUT), "an empty pipe has room: POLLOUT");
	ok_eq(0, revents(fds[0], POLLIN), "and nothing to read");
	fcntl(fds[0], F_SETFL, O_NONBLOCK);
	ok_errno(EAGAIN, read(fds[0], buf, 1), "a non-blocking read of an empty pipe: EAGAIN");
	fcntl(fds[1], F_SETFL, O_NONBLOCK);
	ok_eq(65536, write(fds[1], buf, sizeof(buf)), "a pipe holds 64 KiB");
	ok_errno(EAGAIN, write(fds[1], buf, 1), "a non-blocking write to a full pipe: EAGAIN");
	ok_eq(POLLIN, revents(fds[0], POLLIN), "full: POLLIN");
	ok_eq(0, revents(fds[1], POLLOUT), "full: no POLLOUT");
	ok_eq(65536, read(fds[0], buf, sizeof(buf)), "a read takes what is there, up to its size");
	ok_eq(3, write(fds[1], "abc", 3), "three bytes in");
	ok_eq(3, read(fds[0], buf, sizeof(buf)), "a read returns the three, without waiting for more");
	close(fds[1]);
	ok_eq(POLLHUP, revents(fds[0], POLLIN), "no writer left: POLLHUP");
	ok_eq(0, read(fds[0], buf, 1), "and a read returns 0 (end of file)");
	close(fds[0]);

	pipe(fds);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		usleep(50000);
		write(fds[1], "late", 4);
		_exit(0);
	}
	close(fds[1]);
	ok(read(fds[0], buf, 4) == 4 && !memcmp(buf, "late", 4),
	   "a blocked read wakes when another process writes");
	waitpid(pid, &status, 0);
	ok_eq(0, read(fds[0], buf, 1), "and sees EOF when that process has exited");
	close(fds[0]);

	test_fifo();

	pipe(fds);
	write(fds[1], "a", 1);	/* a page with room that a write could merge into */
	close(fds[0]);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		write(fds[1], "x", 1);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE,
	   "a write with no reader: SIGPIPE kills the writer");
	signal(SIGPIPE, SIG_IGN);
	ok_errno(EPIPE, write(fds[1], "x", 1), "with SIGPIPE ignored: EPIPE");
	close(fds[1]);
	return tap_done();
}
