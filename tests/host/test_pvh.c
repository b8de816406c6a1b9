// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86_64/kernel/pvh.c on crafted PVH start infos: a good one laid
 * out as QEMU's PVH option ROM lays it out, and the broken ones a bad
 * loader could hand over. "Physical memory" is a malloc'd buffer of
 * exactly PHYS_SIZE bytes that the map function hands out, so ASan sees
 * any read past it; a refusal must come with a message, never a crash.
 */
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <asm/boot.h>
#include <asm/bootinfo.h>
#include "tap.h"

#define PHYS_SIZE	0x10000
#define START_INFO	0x1000		/* where the pieces sit in "memory" */
#define MEMMAP		0x2000
#define CMDLINE		0x3000
#define MODLIST		0x4000
#define MOD_CMDLINE	0x5000

static uint8_t *phys;

static const void *test_map(u64 paddr, u64 len)
{
	if (!paddr || paddr > PHYS_SIZE || len > PHYS_SIZE - paddr)
		return NULL;
	return phys + paddr;
}

static void put32(u64 paddr, uint32_t v) { memcpy(phys + paddr, &v, 4); }
static void put64(u64 paddr, uint64_t v) { memcpy(phys + paddr, &v, 8); }

/* A start info as QEMU builds it: version 1, one module, a 2-entry map. */
static void build_good(void)
{
	memset(phys, 0, PHYS_SIZE);
	put32(START_INFO + 0, XEN_HVM_START_MAGIC_VALUE);
	put32(START_INFO + 4, 1);			/* version */
	put32(START_INFO + 12, 1);			/* nr_modules */
	put64(START_INFO + 16, MODLIST);
	put64(START_INFO + 24, CMDLINE);
	put64(START_INFO + 40, MEMMAP);
	put32(START_INFO + 48, 2);			/* memmap_entries */
	put64(MEMMAP + 0, 0);
	put64(MEMMAP + 8, 0x9fc00);
	put32(MEMMAP + 16, 1);
	put64(MEMMAP + 24, 0x100000);
	put64(MEMMAP + 32, 0x7ee0000);
	put32(MEMMAP + 40, 1);
	strcpy((char *)phys + CMDLINE, "ktest=all quiet");
	put64(MODLIST + 0, 0x7000000);			/* paddr */
	put64(MODLIST + 8, 0x80000);			/* size */
}

static struct boot_info bi;
static char err[160];

static int parse(void)
{
	return pvh_parse(START_INFO, test_map, &bi, err, sizeof(err));
}

/* Expect a refusal whose message contains why. */
static void expect_refusal(u64 start_info, const char *why)
{
	CHECK_EQ(-22, pvh_parse(start_info, test_map, &bi, err, sizeof(err)));
	if (!strstr(err, why)) {
		printf("#   message: %s\n#   want it to say: %s\n", err, why);
		tap_case_failed = 1;
	}
}

static void test_good(void)
{
	build_good();
	CHECK_EQ(0, parse());
	CHECK(!strcmp(bi.cmdline, "ktest=all quiet"));
	CHECK(!strcmp(bi.loader_name, "PVH direct boot (start info version 1)"));
	CHECK_EQ(START_INFO, bi.info_phys);
	CHECK_EQ(56, bi.info_size);
	CHECK_EQ(2, bi.e820.nr_entries);
	CHECK(bi.have_mmap);
	CHECK_EQ(0x100000, bi.e820.entries[1].addr);
	CHECK_EQ(0x7ee0000, bi.e820.entries[1].size);
	CHECK_EQ(1, bi.e820.entries[1].type);
	CHECK_EQ(1, bi.nr_modules);
	CHECK_EQ(0x7000000, bi.modules[0].start);
	CHECK_EQ(0x7080000, bi.modules[0].end);
	CHECK(!strcmp(bi.modules[0].cmdline, ""));
}

