// SPDX-License-Identifier: GPL-2.0
/*
 * The split virtqueue (include/linux/virtio_ring.h draws it): the
 * driver puts a chain of descriptors in the table, its head in the
 * available ring, and kicks the device; the device puts the head in the
 * used ring and interrupts; vring_interrupt calls the driver back, which
 * takes the finished chains with virtqueue_get_buf.
 * Linux: drivers/virtio/virtio_ring.c (the split half of it)
 *
 * Left out from Linux: the packed ring, indirect descriptors and event
 * indices (VIRTIO_RING_F_INDIRECT_DESC, VIRTIO_RING_F_EVENT_IDX are not
 * offered: a chain takes one descriptor per buffer, and the driver
 * kicks unless the device set VRING_USED_F_NO_NOTIFY), the DMA API
 * (buffers are given by physical address).
 *
 * Memory: the table in one page, the available and used rings in a
 * second, so a queue is at most 256 entries (the transport asks for no
 * more). Locking: Linux's drivers hold a spinlock with interrupts off
 * around add/kick and get_buf; with one CPU, the callers turn interrupts
 * off (local_irq_save) around them instead, since vring_interrupt runs
 * from the interrupt handler.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>

#define VRING_MAX_NUM	256

/* x86 keeps stores in order; only a load may pass an earlier store. */
#define virtio_wmb()	barrier()
#define virtio_rmb()	barrier()
#define virtio_mb()	__asm__ __volatile__("mfence" : : : "memory")

struct vring_virtqueue {
	struct virtqueue vq;
	struct vring vring;
	bool (*notify)(struct virtqueue *vq);
	u16 free_head;			/* first free descriptor, chained by next */
	u16 avail_idx_shadow;		/* what we last wrote to avail->idx */
	u16 last_used_idx;		/* used entries consumed so far */
	void **data;			/* per head: the driver's token */
	struct page *table_page, *rings_page;
};

#define to_vvq(_vq) container_of(_vq, struct vring_virtqueue, vq)

/*
 * Put one chain of out_sgs device-readable then in_sgs device-writable
 * buffers in the queue, with data as the token virtqueue_get_buf gives
 * back. -ENOSPC when too few descriptors are free (the caller waits for
 * completions). Interrupts must be off. Linux: virtqueue_add_split()
 */
int virtqueue_add_sgs(struct virtqueue *_vq, struct scatterlist *sgs[],
		      unsigned int out_sgs, unsigned int in_sgs, void *data, gfp_t gfp)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	unsigned int total = out_sgs + in_sgs, head = vq->free_head, i = head, prev = head;
	struct vring_desc *desc = vq->vring.desc;

	if (!total || !data)
		return -EINVAL;
	if (_vq->num_free < total)
		return -ENOSPC;
	for (unsigned int n = 0; n < total; n++) {
		desc[i].addr = sg_phys(sgs[n]);
		desc[i].len = sgs[n]->length;
		desc[i].flags = VRING_DESC_F_NEXT | (n >= out_sgs ? VRING_DESC_F_WRITE : 0);
		prev = i;
		i = desc[i].next;
	}
	desc[prev].flags &= ~VRING_DESC_F_NEXT;
	vq->free_head = (u16)i;
	_vq->num_free -= total;
	vq->data[head] = data;
	vq->vring.avail->ring[vq->avail_idx_shadow & (vq->vring.num - 1)] = (u16)head;
	virtio_wmb();			/* the entry before the index that shows it */
	vq->avail_idx_shadow++;
	vq->vring.avail->idx = vq->avail_idx_shadow;
	return 0;
}

/* Tell the device, unless it said it polls. Linux: virtqueue_kick() */
bool virtqueue_kick(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	virtio_mb();			/* avail->idx before reading used->flags */
	if (vq->vring.used->flags & VRING_USED_F_NO_NOTIFY)
		return true;
	return vq->notify(_vq);
}

/* Return a finished chain's descriptors to the free list. Linux: detach_buf_split() */
static void detach_buf(struct vring_virtqueue *vq, unsigned int head)
{
	unsigned int i = head;

	vq->data[head] = NULL;
	vq->vq.num_free++;
	while (vq->vring.desc[i].flags & VRING_DESC_F_NEXT) {
		i = vq->vring.desc[i].next;
		vq->vq.num_free++;
	}
	vq->vring.desc[i].next = vq->free_head;
	vq->free_head = (u16)head;
}

