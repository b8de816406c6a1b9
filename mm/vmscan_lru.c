// SPDX-License-Identifier: GPL-2.0
/*
 * Reclaim under memory pressure: how many pages of each LRU list to
 * look at, ageing the active lists into the inactive ones, and handing
 * the inactive lists' oldest pages to shrink_page_list (mm/vmscan.c).
 * Two callers: direct reclaim, from an allocation that found too little
 * free (try_to_free_pages), and kswapd (mm/kswapd.c). Linux: mm/vmscan.c
 *
 * The shape is 6.1's classic LRU (not the multi-gen LRU, which Debian
 * builds but leaves off):
 *
 *   try_to_free_pages -> do_try_to_free_pages: priority 12 down to 0
 *     shrink_node -> shrink_lruvec: get_scan_count says how many
 *       shrink_list -> shrink_active_list   active -> inactive
 *                   -> shrink_inactive_list -> shrink_page_list
 *
 * Faultline has one node, no memory cgroups, no slab shrinkers, no
 * compaction and no workingset shadow entries (so no refault counts:
 * may_deactivate follows the list sizes alone). lru_lock is not taken:
 * one CPU, no kernel preemption, and the disk's interrupt touches the
 * lists only through rotate_reclaimable_page, with interrupts off.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_inline.h>
#include <linux/swap.h>
#include <linux/rmap.h>
#include <linux/math.h>
#include <linux/vmstat.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/timekeeping.h>
#include <linux/string.h>
#include "internal.h"

int vm_swappiness = 60;

/* Is there swap left to put anonymous pages in? Linux: can_reclaim_anon_pages() */
static bool can_reclaim_anon_pages(void)
{
	return get_nr_swap_pages() > 0;
}

/* Is ageing the anon lists worth it at all? Linux: can_age_anon_pages() */
bool can_age_anon_pages(void)
{
	return total_swap_pages > 0;
}

/*
 * Pages of zone reclaim could free: file pages, and anonymous ones if
 * there is swap; its free pages if there are none (so that a zone
 * with free pages is not given up). Linux: zone_reclaimable_pages()
 */
unsigned long zone_reclaimable_pages(struct zone *zone)
{
	unsigned long nr;

	nr = zone_page_state(zone, NR_ZONE_INACTIVE_FILE) +
	     zone_page_state(zone, NR_ZONE_ACTIVE_FILE);
	if (can_reclaim_anon_pages())
		nr += zone_page_state(zone, NR_ZONE_INACTIVE_ANON) +
		      zone_page_state(zone, NR_ZONE_ACTIVE_ANON);
	if (nr == 0)
		nr = zone_page_state(zone, NR_FREE_PAGES);
	return nr;
}

/* Pages on list lru in the zones up to zone_idx. Linux: lruvec_lru_size() */
static unsigned long lruvec_lru_size(struct lruvec *lruvec, enum lru_list lru, int zone_idx)
{
	unsigned long size = 0;

	for (int zid = 0; zid <= zone_idx; zid++) {
		struct zone *zone = &lruvec_pgdat(lruvec)->node_zones[zid];

		if (zone->managed_pages)
			size += zone_page_state(zone, NR_ZONE_LRU_BASE + lru);
	}
	return size;
}

/* --- throttling: waiting for the disk instead of scanning in vain --- */

/*
 * Sleep until reclaim can hope to do better: until enough pages reclaim
 * wrote have been written (or a tenth of a second), or for one tick
 * when a pass found nothing to free. Kernel threads other than kswapd
 * never wait here. Linux: reclaim_throttle() (the ISOLATED and
 * CONGESTED reasons have no users here)
 */
void reclaim_throttle(struct pglist_data *pgdat, enum vmscan_throttle_state reason)
{
	struct wait_queue_head *wqh = &pgdat->reclaim_wait[reason];
	long timeout = HZ / 50;
	DEFINE_WAIT(wait);

	if (!current_is_kswapd() && (current->flags & PF_KTHREAD)) {
		cond_resched();
		return;
	}
	if (reason == VMSCAN_THROTTLE_WRITEBACK) {
		timeout = HZ / 10;
		if (++pgdat->nr_writeback_throttled == 1)
			pgdat->nr_reclaim_start = pgdat->vm_stat[NR_THROTTLED_WRITTEN];
	} else if (reason == VMSCAN_THROTTLE_NOPROGRESS) {
		timeout = 1;
	}
	prepare_to_wait(wqh, &wait, TASK_UNINTERRUPTIBLE);
	schedule_timeout(timeout);
	finish_wait(wqh, &wait);
	if (reason == VMSCAN_THROTTLE_WRITEBACK)
		pgdat->nr_writeback_throttled--;
}

