// SPDX-License-Identifier: GPL-2.0
/*
 * Finding PCI devices, and giving each to the driver that claims it.
 * Linux: drivers/pci/probe.c (pci_scan_slot, pci_setup_device,
 * __pci_read_base), drivers/pci/pci-driver.c (pci_match_id,
 * pci_register_driver), drivers/pci/pci.c (pci_enable_device,
 * pci_set_master, pci_find_next_capability)
 *
 * Only bus 0 is scanned: QEMU's pc machine (i440FX) puts every device
 * there and has no PCI-to-PCI bridge unless one is asked for (its PIIX3
 * is a PCI-to-ISA bridge, class 0x0601, an ordinary device here). A
 * bridge (header type 1) is listed but what lies behind it is not
 * scanned. The firmware (SeaBIOS) has already assigned every BAR an
 * address and written each device's legacy interrupt line (0x3c), so
 * nothing is reassigned: the BARs are read as they are, sized by the
 * all-ones write that Linux uses too.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/pci.h>
#include <linux/string.h>

static LIST_HEAD(pci_devices);
static LIST_HEAD(pci_drivers);

const char *pci_name(const struct pci_dev *dev)
{
	static char name[16];	/* one caller at a time: boot and probe messages */

	snprintf(name, sizeof(name), "0000:%02x:%02x.%d", dev->bus,
		 PCI_SLOT(dev->devfn), PCI_FUNC(dev->devfn));
	return name;
}

/*
 * BAR i's type and size: write all ones, read back which address bits
 * stick, write the old value back. Returns how many BAR registers it
 * took (2 for a 64-bit memory BAR). Decoding is off meanwhile so the
 * device never answers at the probe address. Linux: __pci_read_base()
 */
static int pci_read_base(struct pci_dev *dev, int i)
{
	int reg = PCI_BASE_ADDRESS_0 + 4 * i;
	u32 lo, sz_lo, hi = 0, sz_hi = 0xffffffff;
	u64 base, size, mask;
	int regs = 1;

	pci_read_config_dword(dev, reg, &lo);
	pci_write_config_dword(dev, reg, 0xffffffff);
	pci_read_config_dword(dev, reg, &sz_lo);
	pci_write_config_dword(dev, reg, lo);
	if (!sz_lo || sz_lo == 0xffffffff)
		return 1;			/* the device has no such BAR */
	if (!(lo & PCI_BASE_ADDRESS_SPACE_IO) && (lo & 0x6) == PCI_BASE_ADDRESS_MEM_TYPE_64 &&
	    i + 1 < PCI_STD_NUM_BARS) {
		pci_read_config_dword(dev, reg + 4, &hi);
		pci_write_config_dword(dev, reg + 4, 0xffffffff);
		pci_read_config_dword(dev, reg + 4, &sz_hi);
		pci_write_config_dword(dev, reg + 4, hi);
		regs = 2;
	}
	if (lo & PCI_BASE_ADDRESS_SPACE_IO) {
		mask = PCI_BASE_ADDRESS_IO_MASK & 0xffff;
		size = ~(sz_lo & mask) + 1;
		size &= 0xffff;
		base = lo & mask;
		dev->resource[i].flags = IORESOURCE_IO;
	} else {
		mask = ((u64)sz_hi << 32) | (sz_lo & PCI_BASE_ADDRESS_MEM_MASK);
		size = regs == 2 ? ~mask + 1 : (u32)(~(u32)mask + 1);
		base = ((u64)hi << 32) | (lo & PCI_BASE_ADDRESS_MEM_MASK);
		dev->resource[i].flags = IORESOURCE_MEM;
	}
	dev->resource[i].start = base;
	dev->resource[i].end = base + size - 1;
	return regs;
}

static void pci_read_bases(struct pci_dev *dev)
{
	u16 cmd;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	pci_write_config_word(dev, PCI_COMMAND, cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	for (int i = 0; i < PCI_STD_NUM_BARS; )
		i += pci_read_base(dev, i);
	pci_write_config_word(dev, PCI_COMMAND, cmd);
}

/* Read a found function's header into a new pci_dev. Linux: pci_setup_device() */
static struct pci_dev *pci_setup_device(unsigned int devfn, u32 id)
{
	struct pci_dev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	u32 class;
	u8 line;

	if (!dev)
		return NULL;
	dev->devfn = devfn;
	dev->vendor = id & 0xffff;
	dev->device = id >> 16;
	pci_read_config_dword(dev, PCI_CLASS_REVISION, &class);
	dev->class = class >> 8;
	dev->revision = class & 0xff;
	pci_read_config_byte(dev, PCI_HEADER_TYPE, &dev->hdr_type);
	pci_read_config_word(dev, PCI_SUBSYSTEM_ID, &dev->subsystem_device);
	pci_read_config_byte(dev, PCI_INTERRUPT_PIN, &dev->pin);
	pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &line);
	dev->irq = dev->pin && line < 16 ? line : 0;	/* 0xff: none routed */
	pr_info("pci %s: [%04x:%04x] type %02x class %#08x\n", pci_name(dev),
		dev->vendor, dev->device, dev->hdr_type & PCI_HEADER_TYPE_MASK, dev->class);
	if ((dev->hdr_type & PCI_HEADER_TYPE_MASK) == PCI_HEADER_TYPE_NORMAL)
		pci_read_bases(dev);
	else
		pr_info("pci %s: a bridge; the bus behind it is not scanned\n", pci_name(dev));
	return dev;
}

