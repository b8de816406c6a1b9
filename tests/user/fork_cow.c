// SPDX-License-Identifier: GPL-2.0
/*
 * fork with copy-on-write: parent and child each keep their own data;
 * the pages are copied only when written (a fault each, counted in
 * ru_minflt); vfork's child shares the parent's memory until it exits.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include "tap.h"
#include "testlib.h"

#define P 4096
#define N 32

static volatile int global = 1;

int main(void)
{
	char *a = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int pipefd[2], status;
	long before, child_faults = -1;
	volatile int shared_by_vfork = 0;
	pid_t pid;

	for (int i = 0; i < N; i++)
		a[i * P] = 'p';
	pipe(pipefd);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		int ok_before = a[0] == 'p' && a[(N - 1) * P] == 'p' && global == 1;
		long b = minflt();

		for (int i = 0; i < N; i++)
			a[i * P] = 'c';
		b = minflt() - b;
		global = 2;
		write(pipefd[1], &b, sizeof(b));
		_exit(ok_before ? 0 : 1);
	}
	read(pipefd[0], &child_faults, sizeof(child_faults));
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child saw the parent's data at fork");
	ok(a[0] == 'p' && a[(N - 1) * P] == 'p' && global == 1, "the child's writes did not reach the parent");
	ok_eq(N, child_faults, "the child's writes to 32 shared pages took 32 COW faults");
	before = minflt();
	for (int i = 0; i < N; i++)
		a[i * P] = 'P';
	ok_eq(N, minflt() - before, "after the child has gone, the parent's writes fault too (and reuse the pages)");
	before = minflt();
	for (int i = 0; i < N; i++)
		a[i * P] = 'Q';
	ok_eq(0, minflt() - before, "then the pages are the parent's alone: no more faults");

	pid = vfork();
	if (pid == 0) {
		shared_by_vfork = 42;
		_exit(3);
	}
	waitpid(pid, &status, 0);
	ok_eq(42, shared_by_vfork, "vfork: the child wrote the parent's memory, and the parent waited for it");
	ok_eq(3, WEXITSTATUS(status), "vfork: the child's exit status");

	/* Many generations: each inherits the data its parent wrote. */
	fflush(stdout);
	for (int gen = 0; gen < 5; gen++) {
		pid = fork();
		if (pid) {
			waitpid(pid, &status, 0);
			if (gen == 0)
				ok_eq(0, status, "five generations of forks each saw their parent's write");
			if (gen)
				_exit(WEXITSTATUS(status));
			break;
		}
		if (a[0] != 'Q' + gen)
			_exit(1);
		a[0] = 'Q' + gen + 1;
		if (gen == 4)
			_exit(0);
	}
	ok(a[0] == 'Q', "the original process still has its own value");
	munmap(a, N * P);
	return tap_done();
}
