// SPDX-License-Identifier: GPL-2.0
/*
 * The mm audit (debug builds, and so `make test`): every page an address
 * space maps must be found by the rmap walk -- page to anon_vma (or
 * file) to VMAs to PTEs -- exactly page_mapcount() times, and one of
 * those times at the place we found it. It runs when an address space
 * goes away (mmput, before the unmapping), so a broken map count or a
 * broken anon_vma chain is caught close to where it happened, and it
 * names the page and its mappings. Before that, each VMA's nodes in the
 * rmap's interval trees are checked (vma_rmap_trees_ok). Its cost
 * follows the pages the address space maps (one walk of its page
 * tables, one rmap walk per page), never the size of RAM; the LRU
 * audit, which scans every frame, runs between tests instead
 * (mm_audit_lru). No Linux counterpart: Linux has
 * scattered VM_BUG_ON_PAGE checks and the debug_vm_pgtable self-test.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/pagewalk.h>
#include <linux/swap.h>
#include <linux/pagemap.h>

static unsigned long nr_mm_audit_errors;

/* How many wrong pages every audit so far found: tests compare it. */
unsigned long mm_audit_errors(void)
{
	return nr_mm_audit_errors;
}

/* One page's rmap walk: where it looks for the PTE it started from. */
struct audit_rmap {
	struct vm_area_struct *vma;	/* where the page table walk found it */
	unsigned long addr;
	int found;			/* PTEs the rmap walk found */
	bool self;			/* ... among them (vma, addr) */
	bool print;			/* print each one */
};

/*
 * One VMA the rmap walk offers: count the PTE there if it maps the page.
 * The one the page-table walk started from is known to (that is where it
 * found the page), so only the others are looked up.
 */
static bool audit_rmap_one(struct page *page, struct vm_area_struct *vma,
			   unsigned long address, void *arg)
{
	struct audit_rmap *ar = arg;
	DEFINE_PAGE_VMA_WALK(pvmw, page, vma, address, 0);
	bool self = vma == ar->vma && address == ar->addr;
	int n = 0;

	if (self && !ar->print)
		n = 1;
	else
		while (page_vma_mapped_walk(&pvmw))
			n++;
	ar->found += n;
	ar->self |= self && n;
	if (ar->print && n)
		pr_emerg("mm audit:   rmap: mapped at %lx in VMA %lx-%lx of mm %px\n",
			 address, vma->vm_start, vma->vm_end, (void *)vma->vm_mm);
	return true;
}

static void audit_rmap_walk(struct page *page, struct audit_rmap *ar)
{
	struct rmap_walk_control rwc = { .rmap_one = audit_rmap_one, .arg = ar };

	rmap_walk(page, &rwc);
}

static void report(struct page *page, struct vm_area_struct *vma, unsigned long addr,
		   const struct audit_rmap *ar)
{
	struct audit_rmap again = { .vma = vma, .addr = addr, .print = true };

	pr_emerg("mm audit: pfn %#lx mapped at %lx in VMA %lx-%lx flags %#lx of mm %px: "
		 "mapcount %d, but the rmap walk finds %d PTEs%s\n", page_to_pfn(page), addr,
		 vma->vm_start, vma->vm_end, vma->vm_flags, (void *)vma->vm_mm,
		 page_mapcount(page), ar->found, ar->self ? "" : ", and not this one");
	audit_rmap_walk(page, &again);
	dump_page(page, "mm audit");
}

/* One present PTE's page, through the rmap. */
static void audit_pte(struct vm_area_struct *vma, unsigned long addr, pte_t pte, int *bad)
{
	struct audit_rmap ar = { .vma = vma, .addr = addr };
	struct page *page = vm_normal_page(vma, addr, pte);

	if (!page)
		return;		/* the zero page: no map count */
	audit_rmap_walk(page, &ar);
	if (ar.found != page_mapcount(page) || !ar.self) {
		if ((*bad)++ < 3)
			report(page, vma, addr, &ar);
	}
	if (!mm_audit_page_lru(page, vma, addr))
		(*bad)++;
}

/* A PTE table at a time, as smaps does (the audit runs at every exit). */
static int audit_pmd_entry(pmd_t *pmd, unsigned long addr, unsigned long end,
			   struct mm_walk *walk)
{
	pte_t *pte = pte_offset_kernel(pmd, addr);

	for (; addr < end; addr += PAGE_SIZE, pte++)
		if (pte_present(*pte))
			audit_pte(walk->vma, addr, *pte, walk->private);
	return 0;
}

