/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BLK_TYPES_H
#define _LINUX_BLK_TYPES_H

#include <linux/types.h>

/*
 * A bio: one block I/O, a run of sectors read into or written from a
 * list of (page, offset, length) pieces. Whoever submits it says in
 * bi_end_io what to do when it is done; the driver calls bio_endio(),
 * from its interrupt handler. Linux: include/linux/blk_types.h,
 * include/linux/bvec.h
 *
 *   bio ─ bi_bdev (the disk), bi_iter.bi_sector (where, in 512-byte
 *   │     sectors), bi_opf (REQ_OP_READ / WRITE), bi_status (the outcome)
 *   └─ bi_io_vec[0 .. bi_vcnt)  { bv_page, bv_offset, bv_len }
 */
typedef u64 sector_t;		/* 512-byte units, whatever the device's block size */
#define SECTOR_SHIFT		9
#define SECTOR_SIZE		(1 << SECTOR_SHIFT)
#define PAGE_SECTORS_SHIFT	(12 - SECTOR_SHIFT)

typedef u8 blk_status_t;
#define BLK_STS_OK		0
#define BLK_STS_NOTSUPP		1	/* EOPNOTSUPP */
#define BLK_STS_NOSPC		3	/* ENOSPC */
#define BLK_STS_RESOURCE	9	/* ENOMEM */
#define BLK_STS_IOERR		10	/* EIO */

typedef u32 blk_opf_t;
enum req_op {
	REQ_OP_READ = 0,
	REQ_OP_WRITE = 1,
	REQ_OP_FLUSH = 2,
};
#define REQ_OP_MASK		0xff
#define REQ_SYNC		(1U << 11)	/* someone waits for it */
#define REQ_SWAP		(1U << 26)	/* swap I/O (Linux: REQ_SWAP) */

struct block_device;
struct bio;
typedef void (bio_end_io_t)(struct bio *bio);

struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;		/* bytes */
	unsigned int bv_offset;		/* bytes into bv_page */
};

struct bvec_iter {
	sector_t bi_sector;		/* the first sector */
	unsigned int bi_size;		/* bytes, all vecs together */
};

struct bio {
	struct bio *bi_next;		/* in a request queue, waiting */
	struct block_device *bi_bdev;
	blk_opf_t bi_opf;		/* REQ_OP_* | REQ_* */
	blk_status_t bi_status;
	struct bvec_iter bi_iter;
	bio_end_io_t *bi_end_io;
	void *bi_private;		/* for bi_end_io */
	unsigned short bi_vcnt;		/* vecs in use */
	unsigned short bi_max_vecs;	/* vecs there is room for */
	struct bio_vec *bi_io_vec;	/* bi_inline_vecs */
	struct bio_vec bi_inline_vecs[];
};

static inline enum req_op bio_op(const struct bio *bio)
{
	return (enum req_op)(bio->bi_opf & REQ_OP_MASK);
}

int blk_status_to_errno(blk_status_t status);

#endif
