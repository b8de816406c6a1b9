/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

/* Between slab_common.c and slub.c. Linux: mm/slab.h */
#include <linux/slab.h>
#include <linux/mm.h>

void slab_calculate_sizes(struct kmem_cache *s);
void slab_free(struct kmem_cache *s, struct page *page, void *object);

#endif
