/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

void setup_arch(unsigned long mbi_phys);
void start_kernel(unsigned long mbi_phys);
void init_IRQ(void);

#endif
