// SPDX-License-Identifier: GPL-2.0
/*
 * The swap slots cache: a CPU takes SWAP_SLOTS_CACHE_SIZE (64) slots
 * from the areas at once and hands them out one per page swapped out;
 * freed slots gather in a second array and go back to their areas 64
 * at a time. Linux: mm/swap_slots.c
 *
 *   get_swap_page ---- slots[cur .. cur+nr) <---- get_swap_pages(64)   refill when empty
 *   free_swap_slot --> slots_ret[0 .. n_ret) ---> swapcache_free_entries  when full
 *
 * What this shows to a user: SwapFree (nr_swap_pages) falls 64 slots at
 * a time while pages go out, and rises 64 at a time as they are freed.
 * A slot waiting in slots_ret keeps SWAP_HAS_CACHE in its swap_map
 * byte (see swap_entry_put), so nothing takes it meanwhile.
 *
 * The cache is used only while swap is plentiful: it turns on when more
 * than THRESHOLD_ACTIVATE (320) slots per online CPU are free, and off,
 * giving every cached slot back, below THRESHOLD_DEACTIVATE (128).
 * swapoff turns it off (disable_swap_slots_cache_lock) while it brings
 * the area's pages back, so that no slot of the area hides in a cache.
 *
 * Faultline differs: one CPU, so one cache, whose arrays are static
 * (Linux kvcallocs a pair per CPU as it comes online, and frees them as
 * it goes); the figures match the oracle VM, which has one CPU too.
 * Locks: Linux's swap_slots_cache_mutex and swap_slots_cache_enable_mutex
 * serialise CPU hotplug, swapon and swapoff; Faultline has one CPU and
 * no kernel preemption, and needs neither.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/swap.h>
#include <linux/swap_slots.h>

#define num_online_cpus()	1

static swp_entry_t slots_array[SWAP_SLOTS_CACHE_SIZE];
static swp_entry_t slots_ret_array[SWAP_SLOTS_CACHE_SIZE];
static struct swap_slots_cache swp_slots;

static bool swap_slot_cache_active;	/* enough free slots to be worth caching */
bool swap_slot_cache_enabled;		/* an area is on, and no swapoff is at work */
static bool swap_slot_cache_initialized;	/* the arrays are in place */

#define use_swap_slot_cache	(swap_slot_cache_active && swap_slot_cache_enabled)

#define SLOTS_CACHE	0x1
#define SLOTS_CACHE_RET	0x2

/* Give back what the cache holds: the slots to hand out and/or the freed ones. Linux: drain_slots_cache_cpu() */
static void __drain_swap_slots_cache(unsigned int type)
{
	struct swap_slots_cache *cache = &swp_slots;

	if ((type & SLOTS_CACHE) && cache->slots) {
		swapcache_free_entries(cache->slots + cache->cur, cache->nr);
		cache->cur = 0;
		cache->nr = 0;
	}
	if ((type & SLOTS_CACHE_RET) && cache->slots_ret) {
		swapcache_free_entries(cache->slots_ret, cache->n_ret);
		cache->n_ret = 0;
	}
}

/* Swap is running low: stop caching, and give every cached slot back. Linux: deactivate_swap_slots_cache() */
static void deactivate_swap_slots_cache(void)
{
	swap_slot_cache_active = false;
	__drain_swap_slots_cache(SLOTS_CACHE | SLOTS_CACHE_RET);
}

/* swapoff's start: no caching while the area empties. Linux: disable_swap_slots_cache_lock() */
void disable_swap_slots_cache_lock(void)
{
	swap_slot_cache_enabled = false;
	if (swap_slot_cache_initialized)
		__drain_swap_slots_cache(SLOTS_CACHE | SLOTS_CACHE_RET);
}

/* ...and its end: caching again if any area is left. Linux: reenable_swap_slots_cache_unlock() */
void reenable_swap_slots_cache_unlock(void)
{
	swap_slot_cache_enabled = has_usable_swap();
}

/*
 * Whether to use the cache now, turning it on or off by the number of
 * free slots (checked on each allocation). Linux: check_cache_active()
 */
static bool check_cache_active(void)
{
	long pages;

	if (!swap_slot_cache_enabled)
		return false;
	pages = nr_swap_pages;		/* Linux: get_nr_swap_pages() */
	if (!swap_slot_cache_active) {
		if (pages > num_online_cpus() * THRESHOLD_ACTIVATE_SWAP_SLOTS_CACHE)
			swap_slot_cache_active = true;	/* Linux: reactivate_swap_slots_cache() */
		return swap_slot_cache_active;
	}
	if (pages < num_online_cpus() * THRESHOLD_DEACTIVATE_SWAP_SLOTS_CACHE)
		deactivate_swap_slots_cache();
	return swap_slot_cache_active;
}

/*
 * swapon made an area usable: set the cache up on first use, and
 * enable it. Linux: enable_swap_slots_cache() (whose per-CPU arrays
 * come from alloc_swap_slot_cache as each CPU comes online)
 */
void enable_swap_slots_cache(void)
{
	if (!swap_slot_cache_initialized) {
		swp_slots = (struct swap_slots_cache){ .slots = slots_array,
						       .slots_ret = slots_ret_array };
		swap_slot_cache_initialized = true;
	}
	swap_slot_cache_enabled = has_usable_swap();
}

/* The cache is empty: take up to 64 slots. Linux: refill_swap_slots_cache() */
static int refill_swap_slots_cache(struct swap_slots_cache *cache)
{
	if (!use_swap_slot_cache)
		return 0;
	cache->cur = 0;
	if (swap_slot_cache_active)
		cache->nr = get_swap_pages(SWAP_SLOTS_CACHE_SIZE, cache->slots);
	return cache->nr;
}

/*
 * A slot's last reference went: keep it in slots_ret, giving the 64
 * there back first when it is full; straight back to its area when the
 * cache is off. Linux: free_swap_slot()
 */
void free_swap_slot(swp_entry_t entry)
{
	struct swap_slots_cache *cache = &swp_slots;

	if (use_swap_slot_cache && cache->slots_ret) {
		if (cache->n_ret >= SWAP_SLOTS_CACHE_SIZE) {
			swapcache_free_entries(cache->slots_ret, cache->n_ret);
			cache->n_ret = 0;
		}
		cache->slots_ret[cache->n_ret++] = entry;
	} else {
		swapcache_free_entries(&entry, 1);
	}
}

/*
 * One slot for page, taken with SWAP_HAS_CACHE, or entry.val == 0 when
 * swap is full (or there is none): from the cache when it is on, else
 * straight from the areas. The page is not looked at: Linux charges the
 * slot to the page's memory cgroup here, and swaps a huge page out
 * whole (Faultline has neither). Linux: folio_alloc_swap()
 */
swp_entry_t get_swap_page(struct page *page)
{
	struct swap_slots_cache *cache = &swp_slots;
	swp_entry_t entry = { 0 };

	if (check_cache_active() && cache->slots) {
		if (!cache->nr)
			refill_swap_slots_cache(cache);
		if (cache->nr) {
			entry = cache->slots[cache->cur];
			cache->slots[cache->cur++].val = 0;
			cache->nr--;
			return entry;
		}
	}
	get_swap_pages(1, &entry);
	return entry;
}
