// SPDX-License-Identifier: GPL-2.0
/*
 * Reverse mapping: from a page back to the VMAs that map it, and the
 * per-page map counts. Linux: mm/rmap.c
 *
 * Anonymous memory. Each VMA with anonymous pages has an anon_vma; each
 * anonymous page points at one (page->mapping | PAGE_MAPPING_ANON) and
 * keeps its page offset in page->index. An anon_vma_chain (avc) links a
 * VMA to an anon_vma; the links form a grid:
 *
 *            anon_vma A -- head --+------------+
 *                                 |            |
 *   vma 1 -- anon_vma_chain --  avc(1,A)       |
 *                                           avc(2,A)
 *   vma 2 -- anon_vma_chain ----------------'
 *
 * To find every mapping of an anonymous page: page -> anon_vma -> its
 * avcs -> their VMAs -> the address from page->index. Splitting a VMA
 * gives the new half the same anon_vma (anon_vma_clone); fork, later,
 * gives the child its own anon_vma chained to the parent's, so that
 * pages still shared after fork are found in both processes.
 *
 * Left out until reclaim needs the walk: Linux keeps an anon_vma's avcs
 * in an interval tree keyed by page offset (so the walk visits only VMAs
 * that can contain the page) and takes the anon_vma lock; here the avcs
 * are a list and there is nothing to lock against (one CPU, no kernel
 * preemption).
 *
 * Map counts. page->_mapcount is the number of PTEs mapping the page,
 * minus one. The first mapping of a page moves it into NR_ANON_MAPPED or
 * NR_FILE_MAPPED ("AnonPages", "Mapped" in /proc/meminfo), the last
 * unmapping out again.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/rmap.h>

static struct kmem_cache *anon_vma_cachep;
static struct kmem_cache *anon_vma_chain_cachep;

void anon_vma_init(void)
{
	anon_vma_cachep = kmem_cache_create("anon_vma", sizeof(struct anon_vma), 0,
					    SLAB_PANIC, NULL);
	anon_vma_chain_cachep = kmem_cache_create("anon_vma_chain",
						  sizeof(struct anon_vma_chain), 0,
						  SLAB_PANIC, NULL);
}

static struct anon_vma *anon_vma_alloc(void)
{
	struct anon_vma *anon_vma = kmem_cache_zalloc(anon_vma_cachep, GFP_KERNEL);

	if (anon_vma) {
		atomic_set(&anon_vma->refcount, 1);
		anon_vma->root = anon_vma;
		anon_vma->parent = anon_vma;
		INIT_LIST_HEAD(&anon_vma->head);
	}
	return anon_vma;
}

static void anon_vma_put(struct anon_vma *anon_vma)
{
	if (atomic_dec_and_test(&anon_vma->refcount))
		kmem_cache_free(anon_vma_cachep, anon_vma);
}

static void anon_vma_chain_link(struct vm_area_struct *vma, struct anon_vma_chain *avc,
				struct anon_vma *anon_vma)
{
	avc->vma = vma;
	avc->anon_vma = anon_vma;
	list_add(&avc->same_vma, &vma->anon_vma_chain);
	list_add_tail(&avc->same_anon_vma, &anon_vma->head);
}

/*
 * Two neighbouring VMAs that could share an anon_vma: adjacent, same
 * file, flags that differ only in access bits, contiguous offsets.
 * Linux: anon_vma_compatible()
 */
static bool anon_vma_compatible(const struct vm_area_struct *a, const struct vm_area_struct *b)
{
	return a->vm_end == b->vm_start && a->vm_file == b->vm_file &&
	       !((a->vm_flags ^ b->vm_flags) & ~(VM_ACCESS_FLAGS | VM_SOFTDIRTY)) &&
	       b->vm_pgoff == a->vm_pgoff + ((b->vm_start - a->vm_start) >> PAGE_SHIFT);
}

/*
 * Reuse a neighbour's anon_vma when the two could merge again later
 * (after an mprotect made them differ) and the neighbour's anon_vma is
 * its own alone. Linux: find_mergeable_anon_vma()
 */
static struct anon_vma *find_mergeable_anon_vma(struct vm_area_struct *vma)
{
	struct vm_area_struct *near[2] = { vma->vm_next, vma->vm_prev };

