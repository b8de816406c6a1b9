// SPDX-License-Identifier: GPL-2.0
/*
 * Anonymous pages on the LRU lists, as Linux 6.1 keeps them: a page
 * written for the first time joins the inactive anon list (lru,
 * swapbacked, neither active nor referenced); a copy-on-write copy
 * does too; MADV_FREE moves a page to the inactive file list with
 * swapbacked cleared (pglazyfree); unmapping takes the pages off. The
 * list sizes are followed in meminfo, node vmstat and zone vmstat, and
 * the flags in kpageflags. lrulib.h says how Linux's per-CPU batches are
 * drained first, so that both kernels print the same.
 */
#include <sys/wait.h>
#include "tap.h"
#include "lrulib.h"

#define N 32

static struct lru_snap s0, s1;

/* The pages a process writes once are inactive anon, on both counters. */
static void first_touch(void)
{
	char *a = mmap(NULL, N * LRU_P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	lru_take(&s0);
	for (int i = 0; i < N; i++)
		a[i * LRU_P] = 1;
	lru_take(&s1);
	lru_show("32 pages written", &s0, &s1);
	ok_eq(N, lru_delta(&s0, &s1, S_INACTIVE_ANON), "Inactive(anon) grows by the pages written");
	ok_eq(N, lru_delta(&s0, &s1, S_NR_ZONE_INACTIVE_ANON), "and so does its zone's count");
	lru_show_pages("their flags", a, N);

	lru_take(&s0);
	madvise(a, N / 2 * LRU_P, MADV_FREE);
	lru_take(&s1);
	lru_show("half of them MADV_FREE", &s0, &s1);
	ok_eq(N / 2, lru_delta(&s0, &s1, S_INACTIVE_FILE), "lazily freed pages are inactive file");
	lru_show_pages("their flags", a, N);

	lru_take(&s0);
	munmap(a, N * LRU_P);
	lru_take(&s1);
	lru_show("and unmapped", &s0, &s1);
	ok_eq(-N / 2, lru_delta(&s0, &s1, S_INACTIVE_ANON), "freed pages leave their lists");
}

/* A child's copy-on-write copies are new inactive anon pages. */
static void cow_copies(void)
{
	char *a = mmap(NULL, N * LRU_P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status;
	pid_t pid;

	for (int i = 0; i < N; i++)
		a[i * LRU_P] = 1;
	pid = fork();
	if (pid == 0) {
		/* our own copies of the buffers first, so that only a[] is copied below */
		memset(proc_buf, 0, sizeof(proc_buf));
		memset(&s1, 0, sizeof(s1));
		lru_take(&s0);
		for (int i = 0; i < N; i++)
			a[i * LRU_P] = 2;
		lru_take(&s1);
		lru_show("child copies 32 pages", &s0, &s1);
		lru_show_pages("the copies' flags", a, N);
		fflush(stdout);
		_exit(lru_delta(&s0, &s1, S_INACTIVE_ANON) == N ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "each copy-on-write copy joins the inactive anon list");
	munmap(a, N * LRU_P);
}

int main(void)
{
	memset(proc_buf, 0, sizeof(proc_buf));
	memset(&s0, 0, sizeof(s0));
	memset(&s1, 0, sizeof(s1));
	first_touch();
	cow_copies();
	return tap_done();
}
