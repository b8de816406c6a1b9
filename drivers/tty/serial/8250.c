// SPDX-License-Identifier: GPL-2.0
/*
 * The serial terminals ttyS0 and ttyS1: a tty on each 8250 UART. Input
 * arrives by interrupt (IRQ 4 for COM1, IRQ 3 for COM2) and goes to the
 * line discipline; output is written by polling, as the kernel log is.
 * Linux: drivers/tty/serial/8250/8250_core.c, 8250_port.c
 */
#include <linux/kernel.h>
#include <linux/tty.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/serial.h>

#define UART_RBR	0
#define UART_IER	1
#define UART_LSR	5
#define UART_SCR	7	/* scratch: holds what is written, if a UART is there */
#define UART_IER_RDI	0x01	/* interrupt when data arrives */
#define UART_LSR_DR	0x01	/* data ready */

static const unsigned int serial_irqs[NR_SERIAL_PORTS] = { 4, 3 };
static struct tty_struct serial_ttys[NR_SERIAL_PORTS];

static int serial8250_write(struct tty_struct *tty, const unsigned char *buf, int count)
{
	int port = tty->index;

	for (int i = 0; i < count; i++)
		serial_putc_port(port, (char)buf[i]);
	return count;
}

static const struct tty_operations serial8250_ops = {
	.write = serial8250_write,
};

/* Everything the UART has received goes to the line discipline. */
static irqreturn_t serial8250_interrupt(int irq, void *dev_id)
{
	struct tty_struct *tty = dev_id;
	unsigned short base = serial_ports[tty->index];

	(void)irq;
	/* The UART may raise the line again after we emptied it: not an error. */
	while (inb(base + UART_LSR) & UART_LSR_DR)
		n_tty_receive_char(tty, inb(base + UART_RBR));
	return IRQ_HANDLED;
}

/* Is there a UART at base? Linux: autoconfig() checks the scratch register too. */
static bool serial8250_present(unsigned short base)
{
	outb(0xa5, base + UART_SCR);
	if (inb(base + UART_SCR) != 0xa5)
		return false;
	outb(0x5a, base + UART_SCR);
	return inb(base + UART_SCR) == 0x5a;
}

void serial8250_init(void)
{
	int found = 0;

	for (int i = 0; i < NR_SERIAL_PORTS; i++) {
		struct tty_struct *tty = &serial_ttys[i];

		if (!serial8250_present(serial_ports[i]))
			continue;
		found++;
		tty->index = i;
		snprintf(tty->name, sizeof(tty->name), "ttyS%d", i);
		tty->ops = &serial8250_ops;
		tty_register(tty);
		/* Bytes that arrived already are typed-ahead input: the first interrupt takes them. */
		if (request_irq(serial_irqs[i], serial8250_interrupt, 0, tty->name, tty))
			pr_err("serial8250: IRQ %u busy, %s gets no input\n", serial_irqs[i],
			       tty->name);
		else
			outb(UART_IER_RDI, serial_ports[i] + UART_IER);
	}
	pr_info("Serial: 8250/16550 driver, %d ports, IRQ sharing disabled\n", found);
}
