// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator. Linux: mm/page_alloc.c
 *
 * Free memory is kept per zone as blocks of 2^order frames, each aligned
 * to its own size. A block's "buddy" is the other half of the block of
 * the next order up; their frame numbers differ in exactly bit `order`:
 *
 *   order 2 blocks:   [ 0..3 ][ 4..7 ][ 8..11 ][12..15]
 *   buddies:           \_______/       \________/
 *   order 3 blocks:   [    0..7      ][    8..15      ]
 *
 *   buddy_pfn = pfn ^ (1 << order),  parent_pfn = pfn & buddy_pfn
 *
 * Allocating order n takes the first block from the smallest non-empty
 * list of order >= n and splits it, putting the unused halves back on the
 * lower lists (expand). Freeing merges the block with its buddy for as
 * long as the buddy is free and of the same order (__free_one_page).
 *
 * A free block's first page is marked with the PG_buddy page type and
 * holds its order in page->private; that is how a buddy is recognised.
 *
 * Allocation keeps each zone's watermarks (mm/watermark.c): the fast
 * path leaves low free, the slow path digs to min and, for an allocation
 * that may wait, calls the OOM killer.
 *
 * Left out from Linux: per-CPU page lists (one CPU), migrate types and
 * compaction, reclaim (it comes with swap), NUMA.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/mm.h>
#include <linux/fault-inject.h>
#include <linux/oom.h>
#include <linux/swap.h>
#include <linux/sched/mm.h>
#include <linux/hardirq.h>
#include <asm/irqflags.h>
#include <asm/stacktrace.h>
#include "internal.h"

struct pglist_data contig_page_data;
unsigned long totalram_pages;
static unsigned long nr_bad_page_reports;

/* --- free lists --- */

static void set_buddy_order(struct page *page, unsigned int order)
{
	set_page_private(page, order);
	__SetPageBuddy(page);
}

static unsigned int buddy_order(const struct page *page)
{
	return (unsigned int)page_private(page);
}

static void add_to_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	struct free_area *area = &zone->free_area[order];

	list_add(&page->lru, &area->free_list);
	area->nr_free++;
}

static void del_page_from_free_list(struct page *page, struct zone *zone,
				    unsigned int order)
{
	list_del(&page->lru);
	__ClearPageBuddy(page);
	set_page_private(page, 0);
	zone->free_area[order].nr_free--;
}

static unsigned long find_buddy_pfn(unsigned long pfn, unsigned int order)
{
	return pfn ^ (1UL << order);
}

/*
 * May page and buddy merge? Only if buddy is the first page of a free
 * block of the same order in the same zone. The buddy's struct page
 * always exists: a block of MAX_ORDER_NR_PAGES frames never crosses a
 * 128 MiB section, and sections are all-or-nothing.
 */
static bool page_is_buddy(const struct page *page, const struct page *buddy,
			  unsigned int order)
{
	return PageBuddy(buddy) && buddy_order(buddy) == order &&
	       page_zonenum(page) == page_zonenum(buddy);
}

/* Free a block and merge it upward as far as its buddies allow. */
static void __free_one_page(struct page *page, unsigned long pfn,
			    struct zone *zone, unsigned int order)
{
	VM_BUG_ON(!zone_spans_pfn(zone, pfn));
	VM_BUG_ON(pfn & ((1UL << order) - 1));

	__mod_zone_page_state(zone, NR_FREE_PAGES, 1L << order);
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = find_buddy_pfn(pfn, order);
		struct page *buddy = page + (buddy_pfn - pfn);
		unsigned long combined_pfn;

		if (!page_is_buddy(page, buddy, order))
			break;
		del_page_from_free_list(buddy, zone, order);
		combined_pfn = buddy_pfn & pfn;
		page += combined_pfn - pfn;
		pfn = combined_pfn;
		order++;
	}
	set_buddy_order(page, order);
	add_to_free_list(page, zone, order);
}

/*
 * Split a block of order `high` down to order `low`: the upper half of
 * each split goes back on the free list one order down.
 */
static void expand(struct zone *zone, struct page *page, unsigned int low,
		   unsigned int high)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_list(&page[size], zone, high);
		set_buddy_order(&page[size], high);
	}
}

