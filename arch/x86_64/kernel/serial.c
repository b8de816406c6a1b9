// SPDX-License-Identifier: GPL-2.0
/*
 * The console: COM1, an 8250/16550 UART at I/O port 0x3f8, 115200 baud 8N1,
 * written by polling. Linux: drivers/tty/serial/8250/8250_early.c
 *
 *   port  register (DLAB=0)            register (DLAB=1)
 *   +0    THR transmit / RBR receive   DLL divisor low byte
 *   +1    IER interrupt enable         DLM divisor high byte
 *   +2    FCR FIFO control
 *   +3    LCR line control (bit 7 = DLAB)
 *   +4    MCR modem control
 *   +5    LSR line status (bit 5 = THR empty)
 *
 * The baud rate is 115200 / divisor.
 */
#include <asm/io.h>
#include <asm/serial.h>

#define COM1		0x3f8
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

void serial_init(void)
{
	outb(0x00, COM1 + UART_IER);		/* no interrupts (yet) */
	outb(UART_LCR_DLAB, COM1 + UART_LCR);
	outb(1, COM1 + UART_DLL);		/* divisor 1: 115200 baud */
	outb(0, COM1 + UART_DLM);
	outb(UART_LCR_8N1, COM1 + UART_LCR);
	outb(0xc7, COM1 + UART_FCR);		/* FIFOs on, cleared, 14-byte trigger */
	outb(0x0b, COM1 + UART_MCR);		/* DTR, RTS, OUT2 */
}

static void serial_putc(char c)
{
	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE))
		;
	outb((u8)c, COM1 + UART_THR);
}

/* A terminal wants "\r\n": a bare "\n" would only move the cursor down. */
void serial_write(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}