/*
 * A write ended (from the disk's interrupt). If reclaimers wait for
 * writes, count it, and wake them once a batch per waiter is written.
 * Linux: acct_reclaim_writeback() -> __acct_reclaim_writeback()
 */
void acct_reclaim_writeback(struct page *page)
{
	struct pglist_data *pgdat = page_pgdat(page);
	int nr_throttled = pgdat->nr_writeback_throttled;

	if (!nr_throttled)
		return;
	mod_node_page_state(pgdat, NR_THROTTLED_WRITTEN, 1);
	if (pgdat->vm_stat[NR_THROTTLED_WRITTEN] - pgdat->nr_reclaim_start >
	    SWAP_CLUSTER_MAX * (unsigned long)nr_throttled)
		wake_up(&pgdat->reclaim_wait[VMSCAN_THROTTLE_WRITEBACK]);
}

/*
 * No throttling when the node is mostly not waiting on writes (most of
 * what could be freed is not under writeback), or kswapd gave up.
 * Linux: skip_throttle_noprogress()
 */
static bool skip_throttle_noprogress(struct pglist_data *pgdat)
{
	unsigned long reclaimable = 0, write_pending = 0;

	if (pgdat->kswapd_failures >= MAX_RECLAIM_RETRIES)
		return true;
	for (int i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *zone = &pgdat->node_zones[i];

		if (!zone->managed_pages)
			continue;
		reclaimable += zone_reclaimable_pages(zone);
		write_pending += zone_page_state(zone, NR_ZONE_WRITE_PENDING);
	}
	return 2 * write_pending <= reclaimable;
}

/*
 * Direct reclaim that freed nothing even at priority 1 waits a tick for
 * the writes it started. Linux: consider_reclaim_throttle()
 */
static void consider_reclaim_throttle(struct pglist_data *pgdat, struct scan_control *sc)
{
	if (sc->nr_reclaimed > (sc->nr_scanned >> 3)) {
		if (waitqueue_active(&pgdat->reclaim_wait[VMSCAN_THROTTLE_NOPROGRESS]))
			wake_up(&pgdat->reclaim_wait[VMSCAN_THROTTLE_NOPROGRESS]);
		return;
	}
	if (current_is_kswapd())
		return;
	if (sc->priority == 1 && !sc->nr_reclaimed && !skip_throttle_noprogress(pgdat))
		reclaim_throttle(pgdat, VMSCAN_THROTTLE_NOPROGRESS);
}

/* --- taking pages off the lists and giving them back --- */

/*
 * Take up to nr_to_scan pages from the tail (the oldest end) of list
 * lru onto dst, oldest first, each with a reference. Pages of zones
 * above sc->reclaim_idx are skipped (they would not help this
 * allocation) and go back to the head. *nr_scanned: pages looked at.
 * Linux: isolate_lru_folios()
 */
static unsigned long isolate_lru_pages(unsigned long nr_to_scan, struct lruvec *lruvec,
				       struct list_head *dst, unsigned long *nr_scanned,
				       struct scan_control *sc, enum lru_list lru)
{
	static const enum vm_event_item pgskip[MAX_NR_ZONES] = {
		PGSKIP_DMA, PGSKIP_DMA32, PGSKIP_NORMAL
	};
	struct list_head *src = &lruvec->lists[lru];
	unsigned long nr_taken = 0, scan = 0, total_scan = 0;
	LIST_HEAD(pages_skipped);

	while (scan < nr_to_scan && !list_empty(src)) {
		struct page *page = list_last_entry(src, struct page, lru);

		total_scan++;
		if ((int)page_zonenum(page) > sc->reclaim_idx) {
			count_vm_event(pgskip[page_zonenum(page)]);
			list_move(&page->lru, &pages_skipped);
			continue;
		}
		scan++;
		if (!PageLRU(page) || (!sc->may_unmap && page_mapped(page))) {
			list_move(&page->lru, src);
			continue;
		}
		get_page(page);
		ClearPageLRU(page);
		del_page_from_lru_list(page, lruvec);
		list_add_tail(&page->lru, dst);
		nr_taken++;
	}
	list_splice(&pages_skipped, src);
	*nr_scanned = total_scan;
	return nr_taken;
}

