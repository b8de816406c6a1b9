// SPDX-License-Identifier: GPL-2.0
/*
 * shmat and shmdt as Linux 6.1 does them: where an attach goes (SHM_RND,
 * SHM_REMAP, EINVAL for an unaligned address), its protection
 * (SHM_RDONLY, SHM_EXEC), its line in /proc/self/maps, pages shared
 * between attaches and with a child, shm_nattch as fork, exit, munmap,
 * mprotect's splits and mremap change it, shmdt of a split or moved
 * attach, and a removed segment destroyed on its last detach.
 *
 * Addresses are printed relative to the first attach, ids never (they
 * depend on the programs before this one).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include "tap.h"
#include "testlib.h"
#include "proclib.h"

#define P 4096UL
#define KEY 0x46a17100

static long nattch(int id)
{
	struct shmid_ds ds;

	return shmctl(id, IPC_STAT, &ds) ? -errno : (long)ds.shm_nattch;
}

/*
 * Print the maps line of the VMA at addr from its permissions on, the
 * inode written as ID when it is the segment's id (as Linux shows it),
 * one space before the path.
 */
static void print_attach_line(const void *addr, int id)
{
	char want[32], *p, *e, *f, *path;
	unsigned long ino;
	int i;

	read_file("/proc/self/maps");
	snprintf(want, sizeof(want), "%08lx-", (unsigned long)addr);
	for (p = proc_buf; *p; p = *e ? e + 1 : e) {
		e = line_end(p);
		if (!strncmp(p, want, strlen(want)))
			break;
	}
	if (!*p) {
		printf("# no VMA at the attach\n");
		return;
	}
	p = strchr(p, ' ') + 1;			/* past the addresses */
	for (f = p, i = 0; i < 3; i++)		/* perms offset dev */
		f = strchr(f, ' ') + 1;
	ino = strtoul(f, &path, 10);
	while (*path == ' ')	/* the padding to column 73 depends on the id's digits */
		path++;
	printf("# %.*s%s %.*s\n", (int)(f - p), p, ino == (unsigned long)id ? "ID" : "OTHER",
	       (int)(e - path), path);
}

static void test_placement(int id, char **first)
{
	char *a = shmat(id, NULL, 0), *b;

	ok(a != (void *)-1, "shmat(NULL) attaches where mmap would map");
	*first = a;
	print_attach_line(a, id);
	ok_eq(1, nattch(id), "shm_nattch 1");
	b = shmat(id, NULL, 0);
	ok_eq(-4 * (long)P, b - a, "a second attach goes right below the first");
	ok_eq(2, nattch(id), "shm_nattch 2");
	a[5] = 42;
	ok_eq(42, b[5], "both attaches map the same pages");
	ok_eq(0, shmdt(b), "shmdt of the second");
	ok_errno(EINVAL, shmdt(b), "shmdt where no attach starts now: EINVAL");
	ok_errno(EINVAL, shmdt(a + 100), "shmdt of an unaligned address: EINVAL");
	ok_errno(EINVAL, shmdt(a + P), "shmdt inside an attach: EINVAL");

	b = shmat(id, a - 8 * P, 0);
	ok_eq(-8 * (long)P, b - a, "an attach at a given free address");
	shmdt(b);
	ok_errno(EINVAL, (long)shmat(id, a - 8 * P + 100, 0), "an unaligned address: EINVAL");
	b = shmat(id, a - 8 * P + 100, SHM_RND);
	ok_eq(-8 * (long)P, b - a, "SHM_RND rounds it down to SHMLBA (a page)");
	shmdt(b);
	ok_errno(EINVAL, (long)shmat(id, a + P, 0), "over a mapping, without SHM_REMAP: EINVAL");
	ok_errno(EINVAL, (long)shmat(id, a - 2 * P, 0), "overlapping a mapping's start: EINVAL");
	ok_errno(EINVAL, (long)shmat(id, NULL, SHM_REMAP), "SHM_REMAP without an address: EINVAL");
	ok_errno(ENOMEM, (long)shmat(id, (void *)0xffff888000000000UL, 0), "a kernel address: ENOMEM");
	ok_errno(ENOMEM, (long)shmat(id, (void *)0x7ffffffff000UL, SHM_REMAP),
		 "past the top of user space: ENOMEM");
	ok_errno(EINVAL, (long)shmat(-1, NULL, 0), "shmid -1: EINVAL");
	ok_errno(EINVAL, (long)shmat(id + (1 << 15), NULL, 0), "an id of the slot's next use: EINVAL");
	ok_eq(1, nattch(id), "a failed shmat leaves shm_nattch alone");
}

