// SPDX-License-Identifier: GPL-2.0
/* brk: the heap starts at the page-aligned end of the bss and moves as Linux moves it. */
#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include "tap.h"

extern char end[];	/* the end of the bss, from the linker */

static uintptr_t brk_call(uintptr_t addr)
{
	return (uintptr_t)syscall(SYS_brk, addr);
}

int main(void)
{
	uintptr_t start = brk_call(0), page = 4096, cur;
	char *p;

	ok_eq(((uintptr_t)end + page - 1) & ~(page - 1), start,
	      "the first break is the end of the bss rounded up to a page");
	ok_eq(start + 1, brk_call(start + 1), "brk to an unaligned address is returned as asked");
	p = (char *)start;
	p[0] = 'x';
	p[page - 1] = 'y';
	ok(p[0] == 'x' && p[page - 1] == 'y', "the first heap page is there, rounded up");
	ok_eq(start + 10 * page, brk_call(start + 10 * page), "the heap grows by ten pages");
	p[9 * page] = 'z';
	ok(p[9 * page] == 'z', "the tenth page can be written");
	ok_eq(start + page, brk_call(start + page), "the heap shrinks again");
	ok_eq(start + page, brk_call(start - page), "a break below the start is refused: the old break comes back");
	cur = brk_call(0);
	ok(mmap((void *)(cur + 4 * page), page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
	   != MAP_FAILED, "a mapping 3 pages above the break");
	ok_eq(cur, brk_call(cur + 6 * page), "brk over the mapping is refused");
	ok_eq(cur + 3 * page, brk_call(cur + 3 * page), "brk up to the mapping succeeds");
	munmap((void *)(cur + 4 * page), page);
	{
		struct rlimit rl = { 4 * page, 4 * page }, old;

		getrlimit(RLIMIT_DATA, &old);
		setrlimit(RLIMIT_DATA, &rl);
		ok_eq(cur + 3 * page, brk_call(start + 64 * page), "brk past RLIMIT_DATA is refused");
		setrlimit(RLIMIT_DATA, &old);
	}
	errno = 0;
	ok(sbrk(0) == (void *)(cur + 3 * page), "sbrk(0) agrees with brk");
	ok(sbrk(1L << 46) == (void *)-1 && errno == ENOMEM, "sbrk of 64 TiB fails with ENOMEM");
	return tap_done();
}