static const struct mm_walk_ops audit_walk_ops = {
	.pmd_entry = audit_pmd_entry,
};

/*
 * vma's nodes in the rmap's interval trees are where its range says:
 * each avc went into its anon_vma's tree at vma's pgoffs as they are now,
 * and each node (a file VMA's in i_mmap too) sorts between its neighbours
 * with its subtree's highest last cached right. A VMA whose range moved
 * while in a tree fails here. validate_mm() asks after every VMA
 * operation, the audit at exit. Linux: validate_mm()'s
 * anon_vma_interval_tree_verify() (CONFIG_DEBUG_VM_RB)
 */
bool vma_rmap_trees_ok(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc;

	if (vma->vm_file && (RB_EMPTY_NODE(&vma->shared.rb) || !vma_interval_tree_node_ok(vma)))
		return false;
	list_for_each_entry(avc, &vma->anon_vma_chain, same_vma)
		if (avc->vma != vma || !anon_vma_interval_tree_verify(avc))
			return false;
	return true;
}

/* Audit the pages mm maps; returns how many are wrong (0: all good). */
int mm_audit_mm(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	int bad = 0;

	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		if (vma_rmap_trees_ok(vma))
			continue;
		pr_emerg("mm audit: VMA %lx-%lx pgoff %#lx of mm %px: a stale node in an rmap "
			 "interval tree\n", vma->vm_start, vma->vm_end, vma->vm_pgoff, (void *)mm);
		bad++;
	}
	if (mm->mmap)
		walk_page_range(mm, 0, TASK_SIZE_MAX, &audit_walk_ops, &bad);
	if (bad)
		pr_emerg("mm audit: %d mapped pages of mm %px disagree with the rmap\n", bad,
			 (void *)mm);
	nr_mm_audit_errors += bad;
	return bad;
}

/* The LRU lists and their counters (mm/debug_lru.c), counted as audit errors. */
int mm_audit_lru(void)
{
	int bad = lru_audit();

	nr_mm_audit_errors += bad;
	return bad;
}

/* Every address space there is, and the LRU lists. */
int mm_audit(void)
{
	struct mm_struct *mm;
	int bad = 0;

	list_for_each_entry(mm, &mm_list, mmlist)
		bad += mm_audit_mm(mm);
	return bad + mm_audit_lru();
}

/*
 * One orphan of the swap cache (no PTE maps it, no swap PTE names its
 * slot, nobody else holds it) off the anon lists, with a reference, or
 * NULL when there is none.
 */
static struct page *find_orphan_swapcache(void)
{
	struct lruvec *lruvec = node_lruvec(NODE_DATA(0));

	for (int lru = LRU_INACTIVE_ANON; lru <= LRU_ACTIVE_ANON; lru++) {
		struct page *page;

		list_for_each_entry(page, &lruvec->lists[lru], lru) {
			swp_entry_t entry = { page_private(page) };

			if (PageSwapCache(page) && !page_mapped(page) && !PageLocked(page) &&
			    page_ref_count(page) == 1 && !__swap_count(entry)) {
				get_page(page);
				return page;
			}
		}
	}
	return NULL;
}

/*
 * Pages left in the swap cache by processes that are gone (a test killed
 * before its swapoff, a write still going when they exited) are not
 * leaked: reclaim would free them. Free them now, each once its write
 * has ended, so that a leak check counts only what is really lost.
 * Linux has no such step (the pages stay until reclaim or swapoff).
 */
static void settle_swap_cache(void)
{
	unsigned long tries = totalram_pages;
	struct page *page;

	while (tries-- && (page = find_orphan_swapcache())) {
		lock_page(page);
		wait_on_page_writeback(page);
		if (PageSwapCache(page) && !page_mapped(page) && page_ref_count(page) == 2)
			delete_from_swap_cache(page);
		unlock_page(page);
		put_page(page);
	}
}

/*
 * The free page count a leak check compares: a lazily kept mm dropped,
 * slab caches shrunk and orphans of the swap cache freed first (any of
 * them would look like a leak), and the kernel's own page
 * tables counted as free, since they are never freed once made (vmalloc
 * space for kernel stacks, as in Linux) and are not what a test leaked.
 */
unsigned long mm_settled_free_pages(void)
{
	leave_mm();		/* our lazy reference to the last process's mm */
	settle_swap_cache();
	kmem_cache_shrink_all();
	return nr_free_pages() + (unsigned long)atomic_long_read(&init_mm.pgtables_bytes) /
				 PAGE_SIZE;
}