/* Every function of every slot on bus 0. Linux: pci_scan_child_bus() */
static void pci_scan_bus0(void)
{
	for (unsigned int slot = 0; slot < 32; slot++) {
		for (unsigned int fn = 0; fn < 8; fn++) {
			unsigned int devfn = PCI_DEVFN(slot, fn);
			u32 id = pci_bus_read_config(0, devfn, PCI_VENDOR_ID, 4);
			struct pci_dev *dev;

			if ((id & 0xffff) == 0xffff || (id & 0xffff) == 0) {
				if (fn == 0)
					break;		/* no device in this slot */
				continue;
			}
			dev = pci_setup_device(devfn, id);
			if (!dev)
				return;
			list_add_tail(&dev->bus_list, &pci_devices);
			if (fn == 0 && !(dev->hdr_type & 0x80))
				break;			/* not multi-function */
		}
	}
}

/* Linux: pci_match_one_device() over the id table */
static const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
						const struct pci_dev *dev)
{
	for (; ids->vendor; ids++)
		if ((ids->vendor == PCI_ANY_ID || ids->vendor == dev->vendor) &&
		    (ids->device == PCI_ANY_ID || ids->device == dev->device))
			return ids;
	return NULL;
}

static void pci_bus_match(struct pci_dev *dev, struct pci_driver *drv)
{
	const struct pci_device_id *id = dev->driver ? NULL : pci_match_id(drv->id_table, dev);
	int err;

	if (!id)
		return;
	dev->driver = drv;
	err = drv->probe(dev, id);
	if (err) {
		dev->driver = NULL;
		pr_warn("%s %s: probe failed with error %d\n", drv->name, pci_name(dev), err);
	}
}

/* Offer every device not yet bound to drv. Linux: pci_register_driver() */
int pci_register_driver(struct pci_driver *drv)
{
	struct pci_dev *dev;

	list_add_tail(&drv->node, &pci_drivers);
	list_for_each_entry(dev, &pci_devices, bus_list)
		pci_bus_match(dev, drv);
	return 0;
}

/*
 * Walk the capability list from pos (0: from its head) to the next
 * capability with id cap; its offset, or 0. The walk stops after 48
 * steps, as Linux's does, in case a device's list loops.
 * Linux: pci_find_next_capability()
 */
int pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap)
{
	u16 status;
	u8 id;

	if (!pos) {
		pci_read_config_word(dev, PCI_STATUS, &status);
		if (!(status & PCI_STATUS_CAP_LIST))
			return 0;
		pci_read_config_byte(dev, PCI_CAPABILITY_LIST, &pos);
	} else {
		pci_read_config_byte(dev, pos + PCI_CAP_LIST_NEXT, &pos);
	}
	for (int ttl = 48; pos >= 0x40 && ttl; ttl--) {
		pos &= ~3;
		pci_read_config_byte(dev, pos, &id);
		if (id == 0xff)
			break;
		if (id == cap)
			return pos;
		pci_read_config_byte(dev, pos + PCI_CAP_LIST_NEXT, &pos);
	}
	return 0;
}

/* Turn on decoding of the BARs it has. Linux: pci_enable_device() */
int pci_enable_device(struct pci_dev *dev)
{
	u16 cmd, want = 0;

	for (int i = 0; i < PCI_STD_NUM_BARS; i++)
		want |= dev->resource[i].flags & IORESOURCE_IO ? PCI_COMMAND_IO :
			dev->resource[i].flags & IORESOURCE_MEM ? PCI_COMMAND_MEMORY : 0;
	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	pci_write_config_word(dev, PCI_COMMAND, (cmd | want) & ~PCI_COMMAND_INTX_DISABLE);
	return 0;
}

/* Let the device master the bus (DMA into RAM). Linux: pci_set_master() */
void pci_set_master(struct pci_dev *dev)
{
	u16 cmd;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	pci_write_config_word(dev, PCI_COMMAND, cmd | PCI_COMMAND_MASTER);
}

/* Linux: pci_subsys_init() and the bus scan it starts (an initcall there). */
void pci_subsys_init(void)
{
	pci_scan_bus0();
}