/* Take a block of exactly `order` from the smallest list that has one. */
static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order)
{
	for (unsigned int current_order = order; current_order < MAX_ORDER;
	     current_order++) {
		struct free_area *area = &zone->free_area[current_order];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		del_page_from_free_list(page, zone, current_order);
		expand(zone, page, order, current_order);
		__mod_zone_page_state(zone, NR_FREE_PAGES, -(1L << order));
		return page;
	}
	return NULL;
}

/* --- checks --- */

/*
 * Is page inside a free block of the buddy allocator (its first page or
 * any other)? For /proc/kpageflags. Linux: is_free_buddy_page()
 */
bool is_free_buddy_page(struct page *page)
{
	unsigned long pfn = page_to_pfn(page);

	for (unsigned int order = 0; order < MAX_ORDER; order++) {
		struct page *head = page - (pfn & ((1UL << order) - 1));

		if (PageBuddy(head) && buddy_order(head) >= order)
			return true;
	}
	return false;
}

/* Report a page in a state that should be impossible. Linux: bad_page() */
void bad_page(struct page *page, const char *reason)
{
	nr_bad_page_reports++;
	pr_alert("BUG: Bad page state in process %s  pfn:%05lx\n", current->comm,
		 page_to_pfn(page));
	dump_page(page, reason);
	dump_stack();
	add_taint(TAINT_BAD_PAGE);
}

unsigned long bad_page_reports(void)
{
	return nr_bad_page_reports;
}

/* Why page cannot be freed or handed out, or NULL if it is clean. */
static const char *page_bad_reason(const struct page *page, unsigned long flags)
{
	if (page->_mapcount.counter != -1)
		return "nonzero mapcount";
	if (page->mapping)
		return "non-NULL mapping";
	if (page_ref_count(page) != 0)
		return "nonzero _refcount";
	if (page->flags & flags)
		return flags == PAGE_FLAGS_CHECK_AT_FREE ?
		       "PAGE_FLAGS_CHECK_AT_FREE flag(s) set" :
		       "PAGE_FLAGS_CHECK_AT_PREP flag(s) set";
	return NULL;
}

static bool check_free_page(struct page *page)
{
	const char *reason = page_bad_reason(page, PAGE_FLAGS_CHECK_AT_FREE);

	if (!reason)
		return true;
	bad_page(page, reason);
	/* Leave the fields for debugging, but never leave a fake buddy. */
	page_mapcount_reset(page);
	return false;
}

/* Undo a compound page: tails point back at the head until freed. */
static bool free_tail_pages(struct page *head, unsigned int order)
{
	bool ok = true;

	for (unsigned long i = 1; i < (1UL << order); i++) {
		struct page *p = head + i;

		if (compound_head(p) != head) {
			bad_page(p, "corrupted compound_head");
			ok = false;
		}
		if (p->mapping == TAIL_MAPPING)
			p->mapping = NULL;
		clear_compound_head(p);
		p->compound_dtor = 0;
		p->compound_order = 0;
		p->compound_nr = 0;
	}
	__ClearPageHead(head);
	return ok;
}

/*
 * Check a block on its way back to the free lists. A bad page is
 * reported and kept out of the lists, so one bug cannot corrupt them.
 * Linux: free_pages_prepare()
 */
static bool free_pages_prepare(struct page *page, unsigned int order)
{
	bool ok = true;

	/* An anonymous page's mapping is its anon_vma, with bit 0 set. */
	if ((unsigned long)page->mapping & 0x3)
		page->mapping = NULL;

	if (PageHead(page))
		ok = free_tail_pages(page, order);
	for (unsigned long i = 0; i < (1UL << order); i++) {
		if (!check_free_page(page + i))
			ok = false;
	}
	if (!ok)
		return false;
	for (unsigned long i = 0; i < (1UL << order); i++)
		page[i].flags &= ~PAGE_FLAGS_CHECK_AT_PREP;
	return true;
}

/*
 * Free a block whose last reference is gone (put_page and __free_pages
 * end here). Linux: free_unref_page() for order 0, __free_pages_ok()
 * above (Faultline has no per-CPU page lists: both go to the buddies).
 */
