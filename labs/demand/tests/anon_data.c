// SPDX-License-Identifier: GPL-2.0
/*
 * Lab demand: what any solution must keep: written pages read back,
 * untouched ones read zero, a child sees the parent's data and its own
 * writes stay its own, and nothing leaks (the runner checks).
 */
#include <sys/mman.h>
#include <sys/wait.h>
#include "lablib.h"

#define N 256

int main(void)
{
	char *a = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int good = 1, status = -1;
	pid_t pid;

	for (int i = 0; i < N; i += 2)
		a[i * P + i] = (char)(i + 1);
	for (int i = 0; i < N; i++)
		good &= a[i * P + i] == (i % 2 ? 0 : (char)(i + 1));
	ok(good, "even pages read back what was written, odd ones read zero");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		int seen = 1;

		for (int i = 0; i < N; i += 2)
			seen &= a[i * P + i] == (char)(i + 1);
		for (int i = 0; i < N; i++)
			a[i * P] = 'c';
		_exit(seen ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child sees the parent's data");
	good = 1;
	for (int i = 2; i < N; i += 2)
		good &= a[i * P] == 0 && a[i * P + i] == (char)(i + 1);
	ok(good, "and its writes stay its own");
	ok(munmap(a, N * P) == 0, "munmap gives it all back");
	return tap_done();
}
