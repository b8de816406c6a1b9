// SPDX-License-Identifier: GPL-2.0
/*
 * Virtio devices on PCI, through the virtio 1.x ("modern") interface:
 * four structures that vendor capabilities place in the device's memory
 * BARs (include/linux/virtio_pci.h), mapped uncached with ioremap():
 *
 *   common  features, status, and per queue its size and addresses
 *   notify  the doorbells: write a queue's index at its notify offset
 *   isr     read to learn why the device interrupted, and to ack it
 *   device  the device type's own configuration (virtio_blk's capacity)
 *
 * Linux prefers this interface and keeps the legacy one (I/O port BAR0,
 * virtio 0.9) for old devices; QEMU's virtio-blk-pci is "transitional"
 * and offers both, so Faultline speaks only this one.
 * Linux: drivers/virtio/virtio_pci_modern.c, virtio_pci_modern_dev.c,
 * virtio_pci_common.c
 *
 * Interrupts: INTx through the 8259 (Faultline has no MSI-X: no local
 * APIC), on the line the firmware routed, shared with other devices.
 * Reading the ISR byte lowers the line.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/pci.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_pci.h>
#include <linux/virtio_ring.h>
#include <asm/io.h>
#include <asm/irq.h>

#define VP_MAX_QUEUE_SIZE	256	/* what one page of descriptors holds */

struct virtio_pci_device {
	struct virtio_device vdev;
	struct pci_dev *pci_dev;
	struct virtio_pci_common_cfg __iomem *common;
	void __iomem *device;
	u8 __iomem *isr;
	void __iomem *notify_base;
	u32 notify_offset_multiplier;
	unsigned long notify_len, device_len;
};

#define to_vp_device(vd) container_of(vd, struct virtio_pci_device, vdev)

static void vp_get(struct virtio_device *vdev, unsigned int offset, void *buf, unsigned int len)
{
	struct virtio_pci_device *vp = to_vp_device(vdev);
	u8 *dst = buf;

	/* byte by byte: the device's fields are little-endian, as x86 is */
	for (unsigned int i = 0; i < len && offset + i < vp->device_len; i++)
		dst[i] = readb((u8 __iomem *)vp->device + offset + i);
}

static u8 vp_get_status(struct virtio_device *vdev)
{
	return readb(&to_vp_device(vdev)->common->device_status);
}

static void vp_set_status(struct virtio_device *vdev, u8 status)
{
	writeb(status, &to_vp_device(vdev)->common->device_status);
}

/* Writing 0 resets; the device says it is done by reading back 0. Linux: vp_reset() */
static void vp_reset(struct virtio_device *vdev)
{
	vp_set_status(vdev, 0);
	while (vp_get_status(vdev))
		;
}

static u64 vp_get_features(struct virtio_device *vdev)
{
	struct virtio_pci_common_cfg __iomem *cfg = to_vp_device(vdev)->common;
	u64 features;

	writel(0, &cfg->device_feature_select);
	features = readl(&cfg->device_feature);
	writel(1, &cfg->device_feature_select);
	return features | (u64)readl(&cfg->device_feature) << 32;
}

/* Linux: vp_finalize_features() */
static int vp_finalize_features(struct virtio_device *vdev)
{
	struct virtio_pci_common_cfg __iomem *cfg = to_vp_device(vdev)->common;

	if (!virtio_has_feature(vdev, VIRTIO_F_VERSION_1)) {
		pr_err("virtio%d: the device lacks VIRTIO_F_VERSION_1\n", vdev->index);
		return -EINVAL;
	}
	writel(0, &cfg->guest_feature_select);
	writel((u32)vdev->features, &cfg->guest_feature);
	writel(1, &cfg->guest_feature_select);
	writel((u32)(vdev->features >> 32), &cfg->guest_feature);
	return 0;
}

static bool vp_notify(struct virtqueue *vq)
{
	writew((u16)vq->index, vq->priv);
	return true;
}

/* Linux: vp_del_vqs() */
static void vp_del_vqs(struct virtio_device *vdev)
{
	struct virtio_pci_device *vp = to_vp_device(vdev);
	struct virtqueue *vq, *n;

	list_for_each_entry_safe(vq, n, &vdev->vqs, list) {
		writew((u16)vq->index, &vp->common->queue_select);
		writew(0, &vp->common->queue_enable);
		vring_del_virtqueue(vq);
	}
}

