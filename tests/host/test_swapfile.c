// SPDX-License-Identifier: GPL-2.0
/*
 * mm/swapfile.c on the host: the swap header's checks (each refusal
 * with 6.1's log line), the swap map's set-up with bad pages, and the
 * slot allocator under random allocations, duplications and frees,
 * checked after every step against a model of the counts: the same
 * counts, inuse_pages and nr_swap_pages agreeing with them, every free
 * slot inside [lowest_bit, highest_bit], an allocation failing only
 * when nothing is free, and a fresh area handing out its first cluster
 * in order.
 */
#include <string.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/prandom.h>
#include "tap.h"

extern char host_printk_buf[];
extern size_t host_printk_len;

#define SLOTS	1024			/* the area: a 4 MiB disk */
#define DISK	((u64)SLOTS * 4096)

static union swap_header hdr __attribute__((aligned(4096)));
static unsigned char map[SLOTS];
static unsigned char model[SLOTS];
static struct rnd_state rng = { 0x5a5a12345678ULL };

static void good_header(void)
{
	memset(&hdr, 0, sizeof(hdr));
	memcpy(hdr.magic.magic, "SWAPSPACE2", 10);
	hdr.info.version = 1;
	hdr.info.last_page = SLOTS - 1;
}

/* read_swap_header's answer for hdr, with what it logged in log_has (or NULL). */
static unsigned long parse(u64 size, const char *log_has)
{
	struct swap_info_struct si;
	unsigned long got;

	memset(&si, 0, sizeof(si));
	host_printk_len = 0;
	host_printk_buf[0] = '\0';
	got = read_swap_header(&si, &hdr, size);
	if (log_has)
		CHECK(strstr(host_printk_buf, log_has) != NULL);
	return got;
}

static void test_header(void)
{
	good_header();
	CHECK_EQ(SLOTS, parse(DISK, NULL));
	CHECK_EQ(SLOTS, parse(0, NULL));		/* size unknown: trusted */
	memcpy(hdr.magic.magic, "SWAP-SPACE", 10);
	CHECK_EQ(0, parse(DISK, "Unable to find swap-space signature"));
	good_header();
	hdr.info.version = 2;
	CHECK_EQ(0, parse(DISK, "Unable to handle swap header version 2"));
	good_header();
	hdr.info.last_page = 0;
	CHECK_EQ(0, parse(DISK, "Empty swap-file"));
	good_header();
	hdr.info.last_page = SLOTS;
	CHECK_EQ(0, parse(DISK, "Swap area shorter than signature indicates"));
	good_header();
	hdr.info.nr_badpages = MAX_SWAP_BADPAGES + 1;
	CHECK_EQ(0, parse(DISK, NULL));
	hdr.info.nr_badpages = MAX_SWAP_BADPAGES;
	CHECK_EQ(SLOTS, parse(DISK, NULL));
	CHECK_EQ(637, MAX_SWAP_BADPAGES);
	good_header();
	hdr.info.version = __builtin_bswap32(1);
	hdr.info.last_page = __builtin_bswap32(99);
	CHECK_EQ(100, parse(DISK, NULL));
	tap_result("read_swap_header: mkswap's header taken, each bad one refused with 6.1's line");
}

static int setup(unsigned int nr_bad, const unsigned int *bad, struct swap_info_struct *si)
{
	good_header();
	hdr.info.nr_badpages = nr_bad;
	for (unsigned int i = 0; i < nr_bad; i++)
		((u32 *)hdr.info.badpages)[i] = bad[i];
	memset(map, 0, sizeof(map));
	if (!(si->flags & SWP_USED))
		memset(si, 0, sizeof(*si));
	if (read_swap_header(si, &hdr, DISK) != SLOTS)
		return -1;
	return setup_swap_map(si, &hdr, map, SLOTS);
}

