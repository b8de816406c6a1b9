// SPDX-License-Identifier: GPL-2.0
/*
 * Reading the PVH start info (the x86/HVM direct boot ABI) into the same
 * struct boot_info that the multiboot2 path fills. QEMU's -kernel loads
 * the ELF, finds the XEN_ELFNOTE_PHYS32_ENTRY note (head.S) and enters
 * pvh_start_xen with %ebx = the physical address of this structure
 * (Xen's public arch-x86/hvm/start_info.h; every field little-endian):
 *
 *    0 +----------------+
 *      | magic          | 0x336ec578
 *    4 | version        | 1 and later have the memory map
 *    8 | flags          | SIF_*: nothing Faultline uses
 *   12 | nr_modules     |
 *   16 | modlist_paddr  | -> nr_modules x struct hvm_modlist_entry
 *   24 | cmdline_paddr  | -> NUL-terminated command line
 *   32 | rsdp_paddr     | ACPI's RSDP: not used
 *   40 | memmap_paddr   | -> memmap_entries x struct hvm_memmap_table_entry
 *   48 | memmap_entries |
 *   52 | reserved       |
 *   56 +----------------+
 *
 * A zero address means "not given". Nothing here is trusted: every
 * pointer goes through the caller's map function, which refuses what
 * cannot be read, and every refusal says what was wrong.
 *
 * Linux: arch/x86/platform/pvh/enlighten.c init_pvh_bootparams(), which
 * likewise turns the start info into the native form (boot_params).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <asm/boot.h>
#include <asm/bootinfo.h>

struct hvm_start_info {
	u32 magic;
	u32 version;
	u32 flags;
	u32 nr_modules;
	u64 modlist_paddr;
	u64 cmdline_paddr;
	u64 rsdp_paddr;
	u64 memmap_paddr;		/* version >= 1 */
	u32 memmap_entries;		/* version >= 1; 0 = no map */
	u32 reserved;
};

struct hvm_modlist_entry {
	u64 paddr;
	u64 size;			/* bytes */
	u64 cmdline_paddr;
	u64 reserved;
};

/* The type numbers are e820's: 1 RAM, 2 reserved, 3 ACPI, ... */
struct hvm_memmap_table_entry {
	u64 addr;
	u64 size;			/* bytes */
	u32 type;
	u32 reserved;
};

/*
 * Copy the NUL-terminated string at paddr, byte by byte, so that a string
 * running into unreadable memory stops there. A string whose first byte
 * cannot be read is an error.
 */
static int copy_boot_string(char *dst, size_t dstlen, u64 paddr, boot_map_fn map)
{
	size_t n;

	for (n = 0; n + 1 < dstlen; n++) {
		const char *c = map(paddr + n, 1);

		if (!c) {
			if (!n)
				return -EINVAL;
			break;
		}
		if (!*c)
			break;
		dst[n] = *c;
	}
	dst[n] = '\0';
	return 0;
}

static int pvh_parse_memmap(const struct hvm_start_info *si, boot_map_fn map,
			    struct boot_info *bi, char *err, size_t errlen)
{
	const struct hvm_memmap_table_entry *table;
	u32 n = min_t(u32, si->memmap_entries, E820_MAX_ENTRIES);

	if (si->version < 1 || !si->memmap_paddr || !si->memmap_entries) {
		scnprintf(err, errlen, "the boot loader passed no memory map "
			  "(PVH start info version %u, memmap_entries %u)",
			  si->version, si->version < 1 ? 0 : si->memmap_entries);
		return -EINVAL;
	}
	table = map(si->memmap_paddr, (u64)n * sizeof(*table));
	if (!table) {
		scnprintf(err, errlen, "the PVH memory map at %#llx (%u entries) "
			  "cannot be read", (unsigned long long)si->memmap_paddr, n);
		return -EINVAL;
	}
	for (u32 i = 0; i < n; i++) {
		struct e820_entry *e = &bi->e820.entries[i];
		struct hvm_memmap_table_entry entry;

		memcpy(&entry, &table[i], sizeof(entry));	/* may be unaligned */
		e->addr = entry.addr;
		e->size = entry.size;
		e->type = entry.type;
	}
	bi->e820.nr_entries = n;
	bi->have_mmap = true;
	return 0;
}

static int pvh_parse_modules(const struct hvm_start_info *si, boot_map_fn map,
			     struct boot_info *bi, char *err, size_t errlen)
{
	const struct hvm_modlist_entry *list;
	u32 n = min_t(u32, si->nr_modules, MAX_BOOT_MODULES);

	if (!n)
		return 0;
	list = map(si->modlist_paddr, (u64)n * sizeof(*list));
	if (!si->modlist_paddr || !list) {
		scnprintf(err, errlen, "the PVH module list at %#llx (%u modules) "
			  "cannot be read", (unsigned long long)si->modlist_paddr, n);
		return -EINVAL;
	}
	for (u32 i = 0; i < n; i++) {
		struct boot_module *m = &bi->modules[i];
		struct hvm_modlist_entry entry;

		memcpy(&entry, &list[i], sizeof(entry));	/* may be unaligned */
		if (entry.size > ~0ULL - entry.paddr) {
			scnprintf(err, errlen, "PVH module %u at %#llx has size %#llx, "
				  "past the end of memory", i,
				  (unsigned long long)entry.paddr,
				  (unsigned long long)entry.size);
			return -EINVAL;
		}
		m->start = entry.paddr;
		m->end = entry.paddr + entry.size;
		if (entry.cmdline_paddr &&
		    copy_boot_string(m->cmdline, sizeof(m->cmdline),
				     entry.cmdline_paddr, map))
			m->cmdline[0] = '\0';
	}
	bi->nr_modules = n;
	return 0;
}

int pvh_parse(u64 start_info_paddr, boot_map_fn map, struct boot_info *bi,
	      char *err, size_t errlen)
{
	const void *mapped = map(start_info_paddr, sizeof(struct hvm_start_info));
	struct hvm_start_info start_info, *si = &start_info;

	memset(bi, 0, sizeof(*bi));
	if (!mapped) {
		scnprintf(err, errlen, "the PVH start info at %#llx cannot be read",
			  (unsigned long long)start_info_paddr);
		return -EINVAL;
	}
	memcpy(si, mapped, sizeof(*si));		/* may be unaligned */
	if (si->magic != XEN_HVM_START_MAGIC_VALUE) {
		scnprintf(err, errlen, "the PVH start info at %#llx has magic %#x, "
			  "not %#x", (unsigned long long)start_info_paddr, si->magic,
			  XEN_HVM_START_MAGIC_VALUE);
		return -EINVAL;
	}
	bi->info_phys = start_info_paddr;
	bi->info_size = sizeof(*si);
	scnprintf(bi->loader_name, sizeof(bi->loader_name),
		  "PVH direct boot (start info version %u)", si->version);
	if (si->cmdline_paddr &&
	    copy_boot_string(bi->cmdline, sizeof(bi->cmdline), si->cmdline_paddr, map)) {
		scnprintf(err, errlen, "the PVH command line at %#llx cannot be read",
			  (unsigned long long)si->cmdline_paddr);
		return -EINVAL;
	}
	if (pvh_parse_modules(si, map, bi, err, errlen))
		return -EINVAL;
	return pvh_parse_memmap(si, map, bi, err, errlen);
}
