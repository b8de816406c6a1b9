// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86_64/kernel/multiboot2.c on crafted boot-information blocks: a
 * good one as GRUB builds it, and the broken ones a bad loader (or a bad
 * test) could hand over. A broken block is refused with a message; the
 * parser never reads past the block (ASan would say so).
 */
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <asm/bootinfo.h>
#include "tap.h"

struct blob {
	uint8_t *data;
	size_t len;
};

static void put(struct blob *b, const void *p, size_t n)
{
	b->data = realloc(b->data, b->len + n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

static void put32(struct blob *b, uint32_t v) { put(b, &v, 4); }
static void put64(struct blob *b, uint64_t v) { put(b, &v, 8); }

static void pad8(struct blob *b)
{
	static const uint8_t zero[8];

	put(b, zero, (8 - b->len % 8) % 8);
}

static void tag_string(struct blob *b, uint32_t type, const char *s)
{
	put32(b, type);
	put32(b, 8 + (uint32_t)strlen(s) + 1);
	put(b, s, strlen(s) + 1);
	pad8(b);
}

static void tag_mmap(struct blob *b, int entries)
{
	put32(b, 6);
	put32(b, 16 + 24 * entries);
	put32(b, 24);
	put32(b, 0);
	for (int i = 0; i < entries; i++) {
		put64(b, i == 0 ? 0 : 0x100000);
		put64(b, i == 0 ? 0x9fc00 : 0x7ee0000);
		put32(b, 1);
		put32(b, 0);
	}
	pad8(b);
}

static void tag_module(struct blob *b, uint32_t start, uint32_t end, const char *s)
{
	put32(b, 3);
	put32(b, 16 + (uint32_t)strlen(s) + 1);
	put32(b, start);
	put32(b, end);
	put(b, s, strlen(s) + 1);
	pad8(b);
}

static void tag_end(struct blob *b)
{
	put32(b, 0);
	put32(b, 8);
}

/* Start a block; finish() fills in total_size. */
static struct blob start(void)
{
	struct blob b = { NULL, 0 };

	put32(&b, 0);
	put32(&b, 0);
	return b;
}

static void finish(struct blob *b)
{
	uint32_t total = (uint32_t)b->len;

	memcpy(b->data, &total, 4);
}

/* Parse a copy of exactly the block's bytes, so ASan sees any over-read. */
static int parse(struct blob *b, struct boot_info *bi, char *err)
{
	uint8_t *copy = malloc(b->len);
	int r;

	memcpy(copy, b->data, b->len);
	r = multiboot2_parse(copy, b->len, bi, err, 160);
	free(copy);
	free(b->data);
	return r;
}

static struct boot_info bi;
static char err[160];

static void test_good_block(void)
{
	struct blob b = start();

	tag_string(&b, 1, "ktest=all quiet");
	tag_string(&b, 2, "GRUB 2.06");
	tag_module(&b, 0x200000, 0x280000, "initramfs.cpio");
	tag_mmap(&b, 2);
	tag_end(&b);
	finish(&b);
	CHECK_EQ(0, parse(&b, &bi, err));
	CHECK(!strcmp(bi.cmdline, "ktest=all quiet"));
	CHECK(!strcmp(bi.loader_name, "GRUB 2.06"));
	CHECK_EQ(2, bi.e820.nr_entries);
	CHECK_EQ(0x100000, bi.e820.entries[1].addr);
	CHECK_EQ(0x7ee0000, bi.e820.entries[1].size);
	CHECK_EQ(1, bi.nr_modules);
	CHECK_EQ(0x280000, bi.modules[0].end);
	CHECK(!strcmp(bi.modules[0].cmdline, "initramfs.cpio"));
}

/* Parse b and expect a refusal whose message contains why. */
static void expect_refusal(struct blob *b, const char *why)
{
	CHECK_EQ(-22, parse(b, &bi, err));
	if (!strstr(err, why)) {
		printf("#   message: %s\n#   want it to say: %s\n", err, why);
		tap_case_failed = 1;
	}
}

static void test_no_mmap(void)
{
	struct blob b = start();

	tag_string(&b, 1, "x");
	tag_end(&b);
	finish(&b);
	expect_refusal(&b, "no memory map (multiboot2 tag 6)");
}

static void test_tag_past_end(void)
{
	struct blob b = start();

	tag_mmap(&b, 1);
	put32(&b, 1);
	put32(&b, 4096);		/* a tag far longer than the block */
	finish(&b);
	expect_refusal(&b, "beyond the block");
}

static void test_no_end_tag(void)
{
	struct blob b = start();

	tag_mmap(&b, 1);
	finish(&b);
	expect_refusal(&b, "no end tag");
}

static void test_bad_entry_size(void)
{
	struct blob b = start();

	put32(&b, 6);
	put32(&b, 16);
	put32(&b, 7);			/* entry size 7: nonsense */
	put32(&b, 0);
	tag_end(&b);
	finish(&b);
	expect_refusal(&b, "entry size 7 is invalid");
}

static void test_bad_total_size(void)
{
	struct blob b = start();

	finish(&b);
	b.data[0] = 4;			/* total size below the header itself */
	expect_refusal(&b, "boot information size");
	b = start();
	put32(&b, 0);
	finish(&b);
	memcpy(b.data, &(uint32_t){ 1u << 30 }, 4);	/* claims 1 GiB */
	expect_refusal(&b, "boot information size");
}

static void test_unterminated_string(void)
{
	struct blob b = start();

	tag_string(&b, 1, "");
	put32(&b, 1);			/* a command line without its NUL */
	put32(&b, 12);
	put(&b, "abcd", 4);
	pad8(&b);
	tag_mmap(&b, 1);
	tag_end(&b);
	finish(&b);
	CHECK_EQ(0, parse(&b, &bi, err));
	CHECK(!strcmp(bi.cmdline, "abcd"));
}

int main(void)
{
	test_good_block();
	tap_result("multiboot2: a block as GRUB builds it gives the command line, loader, modules and memory map");
	test_no_mmap();
	tap_result("multiboot2: a block without a memory map is refused, saying so");
	test_tag_past_end();
	tap_result("multiboot2: a tag running past the end of the block is refused");
	test_no_end_tag();
	tap_result("multiboot2: a block without an end tag is refused");
	test_bad_entry_size();
	tap_result("multiboot2: a memory map with a nonsense entry size is refused");
	test_bad_total_size();
	tap_result("multiboot2: impossible total sizes are refused");
	test_unterminated_string();
	tap_result("multiboot2: a string without its NUL stops at the tag's end");
	return tap_done();
}
