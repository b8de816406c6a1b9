// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for swap areas (mm/swapfile.c, mm/swapon.c, mm/page_io.c):
 * the swap PTE's layout, and, on the disk tests/ktest.sh attaches as
 * /dev/vda (a blank 4 MiB image: each test writes its own header
 * through the block layer), swapon and swapoff, slot allocation and
 * counts, pages written to their slot and read back by both forms of
 * page I/O, and swapon's allocations failed one by one.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/fcntl.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/completion.h>
#include <linux/pagemap.h>
#include <linux/vmstat.h>
#include <linux/blkdev.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/ktest.h>

#define DISK		"/dev/vda"
#define LAST_PAGE	1023UL		/* a 4 MiB disk */

KTEST(swap, pte_encoding, "a swap entry in a PTE has x86_64 Linux's layout: type in 63..59, offset inverted in 58..9, P and G clear")
{
	swp_entry_t e = swp_entry(1, 0x1234);
	pte_t pte = swp_entry_to_pte(e);

	KT_EXPECT_EQ(t, 0x0fffffffffdb9600UL, pte_val(pte));
	KT_EXPECT_EQ(t, 0x07fffffffffffc00UL, pte_val(swp_entry_to_pte(swp_entry(0, 1))));
	KT_EXPECT_TRUE(t, is_swap_pte(pte) && !pte_present(pte) && !pte_none(pte));
	KT_EXPECT_EQ(t, e.val, pte_to_swp_entry(pte).val);
	KT_EXPECT_EQ(t, 1, swp_type(pte_to_swp_entry(pte)));
	KT_EXPECT_EQ(t, 0x1234, swp_offset(pte_to_swp_entry(pte)));
	pte = pte_swp_mkexclusive(pte_swp_mksoft_dirty(pte));
	KT_EXPECT_TRUE(t, pte_swp_soft_dirty(pte) && pte_swp_exclusive(pte) && !pte_swp_uffd_wp(pte));
	KT_EXPECT_EQ(t, e.val, pte_to_swp_entry(pte).val);	/* the flags are the PTE's */
	KT_EXPECT_EQ(t, 1UL << 50, max_swapfile_size());
	e = swp_entry(MAX_SWAPFILES - 1, (1UL << 50) - 1);
	KT_EXPECT_EQ(t, e.val, pte_to_swp_entry(swp_entry_to_pte(e)).val);
}

/* Write page 0 of the disk: a header (last_page, SWAPSPACE2) or, magic false, none. */
static int write_header(struct file *disk, unsigned long last_page, bool magic)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	union swap_header *h;
	struct bio *bio;
	int err = -ENOMEM;

	if (!page)
		return err;
	h = page_address(page);
	h->info.version = 1;
	h->info.last_page = (u32)last_page;
	if (magic)
		memcpy(h->magic.magic, "SWAPSPACE2", 10);
	bio = bio_alloc(disk->private_data, 1, REQ_OP_WRITE, GFP_KERNEL);
	if (bio) {
		bio_add_page(bio, page, PAGE_SIZE, 0);
		err = submit_bio_wait(bio);
		bio_put(bio);
	}
	__free_page(page);
	return err;
}

/*
 * The disk, swapped on with a fresh header, or NULL (the test failed).
 * mm/shmem_swap_test.c swaps on with it too.
 */
struct file *swap_disk_on(struct ktest_ctx *t)
{
	struct file *disk = filp_open(DISK, O_RDWR, 0);
	struct file *area;

	if (!KT_EXPECT_TRUE(t, !IS_ERR(disk)))	/* tests/ktest.sh attaches one */
		return NULL;
	KT_EXPECT_EQ(t, 0, write_header(disk, LAST_PAGE, true));
	filp_close(disk);
	area = filp_open(DISK, O_RDWR, 0);
	if (!KT_EXPECT_TRUE(t, !IS_ERR(area)))
		return NULL;
	if (!KT_EXPECT_EQ(t, 0, do_swapon(area, DISK, 0))) {
		filp_close(area);
		return NULL;
	}
	return area;
}

