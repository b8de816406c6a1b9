/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SERIAL_H
#define _ASM_X86_SERIAL_H

#include <linux/types.h>

void serial_init(void);
void serial_write(const char *s, size_t len);

#endif
