// SPDX-License-Identifier: GPL-2.0
/*
 * Creating caches, and kmalloc over a fixed set of them.
 * Linux: mm/slab_common.c
 *
 * kmalloc(size) rounds size up to the next class and allocates from that
 * cache:
 *
 *   8 16 32 64 96 128 192 256 512 1k 2k 4k 8k      (kmalloc-<size>)
 *
 * Anything above 8 KiB comes straight from the buddy allocator as a
 * compound page (kmalloc_large), so kfree can find its order again.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/panic.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include "slab.h"

LIST_HEAD(slab_caches);

/* The cache of struct kmem_cache itself, set up by hand (bootstrap). */
static struct kmem_cache kmem_cache_boot = {
	.name = "kmem_cache",
	.object_size = sizeof(struct kmem_cache),
	.align = 64,
};
static struct kmem_cache *kmem_cache;

/* kmalloc_caches[i] holds objects of size kmalloc_sizes[i]. */
#define NR_KMALLOC_CACHES	(KMALLOC_SHIFT_HIGH + 1)
static const unsigned int kmalloc_sizes[NR_KMALLOC_CACHES] = {
	0, 96, 192, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192,
};
static const char *const kmalloc_names[NR_KMALLOC_CACHES] = {
	NULL, "kmalloc-96", "kmalloc-192", "kmalloc-8", "kmalloc-16", "kmalloc-32",
	"kmalloc-64", "kmalloc-128", "kmalloc-256", "kmalloc-512", "kmalloc-1k",
	"kmalloc-2k", "kmalloc-4k", "kmalloc-8k",
};
static struct kmem_cache *kmalloc_caches[NR_KMALLOC_CACHES];

/* The class of a size: 2^index bytes, or 96 (index 1) and 192 (index 2). */
static unsigned int kmalloc_index(size_t size)
{
	unsigned int i;

	if (size <= 8)
		return 3;
	if (size > 64 && size <= 96)
		return 1;
	if (size > 128 && size <= 192)
		return 2;
	for (i = 4; i <= KMALLOC_SHIFT_HIGH; i++)
		if (size <= (1UL << i))
			return i;
	return 0;
}

struct kmem_cache *kmalloc_slab(size_t size)
{
	return size ? kmalloc_caches[kmalloc_index(size)] : NULL;
}

static void init_cache(struct kmem_cache *s, const char *name, unsigned int size,
		       unsigned int align, unsigned int flags, void (*ctor)(void *))
{
	s->name = name;
	s->object_size = size;
	s->align = max(align, (unsigned int)ARCH_KMALLOC_MINALIGN);
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = 64;

		while (size <= ralign / 2)
			ralign /= 2;
		s->align = max(s->align, ralign);
	}
	s->flags = flags;
	s->ctor = ctor;
	INIT_LIST_HEAD(&s->partial);
	INIT_LIST_HEAD(&s->full);
	slab_calculate_sizes(s);
	list_add_tail(&s->list, &slab_caches);
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, unsigned int flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;

	if (size && size <= KMALLOC_MAX_SIZE)
		s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
	if (!s) {
		if (flags & SLAB_PANIC)
			panic("kmem_cache_create: cannot create cache %s (size %u)", name, size);
		return NULL;
	}
	init_cache(s, name, size, align, flags, ctor);
	return s;
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	if (!s)
		return;
	kmem_cache_shrink(s);
	if (s->nr_slabs) {
		pr_err("kmem_cache_destroy %s: Slab cache still has objects when called "
		       "from %pS\n", s->name, __builtin_return_address(0));
		return;
	}
	list_del(&s->list);
	kmem_cache_free(kmem_cache, s);
}

void kmem_cache_shrink_all(void)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
}

/* Large kmalloc: whole pages, accounted as unreclaimable slab as in 6.1. */
static void *kmalloc_large(size_t size, gfp_t gfp)
{
	unsigned int order = 0;
	struct page *page;

	while ((PAGE_SIZE << order) < size)
		order++;
	page = alloc_pages(gfp | __GFP_COMP, order);
	if (!page)
		return NULL;
	mod_node_page_state(NODE_DATA(0), NR_SLAB_UNRECLAIMABLE_B, (long)(PAGE_SIZE << order));
	return page_address(page);
}

static void free_large_kmalloc(struct page *page, const void *obj)
{
	unsigned int order = compound_order(page);

	if (obj != page_address(page)) {
		pr_err("kfree: %px is not an object (inside a large allocation at %px)\n",
		       obj, page_address(page));
		WARN_ON(1);
		return;
	}
	mod_node_page_state(NODE_DATA(0), NR_SLAB_UNRECLAIMABLE_B, -(long)(PAGE_SIZE << order));
	__free_pages(page, order);
}

void *kmalloc(size_t size, gfp_t gfp)
{
	if (!size)
		return ZERO_SIZE_PTR;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(size, gfp);
	return kmem_cache_alloc(kmalloc_slab(size), gfp);
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	if (size && n > ~(size_t)0 / size)
		return NULL;
	return kzalloc(n * size, gfp);
}

void kfree(const void *obj)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(obj))
		return;
	page = virt_to_head_page(obj);
	if (!PageSlab(page)) {
		free_large_kmalloc(page, obj);
		return;
	}
	slab_free(page->slab_cache, page, (void *)obj);
}

/* The usable size of an allocation: its class, not what was asked. */
size_t ksize(const void *obj)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(obj))
		return 0;
	page = virt_to_head_page(obj);
	if (!PageSlab(page))
		return PAGE_SIZE << compound_order(page);
	return page->slab_cache->object_size;
}

void kmem_cache_init(void)
{
	kmem_cache = &kmem_cache_boot;
	init_cache(kmem_cache, kmem_cache_boot.name, sizeof(struct kmem_cache), 64, 0, NULL);
	for (unsigned int i = 1; i < NR_KMALLOC_CACHES; i++) {
		if (!kmalloc_sizes[i])
			continue;
		kmalloc_caches[i] = kmem_cache_create(kmalloc_names[i], kmalloc_sizes[i], 0,
						      SLAB_PANIC, NULL);
	}
	pr_info("SLUB: HWalign=64, Order=0-%d, MinObjects=0, CPUs=1, Nodes=1\n",
		3);
}
