// SPDX-License-Identifier: GPL-2.0
/*
 * socketpair(AF_UNIX) as Linux 6.1 has it: streams, records and
 * datagrams between the two ends, end of file and EPIPE/SIGPIPE when one
 * end goes, ECONNRESET when it goes with data unread, shutdown, poll,
 * nonblocking ends, and the errno of every bad call.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "tap.h"

static volatile sig_atomic_t sigpipes;

static void on_sigpipe(int sig)
{
	(void)sig;
	sigpipes++;
}

static void test_errors(void)
{
	int sv[2];
	int *volatile bad = (int *)8;	/* volatile: the compiler must not see it is bad */

	ok_errno(EAFNOSUPPORT, socketpair(12345, SOCK_STREAM, 0, sv), "an unknown family: EAFNOSUPPORT");
	ok_errno(EPROTONOSUPPORT, socketpair(AF_UNIX, SOCK_STREAM, 6, sv),
		 "a protocol AF_UNIX does not have: EPROTONOSUPPORT");
	ok_errno(ESOCKTNOSUPPORT, socketpair(AF_UNIX, 4, 0, sv), "SOCK_RDM: ESOCKTNOSUPPORT");
	ok_errno(EINVAL, socketpair(AF_UNIX, 12, 0, sv), "a type past SOCK_MAX: EINVAL");
	ok_errno(EINVAL, socketpair(AF_UNIX, SOCK_STREAM | 0x10000, 0, sv), "an unknown flag: EINVAL");
	ok_errno(EFAULT, socketpair(AF_UNIX, SOCK_STREAM, 0, bad), "a bad vector: EFAULT");
	ok_errno(EBADF, send(999, "x", 1, 0), "send on a descriptor that is not open: EBADF");
	pipe(sv);
	ok_errno(ENOTSOCK, send(sv[1], "x", 1, 0), "send on a pipe: ENOTSOCK");
	ok_errno(ENOTSOCK, shutdown(sv[0], SHUT_RD), "shutdown of a pipe: ENOTSOCK");
	close(sv[0]);
	close(sv[1]);
}

static void test_stream(void)
{
	char buf[16] = { 0 };
	struct stat st;
	int sv[2];

	ok_eq(0, socketpair(AF_UNIX, SOCK_STREAM, 0, sv), "a stream pair");
	ok(!fstat(sv[0], &st) && S_ISSOCK(st.st_mode), "each end is a socket");
	ok_eq(3, write(sv[0], "abc", 3), "write 3 bytes at one end");
	ok_eq(3, write(sv[0], "def", 3), "and 3 more");
	ok_eq(5, read(sv[1], buf, 5), "a read at the other takes bytes across both writes");
	ok(!memcmp(buf, "abcde", 5), "in order");
	ok_eq(2, send(sv[1], "hi", 2, 0), "send the other way");
	ok_eq(2, recv(sv[0], buf, sizeof(buf), MSG_PEEK), "MSG_PEEK sees it");
	ok_eq(2, recv(sv[0], buf, sizeof(buf), 0), "and it is still there to read");
	ok_eq(0, shutdown(sv[0], SHUT_WR), "shutdown(SHUT_WR) at one end");
	ok_eq(1, read(sv[1], buf, sizeof(buf)), "the other reads what was left");
	ok_eq(0, read(sv[1], buf, sizeof(buf)), "then end of file");
	sigpipes = 0;
	ok_errno(EPIPE, write(sv[0], "x", 1), "writing after SHUT_WR: EPIPE");
	ok_eq(1, sigpipes, "with SIGPIPE");
	ok_errno(EPIPE, send(sv[0], "x", 1, MSG_NOSIGNAL), "MSG_NOSIGNAL: EPIPE");
	ok_eq(1, sigpipes, "without SIGPIPE");
	ok_errno(EINVAL, shutdown(sv[0], 7), "shutdown of an unknown kind: EINVAL");
	close(sv[0]);
	close(sv[1]);
}

static void test_close(void)
{
	char buf[8];
	int sv[2];

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	write(sv[0], "gone", 4);
	close(sv[1]);
	ok_errno(EPIPE, write(sv[0], "x", 1), "a write to a closed peer: EPIPE");
	ok_errno(ECONNRESET, read(sv[0], buf, sizeof(buf)),
		 "the peer closed with data unread: ECONNRESET");
	ok_eq(0, read(sv[0], buf, sizeof(buf)), "then end of file");
	close(sv[0]);
}

static void test_records(void)
{
	char buf[16] = { 0 };
	int sv[2];

	ok_eq(0, socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), "a SOCK_SEQPACKET pair");
	write(sv[0], "one", 3);
	write(sv[0], "second", 6);
	ok_eq(3, read(sv[1], buf, sizeof(buf)), "a read takes one record");
	ok_eq(4, read(sv[1], buf, 4), "a short read takes part of the next");
	ok_eq(-1, recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT),
	      "and the rest of it is gone: nothing more to read");
	ok_eq(EAGAIN, errno, "EAGAIN with MSG_DONTWAIT");
	close(sv[0]);
	ok_eq(0, read(sv[1], buf, sizeof(buf)), "end of file when the peer closes");
	close(sv[1]);

	ok_eq(0, socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv),
	      "a SOCK_DGRAM pair, nonblocking, close-on-exec");
	ok(fcntl(sv[0], F_GETFD) == FD_CLOEXEC && (fcntl(sv[0], F_GETFL) & O_NONBLOCK),
	   "the flags are set");
	ok_errno(EAGAIN, read(sv[0], buf, sizeof(buf)), "nothing to read: EAGAIN");
	write(sv[1], "dgram", 5);
	ok_eq(5, read(sv[0], buf, sizeof(buf)), "a datagram whole");
	close(sv[0]);
	close(sv[1]);
}

static void test_poll_and_fork(void)
{
	struct pollfd p[2];
	int sv[2], status, v = 0;
	pid_t pid;

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	p[0] = (struct pollfd){ .fd = sv[0], .events = POLLIN | POLLOUT };
	ok_eq(1, poll(p, 1, 0), "poll: an empty end is writable");
	ok_eq(POLLOUT, p[0].revents, "only writable");
	write(sv[1], "x", 1);
	poll(p, 1, 0);
	ok_eq(POLLIN | POLLOUT, p[0].revents, "readable once the peer wrote");
	read(sv[0], &v, 1);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		close(sv[0]);
		read(sv[1], &v, sizeof(v));
		v++;
		write(sv[1], &v, sizeof(v));
		_exit(0);
	}
	close(sv[1]);
	v = 41;
	write(sv[0], &v, sizeof(v));
	ok_eq((int)sizeof(v), read(sv[0], &v, sizeof(v)), "a child answers through its end");
	ok_eq(42, v, "with what we sent, plus one");
	waitpid(pid, &status, 0);
	p[1] = (struct pollfd){ .fd = sv[0], .events = POLLIN };
	ok_eq(1, poll(&p[1], 1, 0), "poll once the child's end is closed");
	ok_eq(POLLIN | POLLHUP, p[1].revents, "POLLIN and POLLHUP");
	close(sv[0]);
}

int main(void)
{
	signal(SIGPIPE, on_sigpipe);
	test_errors();
	test_stream();
	test_close();
	test_records();
	test_poll_and_fork();
	return tap_done();
}
