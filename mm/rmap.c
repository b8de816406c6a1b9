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
 *            anon_vma A -- rb_root --+------------+
 *                                    |            |
 *   vma 1 -- anon_vma_chain --  avc(1,A)          |
 *                                              avc(2,A)
 *   vma 2 -- anon_vma_chain -------------------'
 *
 * To find every mapping of an anonymous page: page -> anon_vma -> its
 * avcs -> their VMAs -> the address from page->index. An anon_vma keeps
 * its avcs in an interval tree keyed by each VMA's page offsets
 * (mm/interval_tree.c), so the walk meets only the VMAs whose range
 * holds the page's index: after splits and mremaps an anon_vma may have
 * hundreds of VMAs, each holding a few of its pages. Splitting a VMA
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
 * The rules, as in 6.1: a VMA's chain runs from its own anon_vma (the
 * newest) to the root (the oldest); an anon_vma holds one reference for
 * its tree of avcs, dropped when the last avc goes, and every anon_vma
 * of a tree holds one on the root, so the root goes last. num_children
 * counts an anon_vma's child anon_vmas (and a root itself);
 * num_active_vmas the VMAs whose vma->anon_vma it is. A VMA forked from
 * one whose anon_vma has no active VMA and at most one child adopts that
 * anon_vma instead of making a new one (anon_vma_clone).
 *
 * Faultline differs: Linux takes the root anon_vma's rwsem around
 * every change to the chains and the trees, and around each walk; here
 * there is nothing to lock against (one CPU, no kernel preemption).
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
#include <linux/fs.h>

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
		/* The tree's reference: dropped when no avc links it any more. */
		atomic_set(&anon_vma->refcount, 1);
		/* A root until anon_vma_fork makes it someone's child. */
		anon_vma->root = anon_vma;
		anon_vma->parent = anon_vma;
		anon_vma->rb_root = RB_ROOT_CACHED;
	}
	return anon_vma;
}

/*
 * The last reference is gone: free it, and drop the reference a child
 * holds on its root (the root outlives every anon_vma of its tree).
 * Linux: __put_anon_vma()
 */
static void __put_anon_vma(struct anon_vma *anon_vma)
{
	struct anon_vma *root = anon_vma->root;

	VM_BUG_ON(anon_vma->num_children || anon_vma->num_active_vmas);
	kmem_cache_free(anon_vma_cachep, anon_vma);
	if (root != anon_vma && atomic_dec_and_test(&root->refcount))
		kmem_cache_free(anon_vma_cachep, root);
}

void put_anon_vma(struct anon_vma *anon_vma)
{
	if (atomic_dec_and_test(&anon_vma->refcount))
		__put_anon_vma(anon_vma);
}

static struct anon_vma_chain *anon_vma_chain_alloc(void)
{
	return kmem_cache_alloc(anon_vma_chain_cachep, GFP_KERNEL);
}

static void anon_vma_chain_free(struct anon_vma_chain *avc)
{
	kmem_cache_free(anon_vma_chain_cachep, avc);
}

/*
 * Link vma and anon_vma through avc. The avc goes at the head of the
 * VMA's chain, so the chain runs from the newest anon_vma to the oldest
 * (the root last): unlink_anon_vmas relies on that order. The avc
 * joins the anon_vma's tree at vma's range as it is now.
 * Linux: anon_vma_chain_link()
 */
static void anon_vma_chain_link(struct vm_area_struct *vma, struct anon_vma_chain *avc,
				struct anon_vma *anon_vma)
{
	avc->vma = vma;
	avc->anon_vma = anon_vma;
	list_add(&avc->same_vma, &vma->anon_vma_chain);
	anon_vma_interval_tree_insert(avc, &anon_vma->rb_root);
}

/* LAB rmap: anon-vmas BEGIN */
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
 * (after an mprotect made them differ) and the neighbour is linked to
 * its own anon_vma alone (never forked). No reference is taken: the
 * avc that anon_vma_prepare adds keeps the anon_vma's tree non-empty.
 * Linux: find_mergeable_anon_vma()
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
		if (list_is_singular(&n->anon_vma_chain))
			return n->anon_vma;
	}
	return NULL;
}