/*
 * Give each page left on list back to the list its flags name now (or
 * free it, if ours was its last reference). Returns how many went back.
 * Linux: move_folios_to_lru()
 */
static unsigned int move_pages_to_lru(struct list_head *list)
{
	unsigned int nr_moved = 0;

	while (!list_empty(list)) {
		struct page *page = list_first_entry(list, struct page, lru);

		list_del(&page->lru);
		if (page_ref_count(page) > 1)
			nr_moved++;
		putback_lru_page(page);
	}
	return nr_moved;
}

/* --- the two list shrinkers --- */

/*
 * Reclaim from the oldest nr_to_scan pages of inactive list lru; what
 * stays goes back (to the active list if shrink_page_list says so).
 * Counts pgscan and pgsteal for kswapd or direct reclaim, and notes the
 * cost of the writes it started. Linux: shrink_inactive_list() (without
 * the too-many-isolated wait: one CPU has one reclaimer at a time)
 */
static unsigned long shrink_inactive_list(unsigned long nr_to_scan, struct lruvec *lruvec,
					  struct scan_control *sc, enum lru_list lru)
{
	struct pglist_data *pgdat = lruvec_pgdat(lruvec);
	bool file = is_file_lru(lru);
	unsigned long nr_scanned, nr_taken;
	struct reclaim_stat stat;
	unsigned int nr_reclaimed;
	LIST_HEAD(page_list);

	lru_add_drain();
	nr_taken = isolate_lru_pages(nr_to_scan, lruvec, &page_list, &nr_scanned, sc, lru);
	mod_node_page_state(pgdat, NR_ISOLATED_ANON + file, (long)nr_taken);
	count_vm_events(current_is_kswapd() ? PGSCAN_KSWAPD : PGSCAN_DIRECT, nr_scanned);
	count_vm_events(PGSCAN_ANON + file, nr_scanned);
	if (nr_taken == 0)
		return 0;

	nr_reclaimed = shrink_page_list(&page_list, pgdat, sc, &stat);
	move_pages_to_lru(&page_list);
	mod_node_page_state(pgdat, NR_ISOLATED_ANON + file, -(long)nr_taken);
	count_vm_events(current_is_kswapd() ? PGSTEAL_KSWAPD : PGSTEAL_DIRECT, nr_reclaimed);
	count_vm_events(PGSTEAL_ANON + file, nr_reclaimed);
	lru_note_cost(lruvec, file, stat.nr_pageout);

	sc->nr.writeback += stat.nr_writeback;
	sc->nr.immediate += stat.nr_immediate;
	sc->nr.taken += nr_taken;
	return nr_reclaimed;
}

/*
 * Age nr_to_scan pages from the tail of active list lru: each goes to
 * the inactive list (PG_workingset: it was in use once), except a
 * program's text page of a file some PTE used since the last look,
 * which goes round the active list again. Anonymous pages are
 * deactivated even when referenced: the inactive list's second chance
 * (page_check_references) is where their use counts. pgrefill counts
 * the pages looked at, pgdeactivate those moved.
 * Linux: shrink_active_list()
 */
void shrink_active_list(unsigned long nr_to_scan, struct lruvec *lruvec,
			struct scan_control *sc, enum lru_list lru)
{
	struct pglist_data *pgdat = lruvec_pgdat(lruvec);
	bool file = is_file_lru(lru);
	unsigned long nr_taken, nr_scanned, vm_flags;
	unsigned int nr_deactivate;
	LIST_HEAD(l_hold);
	LIST_HEAD(l_active);
	LIST_HEAD(l_inactive);

	lru_add_drain();
	nr_taken = isolate_lru_pages(nr_to_scan, lruvec, &l_hold, &nr_scanned, sc, lru);
	mod_node_page_state(pgdat, NR_ISOLATED_ANON + file, (long)nr_taken);
	count_vm_events(PGREFILL, nr_scanned);

	while (!list_empty(&l_hold)) {
		struct page *page = list_first_entry(&l_hold, struct page, lru);

		cond_resched();
		list_del(&page->lru);
		if (!page_evictable(page)) {
			putback_lru_page(page);
			continue;
		}
		if (page_referenced(page, 0, &vm_flags) &&
		    (vm_flags & VM_EXEC) && page_is_file_lru(page)) {
			list_add_tail(&page->lru, &l_active);
			continue;
		}
		ClearPageActive(page);
		SetPageWorkingset(page);
		list_add_tail(&page->lru, &l_inactive);
	}
	move_pages_to_lru(&l_active);
	nr_deactivate = move_pages_to_lru(&l_inactive);
	count_vm_events(PGDEACTIVATE, nr_deactivate);
	mod_node_page_state(pgdat, NR_ISOLATED_ANON + file, -(long)nr_taken);
}

