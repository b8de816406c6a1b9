// SPDX-License-Identifier: GPL-2.0
/*
 * The two cascaded 8259A interrupt controllers of the PC: 16 IRQ lines,
 * remapped to vectors 0x20-0x2f (their power-on vectors 0x08-0x0f collide
 * with CPU exceptions). Linux: arch/x86/kernel/i8259.c
 *
 *   master: command 0x20, data (IMR) 0x21, IRQ 0-7, slave on line 2
 *   slave:  command 0xa0, data (IMR) 0xa1, IRQ 8-15
 *
 * A set bit in an IMR masks that line. Every line starts masked; a driver
 * unmasks its own through request_irq().
 */
#include <linux/kernel.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/traps.h>

#define PIC_MASTER_CMD	0x20
#define PIC_MASTER_IMR	0x21
#define PIC_SLAVE_CMD	0xa0
#define PIC_SLAVE_IMR	0xa1
#define PIC_CASCADE_IR	2
#define PIC_EOI		0x20
#define PIC_READ_ISR	0x0b

static u16 cached_irq_mask = 0xffff;

static void write_masks(void)
{
	outb(cached_irq_mask & 0xff, PIC_MASTER_IMR);
	outb(cached_irq_mask >> 8, PIC_SLAVE_IMR);
}

void init_8259A(void)
{
	outb(0xff, PIC_MASTER_IMR);
	outb(0xff, PIC_SLAVE_IMR);

	outb(0x11, PIC_MASTER_CMD);	/* ICW1: edge, cascade, ICW4 follows */
	io_delay();
	outb(FIRST_EXTERNAL_VECTOR, PIC_MASTER_IMR);	/* ICW2: vector base */
	io_delay();
	outb(1U << PIC_CASCADE_IR, PIC_MASTER_IMR);	/* ICW3: slave on IR2 */
	io_delay();
	outb(0x01, PIC_MASTER_IMR);	/* ICW4: 8086 mode, normal EOI */
	io_delay();

	outb(0x11, PIC_SLAVE_CMD);
	io_delay();
	outb(FIRST_EXTERNAL_VECTOR + 8, PIC_SLAVE_IMR);
	io_delay();
	outb(PIC_CASCADE_IR, PIC_SLAVE_IMR);	/* ICW3: our line on the master */
	io_delay();
	outb(0x01, PIC_SLAVE_IMR);
	io_delay();

	cached_irq_mask = 0xffff & ~(1U << PIC_CASCADE_IR);
	write_masks();
}

void enable_8259A_irq(unsigned int irq)
{
	cached_irq_mask &= ~(1U << irq);
	write_masks();
}

void disable_8259A_irq(unsigned int irq)
{
	cached_irq_mask |= 1U << irq;
	write_masks();
}

void eoi_8259A(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC_EOI, PIC_SLAVE_CMD);
	outb(PIC_EOI, PIC_MASTER_CMD);
}

/*
 * IRQ 7 and 15 also arrive when a line dropped before the CPU took the
 * interrupt; the in-service register then shows nothing, and no EOI is
 * due (except to the master for the slave's cascade). Linux:
 * i8259A_irq_real()
 */
bool spurious_8259A_irq(unsigned int irq)
{
	u16 port = irq < 8 ? PIC_MASTER_CMD : PIC_SLAVE_CMD;
	u8 isr;

	if (irq != 7 && irq != 15)
		return false;
	outb(PIC_READ_ISR, port);
	isr = inb(port);
	if (isr & 0x80)
		return false;
	if (irq == 15)
		outb(PIC_EOI, PIC_MASTER_CMD);
	return true;
}