/*
 * Give vma an anon_vma before its first anonymous page: a neighbour's,
 * or a new root. Linux: __anon_vma_prepare() (which takes the anon_vma
 * lock and mm->page_table_lock against a racing thread; one CPU and no
 * preemption here, so no race).
 */
int anon_vma_prepare(struct vm_area_struct *vma)
{
	struct anon_vma *anon_vma;
	struct anon_vma_chain *avc;

	if (vma->anon_vma)
		return 0;
	avc = anon_vma_chain_alloc();
	if (!avc)
		return -ENOMEM;
	anon_vma = find_mergeable_anon_vma(vma);
	if (!anon_vma) {
		anon_vma = anon_vma_alloc();
		if (!anon_vma) {
			anon_vma_chain_free(avc);
			return -ENOMEM;
		}
		anon_vma->num_children++;	/* a root is its own parent */
	}
	vma->anon_vma = anon_vma;
	anon_vma_chain_link(vma, avc, anon_vma);
	anon_vma->num_active_vmas++;
	return 0;
}

/*
 * Link dst to every anon_vma src is linked to: a split (the new half
 * maps the same pages), a merge (the survivor must find the pages of
 * what it swallows) or fork. src's chain is walked from its end, the
 * root, so that dst's chain, built by adding at the head, keeps the
 * newest-to-oldest order.
 *
 * For fork (dst->anon_vma cleared by the caller), dst may adopt one of
 * the anon_vmas as its own: one that no VMA uses as its own any more and
 * that has at most one child. That keeps a long chain of processes each
 * forking and exiting from growing a chain of anon_vmas without end.
 * A root is never adopted: its own self link and a child make two.
 * Linux: anon_vma_clone() (which takes the root's lock)
 */
int anon_vma_clone(struct vm_area_struct *dst, struct vm_area_struct *src)
{
	struct anon_vma_chain *avc, *pavc;

	list_for_each_entry_reverse(pavc, &src->anon_vma_chain, same_vma) {
		struct anon_vma *anon_vma = pavc->anon_vma;

		avc = anon_vma_chain_alloc();
		if (!avc)
			goto enomem_failure;
		anon_vma_chain_link(dst, avc, anon_vma);
		if (!dst->anon_vma && src->anon_vma && anon_vma->num_children < 2 &&
		    anon_vma->num_active_vmas == 0)
			dst->anon_vma = anon_vma;
	}
	if (dst->anon_vma)
		dst->anon_vma->num_active_vmas++;
	return 0;

enomem_failure:
	/* Not counted active yet: unlink_anon_vmas must not uncount it. */
	dst->anon_vma = NULL;
	unlink_anon_vmas(dst);
	return -ENOMEM;
}

/*
 * fork: the child's vma is linked to all of the parent's anon_vmas (so
 * the pages still shared are found from both processes) and gets one of
 * its own for the pages it will copy on write, unless anon_vma_clone
 * found an old one to reuse. Linux: anon_vma_fork()
 */
int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma)
{
	struct anon_vma_chain *avc;
	struct anon_vma *anon_vma;
	int error;

	if (!pvma->anon_vma)
		return 0;		/* no anonymous pages to share */
	vma->anon_vma = NULL;		/* dup'ed from the parent: ours comes below */
	error = anon_vma_clone(vma, pvma);
	if (error)
		return error;
	if (vma->anon_vma)
		return 0;		/* an existing anon_vma was reused */

	anon_vma = anon_vma_alloc();
	if (!anon_vma)
		goto out_error;
	anon_vma->num_active_vmas++;
	avc = anon_vma_chain_alloc();
	if (!avc)
		goto out_error_free_anon_vma;
	anon_vma->root = pvma->anon_vma->root;
	anon_vma->parent = pvma->anon_vma;
	/* Pin the root: it must outlive us (Linux: its lock lives there). */
	atomic_inc(&anon_vma->root->refcount);
	vma->anon_vma = anon_vma;
	anon_vma_chain_link(vma, avc, anon_vma);
	anon_vma->parent->num_children++;
	return 0;

out_error_free_anon_vma:
	/*
	 * Faultline differs: Linux puts it with num_active_vmas still 1;
	 * __put_anon_vma here asserts both counts are 0 (VM_BUG_ON), which
	 * catches an anon_vma freed while counted, so it is uncounted first.
	 */
	anon_vma->num_active_vmas--;
	put_anon_vma(anon_vma);
out_error:
	unlink_anon_vmas(vma);
	return -ENOMEM;
}