void free_unref_page(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
	unsigned long flags;

	if (!free_pages_prepare(page, order))
		return;
	local_irq_save(flags);
	__free_one_page(page, pfn, page_zone(page), order);
	count_vm_events(PGFREE, 1UL << order);
	local_irq_restore(flags);
}

/* --- allocation --- */

static void prep_compound_page(struct page *page, unsigned int order)
{
	unsigned long nr = 1UL << order;

	__SetPageHead(page);
	for (unsigned long i = 1; i < nr; i++) {
		set_compound_head(page + i, page);
		page[i].mapping = TAIL_MAPPING;
	}
	page[1].compound_order = (unsigned char)order;
	page[1].compound_nr = (unsigned int)nr;
}

/*
 * Are the pages of a block clean on their way out? Every page was checked
 * when it was freed, so, as Linux 6.1 (check_new_pages), this second look
 * is made only in debug builds.
 */
static bool check_new_pages(struct page *page, unsigned int order)
{
#ifdef CONFIG_DEBUG_VM
	for (unsigned long i = 0; i < (1UL << order); i++) {
		const char *reason = page_bad_reason(page + i, PAGE_FLAGS_CHECK_AT_PREP);

		if (reason) {
			bad_page(page + i, reason);
			return false;
		}
	}
#endif
	return true;
}

/*
 * Make a block just taken from the free lists ready for its user:
 * one reference, zeroed or made compound if asked.
 */
static bool prep_new_page(struct page *page, unsigned int order, gfp_t gfp)
{
	if (!check_new_pages(page, order))
		return false;
	init_page_count(page);
	if (gfp & __GFP_ZERO)
		for (unsigned long i = 0; i < (1UL << order); i++)
			clear_page(page_address(page + i));
	if (order && (gfp & __GFP_COMP))
		prep_compound_page(page, order);
	return true;
}

static const enum vm_event_item pgalloc_event[MAX_NR_ZONES] = {
	[ZONE_DMA] = PGALLOC_DMA,
	[ZONE_DMA32] = PGALLOC_DMA32,
	[ZONE_NORMAL] = PGALLOC_NORMAL,
};

/*
 * Is there room in z for a block of 2^order above mark, less what the
 * allocation's flags let it dig into, and above the reserve the zone
 * keeps from allocations that could have used a higher zone? For
 * order > 0 a free block that large must exist too.
 * free_pages: what to count as free (reclaim's retry adds what it could
 * reclaim). Linux: __zone_watermark_ok() (no highatomic or CMA reserves)
 */
bool __zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
			 int highest_zoneidx, unsigned int alloc_flags, long free_pages)
{
	long min = (long)mark;

	free_pages -= (1L << order) - 1;

	if (alloc_flags & ALLOC_RESERVES) {
		if (alloc_flags & ALLOC_MIN_RESERVE) {
			min -= min / 2;
			if (alloc_flags & ALLOC_NON_BLOCK)
				min -= min / 4;
		}
		if (alloc_flags & ALLOC_OOM)
			min -= min / 2;
	}
	if (free_pages <= min + z->lowmem_reserve[highest_zoneidx])
		return false;
	if (!order)
		return true;
	for (unsigned int o = order; o < MAX_ORDER; o++)
		if (z->free_area[o].nr_free)
			return true;
	return false;
}

/* Linux: zone_watermark_ok() */
bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       int highest_zoneidx, unsigned int alloc_flags)
{
	return __zone_watermark_ok(z, order, mark, highest_zoneidx, alloc_flags,
				   (long)zone_page_state(z, NR_FREE_PAGES));
}

/*
 * Try the allowed zones from the highest down (Linux's zonelist order),
 * each only if it stays above the watermark alloc_flags names.
 * Linux: get_page_from_freelist()
 */