/*
 * Is the inactive list too short beside its active one? The target
 * ratio of active to inactive grows with the square root of the lists'
 * size in GiB: 1 below 1 GiB (half and half), 3 at 1 GiB, 10 at 10 GiB.
 * Linux: inactive_is_low()
 */
bool inactive_is_low(struct lruvec *lruvec, enum lru_list inactive_lru)
{
	struct pglist_data *pgdat = lruvec_pgdat(lruvec);
	unsigned long inactive = pgdat->vm_stat[NR_LRU_BASE + inactive_lru];
	unsigned long active = pgdat->vm_stat[NR_LRU_BASE + inactive_lru + LRU_ACTIVE];
	unsigned long gb = (inactive + active) >> (30 - PAGE_SHIFT);
	unsigned long inactive_ratio = gb ? int_sqrt(10 * gb) : 1;

	return inactive * inactive_ratio < active;
}

/* --- how much of each list --- */

enum scan_balance {
	SCAN_EQUAL,		/* each list by its size */
	SCAN_FRACT,		/* anon and file by swappiness and cost */
	SCAN_ANON,		/* anon only */
	SCAN_FILE,		/* file only */
};

/*
 * Before a pass over the node: which active lists may be aged (those
 * whose inactive list is short), whether plenty of inactive file pages
 * let anon be spared (cache_trim_mode), and whether file pages are
 * nearly gone (file_is_tiny). Linux: prepare_scan_count()
 */
static void prepare_scan_count(struct pglist_data *pgdat, struct scan_control *sc)
{
	struct lruvec *lruvec = node_lruvec(pgdat);
	unsigned long file, free = 0, total_high_wmark = 0, anon;

	sc->anon_cost = lruvec->anon_cost;
	sc->file_cost = lruvec->file_cost;
	if (!sc->force_deactivate) {
		sc->may_deactivate = 0;
		if (inactive_is_low(lruvec, LRU_INACTIVE_ANON))
			sc->may_deactivate |= DEACTIVATE_ANON;
		if (inactive_is_low(lruvec, LRU_INACTIVE_FILE))
			sc->may_deactivate |= DEACTIVATE_FILE;
	} else {
		sc->may_deactivate = DEACTIVATE_ANON | DEACTIVATE_FILE;
	}

	file = pgdat->vm_stat[NR_INACTIVE_FILE];
	sc->cache_trim_mode = (file >> sc->priority) && !(sc->may_deactivate & DEACTIVATE_FILE);

	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &pgdat->node_zones[z];

		if (!zone->managed_pages)
			continue;
		total_high_wmark += high_wmark_pages(zone);
		free += zone_page_state(zone, NR_FREE_PAGES);
	}
	file = pgdat->vm_stat[NR_ACTIVE_FILE] + pgdat->vm_stat[NR_INACTIVE_FILE];
	anon = pgdat->vm_stat[NR_INACTIVE_ANON];
	sc->file_is_tiny = file + free <= total_high_wmark &&
			   !(sc->may_deactivate & DEACTIVATE_ANON) && (anon >> sc->priority);
}

/*
 * How many pages of each evictable list this pass scans: each list's
 * size >> priority, shared between anon and file by swappiness (anon's
 * weight out of 200) and by what each kind recently cost to reclaim.
 * No swap: file only. Priority 0: everything, equally.
 * Linux: get_scan_count()
 */