/* LAB rmap: anon-vmas END */

/*
 * Undo all of vma's links, in two passes, as Linux does. The first
 * takes each avc off its anon_vma; an anon_vma left with none stops
 * counting as its parent's child, and its avc stays on vma's chain. The
 * second frees those anon_vmas (each child dropping its hold on the
 * root) and their avcs. The chain runs newest to oldest, so a child is
 * met before its parent, and the root, pinned by every child, goes last.
 * Linux frees in a second pass because __put_anon_vma() takes the root's
 * lock, which the first pass holds; here there is no lock, but the
 * order is the same. Linux: unlink_anon_vmas()
 */
void unlink_anon_vmas(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc, *next;

	list_for_each_entry_safe(avc, next, &vma->anon_vma_chain, same_vma) {
		struct anon_vma *anon_vma = avc->anon_vma;

		anon_vma_interval_tree_remove(avc, &anon_vma->rb_root);
		if (RB_EMPTY_ROOT(&anon_vma->rb_root.rb_root)) {
			anon_vma->parent->num_children--;
			continue;	/* freed in the second pass */
		}
		list_del(&avc->same_vma);
		anon_vma_chain_free(avc);
	}
	if (vma->anon_vma) {
		vma->anon_vma->num_active_vmas--;
		vma->anon_vma = NULL;	/* a later fault prepares a new one */
	}
	list_for_each_entry_safe(avc, next, &vma->anon_vma_chain, same_vma) {
		struct anon_vma *anon_vma = avc->anon_vma;

		VM_BUG_ON(anon_vma->num_children);
		VM_BUG_ON(anon_vma->num_active_vmas);
		put_anon_vma(anon_vma);
		list_del(&avc->same_vma);
		anon_vma_chain_free(avc);
	}
}

/*
 * A page just allocated for vma at address: anonymous, mapped once,
 * exclusive to this process. The caller puts it on the LRU next, which
 * also locks it in a VM_LOCKED VMA (lru_cache_add_inactive_or_unevictable).
 * Linux: page_add_new_anon_rmap()
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

/*
 * One more PTE maps an anonymous page that may be mapped already: a
 * swap-cache page a fault brought back. The first mapping of a page read
 * in fresh gives it its anon_vma (the root's, unless the mapping is
 * exclusive, so every process forked from the same root finds it); a
 * page that never lost its anon_vma keeps it. Linux: page_add_anon_rmap()
 */
void page_add_anon_rmap(struct page *page, struct vm_area_struct *vma,
			unsigned long address, bool exclusive)
{
	if (atomic_inc_and_test(&page->_mapcount)) {
		mod_node_page_state(NODE_DATA(0), NR_ANON_MAPPED, 1);
		if (!PageAnon(page)) {
			struct anon_vma *anon_vma = vma->anon_vma;

			if (!exclusive)
				anon_vma = anon_vma->root;
			page->mapping = (struct address_space *)((unsigned long)anon_vma |
								 PAGE_MAPPING_ANON);
			page->index = linear_page_index(vma, address);
		}
	}
	if (exclusive)
		SetPageAnonExclusive(page);
	mlock_vma_page(page, vma);
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
	if (atomic_inc_and_test(&page->_mapcount))
		mod_node_page_state(NODE_DATA(0), NR_FILE_MAPPED, 1);
	mlock_vma_page(page, vma);
}