void swap_disk_off(struct ktest_ctx *t, struct file *area)
{
	KT_EXPECT_EQ(t, 0, do_swapoff(area));
	KT_EXPECT_EQ(t, 0, total_swap_pages);
	KT_EXPECT_EQ(t, 0, nr_swap_pages);
}

KTEST(swap, slots, "swapon makes LAST_PAGE slots, handed out in order with their counts through the slots cache; swapoff drains it and waits for the last one (try_to_unuse)")
{
	struct file *area = swap_disk_on(t);
	swp_entry_t e[3];

	if (!area)
		return;
	KT_EXPECT_EQ(t, LAST_PAGE, total_swap_pages);
	for (int i = 0; i < 3; i++) {
		e[i] = get_swap_page(NULL);
		KT_EXPECT_EQ(t, i + 1, swp_offset(e[i]));
	}
	/* the first refill found a free run first: its ration left it 3 slots */
	KT_EXPECT_EQ(t, LAST_PAGE - 3, nr_swap_pages);
	KT_EXPECT_EQ(t, 4, swp_offset(get_swap_page(NULL)));	/* a refill of 64 */
	KT_EXPECT_EQ(t, LAST_PAGE - 3 - SWAP_BATCH, nr_swap_pages);
	put_swap_page(NULL, swp_entry(swp_type(e[2]), 4));
	KT_EXPECT_EQ(t, SWAP_HAS_CACHE, swp_swap_info(e[0])->swap_map[1]);
	KT_EXPECT_EQ(t, 0, swap_duplicate(e[0]));
	KT_EXPECT_EQ(t, 0, swap_duplicate(e[0]));
	KT_EXPECT_EQ(t, 2, __swap_count(e[0]));
	put_swap_page(NULL, e[0]);
	swap_free(e[0]);
	KT_EXPECT_EQ(t, 1, __swap_count(e[0]));
	swap_free(e[0]);
	put_swap_page(NULL, e[1]);
	/* freed, but waiting in the slots cache: still taken, and not to be had */
	KT_EXPECT_EQ(t, LAST_PAGE - 3 - SWAP_BATCH, nr_swap_pages);
	KT_EXPECT_EQ(t, -EEXIST, swapcache_prepare(e[1]));
	KT_EXPECT_EQ(t, 0, __swap_count(e[1]));
	KT_EXPECT_EQ(t, -EBUSY, do_swapoff(area));		/* e[2] is still in use */
	KT_EXPECT_EQ(t, LAST_PAGE, total_swap_pages);		/* and the area is back, */
	KT_EXPECT_EQ(t, LAST_PAGE - 1, nr_swap_pages);		/* the slots cache drained */
	KT_EXPECT_EQ(t, -ENOENT, swap_duplicate(e[1]));		/* free again */
	put_swap_page(NULL, e[2]);
	swap_disk_off(t, area);
}

KTEST(swap, slots_cache_threshold, "the slots cache turns off, giving its slots back, when fewer than 128 are free, and on again above 320")
{
	struct file *area = swap_disk_on(t);
	static swp_entry_t e[LAST_PAGE];
	long n = 0;

	if (!area)
		return;
	while (n < LAST_PAGE && (e[n] = get_swap_page(NULL)).val)
		n++;
	KT_EXPECT_EQ(t, LAST_PAGE, n);			/* every slot, the last ones one by one */
	KT_EXPECT_EQ(t, 0, nr_swap_pages);
	for (long i = 0; i < n; i++)
		put_swap_page(NULL, e[i]);
	/* the cache was off: each went straight back (only an allocation turns it on) */
	KT_EXPECT_EQ(t, LAST_PAGE, nr_swap_pages);
	e[0] = get_swap_page(NULL);			/* on again: a refill of 64 */
	KT_EXPECT_EQ(t, LAST_PAGE - SWAP_BATCH, nr_swap_pages);
	put_swap_page(NULL, e[0]);
	swap_disk_off(t, area);
}

