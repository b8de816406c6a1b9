// SPDX-License-Identifier: GPL-2.0
/*
 * Lab cow: what any fork must keep: each process its own data, through
 * writes on both sides and a chain of generations, nothing leaked.
 */
#include <sys/mman.h>
#include <sys/wait.h>
#include "lablib.h"

#define N 64

static int check(char *a, char want)
{
	for (int i = 0; i < N; i++)
		if (a[i * P] != want)
			return 0;
	return 1;
}

int main(void)
{
	char *a = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status = -1;
	pid_t pid;

	for (int i = 0; i < N; i++)
		a[i * P] = 'a';
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		int ok1 = check(a, 'a');

		for (int gen = 0; gen < 4; gen++) {
			pid_t c;

			for (int i = 0; i < N; i++)
				a[i * P] = (char)('b' + gen);
			c = fork();
			if (c) {
				int st;

				waitpid(c, &st, 0);
				_exit(ok1 && check(a, (char)('b' + gen)) && WIFEXITED(st) &&
				      !WEXITSTATUS(st) ? 0 : 1);
			}
			ok1 &= check(a, (char)('b' + gen));
		}
		_exit(ok1 ? 0 : 1);
	}
	for (int i = 0; i < N; i++)
		a[i * P] = 'z';
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "a chain of five processes each saw its parent's data and kept its own");
	ok(check(a, 'z'), "the first parent kept its own writes");
	return tap_done();
}