static void vp_write_addr(u32 __iomem *lo, u32 __iomem *hi, phys_addr_t addr)
{
	writel((u32)addr, lo);
	writel((u32)(addr >> 32), hi);
}

/* Size, place and enable queue index. Linux: setup_vq() in virtio_pci_modern.c */
static struct virtqueue *vp_setup_vq(struct virtio_pci_device *vp, unsigned int index,
				     vq_callback_t *callback, const char *name)
{
	struct virtio_pci_common_cfg __iomem *cfg = vp->common;
	struct virtqueue *vq;
	unsigned int num;
	unsigned long off;

	if (index >= readw(&cfg->num_queues))
		return ERR_PTR(-ENOENT);
	writew((u16)index, &cfg->queue_select);
	num = readw(&cfg->queue_size);
	if (!num || readw(&cfg->queue_enable))
		return ERR_PTR(-ENOENT);
	num = min(num, VP_MAX_QUEUE_SIZE);
	off = (unsigned long)readw(&cfg->queue_notify_off) * vp->notify_offset_multiplier;
	if (off + 2 > vp->notify_len)
		return ERR_PTR(-EINVAL);
	vq = vring_create_virtqueue(index, num, &vp->vdev, vp_notify, callback, name);
	if (!vq)
		return ERR_PTR(-ENOMEM);
	vq->priv = (u8 __iomem *)vp->notify_base + off;
	writew((u16)num, &cfg->queue_size);
	vp_write_addr(&cfg->queue_desc_lo, &cfg->queue_desc_hi, virtqueue_get_desc_addr(vq));
	vp_write_addr(&cfg->queue_avail_lo, &cfg->queue_avail_hi, virtqueue_get_avail_addr(vq));
	vp_write_addr(&cfg->queue_used_lo, &cfg->queue_used_hi, virtqueue_get_used_addr(vq));
	writew(1, &cfg->queue_enable);
	return vq;
}

/* Linux: vp_modern_find_vqs() -> vp_find_vqs_intx() */
static int vp_find_vqs(struct virtio_device *vdev, unsigned int nvqs, struct virtqueue *vqs[],
		       vq_callback_t *callbacks[], const char * const names[])
{
	for (unsigned int i = 0; i < nvqs; i++) {
		vqs[i] = vp_setup_vq(to_vp_device(vdev), i, callbacks[i], names[i]);
		if (IS_ERR(vqs[i])) {
			int err = (int)PTR_ERR(vqs[i]);

			vp_del_vqs(vdev);
			return err;
		}
	}
	return 0;
}

static const struct virtio_config_ops virtio_pci_config_ops = {
	.get = vp_get,
	.get_status = vp_get_status,
	.set_status = vp_set_status,
	.reset = vp_reset,
	.find_vqs = vp_find_vqs,
	.del_vqs = vp_del_vqs,
	.get_features = vp_get_features,
	.finalize_features = vp_finalize_features,
};

/*
 * The line is shared: not ours when the ISR byte says nothing (reading
 * it acked it). Then every queue with used buffers calls its driver.
 * Linux: vp_interrupt() -> vp_vring_interrupt()
 */
static irqreturn_t vp_interrupt(int irq, void *opaque)
{
	struct virtio_pci_device *vp = opaque;
	struct virtqueue *vq;
	u8 isr = readb(vp->isr);

	if (!isr)
		return IRQ_NONE;
	list_for_each_entry(vq, &vp->vdev.vqs, list)
		vring_interrupt(vq);
	return IRQ_HANDLED;
}

/*
 * Map the structure of the first capability of cfg_type: its address,
 * and in *len its length. NULL if there is none or it is not in a
 * memory BAR. Linux: vp_modern_map_capability()
 */
