// SPDX-License-Identifier: GPL-2.0
/*
 * Pages shared by three processes under memory pressure. The parent
 * writes one and a half times the RAM, each page with a pattern naming
 * it, and forks two children: the pages in memory then are mapped by
 * all three. Each child in turn reads every page, which needs more
 * memory than there is, so reclaim must take shared pages out of all
 * three page tables (the rmap walk, try_to_unmap) to free them; then
 * the parent reads everything too. A page left mapped anywhere cannot
 * be freed (and the child is OOM-killed); a page freed while still
 * mapped, or a swap entry with the wrong slot, shows as wrong bytes.
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/wait.h>
#include "lablib.h"
#include "swaplib.h"

static unsigned long n;

static uint64_t word(unsigned long page)
{
	return page * 0x9e3779b97f4a7c15ULL + 1;
}

static unsigned long bad_pages(const char *p)
{
	unsigned long bad = 0;

	for (unsigned long i = 0; i < n; i++) {
		const uint64_t *w = (const uint64_t *)(p + i * P);

		bad += w[0] != word(i) || w[P / 8 - 1] != ~word(i);
	}
	return bad;
}

/* A child that waits for a byte on fd, then reads everything. */
static pid_t start_reader(const char *p, int *go)
{
	int fds[2];
	pid_t pid;
	char c;

	if (pipe(fds))
		return -1;
	pid = fork();
	if (pid == 0) {
		close(fds[1]);
		if (read(fds[0], &c, 1) != 1)
			_exit(2);
		_exit(bad_pages(p) ? 1 : 0);
	}
	close(fds[0]);
	*go = fds[1];
	return pid;
}

/* Let the reader run; how it ended. */
static int run_reader(pid_t pid, int go)
{
	int status;

	write(go, "g", 1);
	close(go);
	waitpid(pid, &status, 0);
	return status;
}

int main(void)
{
	int s1, s2, go1, go2;
	pid_t pid1, pid2;
	char *p;

	swap_test_begin();
	if (swapon(SWAP_DEV, 0)) {
		printf("Bail out! swapon " SWAP_DEV ": %s\n", strerror(errno));
		return 1;
	}
	n = (unsigned long)swap_meminfo("MemTotal") * 3 / 2 / 4;
	p = mmap(NULL, n * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (unsigned long i = 0; i < n; i++) {
		uint64_t *w = (uint64_t *)(p + i * P);

		w[0] = word(i);
		w[P / 8 - 1] = ~word(i);
	}
	pid1 = start_reader(p, &go1);
	pid2 = start_reader(p, &go2);
	s1 = run_reader(pid1, go1);
	ok(WIFEXITED(s1) && WEXITSTATUS(s1) == 0,
	   "the first child reads every page back (1.5x the RAM)%s",
	   WIFSIGNALED(s1) ? ": killed" : "");
	s2 = run_reader(pid2, go2);
	ok(WIFEXITED(s2) && WEXITSTATUS(s2) == 0,
	   "the second child too%s", WIFSIGNALED(s2) ? ": killed" : "");
	ok_eq(0, bad_pages(p), "and the parent");
	munmap(p, n * P);
	ok_eq(0, swapoff(SWAP_DEV), "swapoff: no slot is left in use");
	swap_test_end();
	return tap_done();
}
