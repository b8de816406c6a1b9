// SPDX-License-Identifier: GPL-2.0
/*
 * Bios: allocating, filling, finishing, and waiting for one.
 * Linux: block/bio.c, block/blk-core.c (submit_bio_noacct's checks),
 * block/blk.h (the status table)
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/completion.h>
#include <linux/vmstat.h>
#include <linux/blkdev.h>

/* Linux: blk_errors[] in block/blk-core.c */
int blk_status_to_errno(blk_status_t status)
{
	switch (status) {
	case BLK_STS_OK:
		return 0;
	case BLK_STS_NOTSUPP:
		return -EOPNOTSUPP;
	case BLK_STS_NOSPC:
		return -ENOSPC;
	case BLK_STS_RESOURCE:
		return -ENOMEM;
	default:
		return -EIO;
	}
}

/*
 * A bio for bdev with room for nr_vecs pieces (at most BIO_MAX_VECS).
 * NULL when memory is short. Linux: bio_alloc() -> bio_alloc_bioset()
 */
struct bio *bio_alloc(struct block_device *bdev, unsigned short nr_vecs, blk_opf_t opf, gfp_t gfp)
{
	struct bio *bio;

	if (nr_vecs > BIO_MAX_VECS)
		return NULL;
	bio = kzalloc(sizeof(*bio) + nr_vecs * sizeof(struct bio_vec), gfp);
	if (!bio)
		return NULL;
	bio->bi_bdev = bdev;
	bio->bi_opf = opf;
	bio->bi_max_vecs = nr_vecs;
	bio->bi_io_vec = bio->bi_inline_vecs;
	return bio;
}

void bio_put(struct bio *bio)
{
	kfree(bio);
}

/* Add a piece; len if it fit, 0 if the bio is full. Linux: bio_add_page() */
int bio_add_page(struct bio *bio, struct page *page, unsigned int len, unsigned int off)
{
	struct bio_vec *bv;

	if (bio->bi_vcnt >= bio->bi_max_vecs || off + len > PAGE_SIZE || !len)
		return 0;
	bv = &bio->bi_io_vec[bio->bi_vcnt++];
	bv->bv_page = page;
	bv->bv_len = len;
	bv->bv_offset = off;
	bio->bi_iter.bi_size += len;
	return (int)len;
}

/*
 * The I/O is over (bi_status says how): call whoever submitted it. From
 * the driver's interrupt handler, or from submit_bio for a bio refused
 * at once. Linux: bio_endio()
 */
void bio_endio(struct bio *bio)
{
	if (bio->bi_end_io)
		bio->bi_end_io(bio);
}

static void submit_bio_wait_endio(struct bio *bio)
{
	complete(bio->bi_private);
}

/*
 * Submit and sleep until it is done; 0 or its -errno. The caller still
 * owns the bio (bio_put). The task sleeps uninterruptibly, as Linux's
 * does (wait_for_completion_io): the device is writing into its pages.
 * Linux: submit_bio_wait()
 */
int submit_bio_wait(struct bio *bio)
{
	struct completion done;

	init_completion(&done);
	bio->bi_private = &done;
	bio->bi_end_io = submit_bio_wait_endio;
	bio->bi_opf |= REQ_SYNC;
	submit_bio(bio);
	wait_for_completion(&done);
	return blk_status_to_errno(bio->bi_status);
}

/*
 * Hand the bio to its disk's driver, after the checks every bio gets:
 * inside the disk, whole sectors, not a write to a read-only disk. A
 * bio that fails them ends at once with its error.
 * Linux: submit_bio() -> submit_bio_noacct() (bio_check_eod, bio_check_ro)
 */
void submit_bio(struct bio *bio)
{
	struct gendisk *disk = bio->bi_bdev->bd_disk;
	sector_t sectors = bio->bi_iter.bi_size >> SECTOR_SHIFT;

	bio->bi_status = BLK_STS_OK;
	if ((bio->bi_iter.bi_size & (SECTOR_SIZE - 1)) ||
	    bio->bi_iter.bi_sector > get_capacity(disk) ||
	    sectors > get_capacity(disk) - bio->bi_iter.bi_sector) {
		bio_io_error(bio);
		return;
	}
	if (bio_op(bio) == REQ_OP_WRITE && disk->read_only) {
		bio_io_error(bio);	/* Linux: bio_check_ro() only warns; the device refuses */
		return;
	}
	if (bio_op(bio) == REQ_OP_READ || bio_op(bio) == REQ_OP_WRITE)
		count_vm_events(bio_op(bio) == REQ_OP_WRITE ? PGPGOUT : PGPGIN, (unsigned long)sectors);
	disk->fops->submit_bio(bio);
}

/* The driver's overflow queue (include/linux/blkdev.h); interrupts off. */
void blk_queue_add_tail(struct request_queue *q, struct bio *bio)
{
	bio->bi_next = NULL;
	if (q->tail)
		q->tail->bi_next = bio;
	else
		q->head = bio;
	q->tail = bio;
}

struct bio *blk_queue_pop(struct request_queue *q)
{
	struct bio *bio = q->head;

	if (bio) {
		q->head = bio->bi_next;
		if (!q->head)
			q->tail = NULL;
		bio->bi_next = NULL;
	}
	return bio;
}
