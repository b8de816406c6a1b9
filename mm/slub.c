// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator, shaped like Linux's SLUB (mm/slub.c).
 *
 * A slab is a block of 2^order pages cut into equal objects. Free objects
 * of a slab form a singly linked list threaded through the objects
 * themselves: the first word of a free object (or the word after it, when
 * a constructor owns the object's contents) points at the next free one.
 *
 *   slab page: [obj0][obj1][obj2][obj3] ...     page->freelist -> obj1
 *                      |            ^                  obj1 -> obj3
 *                      +------------+                  obj3 -> NULL
 *
 * A cache keeps slabs with free objects on `partial` and full ones on
 * `full`; an empty slab is kept while the cache has fewer than
 * min_partial partial slabs, and returned to the buddy allocator otherwise.
 *
 * Left out from SLUB: per-CPU slabs and lockless fast paths (one CPU),
 * NUMA nodes, cache merging, red zones and poisoning. Kept: the same
 * object layout, slab orders (calculate_order), and the checks that catch
 * a free of a foreign pointer or a double free (debug builds).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/fault-inject.h>
#include <linux/panic.h>
#include <asm/irqflags.h>
#include <asm/stacktrace.h>
#include "slab.h"

static unsigned long nr_slab_errors;

unsigned long slab_error_reports(void)
{
	return nr_slab_errors;
}

/* Linux: slab_err() / object_err(): "BUG <cache> (<taint>): <what>". */
static void slab_err(struct kmem_cache *s, const void *obj, const char *what)
{
	nr_slab_errors++;
	pr_err("=============================================================================\n");
	pr_err("BUG %s (%s): %s\n", s ? s->name : "(no cache)", print_tainted(), what);
	pr_err("-----------------------------------------------------------------------------\n");
	pr_err("Object %px\n", obj);
	dump_stack();
	add_taint(TAINT_BAD_PAGE);
}

static void *get_freepointer(const struct kmem_cache *s, void *object)
{
	return *(void **)((char *)object + s->offset);
}

static void set_freepointer(const struct kmem_cache *s, void *object, void *fp)
{
	*(void **)((char *)object + s->offset) = fp;
}

/* --- slab sizing (Linux: calc_slab_order, calculate_order) --- */

#define SLUB_MAX_ORDER		3	/* PAGE_ALLOC_COSTLY_ORDER */

static unsigned int order_for_size(unsigned long size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

static unsigned int calc_slab_order(unsigned int size, unsigned int min_objects,
				    unsigned int max_order, unsigned int fract_leftover)
{
	unsigned int order;

	for (order = order_for_size((unsigned long)min_objects * size);
	     order <= max_order; order++) {
		unsigned long slab_size = PAGE_SIZE << order;

		if (slab_size % size <= slab_size / fract_leftover)
			break;
	}
	return order;
}

/*
 * The smallest order that holds enough objects with little waste: at
 * least 8 objects (4 * (fls(nr_cpus) + 1) with one CPU) if that wastes at
 * most 1/16 of the slab, relaxing both until something fits.
 */
static unsigned int calculate_order(unsigned int size)
{
	unsigned int max_objects = (PAGE_SIZE << SLUB_MAX_ORDER) / size;
	unsigned int min_objects = min(8u, max_objects);
	unsigned int order;

	while (min_objects > 1) {
		for (unsigned int fraction = 16; fraction >= 4; fraction /= 2) {
			order = calc_slab_order(size, min_objects, SLUB_MAX_ORDER, fraction);
			if (order <= SLUB_MAX_ORDER)
				return order;
		}
		min_objects--;
	}
	order = calc_slab_order(size, 1, SLUB_MAX_ORDER, 1);
	if (order <= SLUB_MAX_ORDER)
		return order;
	return calc_slab_order(size, 1, MAX_ORDER - 1, 1);
}

/* Object layout of a new cache. Linux: calculate_sizes() */
void slab_calculate_sizes(struct kmem_cache *s)
{
	unsigned int size = ALIGN(s->object_size, sizeof(void *));

	/* With a constructor the object's words are the user's: fp goes after. */
	if (s->ctor) {
		s->offset = size;
		size += sizeof(void *);
	} else {
		s->offset = 0;
	}
	s->size = ALIGN(size, s->align);
	s->order = calculate_order(s->size);
	s->objects_per_slab = (PAGE_SIZE << s->order) / s->size;
	s->min_partial = clamp((unsigned int)ilog2_u64(s->size) / 2, 5u, 10u);
}

/* --- slabs --- */

static enum node_stat_item slab_stat(const struct kmem_cache *s)
{
	return s->flags & SLAB_RECLAIM_ACCOUNT ? NR_SLAB_RECLAIMABLE_B
					       : NR_SLAB_UNRECLAIMABLE_B;
}

static struct page *allocate_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *page;
	char *start;

	gfp &= ~__GFP_ZERO;
	if (s->order)
		gfp |= __GFP_COMP;
	page = alloc_pages(gfp, s->order);
	if (!page)
		return NULL;
	__SetPageSlab(page);
	page->slab_cache = s;
	page->objects = s->objects_per_slab;
	page->inuse = 0;
	start = page_address(page);
	for (unsigned int i = 0; i < page->objects; i++) {
		char *p = start + (unsigned long)i * s->size;

		if (s->ctor)
			s->ctor(p);
		set_freepointer(s, p, i + 1 < page->objects ? p + s->size : NULL);
	}
	page->freelist = start;
	s->nr_slabs++;
	s->total_objects += page->objects;
	mod_node_page_state(NODE_DATA(0), slab_stat(s), (long)(PAGE_SIZE << s->order));
	return page;
}

static void free_slab(struct kmem_cache *s, struct page *page)
{
	s->nr_slabs--;
	s->total_objects -= page->objects;
	mod_node_page_state(NODE_DATA(0), slab_stat(s), -(long)(PAGE_SIZE << s->order));
	__ClearPageSlab(page);
	page->slab_cache = NULL;
	page->freelist = NULL;
	page->inuse = 0;
	page->objects = 0;
	__free_pages(page, s->order);
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	unsigned long flags;
	struct page *page;
	void *object;

	if (should_failslab(gfp))
		return NULL;
	local_irq_save(flags);
	if (list_empty(&s->partial)) {
		page = allocate_slab(s, gfp);
		if (!page) {
			local_irq_restore(flags);
			return NULL;
		}
		list_add(&page->slab_list, &s->partial);
		s->nr_partial++;
	}
	page = list_first_entry(&s->partial, struct page, slab_list);
	object = page->freelist;
	page->freelist = get_freepointer(s, object);
	page->inuse++;
	s->active_objects++;
	if (!page->freelist) {
		list_move(&page->slab_list, &s->full);
		s->nr_partial--;
	}
	local_irq_restore(flags);
	if (gfp & __GFP_ZERO)
		memset(object, 0, s->object_size);
	return object;
}

void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return kmem_cache_alloc(s, gfp | __GFP_ZERO);
}

