// SPDX-License-Identifier: GPL-2.0
/*
 * The virtio block driver: each disk QEMU attaches with -drive
 * if=virtio becomes /dev/vda, /dev/vdb, ... A bio becomes one request on
 * the device's queue:
 *
 *   descriptor chain:  [outhdr: type, sector] -> [data pages ...] -> [status]
 *                       device reads             device reads (write)  device writes
 *                                                or writes (read)
 *
 * and is finished from the interrupt handler: the device put the chain
 * in the used ring, virtblk_done takes it off, sets bi_status from the
 * status byte and calls bio_endio. Nothing polls.
 * Linux: drivers/block/virtio_blk.c
 *
 * Faultline differs: Linux's driver is blk-mq based (requests built from
 * merged bios, a tag set, several queues); here the disk takes bios
 * directly (its fops->submit_bio). Each bio needs one of VIRTBLK_NR_REQS
 * request slots, made at probe so the I/O path allocates nothing, and
 * enough free descriptors; when either is short the bio waits, in
 * order, in the disk's request_queue until a completion frees them.
 * A submitter that may sleep first waits until fewer than
 * VIRTBLK_MAX_PENDING of its disk's bios are pending (as Linux's does
 * for a free tag): reclaim, which writes pages without waiting for them,
 * would otherwise queue bios without bound, each allocated from the
 * reserves it is meant to protect.
 * Left out: flushes (VIRTIO_BLK_F_FLUSH is not negotiated, so QEMU
 * writes through), discard, write zeroes, multiple queues, the
 * disk's id and topology fields.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/blkdev.h>
#include <linux/hardirq.h>
#include <linux/wait.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_blk.h>
#include <asm/irqflags.h>

#define VIRTBLK_MAJOR		254	/* Linux asks for a free one: 254 on Debian's */
#define PART_BITS		4	/* minors per disk: Linux keeps 15 for partitions */
#define VIRTBLK_NR_REQS		32
#define VIRTBLK_MAX_PENDING	128	/* bios a disk takes before submitters wait (Linux: BLKDEV_DEFAULT_RQ) */

struct virtblk_req {
	struct virtio_blk_outhdr out_hdr;
	u8 status;
	struct bio *bio;
	struct virtblk_req *next_free;
};

struct virtio_blk {
	struct virtio_device *vdev;
	struct virtqueue *vq;
	struct gendisk disk;
	struct virtblk_req *free_reqs;
	struct virtblk_req reqs[VIRTBLK_NR_REQS];
	unsigned int nr_pending;	/* bios taken and not yet ended */
	struct wait_queue_head pending_wait;	/* for nr_pending to drop */
};

static int virtblk_index;

/*
 * Put bio on the device's queue: 0, or -EBUSY when there is no free
 * request slot or not enough descriptors (it must wait). Interrupts off.
 * Linux: virtblk_prep_rq(), virtblk_add_req()
 */
static int virtblk_add_req(struct virtio_blk *vblk, struct bio *bio)
{
	struct virtblk_req *req = vblk->free_reqs;
	struct scatterlist hdr, status, data[BIO_MAX_VECS], *sgs[BIO_MAX_VECS + 2];
	unsigned int n = 0, nr_data = bio->bi_vcnt;
	bool write = bio_op(bio) == REQ_OP_WRITE;
	struct bio_vec *bv;
	int i;

	if (!req)
		return -EBUSY;
	req->out_hdr.type = write ? VIRTIO_BLK_T_OUT : VIRTIO_BLK_T_IN;
	req->out_hdr.ioprio = 0;
	req->out_hdr.sector = bio->bi_iter.bi_sector;
	req->status = 0xff;
	req->bio = bio;
	sg_init_one(&hdr, &req->out_hdr, sizeof(req->out_hdr));
	sg_init_one(&status, &req->status, sizeof(req->status));
	sgs[n++] = &hdr;
	bio_for_each_bvec_all(bv, bio, i) {
		sg_set_page(&data[i], bv->bv_page, bv->bv_len, bv->bv_offset);
		sgs[n++] = &data[i];
	}
	sgs[n++] = &status;
	if (virtqueue_add_sgs(vblk->vq, sgs, write ? 1 + nr_data : 1,
			      write ? 1 : nr_data + 1, req, GFP_ATOMIC))
		return -EBUSY;
	vblk->free_reqs = req->next_free;
	return 0;
}