static void io_done(struct page *page, int err, void *private)
{
	if (!err)
		SetPageUptodate(page);
	complete(private);
}

KTEST(swap, readwrite, "a page written to its slot reads back the same, waited for or finished by an interrupt's callback")
{
	unsigned long in = vm_event_states[PSWPIN], out = vm_event_states[PSWPOUT];
	struct page *src = alloc_page(GFP_KERNEL), *dst = alloc_page(GFP_KERNEL | __GFP_ZERO);
	struct file *area = swap_disk_on(t);
	struct completion done;
	swp_entry_t e;

	if (!area || !KT_EXPECT_TRUE(t, src && dst))
		goto out;
	for (unsigned int i = 0; i < PAGE_SIZE / sizeof(u32); i++)
		((u32 *)page_address(src))[i] = i * 2654435761U;
	e = get_swap_page(NULL);
	set_page_private(src, e.val);
	KT_EXPECT_EQ(t, 0, swap_writepage(src, true));
	KT_EXPECT_TRUE(t, !PageWriteback(src));
	set_page_private(dst, e.val);
	lock_page(dst);
	KT_EXPECT_EQ(t, 0, swap_readpage(dst, true));
	KT_EXPECT_TRUE(t, PageUptodate(dst) && !PageLocked(dst));
	KT_EXPECT_EQ(t, 0, memcmp(page_address(src), page_address(dst), PAGE_SIZE));
	memset(page_address(dst), 0, PAGE_SIZE);
	ClearPageUptodate(dst);
	init_completion(&done);
	KT_EXPECT_EQ(t, 0, swap_page_io(dst, e, REQ_OP_READ, io_done, &done));
	wait_for_completion(&done);
	KT_EXPECT_TRUE(t, PageUptodate(dst));
	KT_EXPECT_EQ(t, 0, memcmp(page_address(src), page_address(dst), PAGE_SIZE));
	KT_EXPECT_EQ(t, 2, vm_event_states[PSWPIN] - in);
	KT_EXPECT_EQ(t, 1, vm_event_states[PSWPOUT] - out);
	KT_EXPECT_EQ(t, -EINVAL, swap_page_io(dst, swp_entry(0, LAST_PAGE + 1), REQ_OP_READ, NULL, NULL));
	KT_EXPECT_EQ(t, -EINVAL, swap_page_io(dst, swp_entry(5, 1), REQ_OP_READ, NULL, NULL));
	set_page_private(src, 0);
	set_page_private(dst, 0);
	ClearPageUptodate(dst);
	put_swap_page(NULL, e);
out:
	if (area)
		swap_disk_off(t, area);
	if (src)
		__free_page(src);
	if (dst)
		__free_page(dst);
}

KTEST(swap, bad_header, "a disk without the signature is refused with EINVAL, and left unclaimed")
{
	struct file *disk = filp_open(DISK, O_RDWR, 0);
	struct block_device *bdev;

	if (!KT_EXPECT_TRUE(t, !IS_ERR(disk)))
		return;
	KT_EXPECT_EQ(t, 0, write_header(disk, LAST_PAGE, false));
	KT_EXPECT_EQ(t, -EINVAL, do_swapon(disk, DISK, 0));
	KT_EXPECT_EQ(t, 0, write_header(disk, LAST_PAGE + 1, true));	/* longer than the disk */
	KT_EXPECT_EQ(t, -EINVAL, do_swapon(disk, DISK, 0));
	KT_EXPECT_EQ(t, 0, total_swap_pages);
	bdev = blkdev_get_by_dev(((struct block_device *)disk->private_data)->bd_dev,
				 FMODE_READ | FMODE_EXCL, t);
	if (KT_EXPECT_TRUE(t, !IS_ERR(bdev)))
		blkdev_put(bdev, FMODE_READ | FMODE_EXCL);
	filp_close(disk);
}

