// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for the slab allocator (mm/slub.c, mm/slab_common.c).
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/string.h>

KTEST(slab, reuse, "the object freed last is the next one handed out")
{
	struct kmem_cache *s = kmem_cache_create("ktest-reuse", 48, 0, 0, NULL);
	void *a, *b, *c;

	KT_ASSERT_TRUE(t, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KT_EXPECT_TRUE(t, a && b && a != b);
	kmem_cache_free(s, a);
	c = kmem_cache_alloc(s, GFP_KERNEL);
	KT_EXPECT_PTR_EQ(t, a, c);
	kmem_cache_free(s, b);
	kmem_cache_free(s, c);
	kmem_cache_destroy(s);
}

KTEST(slab, counts, "slab and object counts follow allocations, and shrinking returns every page")
{
	struct kmem_cache *s = kmem_cache_create("ktest-counts", 100, 0, 0, NULL);
	unsigned long free_pages_before = nr_free_pages();
	unsigned int per_slab, n;
	void **objs;

	KT_ASSERT_TRUE(t, s);
	per_slab = s->objects_per_slab;
	KT_EXPECT_EQ(t, 104, s->size);		/* 100 rounded to 8 */
	KT_EXPECT_EQ(t, PAGE_SIZE / 104, per_slab);
	n = per_slab + 1;
	objs = kcalloc(n, sizeof(void *), GFP_KERNEL);
	KT_ASSERT_TRUE(t, objs);
	for (unsigned int i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	KT_EXPECT_EQ(t, 2, s->nr_slabs);
	KT_EXPECT_EQ(t, n, s->active_objects);
	KT_EXPECT_EQ(t, 2 * per_slab, s->total_objects);
	for (unsigned int i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	KT_EXPECT_EQ(t, 0, s->active_objects);
	kmem_cache_shrink(s);
	KT_EXPECT_EQ(t, 0, s->nr_slabs);
	kfree(objs);
	kmem_cache_shrink_all();
	KT_EXPECT_EQ(t, free_pages_before, nr_free_pages());
	kmem_cache_destroy(s);
}

KTEST(slab, distinct, "objects are aligned, lie inside their slab, and never overlap")
{
	struct kmem_cache *s = kmem_cache_create("ktest-align", 40, 64, 0, NULL);
	char *objs[200];

	KT_ASSERT_TRUE(t, s);
	KT_EXPECT_EQ(t, 64, s->size);
	for (int i = 0; i < 200; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KT_ASSERT_TRUE(t, objs[i]);
		KT_EXPECT_EQ(t, 0, (unsigned long)objs[i] % 64);
		KT_EXPECT_TRUE(t, PageSlab(virt_to_head_page(objs[i])));
		memset(objs[i], i, 40);
	}
	for (int i = 0; i < 200; i++)
		for (int j = 0; j < 40; j++)
			if (!KT_EXPECT_EQ(t, (u8)i, (u8)objs[i][j]))
				break;
	for (int i = 0; i < 200; i++)
		kmem_cache_free(s, objs[i]);
	kmem_cache_destroy(s);
}

KTEST(slab, kmalloc_classes, "kmalloc rounds a size up to its class: 8, 16, ..., 96, 128, 192, ..., 8k")
{
	static const size_t sizes[][2] = {
		{ 1, 8 }, { 8, 8 }, { 9, 16 }, { 33, 64 }, { 65, 96 }, { 96, 96 },
		{ 97, 128 }, { 129, 192 }, { 193, 256 }, { 1000, 1024 },
		{ 4097, 8192 }, { 8192, 8192 },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		void *p = kmalloc(sizes[i][0], GFP_KERNEL);

		KT_EXPECT_EQ(t, sizes[i][1], ksize(p));
		kfree(p);
	}
	KT_EXPECT_PTR_EQ(t, ZERO_SIZE_PTR, kmalloc(0, GFP_KERNEL));
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
}

KTEST(slab, kmalloc_large, "kmalloc above 8 KiB takes whole pages from the buddy allocator, kfree returns them")
{
	unsigned long before = nr_free_pages();
	void *p = kmalloc(5 * PAGE_SIZE, GFP_KERNEL);

	KT_ASSERT_TRUE(t, p);
	KT_EXPECT_EQ(t, 0, (unsigned long)p % PAGE_SIZE);
	KT_EXPECT_EQ(t, 8 * PAGE_SIZE, ksize(p));		/* order 3 */
	KT_EXPECT_EQ(t, before - 8, nr_free_pages());
	KT_EXPECT_TRUE(t, !PageSlab(virt_to_page(p)) && PageHead(virt_to_page(p)));
	kfree(p);
	KT_EXPECT_EQ(t, before, nr_free_pages());
}

KTEST(slab, zeroed, "kzalloc and kmem_cache_zalloc return zeroed memory even for reused objects")
{
	u8 *p = kmalloc(200, GFP_KERNEL);

	KT_ASSERT_TRUE(t, p);
	memset(p, 0xff, 200);
	kfree(p);
	p = kzalloc(200, GFP_KERNEL);
	KT_ASSERT_TRUE(t, p);
	for (int i = 0; i < 200; i++)
		if (!KT_EXPECT_EQ(t, 0, p[i]))
			break;
	kfree(p);
}

static int ctor_calls;

static void count_ctor(void *obj)
{
	ctor_calls++;
	*(unsigned long *)obj = 0x5a5a5a5a;
}

KTEST(slab, ctor, "a constructor runs once per object when its slab is made, and survives free and reuse")
{
	struct kmem_cache *s;
	unsigned long *p;

	ctor_calls = 0;
	s = kmem_cache_create("ktest-ctor", 32, 0, 0, count_ctor);
	KT_ASSERT_TRUE(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KT_ASSERT_TRUE(t, p);
	KT_EXPECT_EQ(t, s->objects_per_slab, ctor_calls);
	KT_EXPECT_EQ(t, 0x5a5a5a5a, *p);
	kmem_cache_free(s, p);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KT_EXPECT_EQ(t, 0x5a5a5a5a, *p);	/* the free pointer lives after the object */
	KT_EXPECT_EQ(t, s->objects_per_slab, ctor_calls);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

KTEST(slab, bad_free, "a double free and a foreign pointer are reported, and the cache stays consistent")
{
	struct kmem_cache *s = kmem_cache_create("ktest-bad", 64, 0, 0, NULL);
	unsigned long errors = slab_error_reports();
	void *a, *b, *c, *d;

	KT_ASSERT_TRUE(t, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, a);
	kmem_cache_free(s, a);				/* double free */
	kmem_cache_free(s, (char *)b + 8);		/* not an object start */
	KT_EXPECT_EQ(t, errors + 2, slab_error_reports());
	KT_EXPECT_EQ(t, 1, s->active_objects);
	c = kmem_cache_alloc(s, GFP_KERNEL);
	d = kmem_cache_alloc(s, GFP_KERNEL);
	KT_EXPECT_PTR_EQ(t, a, c);
	KT_EXPECT_TRUE(t, d != a && d != b);	/* a was not queued twice */
	kmem_cache_free(s, b);
	kmem_cache_free(s, c);
	kmem_cache_free(s, d);
	KT_EXPECT_EQ(t, 0, s->active_objects);
	kmem_cache_destroy(s);
}

static bool cache_listed(struct kmem_cache *s)
{
	struct kmem_cache *c;

	list_for_each_entry(c, &slab_caches, list)
		if (c == s)
			return true;
	return false;
}

KTEST(slab, destroy_live, "kmem_cache_destroy refuses a cache that still has objects")
{
	struct kmem_cache *s = kmem_cache_create("ktest-live", 24, 0, 0, NULL);
	void *p;

	KT_ASSERT_TRUE(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_destroy(s);
	KT_EXPECT_TRUE(t, cache_listed(s));
	KT_EXPECT_EQ(t, 1, s->active_objects);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
	KT_EXPECT_TRUE(t, !cache_listed(s));
}

KTEST(slab, orders, "slab orders follow SLUB's calculate_order: kmalloc-8k uses order 3, four objects a slab")
{
	struct kmem_cache *k8 = kmalloc_slab(8192), *k96 = kmalloc_slab(96);

	KT_ASSERT_TRUE(t, k8 && k96);
	KT_EXPECT_EQ(t, 3, k8->order);
	KT_EXPECT_EQ(t, 4, k8->objects_per_slab);
	KT_EXPECT_EQ(t, 0, k96->order);
	KT_EXPECT_EQ(t, 42, k96->objects_per_slab);
}