/* Issue what waits in the disk's queue, in order, while there is room. */
static void virtblk_run_queue(struct virtio_blk *vblk)
{
	struct request_queue *q = &vblk->disk.queue;
	bool added = false;

	while (q->head && !virtblk_add_req(vblk, q->head)) {
		blk_queue_pop(q);
		added = true;
	}
	if (added)
		virtqueue_kick(vblk->vq);
}

/* The disk's entry for every bio (submit_bio checked its range). */
static void virtblk_submit_bio(struct bio *bio)
{
	struct virtio_blk *vblk = bio->bi_bdev->bd_disk->private_data;
	unsigned long flags;

	if (bio_op(bio) != REQ_OP_READ && bio_op(bio) != REQ_OP_WRITE) {
		bio->bi_status = BLK_STS_NOTSUPP;
		bio_endio(bio);
		return;
	}
	/* Linux: blk_mq_get_tag() sleeping until a request's tag is free */
	if (in_task() && !irqs_disabled())
		wait_event(vblk->pending_wait, vblk->nr_pending < VIRTBLK_MAX_PENDING);
	local_irq_save(flags);		/* Linux: the queue's spinlock; virtblk_done runs in an interrupt */
	vblk->nr_pending++;
	blk_queue_add_tail(&vblk->disk.queue, bio);
	virtblk_run_queue(vblk);
	local_irq_restore(flags);
}

static blk_status_t virtblk_result(u8 status)
{
	switch (status) {
	case VIRTIO_BLK_S_OK:
		return BLK_STS_OK;
	case VIRTIO_BLK_S_UNSUPP:
		return BLK_STS_NOTSUPP;
	default:
		return BLK_STS_IOERR;
	}
}

/*
 * The queue's callback, from vp_interrupt: finish every request the
 * device used, then issue what was waiting. Linux: virtblk_done()
 */
static void virtblk_done(struct virtqueue *vq)
{
	struct virtio_blk *vblk = vq->vdev->priv;
	struct virtblk_req *req;
	unsigned int len;

	while ((req = virtqueue_get_buf(vq, &len))) {
		struct bio *bio = req->bio;

		bio->bi_status = virtblk_result(req->status);
		req->bio = NULL;
		req->next_free = vblk->free_reqs;
		vblk->free_reqs = req;
		vblk->nr_pending--;
		bio_endio(bio);
	}
	virtblk_run_queue(vblk);
	if (waitqueue_active(&vblk->pending_wait))
		wake_up(&vblk->pending_wait);
}

static const struct block_device_operations virtblk_fops = {
	.submit_bio = virtblk_submit_bio,
};

/*
 * bytes as Linux's string_get_size() prints them: three significant
 * figures, in powers of 1000 (kB, MB ...) or 1024 (KiB, MiB ...).
 */
