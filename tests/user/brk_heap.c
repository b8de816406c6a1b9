// SPDX-License-Identifier: GPL-2.0
/*
 * The heap beside a large bss, as /proc/self/maps shows it. exec maps
 * the bss's whole pages as an anonymous VMA ending at start_brk; Linux
 * 6.1's brk never grows that VMA (it looks for one to grow no lower than
 * start_brk), so the first sbrk makes a VMA of its own and later ones
 * grow it: two [heap] lines, the bss's and the heap's, though their
 * flags are the same. Linux 6.1 is the oracle (make difftest); this
 * machine's Linux may merge them.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "tap.h"

static volatile char bss[1 << 20];	/* whole pages of bss past the data's last page */

static char maps[64 << 10];

/*
 * Print the [heap] lines of /proc/self/maps; returns how many there were.
 * Plain read(2), not stdio's fopen: musl's malloc may move the break.
 */
static int print_heap_lines(uintptr_t *first_end, uintptr_t *last_start)
{
	int fd = open("/proc/self/maps", O_RDONLY), n = 0;
	ssize_t len = 0, r;
	char *line, *nl;

	while (fd >= 0 && (r = read(fd, maps + len, sizeof(maps) - 1 - len)) > 0)
		len += r;
	close(fd);
	maps[len] = 0;
	for (line = maps; (nl = strchr(line, '\n')); line = nl + 1) {
		unsigned long start, end;

		*nl = 0;
		if (!strstr(line, "[heap]"))
			continue;
		printf("# %s\n", line);
		sscanf(line, "%lx-%lx", &start, &end);
		if (!n)
			*first_end = end;
		*last_start = start;
		n++;
	}
	return n;
}

static uintptr_t brk_call(uintptr_t addr)
{
	return (uintptr_t)syscall(SYS_brk, addr);
}

int main(void)
{
	uintptr_t start_brk = brk_call(0), first_end = 0, last_start = 0, page = 4096;
	char *heap = (char *)start_brk;

	bss[0] = bss[sizeof(bss) - 1] = 1;	/* the bss VMA has pages */
	brk_call(start_brk + 3 * page);
	heap[0] = heap[3 * page - 1] = 2;
	ok_eq(2, print_heap_lines(&first_end, &last_start),
	      "after the first brk: two [heap] lines, the bss and the heap");
	ok_eq(start_brk, first_end, "the first (the bss) ends at start_brk");
	ok_eq(start_brk, last_start, "the second (the heap) starts there");
	brk_call(start_brk + 8 * page);
	ok_eq(2, print_heap_lines(&first_end, &last_start),
	      "a second brk grows the heap VMA: still two lines");
	ok_eq(start_brk, last_start, "and the heap still starts at start_brk");
	brk_call(start_brk);
	ok_eq(1, print_heap_lines(&first_end, &last_start),
	      "the heap shrunk to nothing: only the bss's line is left");
	brk_call(start_brk + page);
	ok_eq(2, print_heap_lines(&first_end, &last_start),
	      "grown again from start_brk: a new heap VMA, not merged with the bss");
	return tap_done();
}
