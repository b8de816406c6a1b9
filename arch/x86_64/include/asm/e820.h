/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_E820_H
#define _ASM_X86_E820_H

#include <linux/types.h>

/*
 * The firmware's physical memory map (BIOS INT 15h, AX=E820h), which GRUB
 * passes on in the multiboot2 memory-map tag, and QEMU in PVH's memmap,
 * with the same type numbers.
 * Linux: arch/x86/include/asm/e820/types.h
 */
enum e820_type {
	E820_TYPE_RAM = 1,
	E820_TYPE_RESERVED = 2,
	E820_TYPE_ACPI = 3,
	E820_TYPE_NVS = 4,
	E820_TYPE_UNUSABLE = 5,
	E820_TYPE_PMEM = 7,
};

#define E820_MAX_ENTRIES	128

struct e820_entry {
	u64 addr;
	u64 size;
	u32 type;
};

struct e820_table {
	u32 nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

const char *e820_type_name(u32 type);

#endif