static void virtblk_size_str(u64 bytes, unsigned int base, char *buf, size_t len)
{
	static const char *const units_10[] = { "B", "kB", "MB", "GB", "TB", "PB" };
	static const char *const units_2[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB" };
	u64 milli = bytes * 1000;	/* thousandths of the unit */
	unsigned int i = 0;

	while (milli >= 1000 * 1000 && i < 5) {
		milli /= base;
		i++;
	}
	if (milli >= 100 * 1000)
		snprintf(buf, len, "%llu %s", (milli + 500) / 1000, base == 1000 ? units_10[i] : units_2[i]);
	else if (milli >= 10 * 1000)
		snprintf(buf, len, "%llu.%llu %s", (milli + 50) / 1000, (milli + 50) / 100 % 10,
			 base == 1000 ? units_10[i] : units_2[i]);
	else
		snprintf(buf, len, "%llu.%02llu %s", (milli + 5) / 1000, (milli + 5) / 10 % 100,
			 base == 1000 ? units_10[i] : units_2[i]);
}

/* Linux: virtblk_probe() (init_vq, virtblk_name_format, device_add_disk) */
static int virtblk_probe(struct virtio_device *vdev)
{
	static vq_callback_t *callbacks[] = { virtblk_done };
	static const char * const names[] = { "req.0" };
	char size_10[16], size_2[16];
	struct virtio_blk *vblk;
	u64 capacity = 0;
	int err;

	if (virtblk_index >= 26)
		return -ENOSPC;
	vblk = kzalloc(sizeof(*vblk), GFP_KERNEL);
	if (!vblk)
		return -ENOMEM;
	vblk->vdev = vdev;
	vdev->priv = vblk;
	init_waitqueue_head(&vblk->pending_wait);
	for (int i = VIRTBLK_NR_REQS - 1; i >= 0; i--) {
		vblk->reqs[i].next_free = vblk->free_reqs;
		vblk->free_reqs = &vblk->reqs[i];
	}
	err = vdev->config->find_vqs(vdev, 1, &vblk->vq, callbacks, names);
	if (err)
		goto out_free;
	if (virtqueue_get_vring_size(vblk->vq) < BIO_MAX_VECS + 2) {
		err = -EINVAL;	/* a bio of BIO_MAX_VECS pieces must fit */
		goto out_del_vqs;
	}
	virtio_cread_le(vdev, struct virtio_blk_config, capacity, &capacity);
	snprintf(vblk->disk.disk_name, DISK_NAME_LEN, "vd%c", 'a' + virtblk_index);
	vblk->disk.major = VIRTBLK_MAJOR;
	vblk->disk.first_minor = (unsigned int)virtblk_index << PART_BITS;
	vblk->disk.fops = &virtblk_fops;
	vblk->disk.private_data = vblk;
	vblk->disk.nr_sectors = capacity;
	vblk->disk.read_only = virtio_has_feature(vdev, VIRTIO_BLK_F_RO);
	virtio_device_ready(vdev);	/* before the first request, as Linux's probe does */
	virtblk_size_str(capacity << SECTOR_SHIFT, 1000, size_10, sizeof(size_10));
	virtblk_size_str(capacity << SECTOR_SHIFT, 1024, size_2, sizeof(size_2));
	pr_notice("virtio_blk virtio%d: [%s] %llu 512-byte logical blocks (%s/%s)\n",
		  vdev->index, vblk->disk.disk_name, capacity, size_10, size_2);
	err = device_add_disk(&vblk->disk);
	if (err)
		goto out_del_vqs;
	virtblk_index++;
	return 0;
out_del_vqs:
	vdev->config->reset(vdev);
	vdev->config->del_vqs(vdev);
out_free:
	vdev->priv = NULL;
	kfree(vblk);
	return err;
}

static const unsigned int virtblk_features[] = {
	VIRTIO_BLK_F_RO,
};

static const struct virtio_device_id virtblk_id_table[] = {
	{ VIRTIO_ID_BLOCK, VIRTIO_DEV_ANY_ID },
	{ 0, 0 },
};

static struct virtio_driver virtio_blk = {
	.name = "virtio_blk",
	.id_table = virtblk_id_table,
	.feature_table = virtblk_features,
	.feature_table_size = ARRAY_SIZE(virtblk_features),
	.probe = virtblk_probe,
};

/* Linux: virtio_blk_init() (module_init) */
void virtio_blk_init(void)
{
	register_virtio_driver(&virtio_blk);
}
