/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_BOOT_H
#define _ASM_X86_BOOT_H

/*
 * Boot-protocol constants: Multiboot2 (GRUB's 'multiboot2' command) is how
 * Faultline is started; the version 1 magic is only recognised to refuse it.
 */
#define MULTIBOOT2_HEADER_MAGIC		0xe85250d6
#define MULTIBOOT2_BOOTLOADER_MAGIC	0x36d76289
#define MULTIBOOT1_HEADER_MAGIC		0x1badb002

/* Physical address the kernel image is loaded at (Linux: CONFIG_PHYSICAL_START). */
#define LOAD_PHYSICAL_ADDR		0x1000000

#endif
