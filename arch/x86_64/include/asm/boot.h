/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_BOOT_H
#define _ASM_X86_BOOT_H

/*
 * Boot-protocol constants. Faultline is started one of two ways:
 * Multiboot2 (GRUB's 'multiboot2' command: make run) or the x86/HVM
 * direct boot ABI, "PVH" (QEMU's -kernel ELF: scripts/boot's default).
 * head.S passes which one to x86_64_start_kernel() as BOOT_PROTOCOL_*.
 */
#define MULTIBOOT2_HEADER_MAGIC		0xe85250d6
#define MULTIBOOT2_BOOTLOADER_MAGIC	0x36d76289

/* Xen's public elfnote.h: the note giving the 32-bit physical entry. */
#define XEN_ELFNOTE_PHYS32_ENTRY	18
/* Xen's public arch-x86/hvm/start_info.h: "xEn3" with 0x80 on the 'E'. */
#define XEN_HVM_START_MAGIC_VALUE	0x336ec578

#define BOOT_PROTOCOL_MULTIBOOT2	1
#define BOOT_PROTOCOL_PVH		2

/* Physical address the kernel image is loaded at (Linux: CONFIG_PHYSICAL_START). */
#define LOAD_PHYSICAL_ADDR		0x1000000

#endif
