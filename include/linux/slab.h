/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/gfp.h>

/*
 * The slab allocator: caches of equal-sized objects carved out of pages,
 * and kmalloc() over a set of size classes. Linux: include/linux/slab.h,
 * mm/slub.c (the allocator Debian's kernel uses), mm/slab_common.c
 */
#define SLAB_HWCACHE_ALIGN	0x00002000u	/* align objects to a cache line */
#define SLAB_PANIC		0x00040000u	/* panic if creation fails */
#define SLAB_RECLAIM_ACCOUNT	0x00020000u	/* counted as reclaimable */

#define ARCH_KMALLOC_MINALIGN	8
#define KMALLOC_SHIFT_LOW	3
#define KMALLOC_SHIFT_HIGH	(12 + 1)	/* SLUB: up to 2 pages (8 KiB) */
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)
#define KMALLOC_MAX_SIZE	(1UL << (12 + 11 - 1))	/* largest buddy block */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

struct kmem_cache {
	const char *name;
	unsigned int object_size;	/* what the user asked for */
	unsigned int size;		/* object plus padding: the stride */
	unsigned int offset;		/* where a free object keeps its next pointer */
	unsigned int align;
	unsigned int flags;
	unsigned int order;		/* each slab is 2^order pages */
	unsigned int objects_per_slab;
	unsigned int min_partial;	/* empty slabs kept for reuse */
	void (*ctor)(void *);
	struct list_head partial;	/* slabs with free objects */
	struct list_head full;		/* slabs with none (for checks) */
	unsigned long nr_partial;
	unsigned long nr_slabs;		/* slabs in use, /proc/slabinfo */
	unsigned long total_objects;	/* objects in those slabs */
	unsigned long active_objects;	/* objects handed out */
	struct list_head list;		/* slab_caches */
};

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, unsigned int flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *s, void *obj);
int kmem_cache_shrink(struct kmem_cache *s);
void kmem_cache_shrink_all(void);

void *kmalloc(size_t size, gfp_t gfp);
void *kzalloc(size_t size, gfp_t gfp);
void *kcalloc(size_t n, size_t size, gfp_t gfp);
void kfree(const void *obj);
size_t ksize(const void *obj);
struct kmem_cache *kmalloc_slab(size_t size);

void kmem_cache_init(void);

/* Reports of bad frees (foreign pointer, double free), for tests. */
unsigned long slab_error_reports(void);

/* Walk every cache, for /proc/slabinfo and tests. */
extern struct list_head slab_caches;

#endif
