// SPDX-License-Identifier: GPL-2.0
/*
 * Shared anonymous memory and System V shared memory in swap: both are
 * tmpfs files underneath, so MADV_PAGEOUT writes their pages out (smaps
 * Swap, pswpout) and a fault reads them back. After fork a page both
 * processes map is left alone (6.1 pages out only what one process
 * maps), and a page the child reads back is back for the parent too.
 * mincore shows a page that came back. A page never written is clean,
 * and dropped instead. swapoff with pages of a segment
 * in swap reads them back into it. SwapFree, major faults and pswpin
 * are not compared (see shmem_swap.c): swapoff at the end shows that no
 * slot was left in use.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include "swaplib.h"
#include "proclib.h"

#define N	32
#define P	4096UL

static char pattern(int i, unsigned long j)
{
	return (char)(i * 5 + j / 256 + 3);
}

static void fill(char *p, int n)
{
	for (int i = 0; i < n; i++)
		for (unsigned long j = 0; j < P; j++)
			p[i * P + j] = pattern(i, j);
}

static int contents_ok(const char *p, int n)
{
	for (int i = 0; i < n; i++)
		for (unsigned long j = 0; j < P; j += 64)
			if (p[i * P + j] != pattern(i, j))
				return 0;
	return 1;
}

static int resident(const char *p, int n)
{
	unsigned char vec[N];
	int got = 0;

	if (mincore((void *)p, n * P, vec))
		return -1;
	for (int i = 0; i < n; i++)
		got += vec[i] & 1;
	return got;
}

static void shared_anonymous(void)
{
	char *p = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	long out;
	pid_t pid;
	int status;

	fill(p, N);
	out = vmstat_value("pswpout");
	ok_eq(0, madvise(p, N * P, MADV_PAGEOUT), "MAP_SHARED|MAP_ANONYMOUS: MADV_PAGEOUT");
	ok_eq(N, vmstat_value("pswpout") - out, "pswpout grew by %d", N);
	ok_eq(N * 4, vma_field(p, "Swap:"), "smaps: Swap %d kB", N * 4);
	ok_eq(0, vma_field(p, "Rss:"), "Rss 0");

	pid = fork();
	if (pid == 0) {
		int good = vma_field(p, "Swap:") == N * 4 && contents_ok(p, N / 2);

		_exit(good ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "fork: the child sees the pages in swap and reads half back");
	ok_eq(N / 2 * 4, vma_field(p, "Swap:"), "the parent's Swap: %d kB, the child's half came back",
	      N / 2 * 4);
	ok_eq(0, vma_field(p, "Rss:"), "though the parent maps none of them yet");
	ok_eq(N / 2, resident(p, N / 2), "mincore: the half the child read is resident");
	ok(contents_ok(p, N), "the parent reads every page's bytes");
	ok_eq(N, resident(p, N), "mincore: all resident");

	/* Mapped by two processes, a page stays where it is. */
	pid = fork();
	if (pid == 0) {
		int good = contents_ok(p, N);	/* map every page in the child too */

		madvise(p, N * P, MADV_PAGEOUT);
		good = good && vma_field(p, "Swap:") == 0 && vma_field(p, "Rss:") == N * 4;
		_exit(good ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "MADV_PAGEOUT leaves pages another process maps too");
	ok_eq(0, munmap(p, N * P), "munmap");
}

