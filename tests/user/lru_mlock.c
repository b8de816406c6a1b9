// SPDX-License-Identifier: GPL-2.0
/*
 * Unevictable pages, as Linux 6.1 keeps them: mlock moves a process's
 * pages from the inactive anon list to the unevictable one
 * (unevictable_pgs_culled) and munlock moves them back (_rescued); a
 * page faulted into a locked VMA goes straight to the unevictable list;
 * unmapping locked pages unlocks them first. A SHM_LOCKed segment's new
 * pages are unevictable from the start, the pages it had stay where
 * they were, and SHM_UNLOCK scans the segment and rescues them. Both
 * kernels print the same once Linux's per-CPU batches are drained
 * (lrulib.h). Run as root (CAP_IPC_LOCK), as both test runners do.
 */
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include "tap.h"
#include "lrulib.h"

#define N 16
#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT 1
#endif

static struct lru_snap s0, s1;

static char *map(size_t len, int flags)
{
	return mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | flags, -1, 0);
}

/* mlock and munlock of pages already there. */
static void lock_present(void)
{
	char *a = map(N * LRU_P, 0);

	for (int i = 0; i < N; i++)
		a[i * LRU_P] = 1;
	lru_take(&s0);
	ok_eq(0, mlock(a, N * LRU_P), "mlock");
	lru_take(&s1);
	lru_show("16 pages mlocked", &s0, &s1);
	ok_eq(N, lru_delta(&s0, &s1, S_UNEVICTABLE), "Unevictable grows by the locked pages");
	ok_eq(N, lru_delta(&s0, &s1, S_MLOCKED), "and Mlocked with it");
	lru_show_pages("their flags", a, N);

	lru_take(&s0);
	ok_eq(0, munlock(a, N / 2 * LRU_P), "munlock of half");
	lru_take(&s1);
	lru_show("8 pages munlocked", &s0, &s1);
	ok_eq(-N / 2, lru_delta(&s0, &s1, S_UNEVICTABLE), "they are evictable again");
	lru_show_pages("their flags", a, N);

	lru_take(&s0);
	munmap(a, N * LRU_P);
	lru_take(&s1);
	lru_show("all unmapped", &s0, &s1);
	ok_eq(-N / 2, lru_delta(&s0, &s1, S_UNEVICTABLE), "unmapping unlocks the others");
}

/* Pages faulted into a locked VMA, and a page locked by two VMAs. */
static void lock_on_fault(void)
{
	char *a = map(N * LRU_P, 0);
	char *b;

	ok_eq(0, syscall(SYS_mlock2, a, N * LRU_P, MLOCK_ONFAULT), "mlock2 MLOCK_ONFAULT");
	lru_take(&s0);
	for (int i = 0; i < N; i++)
		a[i * LRU_P] = 1;
	lru_take(&s1);
	lru_show("16 pages faulted into an MLOCK_ONFAULT range", &s0, &s1);
	ok_eq(N, lru_delta(&s0, &s1, S_UNEVICTABLE), "they go straight to the unevictable list");
	lru_show_pages("their flags", a, N);
	munmap(a, N * LRU_P);

	/* A private file page mapped by two locked VMAs stays locked until both go. */
	a = mmap(NULL, LRU_P, PROT_READ, MAP_PRIVATE | MAP_LOCKED, open("/test/pages.bin", O_RDONLY), 0);
	b = mmap(NULL, LRU_P, PROT_READ, MAP_PRIVATE | MAP_LOCKED, open("/test/pages.bin", O_RDONLY), 0);
	lru_show_pages("a file page locked twice", a, 1);
	lru_take(&s0);
	munmap(a, LRU_P);
	lru_take(&s1);
	lru_show("one of its mappings unmapped", &s0, &s1);
	lru_show_pages("it is still", b, 1);
	lru_take(&s0);
	munmap(b, LRU_P);
	lru_take(&s1);
	lru_show("and the other", &s0, &s1);
}

/* SHM_LOCK and SHM_UNLOCK of a System V segment. */
static void shm_lock(void)
{
	int id = shmget(IPC_PRIVATE, N * LRU_P, IPC_CREAT | 0600);
	char *a = shmat(id, NULL, 0);

	for (int i = 0; i < N / 2; i++)
		a[i * LRU_P] = 1;
	lru_take(&s0);
	ok_eq(0, shmctl(id, SHM_LOCK, NULL), "SHM_LOCK");
	lru_take(&s1);
	lru_show("segment locked", &s0, &s1);
	lru_show_pages("the pages it had", a, N / 2);

	lru_take(&s0);
	for (int i = N / 2; i < N; i++)
		a[i * LRU_P] = 1;
	lru_take(&s1);
	lru_show("8 new pages of the locked segment", &s0, &s1);
	ok_eq(N / 2, lru_delta(&s0, &s1, S_UNEVICTABLE), "a locked segment's new pages are unevictable");
	lru_show_pages("their flags", a + N / 2 * LRU_P, N / 2);

	lru_take(&s0);
	ok_eq(0, shmctl(id, SHM_UNLOCK, NULL), "SHM_UNLOCK");
	lru_take(&s1);
	lru_show("segment unlocked", &s0, &s1);
	ok_eq(-N / 2, lru_delta(&s0, &s1, S_UNEVICTABLE), "SHM_UNLOCK rescues them");
	lru_show_pages("all its pages", a, N);
	shmdt(a);
	shmctl(id, IPC_RMID, NULL);
}

int main(void)
{
	memset(proc_buf, 0, sizeof(proc_buf));
	lock_present();
	lock_on_fault();
	shm_lock();
	return tap_done();
}
