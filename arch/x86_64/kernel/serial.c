// SPDX-License-Identifier: GPL-2.0
/*
 * The 8250/16550 UARTs at COM1 (0x3f8) and COM2 (0x2f8): set-up and
 * polled output for the kernel log and the terminals. Linux:
 * drivers/tty/serial/8250/8250_early.c, 8250_port.c
 *
 *   port  register (DLAB=0)            register (DLAB=1)
 *   +0    THR transmit / RBR receive   DLL divisor low byte
 *   +1    IER interrupt enable         DLM divisor high byte
 *   +2    FCR FIFO control
 *   +3    LCR line control (bit 7 = DLAB)
 *   +4    MCR modem control (OUT2 lets the UART interrupt through)
 *   +5    LSR line status (bit 0 = data ready, bit 5 = THR empty)
 *
 * The baud rate is 115200 / divisor. The kernel log goes to the console
 * port: ttyS0 unless the command line says console=ttyS1.
 */
#include <linux/init.h>
#include <linux/string.h>
#include <asm/io.h>
#include <asm/serial.h>

#define UART_THR	0
#define UART_DLL	0
#define UART_IER	1
#define UART_DLM	1
#define UART_FCR	2
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define UART_LCR_DLAB	0x80
#define UART_LCR_8N1	0x03
#define UART_LSR_THRE	0x20

const unsigned short serial_ports[NR_SERIAL_PORTS] = { 0x3f8, 0x2f8 };
static int console_port;

int serial_console_index(void)
{
	return console_port;
}

static void serial_init_port(unsigned short base)
{
	outb(0x00, base + UART_IER);		/* no interrupts until a tty asks */
	outb(UART_LCR_DLAB, base + UART_LCR);
	outb(1, base + UART_DLL);		/* divisor 1: 115200 baud */
	outb(0, base + UART_DLM);
	outb(UART_LCR_8N1, base + UART_LCR);
	/* FIFOs on, 14-byte trigger; not cleared: keys typed while booting stay. */
	outb(0xc1, base + UART_FCR);
	outb(0x0b, base + UART_MCR);		/* DTR, RTS, OUT2 */
}

void serial_init(void)
{
	for (int i = 0; i < NR_SERIAL_PORTS; i++)
		serial_init_port(serial_ports[i]);
}

/* console=ttyS<n>: the kernel log and /dev/console on port n. */
static int __init console_setup(char *str)
{
	if (!strncmp(str, "ttyS", 4) && str[4] >= '0' && str[4] < '0' + NR_SERIAL_PORTS)
		console_port = str[4] - '0';
	return 0;
}
early_param("console", console_setup);

void serial_putc_port(int port, char c)
{
	unsigned short base = serial_ports[port];

	while (!(inb(base + UART_LSR) & UART_LSR_THRE))
		;
	outb((u8)c, base + UART_THR);
}

/* The kernel log: a terminal wants "\r\n", a bare "\n" would only move down. */
void serial_write(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			serial_putc_port(console_port, '\r');
		serial_putc_port(console_port, s[i]);
	}
}