static void test_remap(int id, char *a)
{
	char *m = mmap(a - 16 * P, 8 * P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	char *b = shmat(id, a - 14 * P, SHM_REMAP);

	ok_eq(a - 14 * P, b, "SHM_REMAP replaces what was mapped there");
	ok_eq(42, b[5], "with the segment's pages");
	ok(probe(m, 0) && probe(m + 6 * P, 0), "the mapping around it stays");
	ok_eq(3, vmas_in(m, m + 8 * P), "split in three");
	shmdt(b);
	munmap(m, 8 * P);
}

static void test_protection(int id, char *a)
{
	char *r = shmat(id, NULL, SHM_RDONLY), *x;

	print_attach_line(r, id);
	ok(probe(r + 5, 0), "SHM_RDONLY: reads work");
	ok_eq(42, r[5], "and see the segment");
	ok_eq(SIGSEGV, probe_sig(r + 5, 1), "a write is SIGSEGV");
	shmdt(r);
	x = shmat(id, NULL, SHM_EXEC | SHM_RDONLY);
	print_attach_line(x, id);
	shmdt(x);
	x = shmat(id, NULL, SHM_EXEC);
	print_attach_line(x, id);
	shmdt(x);
	ok_eq(1, nattch(id), "all detached again");
	(void)a;
}

static void test_fork_exit(int id, char *a)
{
	pid_t pid;
	int status;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		a[6] = 7;
		_exit(nattch(id) == 2 ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child saw shm_nattch 2 after fork");
	ok_eq(7, a[6], "and its write is the parent's too");
	ok_eq(1, nattch(id), "its exit detached it");
}

/* Pieces of an attach count one each; shmdt takes every piece. */
static void test_pieces(int id, char *a)
{
	char *b = shmat(id, NULL, 0), *c;

	ok_eq(0, mprotect(b + P, P, PROT_READ), "mprotect of one page inside an attach");
	ok_eq(4, nattch(id), "three pieces, each counts: shm_nattch 4");
	ok_eq(0, shmdt(b), "shmdt of its start");
	ok_eq(0, vmas_in(b, b + 4 * P), "takes every piece");
	ok_eq(1, nattch(id), "shm_nattch 1");

	b = shmat(id, NULL, 0);
	ok_eq(0, munmap(b + P, P), "munmap of a page inside an attach");
	ok_eq(3, nattch(id), "two pieces");
	ok_errno(EINVAL, shmdt(b + 2 * P), "shmdt of the upper piece's start: EINVAL");
	ok_eq(0, shmdt(b), "shmdt of the attach's start");
	ok_eq(0, vmas_in(b, b + 4 * P), "takes both");
	ok_eq(1, nattch(id), "shm_nattch 1");

	b = shmat(id, NULL, 0);
	ok_eq(b, mremap(b, 4 * P, 2 * P, 0), "mremap shrinks an attach");
	ok_eq(2, nattch(id), "still one attach more");
	ok_eq(0, shmdt(b), "and shmdt takes it");

	b = shmat(id, NULL, 0);
	c = mremap(b, 4 * P, 4 * P, MREMAP_MAYMOVE | MREMAP_FIXED, a - 40 * P);
	ok_eq(a - 40 * P, c, "mremap moves an attach");
	ok_eq(2, nattch(id), "it counts once");
	ok_eq(42, c[5], "it maps the segment where it went");
	ok_errno(EINVAL, shmdt(b), "shmdt at its old place: EINVAL");
	ok_eq(0, shmdt(c), "shmdt at its new place");

	b = shmat(id, NULL, 0);
	b[2 * P + 5] = 43;
	c = mremap(b + 2 * P, 2 * P, 2 * P, MREMAP_MAYMOVE | MREMAP_FIXED, a - 40 * P);
	ok_eq(3, nattch(id), "half an attach moved away: two pieces");
	ok_eq(0, shmdt(b), "shmdt of the attach's start");
	ok_eq(2, nattch(id), "leaves the piece that is not at its offset from there");
	ok_eq(43, c[5], "which still maps the segment's third page");
	ok_eq(0, munmap(c, 2 * P), "munmap of it");
	ok_eq(1, nattch(id), "shm_nattch 1");
}

static void test_times(int id)
{
	struct shmid_ds ds;
	time_t t0 = time(NULL);
	char *b = shmat(id, NULL, 0);

	shmctl(id, IPC_STAT, &ds);
	ok_eq(getpid(), ds.shm_lpid, "shm_lpid: the last to attach");
	ok(ds.shm_atime >= t0 && ds.shm_atime <= time(NULL), "shm_atime: the attach");
	shmdt(b);
	shmctl(id, IPC_STAT, &ds);
	ok(ds.shm_dtime >= t0 && ds.shm_dtime <= time(NULL), "shm_dtime: the detach");
}

static void test_rss(void)
{
	int id = shmget(IPC_PRIVATE, 4 * P + 1, 0600);
	char *b = shmat(id, NULL, 0);
	struct shm_info info;

	ok_eq(20, vma_field(b, "Size:"), "a segment of 4 pages and a byte maps 5 pages");
	b[0] = 1;
	(void)*(volatile char *)(b + 2 * P);
	ok_eq(8, vma_rss_kb(b), "a touch maps its page only (no fault-around)");
	ok_eq(8, vma_field(b, "Shared_Dirty:") + vma_field(b, "Private_Dirty:") +
		 vma_field(b, "Private_Clean:") + vma_field(b, "Shared_Clean:"),
	      "Rss in the dirty and clean columns");
	shmctl(0, SHM_INFO, (struct shmid_ds *)&info);
	ok(info.shm_rss >= 2, "SHM_INFO counts its pages in shm_rss");
	b[4 * P + 100] = 1;
	ok_eq(12, vma_rss_kb(b), "the last page, past the size, is there too");
	shmctl(id, IPC_RMID, NULL);
	shmdt(b);
}

/* A removed segment goes with its last attach, wherever that is. */
static void test_destroy(void)
{
	int id = shmget(KEY, P, IPC_CREAT | 0600), status;
	char *b = shmat(id, NULL, 0);
	int fds[2];
	pid_t pid;

	b[0] = 9;
	pipe(fds);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char c;

		read(fds[0], &c, 1);	/* until the parent has detached */
		_exit(b[0] == 9 ? 0 : 1);
	}
	ok_eq(0, shmctl(id, IPC_RMID, NULL), "IPC_RMID with two attaches");
	ok_eq(0, shmdt(b), "the parent detaches");
	ok_eq(1, nattch(id), "the child's attach keeps the segment");
	write(fds[1], "x", 1);
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child still read its data");
	ok_eq(-EINVAL, nattch(id), "its exit destroyed the segment: EINVAL");
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	int id = shmget(KEY + 1, 4 * P, IPC_CREAT | IPC_EXCL | 0600);
	char *a;

	ok(id >= 0, "a segment of 4 pages");
	test_placement(id, &a);
	test_remap(id, a);
	test_protection(id, a);
	test_fork_exit(id, a);
	test_pieces(id, a);
	test_times(id);
	shmctl(id, IPC_RMID, NULL);
	ok_eq(0, shmdt(a), "the last detach");
	ok_eq(-EINVAL, nattch(id), "destroyed the removed segment");
	test_rss();
	test_destroy();
	return tap_done();
}