static struct page *get_page_from_freelist(gfp_t gfp, unsigned int order,
					   unsigned int alloc_flags)
{
	int highest_zoneidx = gfp_zone(gfp);

	for (int z = highest_zoneidx; z >= 0; z--) {
		struct zone *zone = &contig_page_data.node_zones[z];
		struct page *page;
		unsigned long flags;

		if (!zone->managed_pages)
			continue;
		if (!(alloc_flags & ALLOC_NO_WATERMARKS) &&
		    !zone_watermark_ok(zone, order, wmark_pages(zone, alloc_flags & ALLOC_WMARK_MASK),
				       highest_zoneidx, alloc_flags))
			continue;
		local_irq_save(flags);
		page = __rmqueue_smallest(zone, order);
		if (page)
			count_vm_events(pgalloc_event[z], 1UL << order);
		local_irq_restore(flags);
		if (page && prep_new_page(page, order, gfp))
			return page;
	}
	return NULL;
}

static void warn_alloc(gfp_t gfp, unsigned int order)
{
	if (gfp & __GFP_NOWARN)
		return;
	pr_warn("%s: page allocation failure: order:%u, mode:%#x, nodemask=(null)\n",
		current->comm, order, gfp);
	dump_stack();
	show_mem();
}

/*
 * The last resort: kill a process for this allocation. Only for one
 * of at most PAGE_ALLOC_COSTLY_ORDER (the OOM killer frees scattered
 * pages, not large blocks), not __GFP_RETRY_MAYFAIL, and not from a
 * core dump; one last try at the high watermark first catches memory
 * an earlier kill freed. *did_some_progress: worth retrying.
 * Linux: __alloc_pages_may_oom() (without oom_lock: one CPU, and no
 * preemption between the check and the kill)
 */
static struct page *__alloc_pages_may_oom(gfp_t gfp, unsigned int order,
					  bool *did_some_progress)
{
	struct oom_control oc = { .gfp_mask = gfp, .order = (int)order };
	struct page *page;

	*did_some_progress = false;
	page = get_page_from_freelist(gfp & ~__GFP_DIRECT_RECLAIM, order, ALLOC_WMARK_HIGH);
	if (page)
		return page;
	if (order > PAGE_ALLOC_COSTLY_ORDER || (gfp & (__GFP_RETRY_MAYFAIL | __GFP_THISNODE)) ||
	    (current->flags & PF_DUMPCORE))
		return NULL;
	*did_some_progress = out_of_memory(&oc);
	return NULL;
}

/*
 * The watermark and reserves the slow path allows: min, half of it for
 * __GFP_HIGH, a quarter less again for one that cannot sleep (GFP_ATOMIC).
 * Linux: gfp_to_alloc_flags() (no highatomic reserve, cpusets or CMA)
 */
static unsigned int gfp_to_alloc_flags(gfp_t gfp)
{
	unsigned int alloc_flags = ALLOC_WMARK_MIN;

	if (gfp & __GFP_HIGH)
		alloc_flags |= ALLOC_MIN_RESERVE;
	if (!(gfp & __GFP_DIRECT_RECLAIM) && !(gfp & __GFP_NOMEMALLOC))
		alloc_flags |= ALLOC_NON_BLOCK;
	if (gfp & __GFP_KSWAPD_RECLAIM)
		alloc_flags |= ALLOC_KSWAPD;
	return alloc_flags;
}

/*
 * Who may go below min: __GFP_MEMALLOC and reclaim's own allocations
 * (PF_MEMALLOC: kswapd, direct reclaim, MADV_PAGEOUT) to the last page,
 * since reclaim needs a little memory to free more; an OOM victim to
 * half of what is left (so it can exit). Linux: __gfp_pfmemalloc_flags()
 */
static unsigned int gfp_pfmemalloc_flags(gfp_t gfp)
{
	if (gfp & __GFP_NOMEMALLOC)
		return 0;
	if (gfp & __GFP_MEMALLOC)
		return ALLOC_NO_WATERMARKS;
	if (!in_task())
		return 0;
	if (current->flags & PF_MEMALLOC)
		return ALLOC_NO_WATERMARKS;
	if (tsk_is_oom_victim(current))
		return ALLOC_OOM;
	return 0;
}

/* Wake kswapd for the allocation's zones (one node: one kswapd). Linux: wake_all_kswapds() */
static void wake_all_kswapds(unsigned int order, gfp_t gfp)
{
	int highest_zoneidx = gfp_zone(gfp);

	for (int z = highest_zoneidx; z >= 0; z--) {
		struct zone *zone = &contig_page_data.node_zones[z];

		if (zone->managed_pages) {
			wakeup_kswapd(zone, gfp, (int)order, (enum zone_type)highest_zoneidx);
			return;
		}
	}
}

