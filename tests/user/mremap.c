// SPDX-License-Identifier: GPL-2.0
/*
 * mremap(2) as Linux 6.1 does it: shrinking, growing in place (merging
 * with the next VMA), moving (MAYMOVE, FIXED, DONTUNMAP) with the pages
 * going along (the same frames, from /proc/self/pagemap), shared and
 * file mappings, a move after fork, VmSize, and every errno.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "tap.h"
#include "testlib.h"
#include "proclib.h"

#define P 4096UL
#define MB2 (2UL << 20)

#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif

static char *map(void *at, size_t len, int prot, int flags)
{
	return mmap(at, len, prot, flags | MAP_ANONYMOUS, -1, 0);
}

static void *remap(void *old, size_t old_len, size_t new_len, int flags, void *new_addr)
{
	return (void *)syscall(SYS_mremap, old, old_len, new_len, flags, new_addr);
}

static void fill(char *p, size_t pages, char base)
{
	for (size_t i = 0; i < pages; i++)
		memset(p + i * P, base + (char)i, P);
}

/* Does each page of p hold what fill() wrote? */
static int holds(const char *p, size_t pages, char base)
{
	for (size_t i = 0; i < pages; i++)
		if (p[i * P] != base + (char)i || p[i * P + P - 1] != base + (char)i)
			return 0;
	return 1;
}

static long vm_size_kb(void)
{
	read_file("/proc/self/status");
	return field("VmSize");
}

static void test_errors(char *a)
{
	ok_errno(EINVAL, remap(a, P, P, 8, NULL), "an unknown flag: EINVAL");
	ok_errno(EINVAL, remap(a, P, 2 * P, MREMAP_FIXED, a + 16 * P),
		 "MREMAP_FIXED without MREMAP_MAYMOVE: EINVAL");
	ok_errno(EINVAL, remap(a, P, P, MREMAP_DONTUNMAP, NULL),
		 "MREMAP_DONTUNMAP without MREMAP_MAYMOVE: EINVAL");
	ok_errno(EINVAL, remap(a, P, 2 * P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL),
		 "MREMAP_DONTUNMAP that resizes: EINVAL");
	ok_errno(EINVAL, remap(a + 1, P, P, 0, NULL), "an unaligned address: EINVAL");
	ok_errno(EINVAL, remap(a, P, 0, 0, NULL), "new length 0: EINVAL");
	ok_errno(EINVAL, remap(a, 0, P, MREMAP_MAYMOVE, NULL),
		 "old length 0 of a private mapping: EINVAL");
	ok_errno(EFAULT, remap(a + 1000 * P, P, 2 * P, MREMAP_MAYMOVE, NULL),
		 "nothing mapped at the address: EFAULT");
	ok_errno(EFAULT, remap(a, 9 * P, 10 * P, MREMAP_MAYMOVE, NULL),
		 "an old range past the end of its VMA: EFAULT");
	ok_errno(EINVAL, remap(a, P, P, MREMAP_MAYMOVE | MREMAP_FIXED, a + 100 * P + 1),
		 "MREMAP_FIXED to an unaligned address: EINVAL");
	ok_errno(EINVAL, remap(a, 2 * P, 2 * P, MREMAP_MAYMOVE | MREMAP_FIXED, a + P),
		 "MREMAP_FIXED onto an overlapping range: EINVAL");
	ok_errno(ENOMEM, remap(a, P, 2 * P, 0, NULL),
		 "growing into the next page without MREMAP_MAYMOVE: ENOMEM");
	ok_errno(EINVAL, remap(a, P, P, MREMAP_MAYMOVE | MREMAP_FIXED, (void *)-P),
		 "MREMAP_FIXED past the end of user space: EINVAL");
}