/* A page never written is clean: reclaim drops it (a hole again), writing nothing. */
static void clean_pages(void)
{
	char *p = mmap(NULL, N * P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	long out;
	int sum = 0;

	for (int i = 0; i < N; i++)
		sum += p[i * P];
	ok_eq(N, resident(p, N), "%d pages read, never written: all resident", N);
	out = vmstat_value("pswpout");
	ok_eq(0, madvise(p, N * P, MADV_PAGEOUT), "MADV_PAGEOUT of clean shared pages");
	ok_eq(0, vmstat_value("pswpout") - out, "pswpout unchanged: nothing to write");
	ok_eq(0, vma_field(p, "Swap:") + vma_field(p, "Rss:"), "Swap 0, Rss 0");
	ok_eq(0, resident(p, N), "mincore: none resident, dropped from the file");
	for (int i = 0; i < N; i++)
		sum += p[i * P + 1];
	ok_eq(0, sum, "they read as zeros again");
	munmap(p, N * P);
}

/* The rss and swap columns of segment id's line in /proc/sysvipc/shm, in bytes. */
static int sysvipc_columns(int id, unsigned long *rss, unsigned long *swp)
{
	read_file("/proc/sysvipc/shm");
	for (char *l = proc_buf; *l; l = *line_end(l) ? line_end(l) + 1 : line_end(l)) {
		unsigned long v[16];

		if (sscanf(l, "%lu %lu %lo %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu",
			   &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9],
			   &v[10], &v[11], &v[12], &v[13], &v[14], &v[15]) == 16 &&
		    (int)v[1] == id) {
			*rss = v[14];
			*swp = v[15];
			return 0;
		}
	}
	return -1;
}

/* SHM_INFO's pages in memory and in swap, over all segments. */
static long shm_info_swp(void)
{
	struct shm_info info;

	return shmctl(0, SHM_INFO, (struct shmid_ds *)&info) < 0 ? -1 : (long)info.shm_swp;
}

static void sysv_segment(void)
{
	int id = shmget(IPC_PRIVATE, N * P, IPC_CREAT | 0600);
	char *p = shmat(id, NULL, 0);
	unsigned long rss = 1, swp = 1;
	long out, shm_swp;

	ok(p != (void *)-1, "a System V segment of %d pages", N);
	fill(p, N);
	shm_swp = shm_info_swp();
	out = vmstat_value("pswpout");
	ok_eq(0, madvise(p, N * P, MADV_PAGEOUT), "SysV shm: MADV_PAGEOUT");
	ok_eq(N, vmstat_value("pswpout") - out, "pswpout grew by %d", N);
	ok_eq(N * 4, vma_field(p, "Swap:"), "smaps: Swap %d kB", N * 4);
	ok_eq(N, shm_info_swp() - shm_swp, "SHM_INFO: shm_swp grew by %d pages", N);
	ok(!sysvipc_columns(id, &rss, &swp) && rss == 0 && swp == N * P,
	   "/proc/sysvipc/shm: rss 0, swap %lu bytes", N * P);
	ok(contents_ok(p, N / 4), "a quarter read back");
	ok_eq(N * 3, vma_field(p, "Swap:"), "Swap %d kB", N * 3);
	ok(!sysvipc_columns(id, &rss, &swp) && rss == N / 4 * P && swp == N / 4 * 3 * P,
	   "/proc/sysvipc/shm: rss %lu, swap %lu bytes", N / 4 * P, N / 4 * 3 * P);

	/* swapoff reads the rest back into the segment. */
	ok_eq(0, swapoff(SWAP_DEV), "swapoff with the segment's pages in swap");
	ok_eq(0, vma_field(p, "Swap:"), "Swap 0: they are back in the segment");
	ok(contents_ok(p, N), "with their bytes");
	ok_eq(0, swapon(SWAP_DEV, 0), "swapon again");

	/* Removing the segment with pages in swap frees their slots. */
	madvise(p, N * P, MADV_PAGEOUT);
	ok_eq(N * 4, vma_field(p, "Swap:"), "paged out again: Swap %d kB", N * 4);
	ok_eq(0, shmctl(id, IPC_RMID, NULL) | shmdt(p), "IPC_RMID and shmdt");
}

int main(void)
{
	swap_test_begin();
	ok(swapon(SWAP_DEV, 0) == 0, "swapon " SWAP_DEV);
	shared_anonymous();
	clean_pages();
	sysv_segment();
	ok(swapoff(SWAP_DEV) == 0, "swapoff: no slot is left in use");
	swap_test_end();
	return tap_done();
}