KTEST(swap, swapon_enomem, "swapon with its 1st, 2nd, ... allocation failing: ENOMEM each time, nothing left behind, then it works")
{
	struct file *disk = filp_open(DISK, O_RDWR, 0);
	unsigned long free_before;
	int err = -ENOMEM, n;

	if (!KT_EXPECT_TRUE(t, !IS_ERR(disk)))
		return;
	KT_EXPECT_EQ(t, 0, write_header(disk, LAST_PAGE, true));
	for (n = 1; n < 100 && err; n++) {
		kmem_cache_shrink_all();
		free_before = nr_free_pages();
		current->fail_nth = n;
		err = do_swapon(disk, DISK, 0);
		current->fail_nth = 0;
		if (!err)
			break;
		kmem_cache_shrink_all();
		if (!KT_EXPECT_EQ(t, -ENOMEM, err) || !KT_EXPECT_EQ(t, free_before, nr_free_pages()) ||
		    !KT_EXPECT_EQ(t, 0, total_swap_pages))
			break;
	}
	KT_EXPECT_TRUE(t, n > 2);	/* the header's page, its bio, the swap map ... */
	if (KT_EXPECT_EQ(t, 0, err))
		swap_disk_off(t, disk);	/* the area owns the file now, and closes it */
	else
		filp_close(disk);
}

/* Drop each of the n slots' pages from the swap cache, waiting for its read. */
static void drop_cached(const swp_entry_t *e, int n)
{
	for (int i = 0; i < n; i++) {
		struct page *page = lookup_swap_cache(e[i]);

		if (!page)
			continue;
		lock_page(page);
		if (PageSwapCache(page))
			delete_from_swap_cache(page);
		unlock_page(page);
		put_page(page);
	}
	lru_add_drain();
}

KTEST(swap, readahead_enomem, "swap readahead, and a lone asynchronous swap read, with the 1st, 2nd, ... allocation failing: the page read or NULL, pages cached or not, none leaked, none left unfilled")
{
	struct file *area = swap_disk_on(t);
	swp_entry_t e[8];
	bool failed = true;
	int n;

	if (!area)
		return;
	for (int i = 0; i < 8; i++) {	/* slots 1..8, each named by one "swap PTE" */
		e[i] = get_swap_page(NULL);
		swap_duplicate(e[i]);
		put_swap_page(NULL, e[i]);
	}
	for (n = 1; n < 64; n++) {
		struct page *page;

		current->fail_nth = n;
		page = swapin_readahead(e[3], GFP_HIGHUSER_MOVABLE);
		failed = !current->fail_nth;	/* the nth allocation came, and failed */
		current->fail_nth = 0;
		if (page) {
			wait_on_page_locked(page);
			KT_EXPECT_TRUE(t, PageUptodate(page) && PageSwapCache(page));
			put_page(page);
		}
		KT_EXPECT_TRUE(t, page || failed);
		for (int i = 0; i < 8; i++) {
			struct page *p = lookup_swap_cache(e[i]);

			if (!p)
				continue;
			wait_on_page_locked(p);
			KT_EXPECT_TRUE(t, PageUptodate(p));	/* a page in the cache was read */
			put_page(p);
		}
		drop_cached(e, 8);
		if (!failed)
			break;
	}
	KT_EXPECT_TRUE(t, !failed && n > 2);	/* a run's bio, the cache's node at least */
	for (n = 1; n < 64; n++) {		/* one asynchronous read, as a fault's own */
		struct page *page, *p;

		current->fail_nth = n;
		page = read_swap_cache_async(e[5], GFP_HIGHUSER_MOVABLE, false);
		failed = !current->fail_nth;
		current->fail_nth = 0;
		KT_EXPECT_TRUE(t, page || failed);
		if (page)
			put_page(page);
		p = lookup_swap_cache(e[5]);
		if (p) {
			wait_on_page_locked(p);
			KT_EXPECT_TRUE(t, PageUptodate(p));
			put_page(p);
		}
		drop_cached(e, 8);
		if (!failed)
			break;
	}
	KT_EXPECT_TRUE(t, !failed && n > 2);
	for (int i = 0; i < 8; i++)
		swap_free(e[i]);
	swap_disk_off(t, area);
}
