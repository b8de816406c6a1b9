// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for copy_to_user and friends (arch/x86_64/lib/usercopy.c): bad,
 * kernel, non-canonical and read-only addresses give -EFAULT or a short
 * count, never an oops; a copy that runs off a mapping stops exactly
 * there; each size of get_user/put_user round-trips.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mman.h>
#include <linux/ktest_mm.h>
#include <asm/uaccess.h>

#define P	PAGE_SIZE

KTEST(uaccess, bad_pointers, "kernel, non-canonical, unmapped and read-only user pointers fail cleanly")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long ro = vm_mmap(NULL, 0, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	char buf[16];
	u64 v = 99;

	KT_ASSERT_TRUE(t, mm);
	memset(buf, 'k', sizeof(buf));
	KT_EXPECT_EQ(t, 16, copy_from_user(buf, (void *)buf, 16));	/* a kernel pointer */
	KT_EXPECT_EQ(t, 0, buf[0]);					/* zeroed */
	KT_EXPECT_EQ(t, 16, copy_to_user((void *)0xffff888000001000UL, buf, 16));
	KT_EXPECT_EQ(t, 16, copy_from_user(buf, (void *)0x0000800000000000UL, 16));
	KT_EXPECT_EQ(t, 16, copy_from_user(buf, (void *)0x7ffffffff000UL - 8, 16));
	KT_EXPECT_EQ(t, -EFAULT, get_user(v, (u64 *)0x1000));		/* unmapped */
	KT_EXPECT_EQ(t, 0, v);
	KT_EXPECT_EQ(t, -EFAULT, put_user(1, (int *)ro));		/* read-only */
	KT_EXPECT_EQ(t, 0, get_user(v, (u64 *)ro));			/* but readable */
	KT_EXPECT_EQ(t, -EFAULT, strncpy_from_user(buf, (char *)0x2000, 8));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(uaccess, partial, "a copy running off the end of a mapping copies exactly the bytes before the end")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0x40000000, P, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
	char buf[20];

	KT_ASSERT_TRUE(t, mm);
	KT_EXPECT_EQ(t, 0, copy_to_user((void *)(a + P - 10), "0123456789", 10));
	memset(buf, 'z', sizeof(buf));
	KT_EXPECT_EQ(t, 10, copy_from_user(buf, (void *)(a + P - 10), 20));
	KT_EXPECT_TRUE(t, !memcmp(buf, "0123456789", 10));
	KT_EXPECT_EQ(t, 0, buf[10]);
	KT_EXPECT_EQ(t, 0, buf[19]);
	KT_EXPECT_EQ(t, 6, copy_to_user((void *)(a + P - 4), buf, 10));
	KT_EXPECT_EQ(t, 5, clear_user((void *)(a + P - 3), 8));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(uaccess, strings_and_sizes, "strncpy_from_user stops at the NUL or the count; get_user/put_user work at 1, 2, 4 and 8 bytes")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	char buf[16];
	u8 b = 0;
	u16 w = 0;
	u32 l = 0;
	u64 q = 0;

	KT_ASSERT_TRUE(t, mm);
	copy_to_user((void *)a, "hello", 6);
	KT_EXPECT_EQ(t, 5, strncpy_from_user(buf, (char *)a, sizeof(buf)));
	KT_EXPECT_TRUE(t, !strcmp(buf, "hello"));
	KT_EXPECT_EQ(t, 3, strncpy_from_user(buf, (char *)a, 3));
	KT_EXPECT_EQ(t, 0, put_user((u8)0xab, (u8 *)(a + 100)));
	KT_EXPECT_EQ(t, 0, put_user((u16)0xabcd, (u16 *)(a + 102)));
	KT_EXPECT_EQ(t, 0, put_user((u32)0xdeadbeef, (u32 *)(a + 104)));
	KT_EXPECT_EQ(t, 0, put_user(0x0123456789abcdefULL, (u64 *)(a + 112)));
	get_user(b, (u8 *)(a + 100));
	get_user(w, (u16 *)(a + 102));
	get_user(l, (u32 *)(a + 104));
	get_user(q, (u64 *)(a + 112));
	KT_EXPECT_TRUE(t, b == 0xab && w == 0xabcd && l == 0xdeadbeef && q == 0x0123456789abcdefULL);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

/*
 * Does a copy of n bytes starting `before` bytes below the end of the
 * mapping at a stop exactly at the end, in both directions? The copies
 * move quadwords, so a fault can hit any byte of one: the bytes of a
 * straddling quadword that precede the end must still be copied.
 */
static bool copy_stops_at_end(struct ktest_ctx *t, unsigned long end,
			      unsigned long before, unsigned long n)
{
	char src[40], dst[40];
	unsigned long i;

	for (i = 0; i < n; i++)
		src[i] = (char)('A' + i);
	if (!KT_EXPECT_EQ(t, n - before, copy_to_user((void *)(end - before), src, n)))
		return false;
	memset(dst, 'z', sizeof(dst));
	if (!KT_EXPECT_EQ(t, n - before, copy_from_user(dst, (void *)(end - before), n)))
		return false;
	for (i = 0; i < n; i++)
		if (!KT_EXPECT_EQ(t, i < before ? src[i] : 0, dst[i]))
			return false;
	return KT_EXPECT_EQ(t, 'z', dst[n]);
}

KTEST(uaccess, fault_at_every_offset, "a copy faulting at any of the last 16 bytes before an unmapped page copies every byte up to it, both ways")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0x40000000, P, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
	unsigned long before, n;

	KT_ASSERT_TRUE(t, mm && a == 0x40000000);
	/* The fault lands in the quadword loop or in the byte tail. */
	for (before = 1; before <= 16; before++)
		for (n = before + 1; n <= before + 20; n++)
			if (!copy_stops_at_end(t, a + P, before, n))
				goto out;
out:
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}