static void get_scan_count(struct lruvec *lruvec, struct scan_control *sc, unsigned long *nr)
{
	unsigned long fraction[2] = { 0, 0 }, denominator = 1;
	unsigned long anon_cost, file_cost, total_cost, ap, fp;
	int swappiness = vm_swappiness;
	enum scan_balance scan_balance;
	enum lru_list lru;

	if (!sc->may_swap || !can_reclaim_anon_pages())
		scan_balance = SCAN_FILE;
	else if (!sc->priority && swappiness)
		scan_balance = SCAN_EQUAL;
	else if (sc->file_is_tiny)
		scan_balance = SCAN_ANON;
	else if (sc->cache_trim_mode)
		scan_balance = SCAN_FILE;
	else
		scan_balance = SCAN_FRACT;

	if (scan_balance == SCAN_FRACT) {
		/* At least a third of the pressure on each, before swappiness. */
		total_cost = sc->anon_cost + sc->file_cost;
		anon_cost = total_cost + sc->anon_cost;
		file_cost = total_cost + sc->file_cost;
		total_cost = anon_cost + file_cost;
		ap = (unsigned long)swappiness * (total_cost + 1) / (anon_cost + 1);
		fp = (unsigned long)(200 - swappiness) * (total_cost + 1) / (file_cost + 1);
		fraction[0] = ap;
		fraction[1] = fp;
		denominator = ap + fp;
	}

	for_each_evictable_lru(lru) {
		bool file = is_file_lru(lru);
		unsigned long scan = lruvec_lru_size(lruvec, lru, sc->reclaim_idx) >> sc->priority;

		if (scan_balance == SCAN_FRACT)
			scan = scan * fraction[file] / denominator;
		else if ((scan_balance == SCAN_FILE && !file) || (scan_balance == SCAN_ANON && file))
			scan = 0;
		nr[lru] = scan;
	}
}

/*
 * An active list is aged only when its inactive list is short (else the
 * pass says it skipped some, for the retry with force_deactivate).
 * Linux: shrink_list()
 */
static unsigned long shrink_list(enum lru_list lru, unsigned long nr_to_scan,
				 struct lruvec *lruvec, struct scan_control *sc)
{
	if (is_active_lru(lru)) {
		if (sc->may_deactivate & (1 << is_file_lru(lru)))
			shrink_active_list(nr_to_scan, lruvec, sc, lru);
		else
			sc->skipped_deactivate = 1;
		return 0;
	}
	return shrink_inactive_list(nr_to_scan, lruvec, sc, lru);
}

/*
 * Once kswapd has reclaimed its target, stop the smaller of anon and
 * file and cut the other's remaining scan to the same share of its
 * target, so both are scanned in the proportion get_scan_count chose.
 * Linux: the second half of shrink_lruvec()'s loop
 */
static bool scan_proportionally(unsigned long *nr, const unsigned long *targets)
{
	unsigned long nr_file = nr[LRU_INACTIVE_FILE] + nr[LRU_ACTIVE_FILE];
	unsigned long nr_anon = nr[LRU_INACTIVE_ANON] + nr[LRU_ACTIVE_ANON];
	unsigned long percentage, scanned;
	int lru;

	if (!nr_file || !nr_anon)
		return false;
	if (nr_file > nr_anon) {
		lru = LRU_BASE;
		percentage = nr_anon * 100 /
			     (targets[LRU_INACTIVE_ANON] + targets[LRU_ACTIVE_ANON] + 1);
	} else {
		lru = LRU_FILE;
		percentage = nr_file * 100 /
			     (targets[LRU_INACTIVE_FILE] + targets[LRU_ACTIVE_FILE] + 1);
	}
	nr[lru] = 0;
	nr[lru + LRU_ACTIVE] = 0;
	lru = (lru == LRU_FILE) ? LRU_BASE : LRU_FILE;
	for (int i = lru; i <= lru + LRU_ACTIVE; i++) {
		scanned = targets[i] - nr[i];
		nr[i] = targets[i] * (100 - percentage) / 100;
		nr[i] -= min(nr[i], scanned);
	}
	return true;
}

/*
 * Scan the node's lists, SWAP_CLUSTER_MAX pages at a time from each in
 * turn, until get_scan_count's targets are met; direct reclaim at the
 * first priority does the whole batch, others stop early once they
 * reclaimed enough. Then age the anon list if its inactive part is
 * short, even if anon was not scanned. Linux: shrink_lruvec()
 */
