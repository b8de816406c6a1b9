// SPDX-License-Identifier: GPL-2.0
/*
 * vm.max_map_count as Linux 6.1 enforces it: mmap refuses once the
 * address space has more VMAs than the limit, a split (mprotect or
 * munmap in the middle of a VMA) once it has as many, brk likewise; each
 * with ENOMEM and nothing changed. Then, with the default 65530, a
 * program builds VMAs one mprotect at a time (alternating protections,
 * so none merge) until the limit stops it: this must stay fast with the
 * debug build's VMA checks on.
 */
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include "tap.h"
#include "proclib.h"
#include <fcntl.h>

#define PAGE	4096UL

/* The lines of /proc/self/maps, read in pieces: 65,530 of them pass a megabyte. */
static int nr_vmas(void)
{
	int fd = open("/proc/self/maps", O_RDONLY), n = 0;
	long r;

	while ((r = read(fd, proc_buf, sizeof(proc_buf))) > 0)
		for (long i = 0; i < r; i++)
			n += proc_buf[i] == '\n';
	close(fd);
	return n;
}

static void set_max(int value)
{
	int fd = open("/proc/sys/vm/max_map_count", O_WRONLY);

	dprintf(fd, "%d", value);
	close(fd);
}

/* Split a PROT_NONE area page by page until a split is refused; how many worked. */
static long split_until_refused(char *area, long pages)
{
	long i;

	for (i = 0; i < pages; i++)
		if (mprotect(area + i * PAGE, PAGE, (i & 1) ? PROT_READ : PROT_READ | PROT_WRITE))
			break;
	return i;
}

static void test_small_limit(void)
{
	char *area = mmap(NULL, 64 * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int base = nr_vmas();
	char *one;
	long done;

	set_max(base + 8);
	done = split_until_refused(area, 64);
	ok_eq(8, done, "mprotect splits while there are fewer VMAs than the limit");
	ok_eq(base + 8, nr_vmas(), "and stops at the limit");
	ok_errno(ENOMEM, mprotect(area + 40 * PAGE, PAGE, PROT_EXEC),
		 "a split at the limit: ENOMEM");
	ok_eq(0, mprotect(area + done * PAGE, PAGE, PROT_READ),
	      "moving a boundary into a neighbour that matches makes no VMA: allowed");
	ok_errno(ENOMEM, munmap(area + 40 * PAGE, PAGE), "a munmap that would split: ENOMEM");
	ok_eq(base + 8, nr_vmas(), "and nothing changed");
	one = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(one != MAP_FAILED, "mmap at the limit still maps (6.1 checks map_count > max)");
	ok(mmap(NULL, PAGE, PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED &&
	   errno == ENOMEM, "one past the limit: ENOMEM");
	ok(sbrk(PAGE) == (void *)-1 && errno == ENOMEM, "brk past the limit fails too");
	ok_eq(0, munmap(one, PAGE), "unmapping a whole VMA needs no split");
	ok_eq(0, munmap(area, 64 * PAGE), "nor does unmapping the whole area");
	set_max(65530);
}

static void test_default_limit(void)
{
	long pages = 70000;
	char *area = mmap(NULL, pages * PAGE, PROT_NONE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	int base = nr_vmas();
	long done = split_until_refused(area, pages);

	ok_eq(65530 - base, done, "65,530 VMAs are built one mprotect at a time");
	ok_eq(65530, nr_vmas(), "maps lists them all");
	ok_eq(0, munmap(area, pages * PAGE), "and one munmap takes them all away");
	ok_eq(base - 1, nr_vmas(), "leaving what was there before");
}

int main(void)
{
	test_small_limit();
	test_default_limit();
	return tap_done();
}
