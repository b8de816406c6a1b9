// SPDX-License-Identifier: GPL-2.0
/*
 * procbench: what processes cost. make bench runs it under Faultline
 * (scripts/qrun --icount); the same binary runs on Linux, where Linux
 * 6.1's figures beside ours were measured the same way.
 *
 *   syscall round trip     getppid() through syscall(), ns per call
 *   pipe ping-pong         one byte there and back between two processes
 *   fork+exit+wait         a small process, and one with 64 MiB touched
 *   COW fault              a write to a page shared with a child since fork
 *   fork+exec+wait         the child execs this static binary again, which
 *                          exits at once
 *
 * Each figure is the mean over a loop after one warm-up round; the clock
 * is CLOCK_MONOTONIC (under -icount, one ns per guest instruction).
 *
 *   procbench [NAME]       one benchmark (syscall, pipe, fork, fork64,
 *                          cow, exec), or all of them
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "benchlib.h"

#define PAGE_SIZE	4096
#define BIG_BYTES	(64UL << 20)	/* fork64: memory touched before fork */
#define COW_PAGES	4096		/* cow: 16 MiB */

static const char *self;

static void bench_syscall(void)
{
	const int n = 100000;
	long long t0;

	syscall(SYS_getppid);
	t0 = now_ns();
	for (int i = 0; i < n; i++)
		syscall(SYS_getppid);
	report("syscall round trip (getppid)", (double)(now_ns() - t0) / n, "ns");
}

static void bench_pipe(void)
{
	const int n = 10000;
	int there[2], back[2];
	long long t0;
	char c = 'x';

	if (pipe(there) || pipe(back))
		exit(1);
	if (fork() == 0) {
		close(there[1]);	/* so that the parent's close ends the loop */
		close(back[0]);
		while (read(there[0], &c, 1) == 1)
			write(back[1], &c, 1);
		_exit(0);
	}
	close(there[0]);
	close(back[1]);
	write(there[1], &c, 1);
	read(back[0], &c, 1);
	t0 = now_ns();
	for (int i = 0; i < n; i++) {
		write(there[1], &c, 1);
		read(back[0], &c, 1);
	}
	report("pipe ping-pong round trip", (double)(now_ns() - t0) / n, "ns");
	close(there[1]);
	close(back[0]);
	wait(NULL);
}

/* Mean ns of fork + the child's work (child(), which must not return) + waitpid. */
static double fork_wait_ns(int n, void (*child)(void))
{
	long long t0 = 0;

	for (int i = -1; i < n; i++) {	/* round -1 warms up */
		pid_t pid;

		if (i == 0)
			t0 = now_ns();
		pid = fork();
		if (pid == 0)
			child();
		waitpid(pid, NULL, 0);
	}
	return (double)(now_ns() - t0) / n;
}

static void child_exit(void)
{
	_exit(0);
}

static void child_exec(void)
{
	char *argv[] = { (char *)self, "exit", NULL };
	char *envp[] = { NULL };

	execve(self, argv, envp);
	_exit(127);
}

static void bench_fork(void)
{
	report("fork+exit+wait, small process", fork_wait_ns(200, child_exit) / 1000, "us");
}

static void bench_fork64(void)
{
	char *big = mmap(NULL, BIG_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			 -1, 0);

	if (big == MAP_FAILED)
		exit(1);
	for (unsigned long off = 0; off < BIG_BYTES; off += PAGE_SIZE)
		big[off] = 1;
	report("fork+exit+wait, 64 MiB touched", fork_wait_ns(10, child_exit) / 1000, "us");
	munmap(big, BIG_BYTES);
}

/*
 * The parent writes every page of a region it shares with a live child
 * since fork: each write is a COW fault that copies the page (the child
 * still maps it, so the page cannot be reused).
 */
static void bench_cow(void)
{
	char *m = mmap(NULL, COW_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int hold[2];
	long long t0;
	pid_t pid;
	char c;

	if (m == MAP_FAILED || pipe(hold))
		exit(1);
	for (int i = 0; i < COW_PAGES; i++)
		m[i * PAGE_SIZE] = 1;
	pid = fork();
	if (pid == 0) {
		close(hold[1]);
		read(hold[0], &c, 1);	/* until the parent is done */
		_exit(0);
	}
	close(hold[0]);
	m[0] = 2;		/* warm-up: the first COW fault */
	t0 = now_ns();
	for (int i = 1; i < COW_PAGES; i++)
		m[i * PAGE_SIZE] = 2;
	report("COW fault", (double)(now_ns() - t0) / (COW_PAGES - 1), "ns/page");
	close(hold[1]);
	waitpid(pid, NULL, 0);
	munmap(m, COW_PAGES * PAGE_SIZE);
}

static void bench_exec(void)
{
	report("fork+exec+wait of a static musl binary", fork_wait_ns(50, child_exec) / 1000, "us");
}

static const struct {
	const char *name;
	void (*run)(void);
} benches[] = {
	{ "syscall", bench_syscall },
	{ "pipe", bench_pipe },
	{ "fork", bench_fork },
	{ "fork64", bench_fork64 },
	{ "cow", bench_cow },
	{ "exec", bench_exec },
};

int main(int argc, char **argv)
{
	int found = 0;

	self = argv[0];
	if (argc > 1 && !strcmp(argv[1], "exit"))
		return 0;	/* the exec'ed image of bench_exec */
	for (size_t i = 0; i < sizeof(benches) / sizeof(benches[0]); i++) {
		if (argc > 1 && strcmp(argv[1], benches[i].name))
			continue;
		benches[i].run();
		found = 1;
	}
	if (!found) {
		fprintf(stderr, "procbench: no benchmark '%s' (syscall, pipe, fork, fork64, cow, exec)\n",
			argv[1]);
		return 2;
	}
	return 0;
}
