/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SWAP_SLOTS_H
#define _LINUX_SWAP_SLOTS_H

#include <linux/swap.h>

/*
 * The swap slots cache: slots taken from the areas and given back to
 * them in batches. Linux: include/linux/swap_slots.h, mm/swap_slots.c
 */
#define SWAP_SLOTS_CACHE_SIZE			SWAP_BATCH
#define THRESHOLD_ACTIVATE_SWAP_SLOTS_CACHE	(5 * SWAP_SLOTS_CACHE_SIZE)
#define THRESHOLD_DEACTIVATE_SWAP_SLOTS_CACHE	(2 * SWAP_SLOTS_CACHE_SIZE)

/*
 * One CPU's cache. Linux guards slots, nr and cur with alloc_lock (a
 * mutex: a refill may sleep) and slots_ret, n_ret with free_lock (a
 * spinlock taken with interrupts off); Faultline has one CPU, no kernel
 * preemption, and frees no slot from an interrupt, so it takes neither.
 */
struct swap_slots_cache {
	swp_entry_t	*slots;		/* taken from an area, to hand out: [cur, cur + nr) */
	int		nr;
	int		cur;
	swp_entry_t	*slots_ret;	/* freed, to give back to their areas: [0, n_ret) */
	int		n_ret;
};

void disable_swap_slots_cache_lock(void);
void reenable_swap_slots_cache_unlock(void);
void enable_swap_slots_cache(void);
void free_swap_slot(swp_entry_t entry);

extern bool swap_slot_cache_enabled;

#endif /* _LINUX_SWAP_SLOTS_H */
