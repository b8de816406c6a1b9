/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_BOOTINFO_H
#define _ASM_X86_BOOTINFO_H

#include <linux/types.h>
#include <linux/init.h>
#include <asm/e820.h>

/*
 * What the boot loader told the kernel, copied out of the multiboot2
 * information (Multiboot2 spec 3.6) so that nothing refers to the
 * loader's memory once the early page tables are gone.
 */
#define MAX_BOOT_MODULES	8

struct boot_module {
	u64 start, end;			/* physical, [start, end) */
	char cmdline[128];		/* as given to GRUB's 'module2' */
};

struct boot_info {
	u64 mbi_phys;			/* where the information block was */
	u32 mbi_size;
	char cmdline[COMMAND_LINE_SIZE];
	char loader_name[64];
	struct e820_table e820;
	bool have_mmap;			/* tag 6 was present */
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

#endif
