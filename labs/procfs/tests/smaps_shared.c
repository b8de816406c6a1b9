// SPDX-License-Identifier: GPL-2.0
/*
 * Lab procfs: after fork, a page both processes map counts in each one's
 * Rss in full, in its Pss by half, and as Shared; a page the child has
 * since copied is the parent's own again (Private, Pss in full).
 */
#include <sys/mman.h>
#include <sys/wait.h>
#include "lablib.h"

int main(void)
{
	char *m = mmap(NULL, 8 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int go[2], done[2];
	char c;
	pid_t pid;

	for (int i = 0; i < 8; i++)
		m[i * P] = 1;
	pipe(go);
	pipe(done);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		read(go[0], &c, 1);
		for (int i = 0; i < 4; i++)
			m[i * P] = 2;		/* the child copies pages 0-3 */
		write(done[1], "x", 1);
		read(go[0], &c, 1);
		_exit(0);
	}
	ok_eq(32, vma_field(m, "Rss:"), "8 pages shared with the child: Rss 32 kB");
	ok_eq(16, vma_field(m, "Pss:"), "Pss 16 kB: half of each");
	ok_eq(32, vma_field(m, "Shared_Dirty:"), "Shared_Dirty 32 kB");
	ok_eq(0, vma_field(m, "Private_Dirty:"), "Private_Dirty 0 kB");
	write(go[1], "x", 1);
	read(done[0], &c, 1);
	ok_eq(32, vma_field(m, "Rss:"), "after the child copied 4 of them: Rss still 32 kB");
	ok_eq(16 + 8, vma_field(m, "Pss:"), "Pss 24 kB: 4 pages whole, 4 halves");
	ok_eq(16, vma_field(m, "Private_Dirty:"), "Private_Dirty 16 kB");
	ok_eq(16, vma_field(m, "Shared_Dirty:"), "Shared_Dirty 16 kB");
	write(go[1], "x", 1);
	waitpid(pid, NULL, 0);
	return tap_done();
}
