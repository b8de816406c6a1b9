// SPDX-License-Identifier: GPL-2.0
/*
 * The first C code: called by head.S in long mode at the kernel's linked
 * address, on init_stack, with the early page tables still loaded, and
 * told which loader started the kernel (BOOT_PROTOCOL_*) and where its
 * information is.
 * Linux: arch/x86/kernel/head64.c x86_64_start_kernel()
 */
#include <linux/kernel.h>
#include <asm/processor.h>
#include <asm/serial.h>
#include <asm/setup.h>

extern u64 boot_tsc;

void x86_64_start_kernel(unsigned long boot_protocol, unsigned long boot_info_phys)
{
	boot_tsc = rdtsc();
	serial_init();
	start_kernel(boot_protocol, boot_info_phys);
}
