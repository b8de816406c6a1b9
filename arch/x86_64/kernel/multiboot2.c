// SPDX-License-Identifier: GPL-2.0
/*
 * Reading GRUB's multiboot2 boot information (Multiboot2 spec 3.6).
 * No Linux counterpart: Linux reads its own boot protocol (boot_params).
 *
 * The block is a u32 total size, a reserved u32, then tags, each 8-byte
 * aligned, until an end tag (type 0, size 8):
 *
 *   +0  u32 type   +4  u32 size (of this tag, header included)   +8  data
 *
 * Tags used: 1 command line, 2 boot-loader name, 3 module, 4 basic memory
 * information, 6 memory map (u32 entry_size, u32 entry_version, then
 * entries of { u64 base, u64 length, u32 type, u32 reserved }).
 *
 * Everything is checked against the block's size: a malformed block is
 * refused with a message, never read past.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <asm/bootinfo.h>

#define MB2_TAG_END		0
#define MB2_TAG_CMDLINE		1
#define MB2_TAG_LOADER_NAME	2
#define MB2_TAG_MODULE		3
#define MB2_TAG_BASIC_MEMINFO	4
#define MB2_TAG_MMAP		6

#define MB2_MAX_SIZE		(1U << 20)

struct mb2_tag {
	u32 type;
	u32 size;
};

struct mb2_mmap_entry {
	u64 base;
	u64 length;
	u32 type;
	u32 reserved;
};

static u32 read_u32(const u8 *p)
{
	u32 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static u64 read_u64(const u8 *p)
{
	u64 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* Copy a string field of a tag, stopping at its NUL or the tag's end. */
static void copy_tag_string(char *dst, size_t dstlen, const u8 *src, size_t srclen)
{
	size_t n = strnlen((const char *)src, srclen);

	if (n >= dstlen)
		n = dstlen - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static int parse_mmap(const u8 *data, u32 len, struct boot_info *bi, char *err,
		      size_t errlen)
{
	u32 entry_size, i;

	if (len < 8) {
		scnprintf(err, errlen, "memory-map tag too short (%u bytes)", len);
		return -EINVAL;
	}
	entry_size = read_u32(data);
	if (entry_size < sizeof(struct mb2_mmap_entry) || entry_size % 8) {
		scnprintf(err, errlen, "memory-map entry size %u is invalid (want >= %zu, "
			  "a multiple of 8)", entry_size, sizeof(struct mb2_mmap_entry));
		return -EINVAL;
	}
	for (i = 8; i + entry_size <= len; i += entry_size) {
		struct e820_entry *e;

		if (bi->e820.nr_entries == E820_MAX_ENTRIES)
			break;
		e = &bi->e820.entries[bi->e820.nr_entries++];
		e->addr = read_u64(data + i);
		e->size = read_u64(data + i + 8);
		e->type = read_u32(data + i + 16);
	}
	bi->have_mmap = true;
	return 0;
}

static void parse_module(const u8 *data, u32 len, struct boot_info *bi)
{
	struct boot_module *m;

	if (len < 8 || bi->nr_modules == MAX_BOOT_MODULES)
		return;
	m = &bi->modules[bi->nr_modules++];
	m->start = read_u32(data);
	m->end = read_u32(data + 4);
	copy_tag_string(m->cmdline, sizeof(m->cmdline), data + 8, len - 8);
}

static int parse_tag(u32 type, const u8 *data, u32 len, struct boot_info *bi,
		     char *err, size_t errlen)
{
	switch (type) {
	case MB2_TAG_CMDLINE:
		copy_tag_string(bi->cmdline, sizeof(bi->cmdline), data, len);
		return 0;
	case MB2_TAG_LOADER_NAME:
		copy_tag_string(bi->loader_name, sizeof(bi->loader_name), data, len);
		return 0;
	case MB2_TAG_MODULE:
		parse_module(data, len, bi);
		return 0;
	case MB2_TAG_BASIC_MEMINFO:
		if (len >= 8) {
			bi->mem_lower_kb = read_u32(data);
			bi->mem_upper_kb = read_u32(data + 4);
			bi->have_meminfo = true;
		}
		return 0;
	case MB2_TAG_MMAP:
		return parse_mmap(data, len, bi, err, errlen);
	default:
		return 0;	/* tags Faultline does not need */
	}
}

int multiboot2_parse(const void *mbi, size_t size, struct boot_info *bi,
		     char *err, size_t errlen)
{
	const u8 *base = mbi;
	u32 total, off;

	memset(bi, 0, sizeof(*bi));
	if (size < 8 || (total = read_u32(base)) < 16 || total > size ||
	    total > MB2_MAX_SIZE) {
		scnprintf(err, errlen, "boot information size %u is invalid",
			  size < 8 ? 0 : read_u32(base));
		return -EINVAL;
	}
	bi->info_size = total;
	for (off = 8; off + sizeof(struct mb2_tag) <= total; off = ALIGN(off + read_u32(base + off + 4), 8)) {
		u32 type = read_u32(base + off), tsize = read_u32(base + off + 4);

		if (tsize < sizeof(struct mb2_tag) || tsize > total - off) {
			scnprintf(err, errlen, "tag %u at offset %u has size %u, "
				  "beyond the block's %u bytes", type, off, tsize, total);
			return -EINVAL;
		}
		if (type == MB2_TAG_END)
			goto check;
		if (parse_tag(type, base + off + 8, tsize - 8, bi, err, errlen))
			return -EINVAL;
	}
	scnprintf(err, errlen, "no end tag within the block's %u bytes", total);
	return -EINVAL;
check:
	if (!bi->have_mmap || !bi->e820.nr_entries) {
		scnprintf(err, errlen, "the boot loader passed no memory map "
			  "(multiboot2 tag 6)");
		return -EINVAL;
	}
	return 0;
}

const char *e820_type_name(u32 type)
{
	switch (type) {
	case E820_TYPE_RAM:
		return "usable";
	case E820_TYPE_RESERVED:
		return "reserved";
	case E820_TYPE_ACPI:
		return "ACPI data";
	case E820_TYPE_NVS:
		return "ACPI NVS";
	case E820_TYPE_UNUSABLE:
		return "unusable";
	case E820_TYPE_PMEM:
		return "persistent (type 7)";
	default:
		return "type ?";
	}
}
