// SPDX-License-Identifier: GPL-2.0
/*
 * The LRU audit (debug builds, and so `make test`): the lists, their
 * counters and the page flags agree.
 *
 *   - every page on list lru is a live page (not free, _refcount > 0)
 *     with PG_lru set and flags for which page_lru() names lru, and the
 *     list's links are whole;
 *   - every page with PG_lru is on exactly that list: each list holds as
 *     many pages as a scan of all frames finds naming it (the unevictable
 *     list, linked nowhere as in Linux 6.1, is checked by the count alone);
 *   - NR_LRU_BASE + lru (node) and NR_ZONE_LRU_BASE + lru (each zone)
 *     equal those counts;
 *   - no page is both PG_active and PG_unevictable, and no free page
 *     has PG_lru.
 *
 * It scans every frame, so it runs between tests (the ktest and user-test
 * runners, and mm_audit()), not at every exit. mm_audit_page_lru() is
 * the per-page part the exit-time audit (debug_vm.c) makes of each page
 * an address space maps. No Linux counterpart: Linux checks these with
 * VM_BUG_ON_FOLIO at each list operation.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/mm_inline.h>
#include "internal.h"

static const char *const lru_names[NR_LRU_LISTS] = {
	"inactive_anon", "active_anon", "inactive_file", "active_file", "unevictable",
};

/* Pages per list and zone, as the walk or the scan finds them. */
struct lru_counts {
	unsigned long nr[NR_LRU_LISTS][MAX_NR_ZONES];
};

static void lru_report(struct page *page, const char *what, int *bad)
{
	if ((*bad)++ < 3 && page)
		dump_page(page, "LRU audit");
	pr_emerg("LRU audit: %s\n", what);
}

/* Is entry the lru field of some struct page there is? */
static struct page *lru_entry_page(struct list_head *entry)
{
	struct page *page = list_entry(entry, struct page, lru);
	unsigned long off = (unsigned long)page - (unsigned long)vmemmap;

	if ((unsigned long)page < (unsigned long)vmemmap || off % sizeof(struct page) ||
	    page_to_pfn(page) >= max_pfn || !pfn_valid(page_to_pfn(page)))
		return NULL;
	return page;
}

/* Walk one evictable list, checking each page, at most max_pfn steps. */
static void lru_walk(struct lruvec *lruvec, enum lru_list lru, struct lru_counts *c, int *bad)
{
	struct list_head *head = &lruvec->lists[lru], *pos = head;
	unsigned long steps = 0;

	while ((pos = pos->next) != head) {
		struct page *page = lru_entry_page(pos);

		if (!page || pos->next->prev != pos || ++steps > max_pfn) {
			pr_emerg("LRU audit: list %s is broken at %px\n", lru_names[lru], (void *)pos);
			(*bad)++;
			return;
		}
		if (!PageLRU(page) || PageBuddy(page) || page_ref_count(page) <= 0)
			lru_report(page, "a page on a list is free or lacks PG_lru", bad);
		else if ((PageActive(page) && PageUnevictable(page)) || page_lru(page) != lru)
			lru_report(page, "a page is on a list its flags do not name", bad);
		c->nr[lru][page_zonenum(page)]++;
	}
}

/* Every frame: count the PG_lru pages by the list their flags name. */
static void lru_scan(struct lru_counts *c, int *bad)
{
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++) {
		struct page *page;

		if (!pfn_valid(pfn))
			continue;
		page = pfn_to_page(pfn);
		if (!PageLRU(page))
			continue;
		if (PageBuddy(page) || page_ref_count(page) <= 0) {
			lru_report(page, "a free page has PG_lru", bad);
			continue;
		}
		if (PageActive(page) && PageUnevictable(page)) {
			lru_report(page, "a page is both active and unevictable", bad);
			continue;
		}
		c->nr[page_lru(page)][page_zonenum(page)]++;
	}
}

/* The counts against each other and against the node's and zones' counters. */
static void lru_compare(const struct lru_counts *walked, const struct lru_counts *scanned,
			int *bad)
{
	struct pglist_data *pgdat = NODE_DATA(0);
	enum lru_list lru;

	for_each_lru(lru) {
		unsigned long total = 0;

		for (int z = 0; z < MAX_NR_ZONES; z++) {
			long counter = pgdat->node_zones[z].vm_stat[NR_ZONE_LRU_BASE + lru];

			if (lru != LRU_UNEVICTABLE && walked->nr[lru][z] != scanned->nr[lru][z]) {
				pr_emerg("LRU audit: %lu pages name %s in zone %d, %lu are on it\n",
					 scanned->nr[lru][z], lru_names[lru], z, walked->nr[lru][z]);
				(*bad)++;
			}
			if (counter != (long)scanned->nr[lru][z]) {
				pr_emerg("LRU audit: zone %d counts %ld on %s, %lu are there\n", z,
					 counter, lru_names[lru], scanned->nr[lru][z]);
				(*bad)++;
			}
			total += scanned->nr[lru][z];
		}
		if (pgdat->vm_stat[NR_LRU_BASE + lru] != (long)total) {
			pr_emerg("LRU audit: the node counts %ld on %s, %lu are there\n",
				 pgdat->vm_stat[NR_LRU_BASE + lru], lru_names[lru], total);
			(*bad)++;
		}
	}
}

/* The whole audit; returns how many things are wrong (0: all good). */
int lru_audit(void)
{
	static struct lru_counts walked, scanned;	/* too big for a kernel stack */
	struct lruvec *lruvec = node_lruvec(NODE_DATA(0));
	enum lru_list lru;
	int bad = 0;

	memset(&walked, 0, sizeof(walked));
	memset(&scanned, 0, sizeof(scanned));
	for_each_evictable_lru(lru)
		lru_walk(lruvec, lru, &walked, &bad);
	if (!list_empty(&lruvec->lists[LRU_UNEVICTABLE])) {
		pr_emerg("LRU audit: the unevictable list has pages linked on it\n");
		bad++;
	}
	lru_scan(&scanned, &bad);
	lru_compare(&walked, &scanned, &bad);
	return bad;
}

/*
 * One page mapped at addr in vma, as the exit-time audit sees it: a page
 * on the LRU that a locked VMA maps must be mlocked and unevictable.
 * (Once reclaim isolates pages, one it held meanwhile may be briefly
 * uncounted: reclaim must lock it again when it finds the locked VMA,
 * as Linux's page_referenced and try_to_unmap do.) Returns whether the
 * page is right.
 */
bool mm_audit_page_lru(struct page *page, struct vm_area_struct *vma, unsigned long addr)
{
	if ((vma->vm_flags & (VM_LOCKED | VM_SPECIAL)) != VM_LOCKED || !PageLRU(page))
		return true;
	if (PageMlocked(page) && PageUnevictable(page))
		return true;
	pr_emerg("LRU audit: pfn %#lx mapped at %lx by a locked VMA is evictable\n",
		 page_to_pfn(page), addr);
	dump_page(page, "LRU audit");
	return false;
}
