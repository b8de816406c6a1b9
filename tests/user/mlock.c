// SPDX-License-Identifier: GPL-2.0
/*
 * mlock, mlock2, munlock, mlockall, munlockall, MAP_LOCKED and
 * MAP_POPULATE as Linux 6.1 does them: VmLck in status, Locked and the
 * "lo" flag in smaps, the pages faulted in (Rss) or not (MLOCK_ONFAULT),
 * what fork, mremap and munmap do to them, and errno. Run as root
 * (CAP_IPC_LOCK), as both test runners do. Mlocked in /proc/meminfo is
 * not compared: Linux folds its per-CPU counter deltas into it late, so
 * it lags by up to a threshold (the mlock ktests check Faultline's).
 */
#define _GNU_SOURCE
#include <errno.h>
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

#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT 1
#endif
#ifndef MCL_ONFAULT
#define MCL_ONFAULT 4
#endif

static char *map(size_t len, int flags)
{
	return mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | flags, -1, 0);
}

static long status_kb(const char *name)
{
	read_file("/proc/self/status");
	return field(name);
}

/* The kB of the mappings mlock never touches: Linux's [vvar*] and [vdso]. */
static long special_kb(void)
{
	unsigned long lo, hi;
	long kb = 0;

	read_file("/proc/self/maps");
	for (char *l = proc_buf; *l; l = *line_end(l) ? line_end(l) + 1 : line_end(l)) {
		char *e = line_end(l);

		if (vma_line(l, &lo, &hi) && (memmem(l, (size_t)(e - l), "[vvar", 5) ||
					      memmem(l, (size_t)(e - l), "[vdso]", 6)))
			kb += (long)((hi - lo) / 1024);
	}
	return kb;
}

static void test_errors(char *a)
{
	ok_errno(ENOMEM, mlock(a + 1000 * P, P), "mlock where nothing is mapped: ENOMEM");
	ok_errno(ENOMEM, mlock(a, 100 * P), "mlock over a hole: ENOMEM");
	ok_errno(EINVAL, syscall(SYS_mlock2, a, P, 2), "mlock2 with an unknown flag: EINVAL");
	ok_errno(EINVAL, mlockall(0), "mlockall(0): EINVAL");
	ok_errno(EINVAL, mlockall(MCL_ONFAULT), "mlockall(MCL_ONFAULT) alone: EINVAL");
	ok_errno(EINVAL, mlockall(8), "mlockall with an unknown flag: EINVAL");
	ok_errno(ENOMEM, munlock(a + 1000 * P, P), "munlock where nothing is mapped: ENOMEM");
	ok_eq(0, mlock(a, 0), "mlock of length 0 does nothing");
}

static void test_mlock(void)
{
	char *a = map(8 * P, 0);

	ok_eq(0, mlock(a + 2 * P + 100, 3 * P), "mlock of an unaligned range");
	ok_eq(16, status_kb("VmLck"), "VmLck: the 4 pages it touches");
	ok_eq(16, vma_field(a + 2 * P, "Locked:"), "smaps Locked: the same 4 pages");
	ok_eq(16, vma_rss_kb(a + 2 * P), "they were faulted in");
	ok_eq(0, vma_rss_kb(a), "the rest of the mapping was not");
	ok(vma_has_flag("lo", a + 2 * P) == 1 && vma_has_flag("lo", a) == 0, "VmFlags lo on the locked part only");
	ok_eq(3, vmas_in(a, a + 8 * P), "the VMA split in three");
	ok_eq(0, mlock(a + P, 4 * P), "locking it again, and one more page below");
	ok_eq(20, status_kb("VmLck"), "VmLck counts each page once");
	ok_eq(0, mprotect(a + 3 * P, P, PROT_READ), "mprotect inside the locked range");
	ok_eq(20, status_kb("VmLck"), "does not change VmLck");
	ok_eq(0, munlock(a, 8 * P), "munlock of the whole mapping");
	ok_eq(0, status_kb("VmLck"), "VmLck back to 0");
	ok_eq(20, vma_rss_kb(a + P) + vma_rss_kb(a + 3 * P) + vma_rss_kb(a + 4 * P),
	      "the pages stay resident");
	munmap(a, 8 * P);
}

