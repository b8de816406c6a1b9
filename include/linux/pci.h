/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PCI_H
#define _LINUX_PCI_H

#include <linux/types.h>
#include <linux/list.h>

/*
 * PCI: devices found by scanning bus 0's configuration space, and the
 * drivers that claim them by vendor and device id.
 * Linux: include/linux/pci.h, include/uapi/linux/pci_regs.h
 *
 * Configuration space (the first 64 bytes, header type 0):
 *
 *   0x00  vendor id (16)   device id (16)
 *   0x04  command (16)     status (16)         status bit 4: capability list
 *   0x08  revision (8)     class (24): base class, subclass, prog-if
 *   0x0c  cache line, latency, header type (8; bit 7 multi-function), BIST
 *   0x10  BAR0 ... 0x24 BAR5: bit 0 set = I/O ports; clear = memory, where
 *         bits 2:1 == 2 make a 64-bit BAR that takes the next one too
 *   0x34  capabilities pointer (8): a list of (id, next, ...) records
 *   0x3c  interrupt line (8, programmed by the firmware), pin (8, 1 = INTA#)
 */
#define PCI_VENDOR_ID		0x00
#define PCI_DEVICE_ID		0x02
#define PCI_COMMAND		0x04
#define  PCI_COMMAND_IO		0x1
#define  PCI_COMMAND_MEMORY	0x2
#define  PCI_COMMAND_MASTER	0x4
#define  PCI_COMMAND_INTX_DISABLE 0x400
#define PCI_STATUS		0x06
#define  PCI_STATUS_CAP_LIST	0x10
#define PCI_CLASS_REVISION	0x08
#define PCI_HEADER_TYPE		0x0e
#define  PCI_HEADER_TYPE_MASK	0x7f
#define  PCI_HEADER_TYPE_NORMAL	0
#define  PCI_HEADER_TYPE_BRIDGE	1
#define PCI_BASE_ADDRESS_0	0x10
#define  PCI_BASE_ADDRESS_SPACE_IO	0x1
#define  PCI_BASE_ADDRESS_MEM_TYPE_64	0x4
#define  PCI_BASE_ADDRESS_IO_MASK	(~0x3UL)
#define  PCI_BASE_ADDRESS_MEM_MASK	(~0xfUL)
#define PCI_SUBSYSTEM_ID	0x2e
#define PCI_CAPABILITY_LIST	0x34
#define PCI_INTERRUPT_LINE	0x3c
#define PCI_INTERRUPT_PIN	0x3d

#define PCI_CAP_ID_VNDR		0x09	/* vendor specific (virtio's) */
#define PCI_CAP_LIST_NEXT	1

#define PCI_STD_NUM_BARS	6
#define PCI_ANY_ID		(~0U)

#define PCI_DEVFN(slot, func)	((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn)		(((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)		((devfn) & 0x07)

#define IORESOURCE_IO		0x100
#define IORESOURCE_MEM		0x200

/* A BAR as the firmware programmed it. Linux: struct resource */
struct resource {
	u64 start, end;		/* bus = physical addresses, inclusive */
	unsigned long flags;	/* IORESOURCE_IO or IORESOURCE_MEM, 0 unused */
};

struct pci_driver;

struct pci_dev {
	struct list_head bus_list;	/* pci_devices, in scan order */
	unsigned int devfn;		/* slot and function on bus 0 */
	unsigned char bus;
	unsigned short vendor, device;
	unsigned short subsystem_device;
	unsigned int class;		/* base class, subclass, prog-if */
	unsigned char revision, hdr_type, pin;
	unsigned int irq;		/* the interrupt line: a legacy IRQ */
	struct resource resource[PCI_STD_NUM_BARS];
	struct pci_driver *driver;	/* bound, or NULL */
	void *driver_data;
};

struct pci_device_id {
	u32 vendor, device;		/* PCI_ANY_ID matches any */
};

/* Linux: struct pci_driver (probe/remove; no power management here). */
struct pci_driver {
	struct list_head node;
	const char *name;
	const struct pci_device_id *id_table;	/* ends with a zero vendor */
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
};

#define pci_resource_start(dev, bar)	((dev)->resource[(bar)].start)
#define pci_resource_len(dev, bar)	((dev)->resource[(bar)].flags ? \
	(dev)->resource[(bar)].end - (dev)->resource[(bar)].start + 1 : 0)
#define pci_resource_flags(dev, bar)	((dev)->resource[(bar)].flags)

int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);
u32 pci_bus_read_config(unsigned int bus, unsigned int devfn, int where, int size);
void pci_bus_write_config(unsigned int bus, unsigned int devfn, int where, int size, u32 val);

int pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap);
int pci_enable_device(struct pci_dev *dev);
void pci_set_master(struct pci_dev *dev);
int pci_register_driver(struct pci_driver *drv);
void pci_subsys_init(void);

static inline void pci_set_drvdata(struct pci_dev *dev, void *data)
{
	dev->driver_data = data;
}

static inline void *pci_get_drvdata(struct pci_dev *dev)
{
	return dev->driver_data;
}

/* "0000:00:04.0", as Linux names a device (pci_name()). */
const char *pci_name(const struct pci_dev *dev);

#endif
