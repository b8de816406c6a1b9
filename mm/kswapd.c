// SPDX-License-Identifier: GPL-2.0
/*
 * kswapd, the node's page-out daemon: a kernel thread an allocation
 * wakes when a zone's free pages fall below its low watermark, which
 * reclaims in the background until some zone is above its high
 * watermark again, so that most allocations never reclaim themselves.
 * Linux: mm/vmscan.c (kswapd, balance_pgdat, wakeup_kswapd)
 *
 * Faultline leaves out watermark boosting (it has no fragmentation
 * avoidance to boost it), kcompactd, the freezer, and the pfmemalloc
 * waiters that direct reclaim throttles on (throttle_direct_reclaim).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/swap.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/wait.h>
#include <linux/timekeeping.h>
#include <linux/vmstat.h>
#include <linux/printk.h>
#include "internal.h"

/*
 * Is some zone up to highest_zoneidx above its high watermark, with a
 * free block of 2^order? One such zone is enough: lower zones are
 * checked first, as they meet theirs more easily. Linux: pgdat_balanced()
 */
static bool pgdat_balanced(struct pglist_data *pgdat, int order, int highest_zoneidx)
{
	bool any = false;

	for (int i = 0; i <= highest_zoneidx; i++) {
		struct zone *zone = &pgdat->node_zones[i];

		if (!zone->managed_pages)
			continue;
		any = true;
		if (zone_watermark_ok(zone, (unsigned int)order, high_wmark_pages(zone),
				      highest_zoneidx, 0))
			return true;
	}
	return !any;
}

/*
 * May kswapd sleep? When the node is balanced, or when kswapd has
 * failed so often that trying again is pointless until direct reclaim
 * frees something. Linux: prepare_kswapd_sleep()
 */
static bool prepare_kswapd_sleep(struct pglist_data *pgdat, int order, int highest_zoneidx)
{
	if (pgdat->kswapd_failures >= MAX_RECLAIM_RETRIES)
		return true;
	if (pgdat_balanced(pgdat, order, highest_zoneidx)) {
		pgdat->flags &= ~(1UL << PGDAT_WRITEBACK);
		return true;
	}
	return false;
}

/*
 * One pass at sc->priority, aiming to free each eligible zone's high
 * watermark (at least SWAP_CLUSTER_MAX). true: it scanned at least
 * that much, so the priority need not rise. Linux: kswapd_shrink_node()
 */
static bool kswapd_shrink_node(struct pglist_data *pgdat, struct scan_control *sc)
{
	sc->nr_to_reclaim = 0;
	for (int z = 0; z <= sc->reclaim_idx; z++) {
		struct zone *zone = &pgdat->node_zones[z];

		if (zone->managed_pages)
			sc->nr_to_reclaim += max(high_wmark_pages(zone), SWAP_CLUSTER_MAX);
	}
	shrink_node(pgdat, sc);
	return sc->nr_scanned >= sc->nr_to_reclaim;
}

/* Keep the inactive anon list long enough, before reclaiming from it. Linux: kswapd_age_node() */
static void kswapd_age_node(struct pglist_data *pgdat, struct scan_control *sc)
{
	struct lruvec *lruvec = node_lruvec(pgdat);

	if (can_age_anon_pages() && inactive_is_low(lruvec, LRU_INACTIVE_ANON))
		shrink_active_list(SWAP_CLUSTER_MAX, lruvec, sc, LRU_ACTIVE_ANON);
}

/*
 * Reclaim until the node is balanced, raising the priority (scanning
 * more) after each pass that scanned less than its target or freed
 * nothing; down to priority 1. A run that freed nothing counts as a
 * failure. Returns the order it balanced for. Linux: balance_pgdat()
 */
static int balance_pgdat(struct pglist_data *pgdat, int order, int highest_zoneidx)
{
	struct scan_control sc = {
		.gfp_mask = GFP_KERNEL,
		.order = order,
		.may_unmap = 1,
		.may_writepage = 1,
		.may_swap = 1,
		.priority = DEF_PRIORITY,
	};

	count_vm_event(PAGEOUTRUN);
	do {
		unsigned long nr_reclaimed = sc.nr_reclaimed;
		bool raise_priority = true;

		sc.reclaim_idx = highest_zoneidx;
		if (pgdat_balanced(pgdat, sc.order, highest_zoneidx))
			break;
		kswapd_age_node(pgdat, &sc);
		sc.nr_scanned = 0;
		if (kswapd_shrink_node(pgdat, &sc))
			raise_priority = false;
		if (raise_priority || sc.nr_reclaimed == nr_reclaimed)
			sc.priority--;
	} while (sc.priority >= 1);

	if (!sc.nr_reclaimed && sc.priority < 1)
		pgdat->kswapd_failures++;
	return sc.order;
}

/*
 * Sleep once balanced: first a nap of a tenth of a second, and if no
 * allocation woke it meanwhile and the node is still balanced, until
 * the next wake-up. kswapd_low_wmark_hit_quickly counts naps cut short
 * by a wake-up, kswapd_high_wmark_hit_quickly naps after which the node
 * was unbalanced again. Linux: kswapd_try_to_sleep()
 */
