// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for what names a futex (get_futex_key) and for the hash of
 * waiters: private keys by (mm, address), shared ones by the page (a
 * shmem or file page by inode and offset, in any mm at any address; an
 * anonymous page by mm and address), the refusals, the hash's spread,
 * and requeue moving waiters between buckets.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/ktest_mm.h>
#include <asm/uaccess.h>
#include "futex.h"

#define P	PAGE_SIZE
#define RW	(PROT_READ | PROT_WRITE)

static int key_of(unsigned long addr, unsigned int flags, union futex_key *key)
{
	return get_futex_key((u32 __user *)addr, flags, key, FUTEX_READ);
}

/* The key addr has in another address space (a forked child's). */
static int key_in(struct mm_struct *mm, struct mm_struct *other, unsigned long addr,
		  unsigned int flags, union futex_key *key)
{
	int err;

	kthread_unuse_mm(mm);
	kthread_use_mm(other);
	err = key_of(addr, flags, key);
	kthread_unuse_mm(other);
	kthread_use_mm(mm);
	return err;
}

KTEST(futex, private_key, "a private key is (mm, page, offset): needs no mapping; misaligned is EINVAL, a kernel address EFAULT")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = 0x10000000 + 0x124;	/* nothing mapped there */
	union futex_key k1, k2, k3;

	KT_ASSERT_TRUE(t, mm);
	KT_EXPECT_EQ(t, 0, key_of(a, 0, &k1));
	KT_EXPECT_PTR_EQ(t, mm, k1.private.mm);
	KT_EXPECT_EQ(t, 0x10000000, k1.private.address);
	KT_EXPECT_EQ(t, 0x124, k1.both.offset);
	KT_EXPECT_EQ(t, 0, key_of(a, 0, &k2));
	KT_EXPECT_TRUE(t, futex_match(&k1, &k2));
	KT_EXPECT_EQ(t, 0, key_of(a + 4, 0, &k3));
	KT_EXPECT_TRUE(t, !futex_match(&k1, &k3));
	KT_EXPECT_EQ(t, -EINVAL, key_of(a + 1, 0, &k3));
	KT_EXPECT_EQ(t, -EFAULT, key_of(TASK_SIZE, 0, &k3));
	KT_EXPECT_EQ(t, -EFAULT, key_of(a, FLAGS_SHARED, &k3));	/* shared: needs the page */
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(futex, shared_key_shmem, "a shared futex in MAP_SHARED|MAP_ANONYMOUS memory is keyed by its page: the same in a forked child")
{
	struct mm_struct *mm = ktest_mm_create(), *child;
	union futex_key k1, k2, kc, kp1, kpc;
	unsigned long s;

	KT_ASSERT_TRUE(t, mm);
	s = vm_mmap(NULL, 0, 2 * P, RW, MAP_SHARED | MAP_ANONYMOUS, 0);
	KT_ASSERT_TRUE(t, !IS_ERR_VALUE(s));
	KT_EXPECT_EQ(t, 0, key_of(s + 8, FLAGS_SHARED, &k1));
	KT_EXPECT_EQ(t, FUT_OFF_INODE | 8, k1.both.offset);
	KT_EXPECT_EQ(t, 0, k1.shared.pgoff);
	KT_EXPECT_EQ(t, 0, key_of(s + P + 8, FLAGS_SHARED, &k2));
	KT_EXPECT_EQ(t, 1, k2.shared.pgoff);
	KT_EXPECT_TRUE(t, !futex_match(&k1, &k2));
	KT_EXPECT_EQ(t, 0, key_of(s + 8, 0, &kp1));
	KT_EXPECT_TRUE(t, !futex_match(&k1, &kp1));
	child = dup_mm(current, mm);
	KT_ASSERT_TRUE(t, child);
	KT_EXPECT_EQ(t, 0, key_in(mm, child, s + 8, FLAGS_SHARED, &kc));
	KT_EXPECT_TRUE(t, futex_match(&k1, &kc));
	KT_EXPECT_EQ(t, 0, key_in(mm, child, s + 8, 0, &kpc));
	KT_EXPECT_TRUE(t, !futex_match(&kp1, &kpc));	/* private: each mm its own */
	mmput(child);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(futex, shared_key_anon, "a shared futex in private anonymous memory is (mm, address), marked shared: not the private key, not a child's")
{
	struct mm_struct *mm = ktest_mm_create(), *child;
	union futex_key ks, kp, kc;
	unsigned long a, ro;

	KT_ASSERT_TRUE(t, mm);
	a = vm_mmap(NULL, 0, P, RW, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	ro = vm_mmap(NULL, 0, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	KT_ASSERT_TRUE(t, !IS_ERR_VALUE(a) && !IS_ERR_VALUE(ro));
	KT_EXPECT_EQ(t, 0, key_of(a + 16, FLAGS_SHARED, &ks));
	KT_EXPECT_EQ(t, FUT_OFF_MMSHARED | 16, ks.both.offset);
	KT_EXPECT_PTR_EQ(t, mm, ks.private.mm);
	KT_EXPECT_EQ(t, a, ks.private.address);
	KT_EXPECT_EQ(t, 0, key_of(a + 16, 0, &kp));
	KT_EXPECT_TRUE(t, !futex_match(&ks, &kp));
	child = dup_mm(current, mm);
	KT_ASSERT_TRUE(t, child);
	KT_EXPECT_EQ(t, 0, key_in(mm, child, a + 16, FLAGS_SHARED, &kc));
	KT_EXPECT_TRUE(t, !futex_match(&ks, &kc));
	mmput(child);
	/* Never written, read-only: only the zero page is there, no page of ours. */
	KT_EXPECT_EQ(t, -EFAULT, key_of(ro, FLAGS_SHARED, &ks));
	KT_EXPECT_EQ(t, 0, key_of(ro, 0, &kp));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(futex, shared_key_file, "a read-only file mapping: a wait may name its page cache page (inode, offset); a write may not")
{
	struct mm_struct *mm = ktest_mm_create();
	union futex_key k1, k2;
	unsigned long f, g;

	KT_ASSERT_TRUE(t, mm);
	f = ktest_mmap_file("/test/pages.bin", O_RDONLY, 0, 4 * P, PROT_READ, MAP_SHARED, 0);
	g = ktest_mmap_file("/test/pages.bin", O_RDONLY, 0, P, PROT_READ, MAP_PRIVATE, 2 * P);
	KT_ASSERT_TRUE(t, !IS_ERR_VALUE(f) && !IS_ERR_VALUE(g));
	KT_EXPECT_EQ(t, 0, key_of(f + 2 * P + 4, FLAGS_SHARED, &k1));
	KT_EXPECT_EQ(t, FUT_OFF_INODE | 4, k1.both.offset);
	KT_EXPECT_EQ(t, 2, k1.shared.pgoff);
	KT_EXPECT_EQ(t, 0, key_of(g + 4, FLAGS_SHARED, &k2));
	KT_EXPECT_TRUE(t, futex_match(&k1, &k2));	/* the same page, another mapping */
	KT_EXPECT_EQ(t, -EFAULT, get_futex_key((u32 __user *)(f + 4), FLAGS_SHARED, &k2,
					       FUTEX_WRITE));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(futex, hash_spreads, "the 1024 words of a page fall into at least half of the 256 buckets")
{
	static struct futex_hash_bucket *hb[P / 4];
	int n = 0, buckets = 0;

	for (unsigned long off = 0; off < P; off += 4) {
		union futex_key key = { .private = { .mm = &init_mm, .address = 0x400000,
						     .offset = (unsigned int)off } };

		hb[n++] = futex_hash(&key);
	}
	for (int i = 0; i < n; i++) {
		int seen = 0;

		for (int j = 0; j < i && !seen; j++)
			seen = hb[j] == hb[i];
		buckets += !seen;
	}
	KT_EXPECT_TRUE(t, buckets >= 128);
}

/* Queue a waiter of ours (the test's task) on the futex at addr. */
static int queue_waiter(struct futex_q *q, unsigned long addr)
{
	int err;

	*q = (struct futex_q){ .task = current, .bitset = FUTEX_BITSET_MATCH_ANY };
	INIT_LIST_HEAD(&q->list);
	err = key_of(addr, 0, &q->key);
	if (!err)
		futex_queue(q, futex_hash(&q->key));
	return err;
}

KTEST(futex, requeue_moves, "requeue wakes the oldest nr_wake, moves nr_requeue more re-keyed to the target, leaves the rest")
{
	struct mm_struct *mm = ktest_mm_create();
	union futex_key k1, k2;
	struct futex_q q[4];
	unsigned long a;
	u32 cmp = 6;

	KT_ASSERT_TRUE(t, mm);
	a = vm_mmap(NULL, 0, P, RW, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	KT_ASSERT_TRUE(t, !IS_ERR_VALUE(a) && !put_user(5, (u32 __user *)a));
	for (int i = 0; i < 4; i++)
		KT_ASSERT_EQ(t, 0, queue_waiter(&q[i], a));
	key_of(a, 0, &k1);
	key_of(a + 64, 0, &k2);
	KT_EXPECT_EQ(t, -EAGAIN, futex_requeue((u32 __user *)a, 0, (u32 __user *)(a + 64), 1, 2,
					       &cmp));
	KT_EXPECT_TRUE(t, !list_empty(&q[0].list));	/* a value mismatch changes nothing */
	cmp = 5;
	KT_EXPECT_EQ(t, 3, futex_requeue((u32 __user *)a, 0, (u32 __user *)(a + 64), 1, 2, &cmp));
	KT_EXPECT_TRUE(t, list_empty(&q[0].list));	/* woken: off every chain */
	KT_EXPECT_TRUE(t, futex_match(&q[1].key, &k2) && futex_match(&q[2].key, &k2));
	KT_EXPECT_TRUE(t, futex_match(&q[3].key, &k1));
	KT_EXPECT_EQ(t, 2, futex_wake((u32 __user *)(a + 64), 0, 5, FUTEX_BITSET_MATCH_ANY));
	KT_EXPECT_TRUE(t, list_empty(&q[1].list) && list_empty(&q[2].list));
	KT_EXPECT_TRUE(t, futex_unqueue(&q[3]));	/* still queued, on the first futex */
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}