	for (int i = 0; i < 2; i++) {
		struct vm_area_struct *n = near[i];

		if (!n || !n->anon_vma)
			continue;
		if (!(i == 0 ? anon_vma_compatible(vma, n) : anon_vma_compatible(n, vma)))
			continue;
		if (n->anon_vma_chain.next == n->anon_vma_chain.prev)	/* singular */
			return n->anon_vma;
	}
	return NULL;
}

/*
 * Give vma an anon_vma before its first anonymous page.
 * Linux: __anon_vma_prepare()
 */
int anon_vma_prepare(struct vm_area_struct *vma)
{
	struct anon_vma *anon_vma;
	struct anon_vma_chain *avc;

	if (vma->anon_vma)
		return 0;
	avc = kmem_cache_alloc(anon_vma_chain_cachep, GFP_KERNEL);
	if (!avc)
		return -ENOMEM;
	anon_vma = find_mergeable_anon_vma(vma);
	if (anon_vma) {
		atomic_inc(&anon_vma->refcount);
	} else {
		anon_vma = anon_vma_alloc();
		if (!anon_vma) {
			kmem_cache_free(anon_vma_chain_cachep, avc);
			return -ENOMEM;
		}
	}
	vma->anon_vma = anon_vma;
	anon_vma_chain_link(vma, avc, anon_vma);
	anon_vma->degree++;
	return 0;
}

/*
 * Link dst to every anon_vma src is linked to (a split, or a merge that
 * must find src's pages through dst). Linux: anon_vma_clone()
 */
int anon_vma_clone(struct vm_area_struct *dst, struct vm_area_struct *src)
{
	struct anon_vma_chain *pavc;

	list_for_each_entry(pavc, &src->anon_vma_chain, same_vma) {
		struct anon_vma_chain *avc = kmem_cache_alloc(anon_vma_chain_cachep, GFP_KERNEL);

		if (!avc) {
			unlink_anon_vmas(dst);
			return -ENOMEM;
		}
		atomic_inc(&pavc->anon_vma->refcount);
		anon_vma_chain_link(dst, avc, pavc->anon_vma);
	}
	if (dst->anon_vma)
		dst->anon_vma->degree++;
	return 0;
}

/* Undo all of vma's links; an anon_vma linked to no VMA goes away. */
void unlink_anon_vmas(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc, *next;

	if (vma->anon_vma)
		vma->anon_vma->degree--;
	list_for_each_entry_safe(avc, next, &vma->anon_vma_chain, same_vma) {
		list_del(&avc->same_vma);
		list_del(&avc->same_anon_vma);
		anon_vma_put(avc->anon_vma);
		kmem_cache_free(anon_vma_chain_cachep, avc);
	}
	vma->anon_vma = NULL;
}

/*
 * A page just allocated for vma at address: anonymous, mapped once,
 * exclusive to this process. Linux: page_add_new_anon_rmap()
 */
void page_add_new_anon_rmap(struct page *page, struct vm_area_struct *vma,
			    unsigned long address)
{
	VM_BUG_ON(!vma->anon_vma);
	__SetPageSwapBacked(page);
	atomic_set(&page->_mapcount, 0);
	mod_node_page_state(NODE_DATA(0), NR_ANON_MAPPED, 1);
	page->mapping = (struct address_space *)((unsigned long)vma->anon_vma |
						 PAGE_MAPPING_ANON);
	page->index = linear_page_index(vma, address);
	SetPageAnonExclusive(page);
}

/* Our page now, and only ours (a COW write reused it). */
void page_move_anon_rmap(struct page *page, struct vm_area_struct *vma)
{
	page->mapping = (struct address_space *)((unsigned long)vma->anon_vma |
						 PAGE_MAPPING_ANON);
	SetPageAnonExclusive(page);
}

void page_add_file_rmap(struct page *page, struct vm_area_struct *vma)
{
	(void)vma;
	if (atomic_inc_and_test(&page->_mapcount))
		mod_node_page_state(NODE_DATA(0), NR_FILE_MAPPED, 1);
}

/* One PTE less maps page. Linux: page_remove_rmap() */
void page_remove_rmap(struct page *page, struct vm_area_struct *vma)
{
	(void)vma;
	VM_BUG_ON(page_mapcount(page) <= 0);
	if (!atomic_add_negative(-1, &page->_mapcount))
		return;
	mod_node_page_state(NODE_DATA(0), PageAnon(page) ? NR_ANON_MAPPED : NR_FILE_MAPPED, -1);
}
