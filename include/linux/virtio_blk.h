/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_VIRTIO_BLK_H
#define _LINUX_VIRTIO_BLK_H

#include <linux/types.h>

/*
 * A virtio block device (virtio 1.2, 5.2): one request queue; each
 * request is a chain of a header the device reads, the data, and a
 * status byte the device writes. Linux: include/uapi/linux/virtio_blk.h
 */
#define VIRTIO_ID_BLOCK		2

#define VIRTIO_BLK_F_RO		5	/* the disk is read-only */

struct virtio_blk_config {
	u64 capacity;			/* in 512-byte sectors */
	u32 size_max;
	u32 seg_max;
};

#define VIRTIO_BLK_T_IN		0	/* read */
#define VIRTIO_BLK_T_OUT	1	/* write */

struct virtio_blk_outhdr {
	u32 type;			/* VIRTIO_BLK_T_* */
	u32 ioprio;
	u64 sector;			/* 512-byte units, whatever the block size */
};

#define VIRTIO_BLK_S_OK		0
#define VIRTIO_BLK_S_IOERR	1
#define VIRTIO_BLK_S_UNSUPP	2

#endif
