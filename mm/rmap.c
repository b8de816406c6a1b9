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
 * gives the new half the same anon_vma (anon_vma_clone). Fork links the
 * child's VMA to all of the parent's anon_vmas and gives it one of its
 * own for the pages it copies later (anon_vma_fork):
 *
 *   parent vma P --- avc --- anon_vma A (root)   <- pages from before fork
 *                             ^ parent
 *   child vma C ---- avc ----'
 *               --- avc --- anon_vma B (root: A) <- the child's COW copies
 *
 * so a page still shared after fork is found in both processes.
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

/* The last reference: free it; a child's also drops its root. Linux: __put_anon_vma() */
static void anon_vma_put(struct anon_vma *anon_vma)
{
	struct anon_vma *root = anon_vma->root;

	if (!atomic_dec_and_test(&anon_vma->refcount))
		return;
	kmem_cache_free(anon_vma_cachep, anon_vma);
	if (root != anon_vma)
		anon_vma_put(root);
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
		anon_vma->num_children++;	/* a root's link to itself */
	}
	vma->anon_vma = anon_vma;
	anon_vma_chain_link(vma, avc, anon_vma);
	anon_vma->num_active_vmas++;
	return 0;
}

/*
 * Link dst to every anon_vma src is linked to (a split, a merge that
 * must find src's pages through dst, or fork). A dst without an anon_vma
 * of its own (fork) may adopt one of them that no VMA uses as its own
 * and that has at most one child. Linux: anon_vma_clone()
 */
int anon_vma_clone(struct vm_area_struct *dst, struct vm_area_struct *src)
{
	struct anon_vma_chain *pavc;

	list_for_each_entry(pavc, &src->anon_vma_chain, same_vma) {
		struct anon_vma_chain *avc = kmem_cache_alloc(anon_vma_chain_cachep, GFP_KERNEL);
		struct anon_vma *anon_vma = pavc->anon_vma;

		if (!avc) {
			dst->anon_vma = NULL;
			unlink_anon_vmas(dst);
			return -ENOMEM;
		}
		atomic_inc(&anon_vma->refcount);
		anon_vma_chain_link(dst, avc, anon_vma);
		if (!dst->anon_vma && src->anon_vma && anon_vma->num_children < 2 &&
		    anon_vma->num_active_vmas == 0)
			dst->anon_vma = anon_vma;
	}
	if (dst->anon_vma)
		dst->anon_vma->num_active_vmas++;
	return 0;
}

/*
 * fork: the child's vma gets the parent's anon_vmas (so the pages still
 * shared are found from both) and one of its own for its COW copies,
 * unless an old one can be reused. Linux: anon_vma_fork()
 */
int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma)
{
	struct anon_vma_chain *avc;
	struct anon_vma *anon_vma;
	int error;

	if (!pvma->anon_vma)
		return 0;
	vma->anon_vma = NULL;
	error = anon_vma_clone(vma, pvma);
	if (error)
		return error;
	if (vma->anon_vma)
		return 0;		/* an existing anon_vma was reused */
	anon_vma = anon_vma_alloc();
	avc = kmem_cache_alloc(anon_vma_chain_cachep, GFP_KERNEL);
	if (!anon_vma || !avc) {
		if (anon_vma)
			kmem_cache_free(anon_vma_cachep, anon_vma);
		if (avc)
			kmem_cache_free(anon_vma_chain_cachep, avc);
		unlink_anon_vmas(vma);
		return -ENOMEM;
	}
	anon_vma->num_active_vmas++;
	anon_vma->root = pvma->anon_vma->root;
	anon_vma->parent = pvma->anon_vma;
	atomic_inc(&anon_vma->root->refcount);
	vma->anon_vma = anon_vma;
	anon_vma_chain_link(vma, avc, anon_vma);
	anon_vma->parent->num_children++;
	return 0;
}

/*
 * Undo all of vma's links. An anon_vma no VMA links to any more stops
 * counting as its parent's child, and goes with its last reference.
 * Linux: unlink_anon_vmas()
 */
void unlink_anon_vmas(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc, *next;

	if (vma->anon_vma)
		vma->anon_vma->num_active_vmas--;
	list_for_each_entry_safe(avc, next, &vma->anon_vma_chain, same_vma) {
		struct anon_vma *anon_vma = avc->anon_vma;

		list_del(&avc->same_vma);
		list_del(&avc->same_anon_vma);
		if (list_empty(&anon_vma->head))
			anon_vma->parent->num_children--;
		anon_vma_put(anon_vma);
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

/*
 * fork copied a PTE mapping an anonymous page: one more mapping, and the
 * page is no longer exclusive (a write must copy it, or find it alone
 * again). Linux: page_try_dup_anon_rmap()
 */
void page_dup_anon_rmap(struct page *page, struct vm_area_struct *vma)
{
	(void)vma;
	atomic_inc(&page->_mapcount);
	ClearPageAnonExclusive(page);
}

void page_dup_file_rmap(struct page *page, struct vm_area_struct *vma)
{
	(void)vma;
	atomic_inc(&page->_mapcount);
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
