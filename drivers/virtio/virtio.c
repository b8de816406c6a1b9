// SPDX-License-Identifier: GPL-2.0
/*
 * The virtio bus: a transport registers each device it finds, a driver
 * registers the device ids it serves, and whichever comes second makes
 * the match. Binding a device follows the status dance of virtio 1.2,
 * 3.1.1: reset, ACKNOWLEDGE, DRIVER, read the device's features, keep
 * those the driver knows (and the transport's VERSION_1), write them,
 * FEATURES_OK and read it back (the device may refuse the set), the
 * driver's probe (which sets up its queues), DRIVER_OK.
 * Linux: drivers/virtio/virtio.c (virtio_dev_probe, virtio_features_ok)
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>

static LIST_HEAD(virtio_devices);
static LIST_HEAD(virtio_drivers);
static int virtio_index;

static void add_status(struct virtio_device *dev, u8 status)
{
	dev->config->set_status(dev, dev->config->get_status(dev) | status);
}

/* The driver lists fbit in its feature table. Linux: virtio_check_driver_offered_feature() */
void virtio_check_driver_offered_feature(const struct virtio_device *vdev, unsigned int fbit)
{
	for (unsigned int i = 0; i < vdev->driver->feature_table_size; i++)
		if (vdev->driver->feature_table[i] == fbit)
			return;
	BUG();	/* a driver asking for a feature it did not declare */
}

/* Tell the device the driver is ready for it. Linux: virtio_device_ready() */
void virtio_device_ready(struct virtio_device *dev)
{
	add_status(dev, VIRTIO_CONFIG_S_DRIVER_OK);
}

/*
 * Agree on features: the device's, masked by the driver's table, plus
 * the transport bits Faultline handles (VERSION_1 only). The transport
 * refuses a modern device without VERSION_1. Linux: virtio_dev_probe()
 */
static int virtio_negotiate(struct virtio_device *dev, struct virtio_driver *drv)
{
	u64 device_features = dev->config->get_features(dev), driver_features = 0;
	int err;

	for (unsigned int i = 0; i < drv->feature_table_size; i++)
		driver_features |= 1ULL << drv->feature_table[i];
	driver_features |= 1ULL << VIRTIO_F_VERSION_1;
	dev->features = device_features & driver_features;
	err = dev->config->finalize_features(dev);
	if (err)
		return err;
	add_status(dev, VIRTIO_CONFIG_S_FEATURES_OK);
	if (!(dev->config->get_status(dev) & VIRTIO_CONFIG_S_FEATURES_OK)) {
		pr_err("virtio%d: device refuses features: %llx\n", dev->index, dev->features);
		return -ENODEV;
	}
	return 0;
}

static bool virtio_id_match(const struct virtio_device *dev, const struct virtio_device_id *id)
{
	return id->device == dev->id.device &&
	       (id->vendor == VIRTIO_DEV_ANY_ID || id->vendor == dev->id.vendor);
}

/* Bind dev to drv if the driver serves its id. Linux: virtio_dev_match(), virtio_dev_probe() */
static void virtio_dev_probe(struct virtio_device *dev, struct virtio_driver *drv)
{
	const struct virtio_device_id *id;
	int err;

	for (id = drv->id_table; id->device; id++)
		if (virtio_id_match(dev, id))
			break;
	if (dev->driver || !id->device)
		return;
	add_status(dev, VIRTIO_CONFIG_S_DRIVER);
	dev->driver = drv;
	err = virtio_negotiate(dev, drv);
	if (!err)
		err = drv->probe(dev);
	if (err) {
		dev->driver = NULL;
		add_status(dev, VIRTIO_CONFIG_S_FAILED);
		pr_err("%s virtio%d: probe failed with error %d\n", drv->name, dev->index, err);
		return;
	}
	if (!(dev->config->get_status(dev) & VIRTIO_CONFIG_S_DRIVER_OK))
		virtio_device_ready(dev);
}

/* Linux: register_virtio_driver() */
int register_virtio_driver(struct virtio_driver *drv)
{
	struct virtio_device *dev;

	list_add_tail(&drv->node, &virtio_drivers);
	list_for_each_entry(dev, &virtio_devices, node)
		virtio_dev_probe(dev, drv);
	return 0;
}

/*
 * From the transport (dev->vqs initialised): reset the device, say we
 * saw it, offer it to the drivers. Linux: register_virtio_device()
 */
int register_virtio_device(struct virtio_device *dev)
{
	struct virtio_driver *drv;

	dev->index = virtio_index++;
	dev->config->reset(dev);
	add_status(dev, VIRTIO_CONFIG_S_ACKNOWLEDGE);
	list_add_tail(&dev->node, &virtio_devices);
	list_for_each_entry(drv, &virtio_drivers, node)
		virtio_dev_probe(dev, drv);
	return 0;
}
