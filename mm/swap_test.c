// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for the LRU lists (mm/swap.c, mm/vmscan.c, mm/mlock.c): a page
 * enters the list its flags name, ages through mark_page_accessed, is
 * deactivated, isolated and put back, becomes unevictable through its
 * file and is rescued, and leaves at its last put; and the LRU audit
 * (mm/debug_lru.c) notices a page on the wrong list. The runner checks
 * nothing leaked and the audit is clean after each test.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/mm_inline.h>
#include <linux/pagemap.h>
#include <linux/swap.h>
#include <linux/vmstat.h>

/* The node's count for list lru. */
static long lru_pages(enum lru_list lru)
{
	return NODE_DATA(0)->vm_stat[NR_LRU_BASE + lru];
}

/* Is page linked on list lru? */
static bool on_list(struct page *page, enum lru_list lru)
{
	struct page *p;

	list_for_each_entry(p, &node_lruvec(NODE_DATA(0))->lists[lru], lru)
		if (p == page)
			return true;
	return false;
}

/* A page as shmem makes one: swap-backed, on no list yet. */
static struct page *new_swapbacked_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_NOWARN);

	if (page)
		__SetPageSwapBacked(page);
	return page;
}

KTEST(lru, add_age_free, "a new page is inactive; two uses make it active; deactivation, and the last put, take it back off")
{
	struct page *page = new_swapbacked_page();
	long inactive = lru_pages(LRU_INACTIVE_ANON), active = lru_pages(LRU_ACTIVE_ANON);
	unsigned long activations = vm_event_states[PGACTIVATE];

	KT_ASSERT_TRUE(t, page);
	lru_cache_add(page);
	KT_EXPECT_TRUE(t, PageLRU(page) && !PageActive(page) && on_list(page, LRU_INACTIVE_ANON));
	KT_EXPECT_EQ(t, inactive + 1, lru_pages(LRU_INACTIVE_ANON));

	mark_page_accessed(page);
	KT_EXPECT_TRUE(t, PageReferenced(page) && !PageActive(page));
	mark_page_accessed(page);
	KT_EXPECT_TRUE(t, !PageReferenced(page) && PageActive(page));
	KT_EXPECT_TRUE(t, on_list(page, LRU_ACTIVE_ANON) && !on_list(page, LRU_INACTIVE_ANON));
	KT_EXPECT_EQ(t, active + 1, lru_pages(LRU_ACTIVE_ANON));
	KT_EXPECT_EQ(t, inactive, lru_pages(LRU_INACTIVE_ANON));
	KT_EXPECT_EQ(t, activations + 1, vm_event_states[PGACTIVATE]);

	deactivate_page(page);
	KT_EXPECT_TRUE(t, !PageActive(page) && on_list(page, LRU_INACTIVE_ANON));
	KT_EXPECT_EQ(t, active, lru_pages(LRU_ACTIVE_ANON));

	put_page(page);
	KT_EXPECT_EQ(t, inactive, lru_pages(LRU_INACTIVE_ANON));
}

KTEST(lru, file_half, "a page that is not swap-backed goes on the file lists; deactivate_file_page puts a clean one at the inactive tail")
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_NOWARN);
	long file = lru_pages(LRU_INACTIVE_FILE);

	KT_ASSERT_TRUE(t, page);
	lru_cache_add(page);
	KT_EXPECT_TRUE(t, on_list(page, LRU_INACTIVE_FILE));
	KT_EXPECT_EQ(t, file + 1, lru_pages(LRU_INACTIVE_FILE));
	activate_page(page);
	KT_EXPECT_TRUE(t, on_list(page, LRU_ACTIVE_FILE));
	deactivate_file_page(page);	/* unmapped and clean: to the inactive list's tail */
	KT_EXPECT_TRUE(t, !PageActive(page) && on_list(page, LRU_INACTIVE_FILE));
	KT_EXPECT_PTR_EQ(t, &page->lru, node_lruvec(NODE_DATA(0))->lists[LRU_INACTIVE_FILE].prev);
	put_page(page);
	KT_EXPECT_EQ(t, file, lru_pages(LRU_INACTIVE_FILE));
}

