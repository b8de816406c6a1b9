/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_VIRTIO_PCI_H
#define _LINUX_VIRTIO_PCI_H

#include <linux/types.h>

/*
 * Virtio 1.x over PCI (virtio 1.2, 4.1.4): vendor-specific capabilities
 * in configuration space say where, in which BAR, each structure lives.
 * Linux: include/uapi/linux/virtio_pci.h
 *
 *   capability:  vndr(0x09) next len cfg_type bar id pad pad offset(32) length(32)
 *                [notify only: notify_off_multiplier(32)]
 */
#define VIRTIO_PCI_CAP_COMMON_CFG	1	/* struct virtio_pci_common_cfg */
#define VIRTIO_PCI_CAP_NOTIFY_CFG	2	/* queue doorbells */
#define VIRTIO_PCI_CAP_ISR_CFG		3	/* one byte: why it interrupted */
#define VIRTIO_PCI_CAP_DEVICE_CFG	4	/* the device type's own fields */
#define VIRTIO_PCI_CAP_PCI_CFG		5

#define VIRTIO_PCI_CAP_CFG_TYPE		3	/* offsets in the capability */
#define VIRTIO_PCI_CAP_BAR		4
#define VIRTIO_PCI_CAP_OFFSET		8
#define VIRTIO_PCI_CAP_LENGTH		12
#define VIRTIO_PCI_NOTIFY_CAP_MULT	16

#define VIRTIO_PCI_ISR_QUEUE		0x1	/* a queue has used buffers */
#define VIRTIO_PCI_ISR_CONFIG		0x2	/* the device configuration changed */

/* The common configuration structure, little-endian, in a memory BAR. */
struct virtio_pci_common_cfg {
	u32 device_feature_select;	/* which 32 bits device_feature shows */
	u32 device_feature;
	u32 guest_feature_select;
	u32 guest_feature;
	u16 msix_config;
	u16 num_queues;
	u8 device_status;
	u8 config_generation;
	u16 queue_select;		/* the queue the fields below are about */
	u16 queue_size;
	u16 queue_msix_vector;
	u16 queue_enable;
	u16 queue_notify_off;
	u32 queue_desc_lo, queue_desc_hi;
	u32 queue_avail_lo, queue_avail_hi;
	u32 queue_used_lo, queue_used_hi;
};

#define VIRTIO_PCI_VENDOR_ID		0x1af4	/* Red Hat, Inc. */
#define VIRTIO_PCI_MODERN_DEVICE_BASE	0x1040	/* 0x1040 + virtio device id */

#endif
