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
	struct anon_vma *root;		/* of this anon_vma's tree (fork makes trees) */
	atomic_t refcount;		/* one per chain link, one per child (on the root) */
	/*
	 * A forked child's VMA may reuse an anon_vma of the parent instead
	 * of getting a new one, if no VMA uses it as its own any more
	 * (num_active_vmas == 0) and it has at most one child anon_vma. This
	 * keeps long fork chains from growing long anon_vma chains. Linux
	 * 6.1 counts the two separately; older kernels (and texts) used one
	 * "degree" for both, which could reuse wrongly.
	 */
	unsigned long num_children;	/* child anon_vmas, and the self link of a root */
	unsigned long num_active_vmas;	/* VMAs whose vma->anon_vma this is */
	struct anon_vma *parent;	/* the anon_vma of the VMA forked from */
	/*
	 * The anon_vma_chains of the VMAs that may map our pages, in an
	 * interval tree keyed by each VMA's page offsets (vm_pgoff ..
	 * vm_pgoff + vma_pages - 1), so that a walk for a page at index i
	 * meets only the VMAs whose range holds i (mm/interval_tree.c).
	 */
	struct rb_root_cached rb_root;
};

/*
 * One link between a VMA and an anon_vma; a VMA is on the chains of its
 * own anon_vma and, after fork, of its ancestors' (Linux: same).
 */
struct anon_vma_chain {
	struct vm_area_struct *vma;
	struct anon_vma *anon_vma;
	struct list_head same_vma;	/* in vma->anon_vma_chain */
	struct rb_node rb;		/* in anon_vma->rb_root, by vma's pgoffs */
	unsigned long rb_subtree_last;	/* the highest last pgoff below rb */
#ifdef CONFIG_DEBUG_VM
	/* The key it went in with: the audit checks it is vma's still. */
	unsigned long cached_vma_start, cached_vma_last;
#endif
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
void put_anon_vma(struct anon_vma *anon_vma);
int anon_vma_prepare(struct vm_area_struct *vma);
int anon_vma_clone(struct vm_area_struct *dst, struct vm_area_struct *src);
int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma);
void page_dup_anon_rmap(struct page *page, struct vm_area_struct *vma);
void page_dup_file_rmap(struct page *page, struct vm_area_struct *vma);
void unlink_anon_vmas(struct vm_area_struct *vma);

void page_add_new_anon_rmap(struct page *page, struct vm_area_struct *vma,
			    unsigned long address);
void page_add_file_rmap(struct page *page, struct vm_area_struct *vma);
void page_remove_rmap(struct page *page, struct vm_area_struct *vma);
void page_move_anon_rmap(struct page *page, struct vm_area_struct *vma);
void page_add_anon_rmap(struct page *page, struct vm_area_struct *vma,
			unsigned long address, bool exclusive);
/* mm/rmap_reclaim.c: reclaim's walks */
int page_referenced(struct page *page, int is_locked, unsigned long *vm_flags);
bool try_to_unmap(struct page *page);

/*
 * rmap_walk: call rmap_one for each VMA whose range holds page (the
 * interval trees find those, and only those), with the page's address
 * there; stop when rmap_one returns false
 * or done returns non-zero. invalid_vma, if set, skips a VMA; anon_lock,
 * if set, picks the anon_vma to walk (Linux: and locks it). Linux:
 * struct rmap_walk_control (its try_lock and contended are left out:
 * there is no lock to contend for here).
 */
struct rmap_walk_control {
	void *arg;
	bool (*rmap_one)(struct page *page, struct vm_area_struct *vma,
			 unsigned long address, void *arg);
	int (*done)(struct page *page);
	struct anon_vma *(*anon_lock)(struct page *page, struct rmap_walk_control *rwc);
	bool (*invalid_vma)(struct vm_area_struct *vma, void *arg);
};

void rmap_walk(struct page *page, struct rmap_walk_control *rwc);
unsigned long vma_address(struct page *page, struct vm_area_struct *vma);

/*
 * page_vma_mapped_walk: is page mapped in vma at address? Each true
 * return leaves pvmw->pte pointing at a PTE that maps it; with no huge
 * pages there is at most one. Use as
 *
 *	DEFINE_PAGE_VMA_WALK(pvmw, page, vma, address, 0);
 *	while (page_vma_mapped_walk(&pvmw))
 *		... *pvmw.pte maps page ...
 *
 * Linux: include/linux/rmap.h (Linux also returns the PTE table's lock
 * held, in pvmw->ptl; Faultline takes no page-table locks)
 */
struct page_vma_mapped_walk {
	unsigned long pfn;
	unsigned long nr_pages;
	pgoff_t pgoff;
	struct vm_area_struct *vma;
	unsigned long address;
	pmd_t *pmd;
	pte_t *pte;
	unsigned int flags;
};

#define DEFINE_PAGE_VMA_WALK(name, _page, _vma, _address, _flags)	\
	struct page_vma_mapped_walk name = {				\
		.pfn = page_to_pfn(_page),				\
		.nr_pages = 1,						\
		.pgoff = (_page)->index,				\
		.vma = _vma,						\
		.address = _address,					\
		.flags = _flags,					\
	}

bool page_vma_mapped_walk(struct page_vma_mapped_walk *pvmw);

#endif