KTEST(lru, isolate_putback, "isolation takes a page off its list with a reference; putback restores both; a second isolation is EBUSY")
{
	struct page *page = new_swapbacked_page();
	long inactive = lru_pages(LRU_INACTIVE_ANON);

	KT_ASSERT_TRUE(t, page);
	lru_cache_add(page);
	KT_EXPECT_EQ(t, 0, isolate_lru_page(page));
	KT_EXPECT_TRUE(t, !PageLRU(page) && !on_list(page, LRU_INACTIVE_ANON));
	KT_EXPECT_EQ(t, 2, page_ref_count(page));
	KT_EXPECT_EQ(t, inactive, lru_pages(LRU_INACTIVE_ANON));
	KT_EXPECT_EQ(t, -EBUSY, isolate_lru_page(page));
	mark_page_accessed(page);	/* used while isolated: no list to move on */
	mark_page_accessed(page);
	KT_EXPECT_EQ(t, inactive, lru_pages(LRU_INACTIVE_ANON));
	putback_lru_page(page);
	KT_EXPECT_TRUE(t, PageLRU(page) && on_list(page, LRU_INACTIVE_ANON));
	KT_EXPECT_EQ(t, 1, page_ref_count(page));
	KT_EXPECT_EQ(t, inactive + 1, lru_pages(LRU_INACTIVE_ANON));
	put_page(page);
}

KTEST(lru, unevictable_mapping, "a page of an AS_UNEVICTABLE file is unevictable (culled), linked nowhere, and rescued when the file is not")
{
	struct address_space mapping = { .flags = 1UL << AS_UNEVICTABLE };
	struct page *page = new_swapbacked_page();
	long unevictable = lru_pages(LRU_UNEVICTABLE), inactive = lru_pages(LRU_INACTIVE_ANON);
	unsigned long culled = vm_event_states[UNEVICTABLE_PGCULLED];
	unsigned long rescued = vm_event_states[UNEVICTABLE_PGRESCUED];

	KT_ASSERT_TRUE(t, page);
	page->mapping = &mapping;
	lru_cache_add(page);
	KT_EXPECT_TRUE(t, PageLRU(page) && PageUnevictable(page) && page->mlock_count == 0);
	KT_EXPECT_TRUE(t, list_empty(&node_lruvec(NODE_DATA(0))->lists[LRU_UNEVICTABLE]));
	KT_EXPECT_EQ(t, unevictable + 1, lru_pages(LRU_UNEVICTABLE));
	KT_EXPECT_EQ(t, culled + 1, vm_event_states[UNEVICTABLE_PGCULLED]);
	mark_page_accessed(page);
	mark_page_accessed(page);	/* the unevictable list is never rotated */
	KT_EXPECT_TRUE(t, !PageActive(page) && PageUnevictable(page));

	mapping_clear_unevictable(&mapping);
	check_move_unevictable_pages(&page, 1);
	KT_EXPECT_TRUE(t, !PageUnevictable(page) && on_list(page, LRU_INACTIVE_ANON));
	KT_EXPECT_EQ(t, unevictable, lru_pages(LRU_UNEVICTABLE));
	KT_EXPECT_EQ(t, inactive + 1, lru_pages(LRU_INACTIVE_ANON));
	KT_EXPECT_EQ(t, rescued + 1, vm_event_states[UNEVICTABLE_PGRESCUED]);
	page->mapping = NULL;
	put_page(page);
}

KTEST_FLAGS(lru, audit_finds, "the LRU audit finds a page on a list its flags do not name, and a list count that is off",
	    KTEST_MM_AUDIT_OK)
{
	struct lruvec *lruvec = node_lruvec(NODE_DATA(0));
	struct page *page = new_swapbacked_page();

	KT_ASSERT_TRUE(t, page);
	lru_cache_add(page);
	KT_EXPECT_EQ(t, 0, lru_audit());
	list_move(&page->lru, &lruvec->lists[LRU_ACTIVE_ANON]);	/* flags say inactive */
	KT_EXPECT_TRUE(t, lru_audit() > 0);
	list_move(&page->lru, &lruvec->lists[LRU_INACTIVE_ANON]);
	KT_EXPECT_EQ(t, 0, lru_audit());
	mod_node_page_state(NODE_DATA(0), NR_INACTIVE_ANON, 1);
	KT_EXPECT_TRUE(t, lru_audit() > 0);
	mod_node_page_state(NODE_DATA(0), NR_INACTIVE_ANON, -1);
	put_page(page);
	KT_EXPECT_EQ(t, 0, lru_audit());
}
