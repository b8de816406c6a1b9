// SPDX-License-Identifier: GPL-2.0
/*
 * madvise(2) as Linux 6.1 answers it: each advice's effect where it has
 * one (pages dropped, faulted in, kept from or wiped in a child, holes
 * punched in shared memory and tmpfs files), the VmFlags it sets, the
 * VMA splits, and the errno of every bad call.
 * Not here: MADV_HWPOISON/SOFT_OFFLINE (as root Linux would really
 * poison the page), MADV_PAGEOUT of file pages (Linux may reclaim them),
 * LazyFree counts (Linux marks pages in per-CPU batches, so smaps lags;
 * the madvise ktests check Faultline's).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "tap.h"
#include "testlib.h"
#include "proclib.h"

#define P 4096UL

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#define MADV_POPULATE_WRITE 23
#endif
#ifndef MADV_DONTNEED_LOCKED
#define MADV_DONTNEED_LOCKED 24
#endif
#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25
#endif

static char *map(size_t len, int prot, int flags)
{
	return mmap(NULL, len, prot, flags | MAP_ANONYMOUS, -1, 0);
}

/* Run fn in a child; its exit status (0: all it checked held). */
static int in_child(int (*fn)(char *), char *a)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(fn(a));
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void test_errors(void)
{
	char *a = map(4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	int bad[] = { 5, 6, 7, 26, 99, -1 };

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ok_errno(EINVAL, madvise(a, P, bad[i]), "advice %d: EINVAL", bad[i]);
	ok_errno(EINVAL, madvise(a + 1, P, MADV_NORMAL), "an unaligned start: EINVAL");
	ok_errno(EINVAL, madvise(a, P, MADV_REMOVE), "MADV_REMOVE of anonymous memory: EINVAL");
	ok_errno(EINVAL, madvise(a, (size_t)-100, MADV_NORMAL), "a length that wraps: EINVAL");
	ok_eq(0, madvise(a, 0, MADV_DONTNEED), "length 0: nothing to do");
	ok_errno(ENOMEM, madvise(a + 100 * P, P, MADV_NORMAL), "nothing mapped there: ENOMEM");
	ok_eq(0, munmap(a + P, P), "a hole in the mapping");
	ok_errno(ENOMEM, madvise(a, 4 * P, MADV_DONTDUMP), "advice over the hole: ENOMEM");
	ok(vma_has_flag("dd", a) == 1 && vma_has_flag("dd", a + 2 * P) == 1,
	   "but both mapped parts took it");
	ok_errno(EINVAL, madvise(a, P, MADV_COLLAPSE), "MADV_COLLAPSE of a small VMA: EINVAL");
	munmap(a, 4 * P);
}

static void test_dontneed(void)
{
	char *a = map(4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	char path[] = "/tmp/madvXXXXXX", *f;
	int fd = mkstemp(path);

	memset(a, 'x', 4 * P);
	ok_eq(0, madvise(a + P, 2 * P, MADV_DONTNEED), "MADV_DONTNEED of two pages");
	ok(a[0] == 'x' && a[P] == 0 && a[3 * P - 1] == 0 && a[3 * P] == 'x',
	   "they read as zeros again, their neighbours kept their data");
	ok_eq(8, vma_rss_kb(a), "Rss: the two pages left, and the two zero-page reads are not counted");
	ok_eq(0, mlock(a, P), "lock the first page");
	ok_errno(EINVAL, madvise(a, P, MADV_DONTNEED), "MADV_DONTNEED of a locked range: EINVAL");
	ok_eq(0, madvise(a, P, MADV_DONTNEED_LOCKED), "MADV_DONTNEED_LOCKED takes it");
	ok(a[0] == 0, "and drops the page");
	munmap(a, 4 * P);

	write(fd, "file", 4);
	f = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	f[0] = 'F';
	ok_eq(0, madvise(f, P, MADV_DONTNEED), "MADV_DONTNEED of a written private file page");
	ok(f[0] == 'f', "drops the private copy: the file's data shows again");
	ok_errno(EINVAL, madvise(f, P, MADV_FREE), "MADV_FREE of a file mapping: EINVAL");
	ok_errno(EACCES, madvise(f, P, MADV_REMOVE), "MADV_REMOVE of a private file mapping: EACCES");
	munmap(f, P);
	close(fd);
	unlink(path);
}

/*
 * The child maps the shared region too (inherited): it waits for the
 * parent's MADV_REMOVE, then says whether it reads zeros where it wrote.
 */
static int child_sees_hole(char *a, int go)
{
	char c;

	read(go, &c, 1);
	return a[P] == 0 && a[2 * P - 1] == 0 && a[0] == 's' ? 0 : 1;
}

static void test_remove_shared_anon(void)
{
	char *a = map(3 * P, PROT_READ | PROT_WRITE, MAP_SHARED);
	int go[2], status;
	pid_t pid;

	memset(a, 's', 3 * P);
	pipe(go);
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(child_sees_hole(a, go[0]));
	ok_eq(12, vma_rss_kb(a), "shared anonymous memory: three pages mapped");
	ok_eq(0, madvise(a + P, P, MADV_REMOVE), "MADV_REMOVE of its middle page");
	ok_eq(8, vma_rss_kb(a), "Rss drops by the page");
	ok(a[P] == 0 && a[2 * P - 1] == 0 && a[0] == 's' && a[2 * P] == 's',
	   "it reads zeros, its neighbours kept their data");
	write(go[1], "x", 1);
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "the child's mapping of the same memory reads zeros there too");
	ok_eq(0, mlock(a, P), "lock the first page");
	ok_errno(EINVAL, madvise(a, P, MADV_REMOVE), "MADV_REMOVE of a locked range: EINVAL");
	munmap(a, 3 * P);
	a = map(P, PROT_READ, MAP_SHARED);
	ok_eq(0, madvise(a, P, MADV_REMOVE),
	      "of a read-only shared mapping (it may become writable)");
	munmap(a, P);
	close(go[0]);
	close(go[1]);
}

static void test_remove_file(void)
{
	char path[] = "/tmp/madvXXXXXX", *f, *g, buf[4];
	int fd = mkstemp(path), ro;
	struct stat st;

	ftruncate(fd, 2 * P);
	f = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	g = mmap(NULL, P, PROT_READ, MAP_SHARED, fd, P);
	memset(f, 'f', 2 * P);
	ok_eq(0, madvise(f + P, P, MADV_REMOVE), "MADV_REMOVE of a shared tmpfs file mapping");
	fstat(fd, &st);
	ok_eq(8, st.st_blocks, "punches a hole in the file: one page left");
	ok(pread(fd, buf, 4, P) == 4 && !buf[0] && !buf[3], "read() sees zeros there");
	ok(g[0] == 0 && f[P] == 0 && f[0] == 'f', "so do both mappings");
	ok_eq(2 * P, st.st_size, "the size stays");
	munmap(f, 2 * P);
	munmap(g, P);
	ro = open(path, O_RDONLY);
	g = mmap(NULL, P, PROT_READ, MAP_SHARED, ro, 0);
	ok_errno(EACCES, madvise(g, P, MADV_REMOVE), "of a file open read-only: EACCES");
	munmap(g, P);
	close(ro);
	close(fd);
	unlink(path);
}

static void test_free(void)
{
	char *a = map(4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE);

	memset(a, 'y', 4 * P);
	ok_eq(0, madvise(a, 4 * P, MADV_FREE), "MADV_FREE of written anonymous pages");
	ok(a[0] == 'y' && a[4 * P - 1] == 'y', "with memory to spare they keep their data");
	ok_eq(16, vma_rss_kb(a), "and stay resident");
	a[P] = 'z';
	ok(a[P] == 'z', "a write after it sticks");
	munmap(a, 4 * P);
}

static void test_populate(void)
{
	char *a = map(4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE), *r;
	char path[] = "/tmp/madvXXXXXX", *f;
	int fd = mkstemp(path);
	long before = minflt();

	ok_eq(0, madvise(a, 4 * P, MADV_POPULATE_WRITE), "MADV_POPULATE_WRITE");
	ok_eq(4, minflt() - before, "four faults, taken now");
	ok_eq(16, vma_rss_kb(a), "the four pages resident");
	r = map(2 * P, PROT_READ, MAP_PRIVATE);
	ok_eq(0, madvise(r, 2 * P, MADV_POPULATE_READ), "MADV_POPULATE_READ of untouched memory");
	ok_eq(0, vma_rss_kb(r), "maps the zero page: nothing counted in Rss");
	ok_errno(EINVAL, madvise(r, P, MADV_POPULATE_WRITE), "MADV_POPULATE_WRITE of PROT_READ: EINVAL");
	mprotect(r, 2 * P, PROT_NONE);
	ok_errno(EINVAL, madvise(r, P, MADV_POPULATE_READ), "MADV_POPULATE_READ of PROT_NONE: EINVAL");
	ok_errno(ENOMEM, madvise(a, 100 * P, MADV_POPULATE_READ), "past the mapping: ENOMEM");
	write(fd, "x", 1);
	f = mmap(NULL, 2 * P, PROT_READ, MAP_SHARED, fd, 0);
	ok_errno(EFAULT, madvise(f, 2 * P, MADV_POPULATE_READ),
		 "a file page past the end of the file: EFAULT");
	munmap(f, 2 * P);
	close(fd);
	unlink(path);
	munmap(r, 2 * P);
	munmap(a, 4 * P);
}

static int child_sees_nothing(char *a)
{
	return probe_sig(a, 0) == SIGSEGV ? 0 : 1;
}

static int child_sees_zeros(char *a)
{
	return a[0] == 0 && a[P] == 0 ? 0 : 1;
}

static int child_sees_data(char *a)
{
	return a[0] == 'w' ? 0 : 1;
}

static void test_fork_advice(void)
{
	char *a = map(2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	char *s = map(P, PROT_READ | PROT_WRITE, MAP_SHARED);

	memset(a, 'w', 2 * P);
	ok_eq(0, madvise(a, 2 * P, MADV_DONTFORK), "MADV_DONTFORK");
	ok(vma_has_flag("dc", a) == 1, "VmFlags dc");
	ok_eq(0, in_child(child_sees_nothing, a), "a child has no such mapping");
	ok_eq(0, madvise(a, 2 * P, MADV_DOFORK), "MADV_DOFORK");
	ok_eq(0, in_child(child_sees_data, a), "now the child has it, with the data");
	ok_eq(0, madvise(a, 2 * P, MADV_WIPEONFORK), "MADV_WIPEONFORK");
	ok(vma_has_flag("wf", a) == 1, "VmFlags wf");
	ok_eq(0, in_child(child_sees_zeros, a), "a child's copy reads as zeros");
	ok(a[0] == 'w', "the parent keeps its data");
	ok_eq(0, madvise(a, 2 * P, MADV_KEEPONFORK), "MADV_KEEPONFORK");
	ok_eq(0, in_child(child_sees_data, a), "a child's copy has the data again");
	ok_errno(EINVAL, madvise(s, P, MADV_WIPEONFORK), "MADV_WIPEONFORK of shared memory: EINVAL");
	munmap(s, P);
	munmap(a, 2 * P);
}

static void test_flags(void)
{
	char *a = map(6 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	static const struct { int advice; const char *flag; } set[] = {
		{ MADV_SEQUENTIAL, "sr" }, { MADV_RANDOM, "rr" }, { MADV_DONTDUMP, "dd" },
		{ MADV_HUGEPAGE, "hg" }, { MADV_NOHUGEPAGE, "nh" }, { MADV_MERGEABLE, "mg" },
	};

	for (unsigned i = 0; i < sizeof(set) / sizeof(set[0]); i++) {
		ok(madvise(a + P, P, set[i].advice) == 0 && vma_has_flag(set[i].flag, a + P) == 1,
		   "advice %d sets VmFlags %s", set[i].advice, set[i].flag);
	}
	ok(vma_has_flag("sr", a + P) == 0 && vma_has_flag("hg", a + P) == 0,
	   "RANDOM replaced SEQUENTIAL, NOHUGEPAGE replaced HUGEPAGE");
	ok_eq(3, vmas_in(a, a + 6 * P), "the advised page is a VMA of its own");
	ok_eq(0, madvise(a + P, P, MADV_NORMAL), "MADV_NORMAL");
	ok_eq(0, madvise(a + P, P, MADV_DODUMP), "MADV_DODUMP");
	ok_eq(0, madvise(a + P, P, MADV_UNMERGEABLE), "MADV_UNMERGEABLE");
	ok(vma_has_flag("rr", a + P) == 0 && vma_has_flag("dd", a + P) == 0 &&
	   vma_has_flag("mg", a + P) == 0, "their flags are gone");
	ok_eq(0, madvise(a, 6 * P, MADV_WILLNEED), "MADV_WILLNEED");
	ok_eq(0, madvise(a, 6 * P, MADV_COLD), "MADV_COLD");
	ok_eq(0, mlock(a, P), "lock a page");
	ok_errno(EINVAL, madvise(a, P, MADV_COLD), "MADV_COLD of a locked range: EINVAL");
	ok_errno(EINVAL, madvise(a, P, MADV_PAGEOUT), "MADV_PAGEOUT of a locked range: EINVAL");
	munmap(a, 6 * P);
}

int main(void)
{
	test_errors();
	test_dontneed();
	test_remove_shared_anon();
	test_remove_file();
	test_free();
	test_populate();
	test_fork_advice();
	test_flags();
	return tap_done();
}