/*
 * Reclaim for this allocation in its own context, as a reclaimer
 * (PF_MEMALLOC), then try again at the same watermark.
 * *did_some_progress: pages freed. Linux: __alloc_pages_direct_reclaim()
 * -> __perform_reclaim() (no per-CPU lists to drain, no highatomic
 * reserve to give back)
 */
static struct page *__alloc_pages_direct_reclaim(gfp_t gfp, unsigned int order,
						 unsigned int alloc_flags,
						 unsigned long *did_some_progress)
{
	unsigned int noreclaim_flag;

	cond_resched();
	noreclaim_flag = memalloc_noreclaim_save();
	*did_some_progress = try_to_free_pages((int)order, gfp);
	memalloc_noreclaim_restore(noreclaim_flag);
	cond_resched();
	if (!*did_some_progress)
		return NULL;
	return get_page_from_freelist(gfp, order, alloc_flags);
}

/*
 * Is another round of reclaim worth it? Not after MAX_RECLAIM_RETRIES
 * rounds in a row freed nothing; otherwise yes if some zone would pass
 * its min watermark were all its reclaimable pages freed.
 * Linux: should_reclaim_retry()
 */
static bool should_reclaim_retry(gfp_t gfp, unsigned int order, unsigned int alloc_flags,
				 bool did_some_progress, int *no_progress_loops)
{
	int highest_zoneidx = gfp_zone(gfp);

	if (did_some_progress && order <= PAGE_ALLOC_COSTLY_ORDER)
		*no_progress_loops = 0;
	else
		(*no_progress_loops)++;
	if (*no_progress_loops > MAX_RECLAIM_RETRIES)
		return false;
	for (int z = highest_zoneidx; z >= 0; z--) {
		struct zone *zone = &contig_page_data.node_zones[z];
		unsigned long available;

		if (!zone->managed_pages)
			continue;
		available = zone_reclaimable_pages(zone) + zone_page_state(zone, NR_FREE_PAGES);
		if (__zone_watermark_ok(zone, order, min_wmark_pages(zone), highest_zoneidx,
					alloc_flags, (long)available)) {
			cond_resched();
			return true;
		}
	}
	return false;
}

/*
 * No zone stayed above its low watermark at the first try. Wake kswapd
 * and try down to min (and the reserves the flags allow); then, if the
 * allocation may sleep, reclaim directly and retry while reclaim makes
 * progress or could; then the OOM killer. After a kill the task sleeps
 * one tick, so that the victim runs to its exit and frees its memory,
 * and tries again; a victim gets one more try from the reserves, then
 * fails. Linux: __alloc_pages_slowpath() (no compaction, cpusets or
 * __GFP_NOFAIL loop)
 */
static struct page *__alloc_pages_slowpath(gfp_t gfp, unsigned int order)
{
	bool can_direct_reclaim = gfp & __GFP_DIRECT_RECLAIM;
	unsigned int alloc_flags = gfp_to_alloc_flags(gfp), reserve_flags;
	unsigned long progress;
	int no_progress_loops = 0;
	bool oom_progress;
	struct page *page;

	if (alloc_flags & ALLOC_KSWAPD)
		wake_all_kswapds(order, gfp);
	page = get_page_from_freelist(gfp, order, alloc_flags);
	if (page)
		return page;
retry:
	if (alloc_flags & ALLOC_KSWAPD)
		wake_all_kswapds(order, gfp);
	reserve_flags = gfp_pfmemalloc_flags(gfp);
	if (reserve_flags)
		alloc_flags = reserve_flags | (alloc_flags & ALLOC_KSWAPD);
	page = get_page_from_freelist(gfp, order, alloc_flags);
	if (page)
		return page;
	if (!can_direct_reclaim || (current->flags & PF_MEMALLOC))
		goto nopage;
	page = __alloc_pages_direct_reclaim(gfp, order, alloc_flags, &progress);
	if (page)
		return page;
	if (gfp & __GFP_NORETRY)
		goto nopage;
	if (order > PAGE_ALLOC_COSTLY_ORDER && !(gfp & __GFP_RETRY_MAYFAIL))
		goto nopage;
	if (should_reclaim_retry(gfp, order, alloc_flags, progress > 0, &no_progress_loops))
		goto retry;
	page = __alloc_pages_may_oom(gfp, order, &oom_progress);
	if (page)
		return page;
	if (tsk_is_oom_victim(current) && ((alloc_flags & ALLOC_OOM) || (gfp & __GFP_NOMEMALLOC)))
		goto nopage;
	if (oom_progress) {
		no_progress_loops = 0;
		schedule_timeout_uninterruptible(1);
		goto retry;
	}
nopage:
	warn_alloc(gfp, order);
	return NULL;
}

