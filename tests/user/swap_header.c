// SPDX-License-Identifier: GPL-2.0
/*
 * swapon(2) reads the first page of the disk as mkswap wrote it and
 * refuses, with EINVAL as 6.1 does, a header it cannot use: no
 * SWAPSPACE2 signature, another version, no pages, more pages than the
 * disk, too many or impossible bad pages, nothing usable left. It takes
 * a header with bad pages (they are not counted) and one written on a
 * big-endian machine. Needs the disk (swaplib.h); writes only its first
 * page, and puts it back.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include "swaplib.h"

#define VERSION		1024	/* byte offsets in the header page */
#define LAST_PAGE	1028
#define NR_BADPAGES	1032
#define BADPAGES	1536
#define MAX_BADPAGES	((PAGE - 10 - BADPAGES) / 4)

static char page[PAGE];

static void put32(int off, uint32_t v)
{
	memcpy(page + off, &v, 4);
}

static uint32_t get32(const char *buf, int off)
{
	uint32_t v;

	memcpy(&v, buf + off, 4);
	return v;
}

/* swapon with page as the header: 0 or -errno; swapped off again on success. */
static int try_header(void)
{
	int ret;

	if (write_page0(page))
		return -1000;
	ret = swapon(SWAP_DEV, 0) ? -errno : 0;
	if (!ret)
		swapoff(SWAP_DEV);
	return ret;
}

static void reset(void)
{
	memcpy(page, swap_saved, PAGE);
}

int main(void)
{
	uint32_t last;

	swap_test_begin();
	last = get32(swap_saved, LAST_PAGE);
	ok_eq(1, get32(swap_saved, VERSION), "mkswap wrote version 1");
	reset();
	ok_eq(0, try_header(), "mkswap's own header: swapon takes it");
	reset();
	memcpy(page + PAGE - 10, "SWAP-SPACE", 10);
	ok_eq(-EINVAL, try_header(), "the old SWAP-SPACE signature: EINVAL");
	reset();
	memset(page + PAGE - 10, 0, 10);
	ok_eq(-EINVAL, try_header(), "no signature: EINVAL");
	reset();
	put32(VERSION, 2);
	ok_eq(-EINVAL, try_header(), "version 2: EINVAL");
	reset();
	put32(LAST_PAGE, 0);
	ok_eq(-EINVAL, try_header(), "last_page 0 (empty): EINVAL");
	reset();
	put32(LAST_PAGE, last + 1);
	ok_eq(-EINVAL, try_header(), "last_page past the disk's end: EINVAL");
	reset();
	put32(NR_BADPAGES, MAX_BADPAGES + 1);
	ok_eq(-EINVAL, try_header(), "more bad pages than the header holds: EINVAL");
	reset();
	put32(NR_BADPAGES, 1);
	put32(BADPAGES, 0);
	ok_eq(-EINVAL, try_header(), "page 0 (the header) listed bad: EINVAL");
	reset();
	put32(NR_BADPAGES, 1);
	put32(BADPAGES, last + 1);
	ok_eq(-EINVAL, try_header(), "a bad page past last_page: EINVAL");
	reset();
	put32(LAST_PAGE, 2);
	put32(NR_BADPAGES, 2);
	put32(BADPAGES, 1);
	put32(BADPAGES + 4, 2);
	ok_eq(-EINVAL, try_header(), "every page bad: EINVAL (an empty area)");
	reset();
	put32(LAST_PAGE, 100);
	put32(NR_BADPAGES, 2);
	put32(BADPAGES, 5);
	put32(BADPAGES + 4, 7);
	ok_eq(0, write_page0(page) ? -1 : swapon(SWAP_DEV, 0), "last_page 100, pages 5 and 7 bad: taken");
	ok_eq((100 - 2) * 4, swap_meminfo("SwapTotal"), "SwapTotal: 98 pages (not the header or the bad ones)");
	swapoff(SWAP_DEV);
	reset();
	put32(VERSION, __builtin_bswap32(1));
	put32(LAST_PAGE, __builtin_bswap32(50));
	ok_eq(0, write_page0(page) ? -1 : swapon(SWAP_DEV, 0), "a big-endian header: taken");
	ok_eq(50 * 4, swap_meminfo("SwapTotal"), "its last_page read byte-swapped: 50 pages");
	swapoff(SWAP_DEV);
	swap_test_end();
	return tap_done();
}
