// SPDX-License-Identifier: GPL-2.0
/*
 * Lab rmap: trees of forks with writes at every level and exits in every
 * order. The data checks are simple; the judge is the mm audit, which at
 * each exit walks the rmap from every page the process maps: a chain
 * that misses an ancestor's anon_vma loses the pages shared with it.
 */
#include <sys/mman.h>
#include <sys/wait.h>
#include "lablib.h"

#define N 8

static char *a;

static void write_all(char c)
{
	for (int i = 0; i < N; i++)
		a[i * P] = c;
}

static int all_are(char c)
{
	for (int i = 0; i < N; i++)
		if (a[i * P] != c)
			return 0;
	return 1;
}

/* Fork a child that writes half the pages and forks a grandchild. */
static pid_t branch(char c, int parent_exits_first)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid)
		return pid;
	for (int i = 0; i < N / 2; i++)
		a[i * P] = c;
	if (fork() == 0) {
		if (parent_exits_first)
			usleep(1000);
		_exit(a[0] == c && a[(N - 1) * P] == 'p' ? 0 : 1);
	}
	if (!parent_exits_first)
		wait(NULL);
	_exit(0);
}

int main(void)
{
	int status, good = 1;

	a = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	write_all('p');
	for (int round = 0; round < 4; round++) {
		pid_t c1 = branch((char)('a' + round), round & 1);
		pid_t c2 = branch((char)('A' + round), !(round & 1));

		waitpid(round & 2 ? c2 : c1, &status, 0);
		good &= WIFEXITED(status) && !WEXITSTATUS(status);
		waitpid(round & 2 ? c1 : c2, &status, 0);
		good &= WIFEXITED(status) && !WEXITSTATUS(status);
		if (round == 1)
			write_all('q');
	}
	while (wait(&status) > 0)
		;				/* the orphaned grandchildren were reaped by init */
	ok(good, "four rounds of two children and a grandchild each ran and exited");
	ok(all_are('q'), "the parent's pages hold its own data");
	return tap_done();
}