static void test_shrink_grow(void)
{
	char *a = map(NULL, 8 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE), *b;
	long size = vm_size_kb();

	fill(a, 8, 'a');
	ok(remap(a, 8 * P, 3 * P, 0, NULL) == a, "shrinking keeps the address");
	ok(holds(a, 3, 'a') && !probe(a + 3 * P, 0), "the head keeps its data, the tail is gone");
	ok_eq(size - 20, vm_size_kb(), "VmSize falls by the 5 pages");
	ok(remap(a, 3 * P, 3 * P, 0, NULL) == a, "the same length: nothing to do");
	ok(remap(a, 3 * P, 6 * P, 0, NULL) == a, "growing into free space stays in place");
	ok(holds(a, 3, 'a') && a[5 * P] == 0, "old pages kept, the new ones read as zeros");
	ok_eq(1, vmas_in(a, a + 6 * P), "still one VMA");
	ok_eq(size - 8, vm_size_kb(), "VmSize grows by the 3 pages");
	/* Grow into the gap before another compatible VMA: they join. */
	b = map(a + 8 * P, 2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED);
	ok(b == a + 8 * P, "a neighbour two pages above");
	ok(remap(a, 6 * P, 8 * P, 0, NULL) == a, "growing up to the neighbour");
	ok_eq(2, vmas_in(a, a + 10 * P),
	      "it does not merge with the untouched neighbour (6.1's anon_vma rule)");
	b[0] = 1;
	ok(remap(a + 8 * P, 2 * P, P, 0, NULL) == a + 8 * P, "shrinking the neighbour");
	munmap(a, 10 * P);
}