/*
 * The next chain the device finished: its token, and in *len the bytes
 * it wrote; NULL when there is none. Interrupts must be off.
 * Linux: virtqueue_get_buf_ctx_split()
 */
void *virtqueue_get_buf(struct virtqueue *_vq, unsigned int *len)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	struct vring_used_elem *elem;
	void *data;

	if (vq->last_used_idx == READ_ONCE(vq->vring.used->idx))
		return NULL;
	virtio_rmb();			/* the index before the entry it covers */
	elem = &vq->vring.used->ring[vq->last_used_idx & (vq->vring.num - 1)];
	if (elem->id >= vq->vring.num || !vq->data[elem->id]) {
		pr_err("virtio: %s: device used id %u, which is not a buffer it was given\n",
		       _vq->name, elem->id);
		return NULL;
	}
	data = vq->data[elem->id];
	if (len)
		*len = elem->len;
	detach_buf(vq, elem->id);
	vq->last_used_idx++;
	return data;
}

/* From the transport's interrupt handler: is there news? Linux: vring_interrupt() */
bool vring_interrupt(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	if (vq->last_used_idx == READ_ONCE(vq->vring.used->idx))
		return false;
	if (_vq->callback)
		_vq->callback(_vq);
	return true;
}

unsigned int virtqueue_get_vring_size(const struct virtqueue *_vq)
{
	return to_vvq(_vq)->vring.num;
}

phys_addr_t virtqueue_get_desc_addr(const struct virtqueue *_vq)
{
	return page_to_phys(to_vvq(_vq)->table_page);
}

phys_addr_t virtqueue_get_avail_addr(const struct virtqueue *_vq)
{
	return page_to_phys(to_vvq(_vq)->rings_page);
}

/* The used ring follows the available one, 4-byte aligned. */
static unsigned long vring_used_offset(unsigned int num)
{
	return ALIGN(sizeof(struct vring_avail) + (num + 1) * sizeof(u16), 4);
}

phys_addr_t virtqueue_get_used_addr(const struct virtqueue *_vq)
{
	return virtqueue_get_avail_addr(_vq) + vring_used_offset(to_vvq(_vq)->vring.num);
}

/*
 * A queue of num entries (a power of two, at most 256), zeroed, every
 * descriptor free. NULL when memory ran out (nothing is left allocated).
 * Linux: vring_create_virtqueue() -> vring_alloc_queue_split(),
 * __vring_new_virtqueue()
 */
struct virtqueue *vring_create_virtqueue(unsigned int index, unsigned int num,
					 struct virtio_device *vdev,
					 bool (*notify)(struct virtqueue *vq),
					 vq_callback_t *callback, const char *name)
{
	struct vring_virtqueue *vq;

	if (!num || num > VRING_MAX_NUM || (num & (num - 1)))
		return NULL;
	vq = kzalloc(sizeof(*vq), GFP_KERNEL);
	if (!vq)
		return NULL;
	vq->data = kcalloc(num, sizeof(void *), GFP_KERNEL);
	vq->table_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	vq->rings_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!vq->data || !vq->table_page || !vq->rings_page) {
		vring_del_virtqueue(&vq->vq);
		return NULL;
	}
	vq->vring.num = num;
	vq->vring.desc = page_address(vq->table_page);
	vq->vring.avail = page_address(vq->rings_page);
	vq->vring.used = (void *)((char *)vq->vring.avail + vring_used_offset(num));
	for (unsigned int i = 0; i < num - 1; i++)
		vq->vring.desc[i].next = (u16)(i + 1);
	vq->vq.num_free = num;
	vq->vq.index = index;
	vq->vq.vdev = vdev;
	vq->vq.callback = callback;
	vq->vq.name = name;
	vq->notify = notify;
	list_add_tail(&vq->vq.list, &vdev->vqs);
	return &vq->vq;
}

/* Linux: vring_del_virtqueue() */
void vring_del_virtqueue(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	if (vq->vq.vdev)
		list_del(&vq->vq.list);
	if (vq->table_page)
		__free_page(vq->table_page);
	if (vq->rings_page)
		__free_page(vq->rings_page);
	kfree(vq->data);
	kfree(vq);
}
