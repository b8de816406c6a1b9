// SPDX-License-Identifier: GPL-2.0
/*
 * Each zone's watermarks and lowmem reserves, from vm.min_free_kbytes
 * and vm.watermark_scale_factor. Linux: mm/page_alloc.c
 * (init_per_zone_wmark_min, __setup_per_zone_wmarks,
 * setup_per_zone_lowmem_reserve, calculate_totalreserve_pages)
 *
 * min_free_kbytes is shared out over the zones by their size: a zone's
 * min. low and high lie above it by a quarter of min or a
 * watermark_scale_factor ten-thousandth of the zone, whichever is more.
 * The allocator's fast path leaves low free; the slow path goes down to
 * min (and below for reserves); reclaim (kswapd) will work between low
 * and high.
 *
 * Faultline has no ZONE_HIGHMEM, ZONE_MOVABLE or ZONE_DEVICE and no
 * watermark boosting (it comes with fragmentation avoidance), and keeps
 * no per-node dirty limits.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/math.h>
#include <linux/sysctl.h>
#include <asm/irqflags.h>
#include <linux/swap.h>
#include "internal.h"

int min_free_kbytes = 1024;		/* vm.min_free_kbytes */
static int user_min_free_kbytes = -1;	/* what was written, if anything */
int watermark_scale_factor = 10;	/* vm.watermark_scale_factor, in 1/10000 */
/*
 * vm.lowmem_reserve_ratio: how much of each zone an allocation that
 * could use a higher one leaves it (1/ratio of the zones above; 0: no
 * reserve). One ratio for each of Linux 6.1's zone types: the last two,
 * ZONE_MOVABLE's and ZONE_DEVICE's, Faultline has no zones for, so they
 * are shown and kept but used for nothing.
 */
int sysctl_lowmem_reserve_ratio[MAX_NR_ZONES + 2] = { 256, 256, 32, 0, 0 };
unsigned long totalreserve_pages;	/* high watermarks and reserves: never free for use */

/*
 * What each zone holds back, counting for each the largest reserve any
 * allocation could face plus its high watermark.
 * Linux: calculate_totalreserve_pages()
 */
static void calculate_totalreserve_pages(void)
{
	unsigned long reserve = 0;
	struct zone *zone;

	for_each_zone(zone) {
		long max = 0;

		for (int j = zone_idx(zone); j < MAX_NR_ZONES; j++)
			max = max(max, zone->lowmem_reserve[j]);
		max += (long)high_wmark_pages(zone);
		reserve += min((unsigned long)max, zone->managed_pages);
	}
	totalreserve_pages = reserve;
}

/*
 * Zone i keeps back, from an allocation whose highest zone is j > i, the
 * pages of the zones above it up to j over its ratio. Linux:
 * setup_per_zone_lowmem_reserve()
 */
static void setup_per_zone_lowmem_reserve(void)
{
	for (int i = 0; i < MAX_NR_ZONES - 1; i++) {
		struct zone *zone = &contig_page_data.node_zones[i];
		int ratio = sysctl_lowmem_reserve_ratio[i];
		bool clear = !ratio || !zone->managed_pages;
		unsigned long upper = 0;

		for (int j = i + 1; j < MAX_NR_ZONES; j++) {
			upper += contig_page_data.node_zones[j].managed_pages;
			zone->lowmem_reserve[j] = clear ? 0 : (long)(upper / (unsigned long)ratio);
		}
	}
	calculate_totalreserve_pages();
}

/* Linux: __setup_per_zone_wmarks() (every zone is lowmem here) */
void setup_per_zone_wmarks(void)
{
	unsigned long pages_min = (unsigned long)min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem_pages = 0, flags;
	struct zone *zone;

	for_each_zone(zone)
		lowmem_pages += zone->managed_pages;
	if (!lowmem_pages)
		return;
	local_irq_save(flags);	/* Linux: each zone's lock */
	for_each_zone(zone) {
		unsigned long tmp = pages_min * zone->managed_pages / lowmem_pages;

		zone->_watermark[WMARK_MIN] = tmp;
		tmp = max(tmp >> 2, zone->managed_pages * (unsigned long)watermark_scale_factor / 10000);
		zone->_watermark[WMARK_LOW] = min_wmark_pages(zone) + tmp;
		zone->_watermark[WMARK_HIGH] = low_wmark_pages(zone) + tmp;
		zone->_watermark[WMARK_PROMO] = high_wmark_pages(zone) + tmp;
	}
	local_irq_restore(flags);
	calculate_totalreserve_pages();
}

/*
 * Pages an allocation for the page cache could have, above the high
 * watermarks of the zones it may use. Linux: nr_free_buffer_pages()
 */
static unsigned long nr_free_buffer_pages(void)
{
	unsigned long sum = 0;
	struct zone *zone;

	for_each_zone(zone)
		if (zone->managed_pages > high_wmark_pages(zone))
			sum += zone->managed_pages - high_wmark_pages(zone);
	return sum;
}

/*
 * At boot: min_free_kbytes is sqrt(16 * lowmem KiB), within [128 KiB,
 * 256 MiB], unless a value was written. Linux: calculate_min_free_kbytes(),
 * init_per_zone_wmark_min()
 */
void init_per_zone_wmark_min(void)
{
	unsigned long lowmem_kbytes = nr_free_buffer_pages() * (PAGE_SIZE >> 10);
	int new_min = (int)clamp(int_sqrt(lowmem_kbytes * 16), 128UL, 262144UL);

	if (new_min > user_min_free_kbytes)
		min_free_kbytes = new_min;
	setup_per_zone_wmarks();
	setup_per_zone_lowmem_reserve();
}

/* vm.min_free_kbytes and vm.watermark_scale_factor. Linux: min_free_kbytes_sysctl_handler() */
int min_free_kbytes_sysctl_handler(struct ctl_table *table, int write, void *buffer,
				   size_t *lenp, loff_t *ppos)
{
	int ret = proc_dointvec_minmax(table, write, buffer, lenp, ppos);

	if (ret || !write)
		return ret;
	if (table->data == &min_free_kbytes)
		user_min_free_kbytes = min_free_kbytes;
	setup_per_zone_wmarks();
	return 0;
}

/*
 * vm.lowmem_reserve_ratio: a ratio below 1 is 0, and every read or write
 * sets the reserves again from the zones' managed pages as they are now.
 * As in Linux 6.1, what the write made of its text is not returned: a
 * write of something that is not a number succeeds and changes nothing.
 * Linux: lowmem_reserve_ratio_sysctl_handler()
 */
int lowmem_reserve_ratio_sysctl_handler(struct ctl_table *table, int write, void *buffer,
					size_t *lenp, loff_t *ppos)
{
	proc_dointvec_minmax(table, write, buffer, lenp, ppos);
	for (size_t i = 0; i < ARRAY_SIZE(sysctl_lowmem_reserve_ratio); i++)
		if (sysctl_lowmem_reserve_ratio[i] < 1)
			sysctl_lowmem_reserve_ratio[i] = 0;
	setup_per_zone_lowmem_reserve();
	return 0;
}
