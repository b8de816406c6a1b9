// SPDX-License-Identifier: GPL-2.0
/*
 * do_wp_page's decision, seen from user space: a write to a page shared
 * after fork copies it while the other process still maps it (a new
 * frame in /proc/self/pagemap, pgreuse unchanged), and reuses it once
 * the other has gone (the same frame, one pgreuse in /proc/vmstat, one
 * fault). Linux 6.1 decides the same way (make difftest): a page whose
 * only reference is ours is ours to write.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "tap.h"
#include "testlib.h"
#include "proclib.h"

#define P 4096

/*
 * Warm up everything the measurement itself writes (stack, buffers), so
 * that the only write fault between two readings is the one measured.
 */
static void warm_up(void)
{
	for (int i = 0; i < 3; i++) {
		vmstat_value("pgreuse");
		pfn_of(&i);
		minflt();
	}
}

/* The parent copies while its child still maps the page. */
static void copy_while_shared(char *a)
{
	int to_child[2], to_parent[2];
	uint64_t before = pfn_of(a), child_pfn = 0;
	long reuse, faults;
	int status = -1;
	char c;
	pid_t pid;

	pipe(to_child);
	pipe(to_parent);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		/*
		 * Take our own faults first, then say so and wait: a fault of
		 * ours inside the parent's measurement (a reuse of a page the
		 * parent has copied away) would count in pgreuse too.
		 */
		warm_up();
		write(to_parent[1], "r", 1);
		read(to_child[0], &c, 1);	/* the parent has written */
		child_pfn = pfn_of(a);
		write(to_parent[1], &child_pfn, sizeof(child_pfn));
		_exit(a[0] == 'p' ? 0 : 1);
	}
	read(to_parent[0], &c, 1);		/* the child is ready and waiting */
	warm_up();
	reuse = vmstat_value("pgreuse");
	faults = minflt();
	a[0] = 'P';
	faults = minflt() - faults;
	reuse = vmstat_value("pgreuse") - reuse;
	write(to_child[1], "x", 1);
	read(to_parent[0], &child_pfn, sizeof(child_pfn));
	waitpid(pid, &status, 0);
	ok_eq(1, faults, "copy: the parent's write to a page its child maps takes one fault");
	ok(pfn_of(a) != before && pfn_of(a) != 0, "copy: the parent's page is a new frame");
	ok(child_pfn == before && status == 0, "copy: the child keeps the old frame, and its data");
	ok_eq(0, reuse, "copy: pgreuse does not count a copy");
}

/* The parent reuses once its child has exited. */
static void reuse_after_exit(char *a)
{
	uint64_t before = pfn_of(a);
	long reuse, faults;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(a[0] == 'P' ? 0 : 1);
	waitpid(pid, NULL, 0);
	warm_up();
	reuse = vmstat_value("pgreuse");
	faults = minflt();
	a[0] = 'Q';
	faults = minflt() - faults;
	reuse = vmstat_value("pgreuse") - reuse;
	ok_eq(1, faults, "reuse: the write after the child exited still faults once (the PTE was read-only)");
	ok(pfn_of(a) == before, "reuse: the page keeps its frame: no copy");
	ok_eq(1, reuse, "reuse: pgreuse counts it once");
	faults = minflt();
	a[1] = 'q';
	ok_eq(0, minflt() - faults, "reuse: then the page is writable: no more faults");
}

int main(void)
{
	char *a = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	a[0] = 'p';
	ok(pfn_of(a) != 0, "pagemap shows the frame of a written page (as root)");
	copy_while_shared(a);
	reuse_after_exit(a);
	ok(vmstat_value("pgreuse") >= 0, "/proc/vmstat has pgreuse");
	return tap_done();
}
