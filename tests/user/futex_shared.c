// SPDX-License-Identifier: GPL-2.0
/*
 * Shared futexes across processes: a futex in a MAP_SHARED page is named
 * by the page (its file and offset), not by the address, so processes
 * that map it, at any address, wait and wake each other; a private
 * futex, or one in private memory after fork, is each process's own.
 * The checkpoints test harnesses keep between processes work this way.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "tap.h"
#include "threadlib.h"

#define PAGE	4096

/* Wait until process pid sleeps ('S' in /proc/<pid>/stat), or has gone. */
static void wait_sleeping(pid_t pid)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	wait_until_sleeping(path);
}

/* The child's exit status, or -1 if it did not exit normally. */
static int reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* A child that waits on word with op; exits 0 if woken, 1 on ETIMEDOUT, 2 otherwise. */
static pid_t child_waits(volatile int *word, int op, int timed)
{
	struct timespec timeout = { 0, 300 * 1000000L };
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		long r = sys_futex(word, op, 0, timed ? &timeout : NULL, NULL, 0);

		_exit(r == 0 ? 0 : r == -ETIMEDOUT ? 1 : 2);
	}
	wait_sleeping(pid);
	return pid;
}

static void test_shared_anonymous(void)
{
	volatile int *word = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
				  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pid_t pid;

	*word = 0;
	pid = child_waits(word, FUTEX_WAIT, 0);
	ok_eq(0, sys_futex(word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, NULL, NULL, 0),
	      "a private wake does not reach another process's waiter");
	ok_eq(1, sys_futex(word, FUTEX_WAKE, 1, NULL, NULL, 0),
	      "a shared wake in MAP_SHARED|MAP_ANONYMOUS memory wakes the child's waiter");
	ok_eq(0, reap(pid), "whose FUTEX_WAIT returned 0");

	pid = child_waits(word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 1);
	ok_eq(0, sys_futex(word, FUTEX_WAKE, 1, NULL, NULL, 0),
	      "a child's private wait is its own: our shared wake finds nobody");
	ok_eq(0, sys_futex(word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, NULL, NULL, 0),
	      "nor does our private wake");
	ok_eq(1, reap(pid), "the child's wait timed out");
	munmap((void *)word, PAGE);
}

static void test_private_after_fork(void)
{
	static volatile int private_word;
	pid_t pid;

	private_word = 0;
	pid = child_waits(&private_word, FUTEX_WAIT, 1);
	ok_eq(0, sys_futex(&private_word, FUTEX_WAKE, 1, NULL, NULL, 0),
	      "after fork, private memory is each process's: a shared wake at the same address finds nobody");
	ok_eq(1, reap(pid), "the child's wait timed out");
}

/* The same file page mapped at two addresses, in two processes. */
static void test_file_two_addresses(void)
{
	int fd = open("/tmp/futex_shared", O_RDWR | O_CREAT | O_TRUNC, 0600);
	volatile int *a, *b;
	pid_t pid;

	ftruncate(fd, 2 * PAGE);
	a = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	b = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, PAGE);
	a[PAGE / 4 + 3] = 0;
	pid = child_waits(&b[3], FUTEX_WAIT, 0);
	ok_eq(1, sys_futex(&a[PAGE / 4 + 3], FUTEX_WAKE, 1, NULL, NULL, 0),
	      "a file's page mapped at two addresses is one futex: the child waiting at one is woken at the other");
	ok_eq(0, reap(pid), "with 0");
	ok_eq(0, sys_futex(&a[3], FUTEX_WAKE, 1, NULL, NULL, 0),
	      "the file's other page is another futex");
	munmap((void *)a, 2 * PAGE);
	munmap((void *)b, PAGE);
	close(fd);
	unlink("/tmp/futex_shared");
}

static void test_read_only_file(void)
{
	int fd = open("/tmp/futex_ro", O_RDWR | O_CREAT | O_TRUNC, 0600);
	struct timespec zero = { 0, 0 };
	int *ro;

	ftruncate(fd, PAGE);
	ro = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);
	ok_eq(-ETIMEDOUT, sys_futex(ro, FUTEX_WAIT, 0, &zero, NULL, 0),
	      "a shared wait on a read-only file mapping names the page: ETIMEDOUT");
	ok_eq(-EAGAIN, sys_futex(ro, FUTEX_WAIT, 1, &zero, NULL, 0),
	      "and reads the word: EAGAIN for another value");
	munmap(ro, PAGE);
	close(fd);
	unlink("/tmp/futex_ro");
}

/* Parent and child take turns 50 times through a futex each: checkpoints. */
static void test_ping_pong(void)
{
	volatile int *w = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
			       -1, 0);
	volatile int *turn = &w[0], *count = &w[1];
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		for (int i = 0; i < 50; i++) {
			while (*turn != 1)
				sys_futex(turn, FUTEX_WAIT, 0, NULL, NULL, 0);
			(*count)++;
			*turn = 0;
			sys_futex(turn, FUTEX_WAKE, 1, NULL, NULL, 0);
		}
		_exit(0);
	}
	for (int i = 0; i < 50; i++) {
		(*count)++;
		*turn = 1;
		sys_futex(turn, FUTEX_WAKE, 1, NULL, NULL, 0);
		while (*turn != 0)
			sys_futex(turn, FUTEX_WAIT, 1, NULL, NULL, 0);
	}
	ok(reap(pid) == 0 && *count == 100, "two processes took 100 turns through a shared futex");
	munmap((void *)w, PAGE);
}

int main(void)
{
	test_shared_anonymous();
	test_private_after_fork();
	test_file_two_addresses();
	test_read_only_file();
	test_ping_pong();
	return tap_done();
}
