// SPDX-License-Identifier: GPL-2.0
/*
 * Lab cow: after fork the child maps the parent's very frames (pagemap),
 * and fork itself allocates no page for each page the parent has (the
 * starter's copy at fork fails both).
 */
#include <sys/mman.h>
#include <sys/wait.h>
#include "lablib.h"

#define N 1024		/* 4 MiB */

static long mem_free_kb(void)
{
	read_file("/proc/meminfo");
	return field("MemFree");
}

int main(void)
{
	char *a = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	static uint64_t pfn[N];
	int to_parent[2], same = 0, status = -1;
	long before, drop = -1;
	pid_t pid;

	for (int i = 0; i < N; i++) {
		a[i * P] = (char)i;
		pfn[i] = pfn_of(a + i * P);
	}
	mem_free_kb();		/* touch what reading meminfo needs, first */
	before = mem_free_kb();
	pipe(to_parent);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		for (int i = 0; i < N; i++)
			same += pfn_of(a + i * P) == pfn[i];
		write(to_parent[1], &same, sizeof(same));
		pause();
	}
	read(to_parent[0], &same, sizeof(same));
	drop = before - mem_free_kb();
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	ok_eq(N, same, "the child's 1024 pages are the parent's frames");
	printf("# MemFree fell by %ld kB across the fork\n", drop);
	ok(drop < N * 4 / 4, "fork of 4 MiB of written memory took less than 1 MiB");
	return tap_done();
}
