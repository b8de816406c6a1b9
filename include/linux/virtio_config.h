/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_VIRTIO_CONFIG_H
#define _LINUX_VIRTIO_CONFIG_H

#include <linux/virtio.h>

/*
 * The device status byte, written by the driver in this order as it
 * takes a device on (virtio 1.2, 3.1.1), and the feature bits of the
 * transport. Linux: include/uapi/linux/virtio_config.h,
 * include/linux/virtio_config.h
 */
#define VIRTIO_CONFIG_S_ACKNOWLEDGE	1	/* a guest saw it */
#define VIRTIO_CONFIG_S_DRIVER		2	/* and has a driver for it */
#define VIRTIO_CONFIG_S_DRIVER_OK	4	/* the driver is ready */
#define VIRTIO_CONFIG_S_FEATURES_OK	8	/* feature negotiation done */
#define VIRTIO_CONFIG_S_NEEDS_RESET	0x40
#define VIRTIO_CONFIG_S_FAILED		0x80	/* the guest gave up on it */

#define VIRTIO_TRANSPORT_F_START	28
#define VIRTIO_TRANSPORT_F_END		41
#define VIRTIO_F_VERSION_1		32	/* virtio 1.0 or later: little-endian, modern */

/* The transport's operations. Linux: struct virtio_config_ops */
struct virtio_config_ops {
	void (*get)(struct virtio_device *vdev, unsigned int offset, void *buf, unsigned int len);
	u8 (*get_status)(struct virtio_device *vdev);
	void (*set_status)(struct virtio_device *vdev, u8 status);
	void (*reset)(struct virtio_device *vdev);
	int (*find_vqs)(struct virtio_device *vdev, unsigned int nvqs, struct virtqueue *vqs[],
			vq_callback_t *callbacks[], const char * const names[]);
	void (*del_vqs)(struct virtio_device *vdev);
	u64 (*get_features)(struct virtio_device *vdev);
	int (*finalize_features)(struct virtio_device *vdev);
};

static inline bool virtio_has_feature(const struct virtio_device *vdev, unsigned int fbit)
{
	return vdev->features & (1ULL << fbit);
}

static inline void __virtio_set_bit(struct virtio_device *vdev, unsigned int fbit)
{
	vdev->features |= 1ULL << fbit;
}

/* A field of the device's own configuration (virtio_blk's capacity ...). */
#define virtio_cread_le(vdev, structname, member, ptr)				\
	(vdev)->config->get((vdev), __builtin_offsetof(structname, member),	\
			    (ptr), sizeof(*(ptr)))

#endif
