/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RMAP_H
#define _LINUX_RMAP_H

#include <linux/list.h>
#include <linux/mm_types.h>

/*
 * Reverse mapping of anonymous pages: from a page to the VMAs that may
 * map it (the picture is at the top of mm/rmap.c). Linux: include/linux/rmap.h
 *
 * An anonymous page's page->mapping points at its anon_vma, with bit 0
 * set to tell it from a file's address_space (PAGE_MAPPING_ANON).
 */
struct anon_vma {
	struct anon_vma *root;		/* of this anon_vma's tree (itself for now) */
	atomic_t refcount;
	/*
	 * degree: VMAs and child anon_vmas referring to this one. A child
	 * process may reuse an anon_vma whose degree is low (anon_vma_fork);
	 * until fork exists it only counts VMAs.
	 */
	unsigned int degree;
	struct anon_vma *parent;
	struct list_head head;		/* anon_vma_chains of the VMAs
					   (Linux: an interval tree, rb_root) */
};

/*
 * One link between a VMA and an anon_vma; a VMA is on the chains of its
 * own anon_vma and, after fork, of its ancestors' (Linux: same).
 */
struct anon_vma_chain {
	struct vm_area_struct *vma;
	struct anon_vma *anon_vma;
	struct list_head same_vma;	/* in vma->anon_vma_chain */
	struct list_head same_anon_vma;	/* in anon_vma->head */
};

#define PAGE_MAPPING_ANON	0x1
#define PAGE_MAPPING_FLAGS	0x3

static inline bool PageAnon(const struct page *page)
{
	return ((unsigned long)page->mapping & PAGE_MAPPING_ANON) != 0;
}

static inline struct anon_vma *page_anon_vma(const struct page *page)
{
	if (!PageAnon(page))
		return NULL;
	return (struct anon_vma *)((unsigned long)page->mapping - PAGE_MAPPING_ANON);
}

void anon_vma_init(void);
int anon_vma_prepare(struct vm_area_struct *vma);
int anon_vma_clone(struct vm_area_struct *dst, struct vm_area_struct *src);
void unlink_anon_vmas(struct vm_area_struct *vma);

void page_add_new_anon_rmap(struct page *page, struct vm_area_struct *vma,
			    unsigned long address);
void page_add_file_rmap(struct page *page, struct vm_area_struct *vma);
void page_remove_rmap(struct page *page, struct vm_area_struct *vma);
void page_move_anon_rmap(struct page *page, struct vm_area_struct *vma);

#endif