/*
 * Allocate 2^order contiguous frames; NULL when no zone has a free block
 * that large and the slow path could not make one, or when a test asked
 * for this allocation to fail (fault-inject.h: before any of it, as in
 * Linux's prepare_alloc_pages). The fast path leaves every zone's low
 * watermark free. Linux: __alloc_pages()
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;

	if (order >= MAX_ORDER) {
		WARN_ON_ONCE(!(gfp & __GFP_NOWARN));
		return NULL;
	}
	if (should_fail_alloc_page(gfp, order))
		return NULL;
	page = get_page_from_freelist(gfp, order, ALLOC_WMARK_LOW);
	if (!page)
		page = __alloc_pages_slowpath(gfp, order);
	return page;
}

/*
 * Drop a reference, saying whether it was the last. Dropping one from a
 * page whose count is already zero is a double free: reported, and
 * false, so the free lists are left alone. Linux: put_page_testzero()
 * (a VM_BUG_ON_PAGE there)
 */
bool put_page_testzero(struct page *page)
{
	if (page_ref_count(page) <= 0) {
		bad_page(page, "freeing a page whose _refcount is already 0 (double free?)");
		return false;
	}
	return page_ref_dec_and_test(page);
}

/*
 * Drop a reference to a block the kernel allocated for itself; the last
 * reference frees it. A page on an LRU list goes through put_page
 * instead, which takes it off its list first.
 */
void __free_pages(struct page *page, unsigned int order)
{
	if (put_page_testzero(page))
		free_unref_page(page, order);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

/*
 * A block of boot memory joins the buddy allocator: from reserved-at-birth
 * to free (Linux: memblock_free_pages -> __free_pages_core).
 */
void memblock_free_pages(struct page *page, unsigned long pfn, unsigned int order)
{
	unsigned long nr = 1UL << order;

	(void)pfn;
	for (unsigned long i = 0; i < nr; i++) {
		__ClearPageReserved(page + i);
		set_page_count(page + i, 0);
	}
	page_zone(page)->managed_pages += nr;
	set_page_count(page, 1);
	__free_pages(page, order);
}

/*
 * Pages reserved at boot (the initramfs archive) join the buddy
 * allocator. Only whole pages inside [start, end). Linux: free_reserved_area()
 */
unsigned long free_reserved_area(void *start, void *end, const char *s)
{
	unsigned long first = PFN_UP(__pa(start)), last = PFN_DOWN(__pa(end)), pages = 0;

	for (unsigned long pfn = first; pfn < last; pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (!PageReserved(page))
			continue;
		__ClearPageReserved(page);
		set_page_count(page, 1);
		page_zone(page)->managed_pages++;
		totalram_pages++;
		__free_pages(page, 0);
		pages++;
	}
	if (s && pages)
		pr_info("Freeing %s memory: %luK\n", s, pages << (PAGE_SHIFT - 10));
	return pages;
}

/* Free blocks per order per zone, as /proc/buddyinfo prints them. */
void show_buddyinfo(void)
{
	struct zone *zone;

	for_each_zone(zone) {
		if (!populated_zone(zone))
			continue;
		printk(KERN_INFO "Node 0, zone %8s ", zone->name);
		for (int order = 0; order < MAX_ORDER; order++)
			pr_cont("%6lu ", zone->free_area[order].nr_free);
		pr_cont("\n");
	}
}
