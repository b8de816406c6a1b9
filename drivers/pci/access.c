// SPDX-License-Identifier: GPL-2.0
/*
 * PCI configuration space through the two I/O ports of "configuration
 * mechanism #1", which the i440FX host bridge of QEMU's pc machine
 * decodes. Linux: arch/x86/pci/direct.c (pci_conf1_read/write),
 * drivers/pci/access.c (the pci_read_config_* wrappers)
 *
 *   0xcf8  CONFIG_ADDRESS, written as one dword:
 *          31     enable
 *          23:16  bus   15:11 device   10:8 function   7:2 dword register
 *   0xcfc  CONFIG_DATA: the addressed dword; a byte or word at
 *          0xcfc + (where & 3) reads or writes part of it
 *
 * Faultline differs: Linux takes pci_config_lock around the address and
 * data accesses; with one CPU and these called only with interrupts on
 * from process context or at boot, and never from an interrupt handler,
 * nothing can come between them.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/pci.h>
#include <asm/io.h>

#define PCI_CONF1_ADDRESS_PORT	0xcf8
#define PCI_CONF1_DATA_PORT	0xcfc

static void pci_conf1_select(unsigned int bus, unsigned int devfn, int where)
{
	outl(0x80000000U | (bus << 16) | (devfn << 8) | (where & 0xfc), PCI_CONF1_ADDRESS_PORT);
}

/* size bytes (1, 2 or 4) at where. Linux: pci_conf1_read() */
u32 pci_bus_read_config(unsigned int bus, unsigned int devfn, int where, int size)
{
	u16 port = PCI_CONF1_DATA_PORT + (where & 3);

	pci_conf1_select(bus, devfn, where);
	switch (size) {
	case 1:
		return inb(port);
	case 2:
		return inw(port);
	default:
		return inl(PCI_CONF1_DATA_PORT);
	}
}

/* Linux: pci_conf1_write() */
void pci_bus_write_config(unsigned int bus, unsigned int devfn, int where, int size, u32 val)
{
	u16 port = PCI_CONF1_DATA_PORT + (where & 3);

	pci_conf1_select(bus, devfn, where);
	switch (size) {
	case 1:
		outb((u8)val, port);
		break;
	case 2:
		outw((u16)val, port);
		break;
	default:
		outl(val, PCI_CONF1_DATA_PORT);
	}
}

int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val)
{
	*val = (u8)pci_bus_read_config(dev->bus, dev->devfn, where, 1);
	return 0;
}

int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val)
{
	*val = (u16)pci_bus_read_config(dev->bus, dev->devfn, where, 2);
	return 0;
}

int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val)
{
	*val = pci_bus_read_config(dev->bus, dev->devfn, where, 4);
	return 0;
}

int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val)
{
	pci_bus_write_config(dev->bus, dev->devfn, where, 1, val);
	return 0;
}

int pci_write_config_word(const struct pci_dev *dev, int where, u16 val)
{
	pci_bus_write_config(dev->bus, dev->devfn, where, 2, val);
	return 0;
}

int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val)
{
	pci_bus_write_config(dev->bus, dev->devfn, where, 4, val);
	return 0;
}