static void __iomem *vp_map_capability(struct pci_dev *pci, int cfg_type, unsigned long *len,
				       u32 *multiplier)
{
	for (int pos = pci_find_next_capability(pci, 0, PCI_CAP_ID_VNDR); pos;
	     pos = pci_find_next_capability(pci, (u8)pos, PCI_CAP_ID_VNDR)) {
		u8 type, bar;
		u32 offset, length;

		pci_read_config_byte(pci, pos + VIRTIO_PCI_CAP_CFG_TYPE, &type);
		pci_read_config_byte(pci, pos + VIRTIO_PCI_CAP_BAR, &bar);
		if (type != cfg_type || bar >= PCI_STD_NUM_BARS ||
		    !(pci_resource_flags(pci, bar) & IORESOURCE_MEM))
			continue;
		pci_read_config_dword(pci, pos + VIRTIO_PCI_CAP_OFFSET, &offset);
		pci_read_config_dword(pci, pos + VIRTIO_PCI_CAP_LENGTH, &length);
		if (!length || (u64)offset + length > pci_resource_len(pci, bar))
			return NULL;
		if (multiplier)
			pci_read_config_dword(pci, pos + VIRTIO_PCI_NOTIFY_CAP_MULT, multiplier);
		*len = length;
		return ioremap(pci_resource_start(pci, bar) + offset, length);
	}
	return NULL;
}

static void vp_unmap(struct virtio_pci_device *vp)
{
	if (vp->common)
		iounmap(vp->common);
	if (vp->isr)
		iounmap(vp->isr);
	if (vp->notify_base)
		iounmap(vp->notify_base);
	if (vp->device)
		iounmap(vp->device);
}

/* The virtio device id: 0x1040 + id, or a transitional device's subsystem id. */
static int vp_device_id(const struct pci_dev *pci)
{
	if (pci->device < 0x1000 || pci->device > 0x107f)
		return -ENODEV;
	if (pci->device < VIRTIO_PCI_MODERN_DEVICE_BASE)
		return pci->subsystem_device;
	return pci->device - VIRTIO_PCI_MODERN_DEVICE_BASE;
}

/* Linux: virtio_pci_probe() -> virtio_pci_modern_probe(), vp_modern_probe() */
static int virtio_pci_probe(struct pci_dev *pci, const struct pci_device_id *id)
{
	struct virtio_pci_device *vp;
	unsigned long common_len, isr_len;
	int err, dev_id = vp_device_id(pci);

	if (dev_id < 0)
		return dev_id;
	vp = kzalloc(sizeof(*vp), GFP_KERNEL);
	if (!vp)
		return -ENOMEM;
	vp->pci_dev = pci;
	vp->vdev.id.device = (u32)dev_id;
	vp->vdev.id.vendor = VIRTIO_PCI_VENDOR_ID;
	INIT_LIST_HEAD(&vp->vdev.vqs);	/* before the interrupt handler can look */
	vp->vdev.config = &virtio_pci_config_ops;
	pci_enable_device(pci);
	vp->common = vp_map_capability(pci, VIRTIO_PCI_CAP_COMMON_CFG, &common_len, NULL);
	vp->isr = vp_map_capability(pci, VIRTIO_PCI_CAP_ISR_CFG, &isr_len, NULL);
	vp->notify_base = vp_map_capability(pci, VIRTIO_PCI_CAP_NOTIFY_CFG, &vp->notify_len,
					    &vp->notify_offset_multiplier);
	vp->device = vp_map_capability(pci, VIRTIO_PCI_CAP_DEVICE_CFG, &vp->device_len, NULL);
	err = -ENODEV;		/* a legacy-only device: Faultline speaks virtio 1.x only */
	if (!vp->common || !vp->isr || !vp->notify_base ||
	    common_len < sizeof(struct virtio_pci_common_cfg))
		goto out_unmap;
	err = request_irq(pci->irq, vp_interrupt, IRQF_SHARED, "virtio", vp);
	if (err)
		goto out_unmap;
	pci_set_master(pci);
	pci_set_drvdata(pci, vp);
	return register_virtio_device(&vp->vdev);
out_unmap:
	vp_unmap(vp);
	kfree(vp);
	return err;
}

static const struct pci_device_id virtio_pci_id_table[] = {
	{ VIRTIO_PCI_VENDOR_ID, PCI_ANY_ID },
	{ 0, 0 },
};

static struct pci_driver virtio_pci_driver = {
	.name = "virtio-pci",
	.id_table = virtio_pci_id_table,
	.probe = virtio_pci_probe,
};

/* Linux: module_pci_driver(virtio_pci_driver) */
void virtio_pci_driver_init(void)
{
	pci_register_driver(&virtio_pci_driver);
}
