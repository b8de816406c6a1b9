/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_BOOTINFO_H
#define _ASM_X86_BOOTINFO_H

#include <linux/types.h>
#include <linux/init.h>
#include <asm/e820.h>

/*
 * What the boot loader told the kernel, copied out of its information
 * (multiboot2's tags, Multiboot2 spec 3.6, or PVH's struct
 * hvm_start_info) so that nothing refers to the loader's memory once the
 * early page tables are gone. Both parsers fill this one form; nothing
 * after setup_arch()'s read_boot_info() knows which loader it was.
 */
#define MAX_BOOT_MODULES	8

struct boot_module {
	u64 start, end;			/* physical, [start, end) */
	char cmdline[128];		/* GRUB's 'module2' name; "" under PVH */
};

struct boot_info {
	u64 info_phys;			/* where the loader's information was */
	u32 info_size;			/* (kept reserved: it is small) */
	char cmdline[COMMAND_LINE_SIZE];
	char loader_name[64];
	struct e820_table e820;
	bool have_mmap;			/* tag 6, or PVH's memmap, was present */
	u32 mem_lower_kb, mem_upper_kb;	/* tag 4, if present */
	bool have_meminfo;
	unsigned int nr_modules;
	struct boot_module modules[MAX_BOOT_MODULES];
};

extern struct boot_info boot_info;

/*
 * Parse the information block at mbi (size bytes readable). Returns 0, or
 * -EINVAL with a sentence for the console in err.
 */
int multiboot2_parse(const void *mbi, size_t size, struct boot_info *bi,
		     char *err, size_t errlen);

/*
 * The loader's data is reached through a boot_map_fn: a pointer to the
 * bytes [paddr, paddr + len), or NULL when they cannot be read. In the
 * kernel that is head.S's direct map of the first 4 GiB; in the host
 * tests, a buffer standing for physical memory.
 */
typedef const void *(*boot_map_fn)(u64 paddr, u64 len);

/*
 * Parse the PVH start info at start_info_paddr. Returns 0, or -EINVAL
 * with a sentence for the console in err.
 */
int pvh_parse(u64 start_info_paddr, boot_map_fn map, struct boot_info *bi,
	      char *err, size_t errlen);

#endif