static void shrink_lruvec(struct lruvec *lruvec, struct scan_control *sc)
{
	unsigned long nr[NR_LRU_LISTS], targets[NR_LRU_LISTS];
	unsigned long nr_reclaimed = 0;
	bool proportional_reclaim = !current_is_kswapd() && sc->priority == DEF_PRIORITY;
	enum lru_list lru;

	get_scan_count(lruvec, sc, nr);
	memcpy(targets, nr, sizeof(nr));
	while (nr[LRU_INACTIVE_ANON] || nr[LRU_ACTIVE_FILE] || nr[LRU_INACTIVE_FILE]) {
		for_each_evictable_lru(lru) {
			unsigned long nr_to_scan = min(nr[lru], SWAP_CLUSTER_MAX);

			if (!nr_to_scan)
				continue;
			nr[lru] -= nr_to_scan;
			nr_reclaimed += shrink_list(lru, nr_to_scan, lruvec, sc);
		}
		cond_resched();
		if (nr_reclaimed < sc->nr_to_reclaim || proportional_reclaim)
			continue;
		if (!scan_proportionally(nr, targets))
			break;
	}
	sc->nr_reclaimed += nr_reclaimed;
	if (can_age_anon_pages() && inactive_is_low(lruvec, LRU_INACTIVE_ANON))
		shrink_active_list(SWAP_CLUSTER_MAX, lruvec, sc, LRU_ACTIVE_ANON);
}

/*
 * One pass over the node. kswapd that found nothing but pages under
 * writeback marks the node so, and waits for writes when it meets
 * such pages again. A pass that freed something resets kswapd's
 * failures. Linux: shrink_node() (one memory cgroup, no slab
 * shrinkers, no congestion marks, no compaction's continue)
 */
void shrink_node(struct pglist_data *pgdat, struct scan_control *sc)
{
	unsigned long nr_reclaimed = sc->nr_reclaimed;

	memset(&sc->nr, 0, sizeof(sc->nr));
	prepare_scan_count(pgdat, sc);
	shrink_lruvec(node_lruvec(pgdat), sc);
	if (current_is_kswapd()) {
		if (sc->nr.writeback && sc->nr.writeback == sc->nr.taken)
			pgdat->flags |= 1UL << PGDAT_WRITEBACK;
		if (sc->nr.immediate)
			reclaim_throttle(pgdat, VMSCAN_THROTTLE_WRITEBACK);
	}
	if (sc->nr_reclaimed - nr_reclaimed)
		pgdat->kswapd_failures = 0;
}

/*
 * Raise the pressure a priority at a time until enough is freed. If
 * nothing was, and an active list was spared because its inactive list
 * looked long enough, go again ageing every list. allocstall counts
 * each direct reclaim, by the allocation's highest zone.
 * Linux: do_try_to_free_pages() -> shrink_zones()
 */
static unsigned long do_try_to_free_pages(struct scan_control *sc)
{
	static const enum vm_event_item allocstall[MAX_NR_ZONES] = {
		ALLOCSTALL_DMA, ALLOCSTALL_DMA32, ALLOCSTALL_NORMAL
	};
	struct pglist_data *pgdat = NODE_DATA(0);
	int initial_priority = sc->priority;
	enum vm_event_item stall = allocstall[sc->reclaim_idx];

	/* 6.1's gfp_zone() says ZONE_MOVABLE for a movable user page, which Faultline has not */
	if ((sc->gfp_mask & (__GFP_MOVABLE | __GFP_HIGHMEM)) == (__GFP_MOVABLE | __GFP_HIGHMEM))
		stall = ALLOCSTALL_MOVABLE;
retry:
	count_vm_event(stall);
	do {
		sc->nr_scanned = 0;
		shrink_node(pgdat, sc);
		consider_reclaim_throttle(pgdat, sc);
		if (sc->nr_reclaimed >= sc->nr_to_reclaim)
			break;
	} while (--sc->priority >= 0);

	if (sc->nr_reclaimed)
		return sc->nr_reclaimed;
	if (sc->skipped_deactivate) {
		sc->priority = initial_priority;
		sc->force_deactivate = 1;
		sc->skipped_deactivate = 0;
		goto retry;
	}
	return 0;
}

/*
 * Direct reclaim: the allocating task frees up to SWAP_CLUSTER_MAX
 * pages itself, for an allocation of 2^order with gfp_mask. Returns how
 * many it freed. The caller set PF_MEMALLOC, so reclaim's own
 * allocations use the reserves. Linux: try_to_free_pages() (without
 * throttle_direct_reclaim's wait for kswapd when the reserves run low)
 */
unsigned long try_to_free_pages(int order, gfp_t gfp_mask)
{
	struct scan_control sc = {
		.nr_to_reclaim = SWAP_CLUSTER_MAX,
		.gfp_mask = gfp_mask,
		.reclaim_idx = gfp_zone(gfp_mask),
		.order = order,
		.priority = DEF_PRIORITY,
		.may_writepage = 1,
		.may_unmap = 1,
		.may_swap = 1,
	};

	return do_try_to_free_pages(&sc);
}