static void test_setup_map(void)
{
	struct swap_info_struct si = { 0 };
	static const unsigned int bad2[] = { 10, 700 }, bad0[] = { 0 }, bad_past[] = { SLOTS };

	CHECK_EQ(0, setup(2, bad2, &si));
	CHECK_EQ(SLOTS - 3, si.pages);
	CHECK_EQ(SLOTS, si.max);
	CHECK_EQ(SWAP_MAP_BAD, map[0]);
	CHECK_EQ(SWAP_MAP_BAD, map[10]);
	CHECK_EQ(0, map[11]);
	CHECK_EQ(-EINVAL, setup(1, bad0, &si));
	CHECK_EQ(-EINVAL, setup(1, bad_past, &si));
	tap_result("setup_swap_map: the header and bad pages marked, the rest counted; impossible bad pages refused");
}

/* The model says what the area's counters must be. */
static void check_invariants(struct swap_info_struct *si)
{
	unsigned int inuse = 0;

	CHECK(memcmp(model, map, SLOTS) == 0);
	for (unsigned int i = 0; i < SLOTS; i++) {
		if (map[i] && map[i] != SWAP_MAP_BAD)
			inuse++;
		if (!map[i]) {
			CHECK(i >= si->lowest_bit);
			CHECK(i <= si->highest_bit);
		}
	}
	CHECK_EQ(inuse, si->inuse_pages);
	CHECK_EQ((long)si->pages - inuse, nr_swap_pages);
}

static void test_allocator(void)
{
	static const unsigned int bad[] = { 3, 400, 401, 1000 };
	struct swap_info_struct *si = alloc_swap_info();
	swp_entry_t e;

	CHECK(!IS_ERR(si));
	CHECK_EQ(0, setup(4, bad, si));
	enable_swap_info(si, -1, map);
	memcpy(model, map, SLOTS);
	CHECK_EQ(-2, si->prio);
	CHECK_EQ(si->pages, total_swap_pages);
	/* A fresh area: in order from the first wholly free run of 512 (after bad page 401). */
	for (unsigned int want = 402; want < 502; want++) {
		e = get_swap_page(NULL);
		CHECK_EQ(want, swp_offset(e));
		CHECK_EQ(si->type, swp_type(e));
		model[swp_offset(e)] = SWAP_HAS_CACHE;
	}
	check_invariants(si);
	for (int step = 0; step < 200000; step++) {
		unsigned long off = 1 + prandom_below(&rng, SLOTS - 1);
		unsigned char c = model[off];
		swp_entry_t x = swp_entry((unsigned long)si->type, off);

		switch (prandom_below(&rng, 4)) {
		case 0:
			e = get_swap_page(NULL);
			if (!e.val) {
				CHECK_EQ(0, nr_swap_pages);
				break;
			}
			CHECK_EQ(0, model[swp_offset(e)]);
			model[swp_offset(e)] = SWAP_HAS_CACHE;
			break;
		case 1:
			if (c == SWAP_MAP_BAD || !c)
				CHECK_EQ(-ENOENT, swap_duplicate(x));
			else if ((c & ~SWAP_HAS_CACHE) == SWAP_MAP_MAX)
				CHECK_EQ(-ENOMEM, swap_duplicate(x));
			else {
				CHECK_EQ(0, swap_duplicate(x));
				model[off] = c + 1;
			}
			break;
		case 2:
			if (c && c != SWAP_MAP_BAD && (c & ~SWAP_HAS_CACHE)) {
				swap_free(x);
				model[off] = c - 1;
			}
			break;
		case 3:
			if (c != SWAP_MAP_BAD && (c & SWAP_HAS_CACHE)) {
				put_swap_page(NULL, x);
				model[off] = c & ~SWAP_HAS_CACHE;
			}
			break;
		}
		check_invariants(si);
		if (tap_case_failed)
			break;
	}
	for (unsigned int i = 1; i < SLOTS; i++) {
		if (model[i] == SWAP_MAP_BAD || !model[i])
			continue;
		CHECK_EQ((model[i] & SWAP_HAS_CACHE) ? -EEXIST : 0, swapcache_prepare(swp_entry(0, i)));
		break;
	}
	tap_result("slots: 200000 random allocations, duplications and frees keep every count and counter right");
}

int main(void)
{
	test_header();
	test_setup_map();
	test_allocator();
	return tap_done();
}
