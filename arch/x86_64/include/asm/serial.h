/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SERIAL_H
#define _ASM_X86_SERIAL_H

#include <linux/types.h>

/* The PC's two serial ports, COM1 and COM2 (ttyS0, ttyS1). */
#define NR_SERIAL_PORTS	2
extern const unsigned short serial_ports[NR_SERIAL_PORTS];

void serial_init(void);
void serial_write(const char *s, size_t len);
void serial_putc_port(int port, char c);
int serial_console_index(void);

#endif