static void kswapd_try_to_sleep(struct pglist_data *pgdat, int reclaim_order,
				int highest_zoneidx)
{
	long remaining = 0;
	DEFINE_WAIT(wait);

	prepare_to_wait(&pgdat->kswapd_wait, &wait, TASK_INTERRUPTIBLE);
	if (prepare_kswapd_sleep(pgdat, reclaim_order, highest_zoneidx)) {
		remaining = schedule_timeout(HZ / 10);
		if (remaining) {
			if (pgdat->kswapd_highest_zoneidx == MAX_NR_ZONES ||
			    pgdat->kswapd_highest_zoneidx < highest_zoneidx)
				pgdat->kswapd_highest_zoneidx = highest_zoneidx;
			if (pgdat->kswapd_order < reclaim_order)
				pgdat->kswapd_order = reclaim_order;
		}
		finish_wait(&pgdat->kswapd_wait, &wait);
		prepare_to_wait(&pgdat->kswapd_wait, &wait, TASK_INTERRUPTIBLE);
	}
	if (!remaining && prepare_kswapd_sleep(pgdat, reclaim_order, highest_zoneidx))
		schedule();
	else if (remaining)
		count_vm_event(KSWAPD_LOW_WMARK_HIT_QUICKLY);
	else
		count_vm_event(KSWAPD_HIGH_WMARK_HIT_QUICKLY);
	finish_wait(&pgdat->kswapd_wait, &wait);
}

/* The zone index a waker asked for, or prev when none did. Linux: kswapd_highest_zoneidx() */
static int kswapd_highest_zoneidx(struct pglist_data *pgdat, int prev)
{
	int curr = pgdat->kswapd_highest_zoneidx;

	return curr == MAX_NR_ZONES ? prev : curr;
}

/*
 * The thread: sleep, and each time an allocation wakes it, balance the
 * node for the largest order and highest zone asked for. PF_MEMALLOC:
 * its own allocations use the reserves and never reclaim. Linux: kswapd()
 */
static int kswapd(void *p)
{
	struct pglist_data *pgdat = p;
	int alloc_order, reclaim_order, highest_zoneidx = MAX_NR_ZONES - 1;

	current->flags |= PF_MEMALLOC | PF_KSWAPD;
	pgdat->kswapd_order = 0;
	pgdat->kswapd_highest_zoneidx = MAX_NR_ZONES;
	for (;;) {
		alloc_order = reclaim_order = pgdat->kswapd_order;
		highest_zoneidx = kswapd_highest_zoneidx(pgdat, highest_zoneidx);
sleep:
		kswapd_try_to_sleep(pgdat, reclaim_order, highest_zoneidx);
		alloc_order = pgdat->kswapd_order;
		highest_zoneidx = kswapd_highest_zoneidx(pgdat, highest_zoneidx);
		pgdat->kswapd_order = 0;
		pgdat->kswapd_highest_zoneidx = MAX_NR_ZONES;
		reclaim_order = balance_pgdat(pgdat, alloc_order, highest_zoneidx);
		if (reclaim_order < alloc_order)
			goto sleep;
	}
	return 0;
}

/*
 * An allocation found zone low: record the order and zone it needs and
 * wake kswapd, unless the node is balanced already or kswapd has given
 * up (then only direct reclaim, freeing something, revives it).
 * Linux: wakeup_kswapd()
 */
void wakeup_kswapd(struct zone *zone, gfp_t gfp_flags, int order, enum zone_type highest_zoneidx)
{
	struct pglist_data *pgdat = NODE_DATA(0);
	int curr_idx = pgdat->kswapd_highest_zoneidx;

	(void)gfp_flags;
	if (!zone->managed_pages)
		return;
	if (curr_idx == MAX_NR_ZONES || curr_idx < (int)highest_zoneidx)
		pgdat->kswapd_highest_zoneidx = (int)highest_zoneidx;
	if (pgdat->kswapd_order < order)
		pgdat->kswapd_order = order;
	if (!waitqueue_active(&pgdat->kswapd_wait))
		return;
	if (pgdat->kswapd_failures >= MAX_RECLAIM_RETRIES ||
	    pgdat_balanced(pgdat, order, (int)highest_zoneidx))
		return;
	wake_up_interruptible(&pgdat->kswapd_wait);
}

/*
 * Start the node's kswapd ("kswapd0"), a child of the idle task as
 * Linux's kernel threads are of kthreadd. Linux: kswapd_run()
 */
int kswapd_run(int nid)
{
	struct pglist_data *pgdat = NODE_DATA(nid);
	pid_t pid;

	pid = kernel_thread(kswapd, pgdat, "kswapd0", 0);
	if (pid < 0) {
		pr_err("Failed to start kswapd on node %d\n", nid);
		return pid;
	}
	pgdat->kswapd = find_task_by_vpid(pid);
	return 0;
}
