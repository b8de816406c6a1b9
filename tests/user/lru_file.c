// SPDX-License-Identifier: GPL-2.0
/*
 * Aging a file's pages through the page cache, as Linux 6.1's
 * mark_page_accessed does: a page written with write(2) starts out
 * referenced on the inactive list; the next read from its start makes
 * it active (pgactivate) and unreferenced; a read after that marks it
 * referenced again. A read that does not start at the page's start is
 * no use of it. The file is on tmpfs, whose pages are swap-backed: they
 * are on the anon lists, on both kernels. The pages are seen through a
 * shared mapping kept for the whole test (unmapping a young PTE would
 * mark them accessed too). Both kernels print the same once Linux's
 * per-CPU batches are drained (lrulib.h).
 */
#include "tap.h"
#include "lrulib.h"

#define N 8
#define PATH "/tmp/lru-file"

static struct lru_snap s0, s1;
static char page[LRU_P];

static void read_all(int fd, off_t skip)
{
	for (int i = 0; i < N; i++)
		if (pread(fd, page, LRU_P - (size_t)skip, i * (off_t)LRU_P + skip) < 0)
			printf("# pread: %s\n", strerror(errno));
}

int main(void)
{
	int fd = open(PATH, O_RDWR | O_CREAT | O_TRUNC, 0600);
	char *m;

	memset(proc_buf, 0, sizeof(proc_buf));
	lru_take(&s0);
	for (int i = 0; i < N; i++)
		ok_eq((long)LRU_P, (long)write(fd, page, LRU_P), "write page %d", i);
	lru_take(&s1);
	lru_show("8 pages written", &s0, &s1);
	ok_eq(N, lru_delta(&s0, &s1, S_INACTIVE_ANON), "tmpfs pages join the inactive anon list");
	m = mmap(NULL, N * LRU_P, PROT_READ, MAP_SHARED, fd, 0);
	for (int i = 0; i < N; i++)
		(void)*(volatile char *)(m + i * LRU_P);
	lru_show_pages("their flags", m, N);

	lru_take(&s0);
	read_all(fd, 100);
	lru_take(&s1);
	lru_show("read, each from byte 100", &s0, &s1);
	lru_show_pages("their flags", m, N);

	lru_take(&s0);
	read_all(fd, 0);
	lru_take(&s1);
	lru_show("read again, whole", &s0, &s1);
	ok_eq(N, lru_delta(&s0, &s1, S_ACTIVE_ANON), "the second use activates them");
	ok_eq(N, lru_delta(&s0, &s1, S_PGACTIVATE), "counted in pgactivate");
	lru_show_pages("their flags", m, N);

	lru_take(&s0);
	read_all(fd, 0);
	lru_take(&s1);
	lru_show("read a third time", &s0, &s1);
	lru_show_pages("their flags", m, N);

	munmap(m, N * LRU_P);
	lru_take(&s0);
	close(fd);
	unlink(PATH);
	lru_take(&s1);
	lru_show("file removed", &s0, &s1);
	ok_eq(-N, lru_delta(&s0, &s1, S_ACTIVE_ANON), "its pages leave the lists");
	return tap_done();
}