/* One PTE less maps page. Linux: page_remove_rmap() */
void page_remove_rmap(struct page *page, struct vm_area_struct *vma)
{
	VM_BUG_ON(page_mapcount(page) <= 0);
	munlock_vma_page(page, vma);
	if (!atomic_add_negative(-1, &page->_mapcount))
		return;
	mod_node_page_state(NODE_DATA(0), PageAnon(page) ? NR_ANON_MAPPED : NR_FILE_MAPPED, -1);
}

/* --- the rmap walk: from a page to every PTE that maps it --- */

/*
 * The address at which vma maps (or would map) page, or -EFAULT when
 * the page's offset lies outside vma. Linux: mm/internal.h vma_address()
 */
unsigned long vma_address(struct page *page, struct vm_area_struct *vma)
{
	pgoff_t pgoff = page->index;

	if (pgoff < vma->vm_pgoff || pgoff - vma->vm_pgoff >= vma_pages(vma))
		return -EFAULT;
	return vma->vm_start + ((pgoff - vma->vm_pgoff) << PAGE_SHIFT);
}

/*
 * Offer a VMA the tree found to rwc->rmap_one. Its range holds the
 * page's index (that is what the tree found), so the page has an
 * address there. Returns false when the walk was told to stop.
 */
static bool rmap_walk_one(struct page *page, struct vm_area_struct *vma,
			  struct rmap_walk_control *rwc)
{
	unsigned long address = vma_address(page, vma);

	VM_BUG_ON(address == -EFAULT);	/* a stale key: see mm/interval_tree.c */
	if (rwc->invalid_vma && rwc->invalid_vma(vma, rwc->arg))
		return true;
	if (!rwc->rmap_one(page, vma, address, rwc->arg))
		return false;
	return !(rwc->done && rwc->done(page));
}

/*
 * The anon_vma to walk: rwc->anon_lock's choice if it has one (Linux's
 * page_referenced uses it to try the lock and give up rather than
 * wait), else the page's. Linux: rmap_walk_anon_lock() (which takes the
 * anon_vma's read lock; there is none to take here)
 */
static struct anon_vma *rmap_walk_anon_lock(struct page *page, struct rmap_walk_control *rwc)
{
	if (rwc->anon_lock)
		return rwc->anon_lock(page, rwc);
	return page_anon_vma(page);
}

/*
 * An anonymous page: the VMAs on its anon_vma's tree whose page range
 * holds the page's index, and no others. Linux: rmap_walk_anon() (under
 * the anon_vma's read lock)
 */
static void rmap_walk_anon(struct page *page, struct rmap_walk_control *rwc)
{
	struct anon_vma *anon_vma = rmap_walk_anon_lock(page, rwc);
	pgoff_t pgoff_start = page->index, pgoff_end = page->index;
	struct anon_vma_chain *avc;

	if (!anon_vma)
		return;
	anon_vma_interval_tree_foreach(avc, &anon_vma->rb_root, pgoff_start, pgoff_end) {
		if (!rmap_walk_one(page, avc->vma, rwc))
			break;
	}
}

/*
 * A page-cache page: the VMAs in its file's i_mmap whose file range
 * holds the page. Linux: rmap_walk_file() (which needs the page locked,
 * and takes i_mmap_rwsem)
 */
static void rmap_walk_file(struct page *page, struct rmap_walk_control *rwc)
{
	struct address_space *mapping = page->mapping;
	pgoff_t pgoff_start = page->index, pgoff_end = page->index;
	struct vm_area_struct *vma;

	if (!mapping)
		return;
	vma_interval_tree_foreach(vma, &mapping->i_mmap, pgoff_start, pgoff_end) {
		if (!rmap_walk_one(page, vma, rwc))
			break;
	}
}

/* Linux: rmap_walk() */
void rmap_walk(struct page *page, struct rmap_walk_control *rwc)
{
	if (PageAnon(page))
		rmap_walk_anon(page, rwc);
	else
		rmap_walk_file(page, rwc);
}
