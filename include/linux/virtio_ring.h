/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_VIRTIO_RING_H
#define _LINUX_VIRTIO_RING_H

#include <linux/types.h>

/*
 * The split virtqueue as the device sees it in guest memory (virtio 1.2,
 * 2.7): three parts, each at a physical address the driver gives it.
 *
 *   descriptor table  num x { addr, len, flags, next }: buffers, chained
 *                     by next while flags has NEXT; WRITE = the device
 *                     writes it (a read's data, a status byte)
 *   available ring    { flags, idx, ring[num] }: heads of chains the
 *                     driver offers; idx counts them, free-running mod 2^16
 *   used ring         { flags, idx, ring[num] of { id, len } }: heads the
 *                     device has finished, with how many bytes it wrote
 *
 * Linux: include/uapi/linux/virtio_ring.h
 */
#define VRING_DESC_F_NEXT	1
#define VRING_DESC_F_WRITE	2
#define VRING_USED_F_NO_NOTIFY	1	/* the device needs no kick */
#define VRING_AVAIL_F_NO_INTERRUPT 1

struct vring_desc {
	u64 addr;		/* guest physical */
	u32 len;
	u16 flags;
	u16 next;
};

struct vring_avail {
	u16 flags;
	u16 idx;
	u16 ring[];
};

struct vring_used_elem {
	u32 id;			/* the head of the chain */
	u32 len;		/* bytes the device wrote into it */
};

struct vring_used {
	u16 flags;
	u16 idx;
	struct vring_used_elem ring[];
};

struct vring {
	unsigned int num;
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
};

struct virtio_device;
struct virtqueue;
typedef void vq_callback_t(struct virtqueue *vq);

struct virtqueue *vring_create_virtqueue(unsigned int index, unsigned int num,
					 struct virtio_device *vdev,
					 bool (*notify)(struct virtqueue *vq),
					 vq_callback_t *callback, const char *name);
void vring_del_virtqueue(struct virtqueue *vq);
bool vring_interrupt(struct virtqueue *vq);
phys_addr_t virtqueue_get_desc_addr(const struct virtqueue *vq);
phys_addr_t virtqueue_get_avail_addr(const struct virtqueue *vq);
phys_addr_t virtqueue_get_used_addr(const struct virtqueue *vq);

#endif