static void test_optional_fields(void)
{
	build_good();
	put64(START_INFO + 24, 0);			/* no command line */
	put32(START_INFO + 12, 0);			/* no modules ... */
	put64(START_INFO + 16, 0);			/* ... and no list */
	CHECK_EQ(0, parse());
	CHECK(!strcmp(bi.cmdline, ""));
	CHECK_EQ(0, bi.nr_modules);
	build_good();
	put64(MODLIST + 16, MOD_CMDLINE);
	strcpy((char *)phys + MOD_CMDLINE, "initrd.cpio");
	CHECK_EQ(0, parse());
	CHECK(!strcmp(bi.modules[0].cmdline, "initrd.cpio"));
}

static void test_bad_magic(void)
{
	build_good();
	put32(START_INFO, 0x36d76289);			/* multiboot2's, say */
	expect_refusal(START_INFO, "has magic 0x36d76289, not 0x336ec578");
}

static void test_unreadable_start_info(void)
{
	build_good();
	expect_refusal(0, "start info at 0x0 cannot be read");
	expect_refusal(PHYS_SIZE - 8, "cannot be read");	/* runs off the end */
}

static void test_no_memmap(void)
{
	build_good();
	put32(START_INFO + 48, 0);
	expect_refusal(START_INFO, "no memory map (PVH start info version 1, memmap_entries 0)");
	build_good();
	put64(START_INFO + 40, 0);
	expect_refusal(START_INFO, "no memory map");
	build_good();
	put32(START_INFO + 4, 0);			/* version 0: no such field */
	expect_refusal(START_INFO, "no memory map (PVH start info version 0");
}

static void test_memmap_out_of_memory(void)
{
	build_good();
	put64(START_INFO + 40, PHYS_SIZE - 24);		/* 2 entries, room for 1 */
	expect_refusal(START_INFO, "memory map at 0xffe8 (2 entries) cannot be read");
	build_good();
	put32(START_INFO + 48, 0xffffffff);		/* absurd count: capped */
	put64(START_INFO + 40, PHYS_SIZE - 24 * 8);
	expect_refusal(START_INFO, "cannot be read");
}

static void test_bad_modules(void)
{
	build_good();
	put64(START_INFO + 16, 0);			/* a module but no list */
	expect_refusal(START_INFO, "module list at 0x0 (1 modules) cannot be read");
	build_good();
	put64(MODLIST + 0, 0xfffffffffffff000ULL);
	put64(MODLIST + 8, 0x2000);			/* wraps around */
	expect_refusal(START_INFO, "past the end of memory");
}

static void test_unterminated_cmdline(void)
{
	build_good();
	memset(phys + PHYS_SIZE - 4, 'x', 4);		/* no NUL before the end */
	put64(START_INFO + 24, PHYS_SIZE - 4);
	CHECK_EQ(0, parse());
	CHECK(!strcmp(bi.cmdline, "xxxx"));
	build_good();
	put64(START_INFO + 24, PHYS_SIZE + 0x1000);	/* outside memory */
	expect_refusal(START_INFO, "command line at 0x11000 cannot be read");
	build_good();
	memset(phys + CMDLINE, 'y', 0x1000);		/* longer than the kernel keeps */
	CHECK_EQ(0, parse());
	CHECK_EQ(sizeof(bi.cmdline) - 1, strlen(bi.cmdline));
}

int main(void)
{
	phys = malloc(PHYS_SIZE);
	test_good();
	tap_result("pvh: a start info as QEMU builds it gives the command line, module and memory map");
	test_optional_fields();
	tap_result("pvh: a missing command line or module list is allowed; a module's name is read");
	test_bad_magic();
	tap_result("pvh: a bad magic is refused, naming the value found");
	test_unreadable_start_info();
	tap_result("pvh: a start info at 0 or running off memory is refused");
	test_no_memmap();
	tap_result("pvh: no memory map (0 entries, no address, version 0) is refused, saying so");
	test_memmap_out_of_memory();
	tap_result("pvh: a memory map that runs off memory is refused");
	test_bad_modules();
	tap_result("pvh: an unreadable module list or a module wrapping round memory is refused");
	test_unterminated_cmdline();
	tap_result("pvh: a command line stops at its NUL, the end of memory or the kernel's buffer");
	free(phys);
	return tap_done();
}