static void test_move(void)
{
	char *a = map(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE), *b, *c;
	uint64_t pfn0, pfn3;
	long size;

	fill(a, 4, 'm');
	pfn0 = pfn_of(a);
	pfn3 = pfn_of(a + 3 * P);
	/* Block growth in place with a mapping right above. */
	c = map(a + 4 * P, P, PROT_READ, MAP_PRIVATE | MAP_FIXED_NOREPLACE);
	ok(c == a + 4 * P, "a blocker right above the mapping");
	size = vm_size_kb();
	b = remap(a, 4 * P, 8 * P, MREMAP_MAYMOVE, NULL);
	ok(b != MAP_FAILED && b != a, "MREMAP_MAYMOVE moves it when it cannot grow in place");
	ok(holds(b, 4, 'm') && b[7 * P] == 0, "the data went along; the new part is zeros");
	ok(pfn_of(b) == pfn0 && pfn_of(b + 3 * P) == pfn3, "the same frames: the pages moved, not copied");
	ok(!probe(a, 0), "the old range is unmapped");
	ok_eq(size + 16, vm_size_kb(), "VmSize grows by the 4 new pages only");
	ok_eq(16, vma_rss_kb(b), "Rss of the moved VMA: its 4 pages");
	ok_eq(0, munmap(c, P), "the blocker goes");

	/* MREMAP_FIXED replaces what is at the target. */
	c = map(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	fill(c, 4, 'x');
	ok(remap(b, 4 * P, 4 * P, MREMAP_MAYMOVE | MREMAP_FIXED, c) == c,
	   "MREMAP_FIXED moves to the address given");
	ok(holds(c, 4, 'm') && pfn_of(c) == pfn0, "the target now holds the moved pages");
	ok(!probe(b, 0), "the source is gone");

	/* Moving part of a VMA splits it. */
	b = remap(c + P, P, 2 * P, MREMAP_MAYMOVE, NULL);
	ok(b != MAP_FAILED && b[0] == 'm' + 1, "one page from the middle moves, with its data");
	ok(!probe(c + P, 0) && probe(c, 0) && probe(c + 2 * P, 0), "a hole where it was");
	munmap(b, 2 * P);
	munmap(c, 4 * P);
}

static void test_dontunmap(void)
{
	char *a = map(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE), *b;
	uint64_t pfn;

	fill(a, 4, 'd');
	pfn = pfn_of(a + P);
	b = remap(a, 4 * P, 4 * P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
	ok(b != MAP_FAILED && b != a, "MREMAP_DONTUNMAP moves the pages");
	ok(holds(b, 4, 'd') && pfn_of(b + P) == pfn, "the new range has them");
	ok_eq(0, vma_rss_kb(a), "the old range stays mapped, with no pages");
	ok(probe(a, 0) && a[P] == 0, "and reads as zeros again");
	munmap(a, 4 * P);
	munmap(b, 4 * P);
}

static void test_shared(void)
{
	char *a = map(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED), *b, *c;

	fill(a, 2, 's');
	b = remap(a, 0, 2 * P, MREMAP_MAYMOVE, NULL);
	ok(b != MAP_FAILED && b != a, "old length 0 duplicates a shared mapping");
	b[P] = 'S';
	ok(a[P] == 'S' && b[0] == 's', "both map the same pages");
	c = map(a + 2 * P, P, PROT_READ, MAP_PRIVATE | MAP_FIXED_NOREPLACE);
	b = remap(a, 2 * P, 4 * P, MREMAP_MAYMOVE, b);
	ok(b != MAP_FAILED && b[P] == 'S', "a shared mapping moves and grows");
	ok_eq(SIGBUS, probe_sig(b + 3 * P, 0), "past its object's size the new part gives SIGBUS");
	munmap(c, P);
	munmap(b, 4 * P);
}

static void test_file(void)
{
	char path[] = "/tmp/mremapXXXXXX", buf[4 * P];
	int fd = mkstemp(path);
	char *a, *b;

	fill(buf, 4, 'f');
	write(fd, buf, sizeof(buf));
	a = mmap(NULL, 2 * P, PROT_READ, MAP_PRIVATE, fd, 2 * P);
	ok(a != MAP_FAILED && a[0] == 'f' + 2, "a private file mapping at offset 2 pages");
	b = remap(a, 2 * P, 2 * P, MREMAP_MAYMOVE | MREMAP_FIXED, a + 16 * P);
	ok(b == a + 16 * P && b[0] == 'f' + 2 && b[P] == 'f' + 3,
	   "moved, it still maps the file from the same offset");
	b = remap(b, 2 * P, P, 0, NULL);
	ok(b == a + 16 * P && b[0] == 'f' + 2 && !probe(b + P, 0), "and shrinks like any other");
	munmap(b, P);
	close(fd);
	unlink(path);
}

/* After fork, the child's move must leave the parent's pages alone. */
static void test_fork(void)
{
	char *a = map(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	int status;
	pid_t pid;

	fill(a, 4, 'p');
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char *b = remap(a, 4 * P, 8 * P, MREMAP_MAYMOVE | MREMAP_FIXED, a + 64 * P);

		if (b == MAP_FAILED || !holds(b, 4, 'p'))
			_exit(1);
		memset(b, 'c', 4 * P);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "a child moves its COW copy and writes it");
	ok(holds(a, 4, 'p'), "the parent's pages are unchanged");
	munmap(a, 4 * P);
}

/* 2 MiB lined up on both sides: whole page tables move. */
static void test_big_move(void)
{
	char *raw = map(NULL, 6 * MB2, PROT_READ | PROT_WRITE, MAP_PRIVATE), *a, *b;

	a = (char *)(((uintptr_t)raw + MB2 - 1) & ~(MB2 - 1));
	for (size_t i = 0; i < 2 * MB2; i += P)
		a[i] = (char)(i / P);
	b = remap(a, 2 * MB2, 2 * MB2, MREMAP_MAYMOVE | MREMAP_FIXED, a + 2 * MB2);
	ok(b == a + 2 * MB2, "4 MiB move to a 2 MiB-aligned address");
	int same = 1;

	for (size_t i = 0; i < 2 * MB2; i += P)
		same &= b[i] == (char)(i / P);
	ok(same, "every one of its 1024 pages arrived");
	ok_eq(4096, vma_rss_kb(b), "all of them resident");
	munmap(raw, 6 * MB2);
}

int main(void)
{
	char *a = map(NULL, 8 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE);

	map(a + 8 * P, P, PROT_READ, MAP_PRIVATE | MAP_FIXED);
	test_errors(a);
	munmap(a, 9 * P);
	test_shrink_grow();
	test_move();
	test_dontunmap();
	test_shared();
	test_file();
	test_fork();
	test_big_move();
	return tap_done();
}
