// SPDX-License-Identifier: GPL-2.0
/*
 * Lab rmap: a forked VMA split by mprotect and munmap, written on both
 * sides of the split, and merged back: each piece must stay linked to
 * every anon_vma its pages may belong to (anon_vma_clone).
 */
#include <sys/mman.h>
#include <sys/wait.h>
#include "lablib.h"

#define N 8

int main(void)
{
	char *a = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status = -1;
	pid_t pid;

	for (int i = 0; i < N; i++)
		a[i * P] = 'p';
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		mprotect(a + 2 * P, 2 * P, PROT_READ);		/* three pieces */
		a[0] = 'c';
		a[5 * P] = 'c';
		mprotect(a + 2 * P, 2 * P, PROT_READ | PROT_WRITE);	/* one again */
		a[2 * P] = 'c';
		munmap(a + 6 * P, P);				/* a hole */
		if (fork() == 0)
			_exit(a[0] == 'c' && a[7 * P] == 'p' ? 0 : 1);
		wait(&status);
		_exit(WIFEXITED(status) && !WEXITSTATUS(status) && a[3 * P] == 'p' ? 0 : 1);
	}
	mprotect(a + P, P, PROT_READ);
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child split, wrote, merged and forked");
	ok(a[0] == 'p' && a[2 * P] == 'p' && a[5 * P] == 'p', "the parent's pages kept its data");
	return tap_done();
}
