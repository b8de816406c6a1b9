// SPDX-License-Identifier: GPL-2.0
/*
 * process_madvise and process_mrelease as Linux 6.1 answers them: the
 * advice another process may be given (COLD, PAGEOUT, WILLNEED), the
 * bytes advised before a failing range, the iovec checks, what a pidfd
 * must name, and which processes process_mrelease takes (dying ones)
 * with every errno. Run as root (CAP_SYS_NICE), as both runners do.
 *
 * Whether a killed child has exited by the time process_mrelease runs
 * depends on the scheduler (Linux may run the child first): either
 * answer (0 while its mm is there, ESRCH after) is accepted there.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include "tap.h"
#include "testlib.h"
#include "proclib.h"

#define P 4096UL
#ifndef SYS_process_madvise
#define SYS_process_madvise 440
#endif
#ifndef SYS_process_mrelease
#define SYS_process_mrelease 448
#endif
#ifndef MADV_COLD
#define MADV_COLD 20
#define MADV_PAGEOUT 21
#endif

static int pidfd_open(pid_t pid)
{
	return (int)syscall(434, pid, 0);
}

static long pmadvise(int fd, const struct iovec *iov, size_t n, int advice, unsigned int flags)
{
	return syscall(SYS_process_madvise, fd, iov, n, advice, flags);
}

static long mrelease(int fd, unsigned int flags)
{
	return syscall(SYS_process_mrelease, fd, flags);
}

static void test_madvise(char *a)
{
	int self = pidfd_open(getpid()), fds[2];
	struct iovec iov[3] = { { a, 4 * P }, { a + 6 * P, 2 * P }, { a + 100 * P, P } };
	static struct iovec many[1025];

	pipe(fds);
	ok_eq(6 * P, pmadvise(self, iov, 2, MADV_COLD, 0), "MADV_COLD: the bytes of both ranges");
	ok_eq(6 * P, pmadvise(self, iov, 2, MADV_PAGEOUT, 0), "MADV_PAGEOUT");
	ok_eq(6 * P, pmadvise(self, iov, 2, MADV_WILLNEED, 0), "MADV_WILLNEED");
	ok_eq(0, pmadvise(self, iov, 0, MADV_COLD, 0), "no ranges: 0");
	ok_eq(6 * P, pmadvise(self, iov, 3, MADV_COLD, 0), "a hole in the third range: the first two's bytes");
	ok_errno(ENOMEM, pmadvise(self, iov + 2, 1, MADV_COLD, 0), "the hole alone: ENOMEM");
	iov[1].iov_base = a + 6 * P + 1;
	ok_eq(4 * P, pmadvise(self, iov, 2, MADV_COLD, 0), "an unaligned second range: the first's bytes");
	ok_errno(EINVAL, pmadvise(self, iov + 1, 1, MADV_COLD, 0), "it alone: EINVAL");
	iov[1].iov_base = a + 6 * P;

	ok_errno(EINVAL, pmadvise(self, iov, 2, MADV_DONTNEED, 0), "MADV_DONTNEED: EINVAL");
	ok_errno(EINVAL, pmadvise(self, iov, 2, MADV_FREE, 0), "MADV_FREE: EINVAL");
	ok_errno(EINVAL, pmadvise(self, iov, 2, MADV_NORMAL, 0), "MADV_NORMAL: EINVAL");
	ok_errno(EINVAL, pmadvise(self, iov, 2, 999, 0), "advice 999: EINVAL");
	ok_errno(EINVAL, pmadvise(self, iov, 2, MADV_COLD, 1), "flags: EINVAL");
	ok_errno(EINVAL, pmadvise(-1, iov, 2, MADV_COLD, 1), "flags before the pidfd: EINVAL");
	ok_errno(EBADF, pmadvise(-1, iov, 2, MADV_COLD, 0), "fd -1: EBADF");
	ok_errno(EBADF, pmadvise(fds[0], iov, 2, MADV_COLD, 0), "a pipe: EBADF");
	ok_errno(EFAULT, pmadvise(self, NULL, 1, MADV_COLD, 0), "a bad iovec array: EFAULT");
	ok_errno(EFAULT, pmadvise(-1, NULL, 1, MADV_COLD, 0), "checked before the pidfd");
	ok_errno(EINVAL, pmadvise(self, many, 1025, MADV_COLD, 0), "more than UIO_MAXIOV: EINVAL");
	ok_errno(EINVAL, pmadvise(self, (struct iovec[]){ { a, -1UL } }, 1, MADV_COLD, 0),
		 "a negative length: EINVAL");
	ok_eq(0, mlock(a, P), "mlock a page");
	ok_errno(EINVAL, pmadvise(self, iov, 1, MADV_COLD, 0), "MADV_COLD on locked memory: EINVAL");
	ok_eq(4 * P, pmadvise(self, iov, 1, MADV_WILLNEED, 0), "MADV_WILLNEED takes it");
	munlock(a, P);
	close(fds[0]);
	close(fds[1]);
	close(self);
}

static void test_madvise_child(char *a)
{
	pid_t pid = fork_pausing_child();
	int fd = pidfd_open(pid), status;
	struct iovec iov = { a, 8 * P };

	ok_eq(8 * P, pmadvise(fd, &iov, 1, MADV_PAGEOUT, 0), "advice to a child's memory");
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	ok_errno(ESRCH, pmadvise(fd, &iov, 1, MADV_PAGEOUT, 0), "to a reaped child: ESRCH");
	close(fd);
}

/* RssAnon of a process in kB, or -1 when status has none (a zombie). */
static long rss_anon_kb(pid_t pid)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	read_file(path);
	return field("RssAnon");
}

