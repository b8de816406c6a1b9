// SPDX-License-Identifier: GPL-2.0
/*
 * Moving a page to and from its swap slot, through the block layer.
 * Linux: mm/page_io.c
 *
 * swap_page_io is the mechanism: one bio of one page at the slot's
 * sectors, either waited for (end_io NULL) or finished by a callback
 * from the disk's interrupt handler. swap_readpage and swap_writepage
 * are Linux's entry points over it, with the page flags Linux sets:
 *
 *   read:   the caller locked the page;   done: Uptodate (if it worked), unlocked
 *   write:  Writeback set while it goes;  done: Writeback cleared (an error
 *                                         leaves the page dirty, as Linux)
 *
 * The slot is the page's swap entry, in page->private, where the swap
 * cache keeps it (Linux: page_swap_entry()). Faultline differs: no
 * swap_iocb plugging of neighbouring pages, no frontswap/zswap, no
 * SWP_FS_OPS (swap files over a file system's ->swap_rw), no rw_page
 * shortcut (SWP_SYNCHRONOUS_IO): every page is a bio.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/vmstat.h>
#include <linux/blkdev.h>
#include <linux/swap.h>
#include <linux/swapops.h>

struct swap_io {
	struct page *page;
	swap_io_end_t end_io;
	void *private;
};

/* From the interrupt handler: the bio is done; tell whoever asked, free it. */
static void end_swap_bio(struct bio *bio)
{
	struct swap_io *io = bio->bi_private;
	int err = blk_status_to_errno(bio->bi_status);

	io->end_io(io->page, err, io->private);
	kfree(io);
	bio_put(bio);
}

/*
 * Read (REQ_OP_READ) or write the whole page at entry's slot. With
 * end_io NULL, wait and return 0 or the error; otherwise return 0 once
 * submitted and call end_io(page, err, private) when done, from the
 * interrupt handler (it must not sleep). An error to submit (a bad
 * entry: -EINVAL, memory: -ENOMEM) is returned at once and end_io is
 * not called. Linux: __swap_writepage() -> swap_writepage_bdev_async(),
 * swap_readpage() -> swap_readpage_bdev_async()/_sync()
 */
int swap_page_io(struct page *page, swp_entry_t entry, enum req_op op,
		 swap_io_end_t end_io, void *private)
{
	struct swap_info_struct *sis = swp_swap_info(entry);
	struct swap_io *io = NULL;
	struct bio *bio;
	int err;

	if (!sis || !sis->bdev || swp_offset(entry) == 0 || swp_offset(entry) >= sis->max)
		return -EINVAL;
	if (end_io) {
		io = kmalloc(sizeof(*io), GFP_KERNEL);
		if (!io)
			return -ENOMEM;
		*io = (struct swap_io){ page, end_io, private };
	}
	bio = bio_alloc(sis->bdev, 1, op | REQ_SWAP, GFP_KERNEL);
	if (!bio) {
		kfree(io);
		return -ENOMEM;
	}
	bio->bi_iter.bi_sector = swap_entry_sector(entry);
	bio_add_page(bio, page, PAGE_SIZE, 0);
	count_vm_event(op == REQ_OP_WRITE ? PSWPOUT : PSWPIN);
	if (!end_io) {
		err = submit_bio_wait(bio);
		bio_put(bio);
		return err;
	}
	bio->bi_end_io = end_swap_bio;
	bio->bi_private = io;
	submit_bio(bio);
	return 0;
}

static swp_entry_t page_swap_entry(struct page *page)
{
	swp_entry_t entry = { page_private(page) };

	return entry;
}

/* Linux: end_swap_bio_read() */
static void end_swap_read(struct page *page, int err, void *private)
{
	if (!err)
		SetPageUptodate(page);
	else
		pr_alert("Read-error on swap-device (%u:%u:%llu)\n", 254U, 0U,
			 (unsigned long long)swap_entry_sector(page_swap_entry(page)));
	unlock_page(page);
}

/*
 * Fill the locked page from its slot; it ends unlocked, uptodate if the
 * read worked. synchronous: wait for it (and return its error).
 * Linux: swap_readpage()
 */
int swap_readpage(struct page *page, bool synchronous)
{
	int err;

	VM_BUG_ON(!PageLocked(page));
	VM_BUG_ON(PageUptodate(page));
	if (!synchronous) {
		err = swap_page_io(page, page_swap_entry(page), REQ_OP_READ, end_swap_read, NULL);
		if (err)
			unlock_page(page);
		return err;
	}
	err = swap_page_io(page, page_swap_entry(page), REQ_OP_READ, NULL, NULL);
	end_swap_read(page, err, NULL);
	return err;
}

/* Linux: end_swap_bio_write() (which also rotates the page on the LRU: later) */
static void end_swap_write(struct page *page, int err, void *private)
{
	if (err) {
		SetPageDirty(page);	/* it is still to be written */
		pr_alert("Write-error on swap-device (%u:%u:%llu)\n", 254U, 0U,
			 (unsigned long long)swap_entry_sector(page_swap_entry(page)));
	}
	end_page_writeback(page);
}

/*
 * Write the page to its slot, under PG_writeback. synchronous: wait for
 * it (Linux's WB_SYNC_ALL callers wait on the writeback bit instead).
 * Linux: swap_writepage() -> __swap_writepage()
 */
int swap_writepage(struct page *page, bool synchronous)
{
	int err;

	set_page_writeback(page);
	if (!synchronous) {
		err = swap_page_io(page, page_swap_entry(page), REQ_OP_WRITE, end_swap_write, NULL);
		if (err)
			end_swap_write(page, err, NULL);
		return err;
	}
	err = swap_page_io(page, page_swap_entry(page), REQ_OP_WRITE, NULL, NULL);
	end_swap_write(page, err, NULL);
	return err;
}