static void test_onfault(void)
{
	char *a = map(4 * P, 0);

	ok_eq(0, syscall(SYS_mlock2, a, 4 * P, MLOCK_ONFAULT), "mlock2(MLOCK_ONFAULT)");
	ok_eq(16, status_kb("VmLck"), "VmLck counts the whole range");
	ok_eq(0, vma_rss_kb(a), "but nothing is faulted in");
	a[P] = 1;
	ok_eq(4, vma_field(a, "Locked:"), "a page written later is locked then");
	ok_eq(0, munmap(a, 4 * P), "munmap of the locked mapping");
	ok_eq(0, status_kb("VmLck"), "VmLck 0");
}

static void test_fork_and_remap(void)
{
	char *a = map(2 * P, 0), *b;
	int status;
	pid_t pid;

	mlock(a, 2 * P);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		read_file("/proc/self/status");
		_exit(field("VmLck") == 0 && vma_has_flag("lo", a) == 0 ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "a forked child's copy is not locked");
	ok_eq(8, status_kb("VmLck"), "the parent's still is");
	b = mremap(a, 2 * P, 6 * P, MREMAP_MAYMOVE);
	ok(b != MAP_FAILED, "mremap grows the locked mapping");
	ok_eq(24, status_kb("VmLck"), "VmLck follows it");
	ok_eq(24, vma_rss_kb(b), "and its new pages are faulted in");
	munmap(b, 6 * P);
}

static void test_map_flags(void)
{
	char *a = map(4 * P, MAP_LOCKED), *b = map(4 * P, MAP_POPULATE);

	ok(a != MAP_FAILED && b != MAP_FAILED, "mmap with MAP_LOCKED and with MAP_POPULATE");
	ok_eq(16, status_kb("VmLck"), "MAP_LOCKED counts in VmLck");
	ok_eq(16, vma_rss_kb(a), "and is faulted in");
	ok_eq(16, vma_rss_kb(b), "MAP_POPULATE is faulted in");
	ok(vma_has_flag("lo", b) == 0, "without being locked");
	munmap(a, 4 * P);
	munmap(b, 4 * P);
}

static void test_mlockall(void)
{
	char *a, *heap;
	long size;

	ok_eq(0, mlockall(MCL_CURRENT), "mlockall(MCL_CURRENT)");
	size = status_kb("VmSize");
	ok_eq(size, status_kb("VmLck") + special_kb(), "VmLck is all of VmSize but [vvar] and [vdso]");
	a = map(4 * P, 0);
	ok(vma_has_flag("lo", a) == 0 && vma_rss_kb(a) == 0, "a later mapping is not locked");
	ok_eq(0, mlockall(MCL_CURRENT | MCL_FUTURE), "mlockall(MCL_CURRENT | MCL_FUTURE)");
	munmap(a, 4 * P);
	a = map(4 * P, 0);
	ok(vma_has_flag("lo", a) == 1 && vma_rss_kb(a) == 16, "now a new mapping is locked and faulted in");
	heap = (char *)syscall(SYS_brk, 0);
	syscall(SYS_brk, heap + 2 * P);
	ok(vma_has_flag("lo", heap) == 1 && vma_rss_kb(heap) == vma_field(heap, "Size:"),
	   "so is new heap (brk), all of it resident");
	syscall(SYS_brk, heap);
	ok_eq(0, munlockall(), "munlockall");
	ok_eq(0, status_kb("VmLck"), "VmLck 0");
	munmap(a, 4 * P);
	a = map(4 * P, 0);
	ok(vma_has_flag("lo", a) == 0 && vma_rss_kb(a) == 0, "and MCL_FUTURE is gone");
	munmap(a, 4 * P);
}

int main(void)
{
	char *a = map(8 * P, 0);

	test_errors(a);
	munmap(a, 8 * P);
	test_mlock();
	test_onfault();
	test_fork_and_remap();
	test_map_flags();
	test_mlockall();
	return tap_done();
}
