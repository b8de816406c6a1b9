/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SWAP_H
#define _LINUX_SWAP_H

#include <linux/mm.h>

/*
 * The LRU lists' interface for the rest of the kernel: where pages enter
 * them, how use moves them, where reclaim takes them off. Linux:
 * include/linux/swap.h (mm/swap.c), mm/internal.h (mm/vmscan.c)
 */

/* mm/swap.c: entering the lists (Linux batches these per CPU; see there) */
void lru_cache_add(struct page *page);
void lru_cache_add_inactive_or_unevictable(struct page *page, struct vm_area_struct *vma);
void lru_add_drain(void);

/* mm/swap.c: aging */
void mark_page_accessed(struct page *page);
void activate_page(struct page *page);
void deactivate_page(struct page *page);
void deactivate_file_page(struct page *page);
void mark_page_lazyfree(struct page *page);

/* mm/vmscan.c */
int isolate_lru_page(struct page *page);
void putback_lru_page(struct page *page);
void check_move_unevictable_pages(struct page **pages, unsigned int nr);

/* mm/watermark.c: the zones' high watermarks and lowmem reserves, never free for use */
extern unsigned long totalreserve_pages;

/* mm/shmem.c: SHM_UNLOCK gives the segment's pages back to reclaim. */
void shmem_unlock_mapping(struct address_space *mapping);

#endif
