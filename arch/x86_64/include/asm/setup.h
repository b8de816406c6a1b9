/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

/* boot_protocol: BOOT_PROTOCOL_* (asm/boot.h); boot_info_phys: its information */
void setup_arch(unsigned long boot_protocol, unsigned long boot_info_phys);
void start_kernel(unsigned long boot_protocol, unsigned long boot_info_phys);
void init_IRQ(void);

#endif