/* Is object a valid object of this slab that is not already free? */
static bool free_is_valid(struct kmem_cache *s, struct page *page, void *object)
{
	unsigned long offset = (unsigned long)((char *)object - (char *)page_address(page));

	if (!PageSlab(page) || page->slab_cache != s) {
		slab_err(s, object, "kmem_cache_free: object is not from this cache");
		return false;
	}
	if (offset % s->size || offset >= (unsigned long)page->objects * s->size) {
		slab_err(s, object, "Invalid object pointer (not the start of an object)");
		return false;
	}
#ifdef CONFIG_DEBUG_VM
	for (void *p = page->freelist; p; p = get_freepointer(s, p)) {
		if (p == object) {
			slab_err(s, object, "Object already free");
			return false;
		}
	}
#endif
	return true;
}

void slab_free(struct kmem_cache *s, struct page *page, void *object)
{
	unsigned long flags;
	bool was_full;

	local_irq_save(flags);
	if (!free_is_valid(s, page, object)) {
		local_irq_restore(flags);
		return;
	}
	was_full = !page->freelist;
	set_freepointer(s, object, page->freelist);
	page->freelist = object;
	page->inuse--;
	s->active_objects--;
	if (was_full) {
		list_move(&page->slab_list, &s->partial);
		s->nr_partial++;
	}
	if (!page->inuse && s->nr_partial > s->min_partial) {
		list_del(&page->slab_list);
		s->nr_partial--;
		free_slab(s, page);
	}
	local_irq_restore(flags);
}

void kmem_cache_free(struct kmem_cache *s, void *object)
{
	if (!object)
		return;
	slab_free(s, virt_to_head_page(object), object);
}

/* Give every empty slab back to the buddy allocator. */
int kmem_cache_shrink(struct kmem_cache *s)
{
	struct page *page, *next;
	unsigned long flags;

	local_irq_save(flags);
	list_for_each_entry_safe(page, next, &s->partial, slab_list) {
		if (page->inuse)
			continue;
		list_del(&page->slab_list);
		s->nr_partial--;
		free_slab(s, page);
	}
	local_irq_restore(flags);
	return 0;
}