/*
 * A killed child with 256 pages of its own: process_mrelease either
 * frees them at once (0), after which its RssAnon is 0 (or it is gone),
 * or finds it exited already (ESRCH).
 */
static void test_mrelease_killed(void)
{
	int fds[2], fd, status;
	pid_t pid;
	long r;
	char c;

	pipe(fds);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char *m = mmap(NULL, 256 * P, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		memset(m, 1, 256 * P);
		write(fds[1], "x", 1);
		for (;;)
			pause();
	}
	read(fds[0], &c, 1);
	fd = pidfd_open(pid);
	/* Linux 6.1 folds a task's RSS changes into the mm every 64 faults: 192 at least. */
	ok(rss_anon_kb(pid) >= 768, "the child has its pages");
	kill(pid, SIGKILL);
	errno = 0;
	r = mrelease(fd, 0);
	ok(r == 0 || errno == ESRCH, "a killed child: 0 while its memory is there, else ESRCH");
	ok(r != 0 || rss_anon_kb(pid) <= 0, "after a 0, its anonymous pages are gone");
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "it died of the SIGKILL");
	close(fd);
	close(fds[0]);
	close(fds[1]);
}

static void test_mrelease(void)
{
	pid_t pid = fork_pausing_child();
	int fd = pidfd_open(pid), self = pidfd_open(getpid()), status, fds[2];
	sigset_t block;

	pipe(fds);
	ok_errno(EINVAL, mrelease(fd, 1), "flags: EINVAL");
	ok_errno(EBADF, mrelease(-1, 0), "fd -1: EBADF");
	ok_errno(EBADF, mrelease(fds[0], 0), "a pipe: EBADF");
	ok_errno(EINVAL, mrelease(self, 0), "ourselves, not dying: EINVAL");
	ok_errno(EINVAL, mrelease(fd, 0), "a live child: EINVAL");
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	ok_errno(EINVAL, mrelease(fd, 0), "a stopped child: EINVAL");
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	ok_errno(ESRCH, mrelease(fd, 0), "a reaped child: ESRCH");
	close(fd);
	test_mrelease_killed();

	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, NULL);
	pid = fork_pausing_child();	/* SIGTERM blocked: it stays pending */
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	fd = pidfd_open(pid);
	kill(pid, SIGTERM);
	ok_errno(EINVAL, mrelease(fd, 0), "a blocked SIGTERM pending: not dying, EINVAL");
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	close(fd);

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(0);
	fd = pidfd_open(pid);
	poll(&(struct pollfd){ .fd = fd, .events = POLLIN }, 1, -1);	/* until it exited */
	ok_errno(ESRCH, mrelease(fd, 0), "a zombie, its memory gone already: ESRCH");
	waitpid(pid, &status, 0);
	close(fd);
	close(self);
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	char *a = mmap(NULL, 8 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	memset(a, 1, 8 * P);
	test_madvise(a);
	test_madvise_child(a);
	test_mrelease();
	return tap_done();
}
