/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_VIRTIO_H
#define _LINUX_VIRTIO_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/scatterlist.h>

/*
 * Virtio: devices that QEMU emulates for guests that know they are
 * guests. A transport (here PCI, drivers/virtio/virtio_pci_modern.c)
 * finds a device and gives it a virtio_device; the virtio bus
 * (drivers/virtio/virtio.c) negotiates features and hands it to the
 * driver for its device id (virtio_blk); the driver talks to it through
 * virtqueues (drivers/virtio/virtio_ring.c). Linux: include/linux/virtio.h
 */
struct virtio_device;
struct virtqueue;

typedef void vq_callback_t(struct virtqueue *vq);

/* Linux: struct virtqueue (the driver's view; vring_virtqueue holds the rest) */
struct virtqueue {
	struct list_head list;		/* the device's vqs */
	vq_callback_t *callback;	/* buffers were used (interrupt context) */
	const char *name;
	struct virtio_device *vdev;
	unsigned int index;
	unsigned int num_free;		/* free descriptors */
	void *priv;			/* the transport's (the notify address) */
};

struct virtio_device_id {
	u32 device;
	u32 vendor;
};
#define VIRTIO_DEV_ANY_ID	0xffffffff

struct virtio_config_ops;

struct virtio_device {
	int index;			/* virtio0, virtio1, ... */
	struct virtio_device_id id;
	const struct virtio_config_ops *config;
	struct list_head vqs;
	u64 features;			/* what both sides agreed on */
	struct virtio_driver *driver;	/* bound, or NULL */
	struct list_head node;		/* virtio_devices */
	void *priv;			/* the driver's (struct virtio_blk) */
};

/* Linux: struct virtio_driver */
struct virtio_driver {
	struct list_head node;
	const char *name;
	const struct virtio_device_id *id_table;	/* ends with device 0 */
	const unsigned int *feature_table;	/* the feature bits it knows */
	unsigned int feature_table_size;
	int (*probe)(struct virtio_device *dev);
	void (*remove)(struct virtio_device *dev);
};

int register_virtio_driver(struct virtio_driver *drv);
int register_virtio_device(struct virtio_device *dev);
void virtio_check_driver_offered_feature(const struct virtio_device *vdev, unsigned int fbit);
void virtio_device_ready(struct virtio_device *dev);

int virtqueue_add_sgs(struct virtqueue *vq, struct scatterlist *sgs[],
		      unsigned int out_sgs, unsigned int in_sgs, void *data, gfp_t gfp);
bool virtqueue_kick(struct virtqueue *vq);
void *virtqueue_get_buf(struct virtqueue *vq, unsigned int *len);
unsigned int virtqueue_get_vring_size(const struct virtqueue *vq);

#endif
