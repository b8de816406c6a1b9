/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BIO_H
#define _LINUX_BIO_H

#include <linux/blk_types.h>
#include <linux/gfp.h>

/*
 * Building and finishing bios (include/linux/blk_types.h draws one).
 * Linux: include/linux/bio.h, block/bio.c
 *
 * Faultline differs: a bio comes from kmalloc, not from a mempool, so
 * bio_alloc can fail (NULL) and its callers undo; Linux's GFP_NOIO
 * mempool waits instead. A bio has at most BIO_MAX_VECS pieces.
 */
#define BIO_MAX_VECS	16

struct bio *bio_alloc(struct block_device *bdev, unsigned short nr_vecs, blk_opf_t opf, gfp_t gfp);
void bio_put(struct bio *bio);
int bio_add_page(struct bio *bio, struct page *page, unsigned int len, unsigned int off);
void bio_endio(struct bio *bio);
void submit_bio(struct bio *bio);
int submit_bio_wait(struct bio *bio);

static inline void bio_io_error(struct bio *bio)
{
	bio->bi_status = BLK_STS_IOERR;
	bio_endio(bio);
}

#define bio_for_each_bvec_all(bvl, bio, i) \
	for ((i) = 0, (bvl) = (bio)->bi_io_vec; (i) < (bio)->bi_vcnt; (i)++, (bvl)++)

#endif
