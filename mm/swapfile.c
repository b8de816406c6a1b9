// SPDX-License-Identifier: GPL-2.0
/*
 * Swap slots: reading a swap area's header, handing out its slots in
 * clusters, and counting the references to each slot.
 * Linux: mm/swapfile.c (this file holds its slot half; the swapon and
 * swapoff system calls and /proc/swaps are in mm/swapon.c, so that this
 * half, which does no I/O, also builds for the host tests in
 * tests/host/test_swapfile.c)
 *
 * An area's slots (include/linux/swap.h draws swap_map's counts):
 *
 *   offset 0        1 ..................... last_page
 *          header   slots (a bad one is SWAP_MAP_BAD forever)
 *
 * A slot is taken with SWAP_HAS_CACHE (the page going out sits in the
 * swap cache meanwhile), 64 at a time into the slots cache and from
 * there one by one (get_swap_page, mm/swap_slots.c); it gains one count
 * per swap PTE (swap_duplicate), loses them in swap_free and the
 * cache's in put_swap_page; at zero it waits in the slots cache
 * (free_swap_slot) until swapcache_free_entries frees it, 64 at a time.
 *
 * Locking: Linux holds swap_lock and each area's si->lock here; with one
 * CPU and no kernel preemption, and none of this called from an
 * interrupt, Faultline needs neither.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/swap_slots.h>

struct swap_info_struct *swap_info[MAX_SWAPFILES];
static unsigned int nr_swapfiles;	/* swap_info[] entries ever used */
static LIST_HEAD(swap_active_head);	/* areas swapped on, highest prio first */
long total_swap_pages;
long nr_swap_pages;

/*
 * Check the header page mkswap wrote and say how many slots the area
 * has (last_page + 1), or 0 with Linux's log line for what is wrong.
 * size_bytes is the disk's size. Linux: read_swap_header()
 */
unsigned long read_swap_header(struct swap_info_struct *p, union swap_header *swap_header,
			       u64 size_bytes)
{
	u32 *badpages = swap_header->info.badpages;	/* [1] in the union: it runs on */
	unsigned long maxpages, last_page, swapfilepages;

	if (memcmp("SWAPSPACE2", swap_header->magic.magic, 10)) {
		pr_err("Unable to find swap-space signature\n");
		return 0;
	}
	if (__builtin_bswap32(swap_header->info.version) == 1) {	/* made on a big-endian machine */
		swap_header->info.version = 1;
		swap_header->info.last_page = __builtin_bswap32(swap_header->info.last_page);
		swap_header->info.nr_badpages = __builtin_bswap32(swap_header->info.nr_badpages);
		if (swap_header->info.nr_badpages > MAX_SWAP_BADPAGES)
			return 0;
		for (unsigned int i = 0; i < swap_header->info.nr_badpages; i++)
			badpages[i] = __builtin_bswap32(badpages[i]);
	}
	if (swap_header->info.version != 1) {
		pr_warn("Unable to handle swap header version %d\n", swap_header->info.version);
		return 0;
	}
	p->lowest_bit = 1;
	p->cluster_next = 1;
	p->cluster_nr = 0;
	maxpages = max_swapfile_size();
	last_page = swap_header->info.last_page;
	if (!last_page) {
		pr_warn("Empty swap-file\n");
		return 0;
	}
	if (last_page > maxpages)
		pr_warn("Truncating oversized swap area, only using %luk out of %luk\n",
			maxpages << (PAGE_SHIFT - 10), last_page << (PAGE_SHIFT - 10));
	if (maxpages > last_page) {
		maxpages = last_page + 1;
		if ((unsigned int)maxpages == 0)	/* p->max is an unsigned int */
			maxpages = UINT_MAX;
	}
	p->highest_bit = (unsigned int)maxpages - 1;
	swapfilepages = size_bytes >> PAGE_SHIFT;
	if (swapfilepages && maxpages > swapfilepages) {
		pr_warn("Swap area shorter than signature indicates\n");
		return 0;
	}
	if (swap_header->info.nr_badpages > MAX_SWAP_BADPAGES)
		return 0;
	return maxpages;
}

/*
 * Mark the header page and the bad pages in the zeroed swap_map, and
 * count the usable slots into p->pages: -EINVAL for a bad page number
 * or when none is left. Linux: setup_swap_map_and_extents() (without
 * the SSD cluster list, and with one extent: the whole disk)
 */
int setup_swap_map(struct swap_info_struct *p, union swap_header *swap_header,
		   unsigned char *swap_map, unsigned long maxpages)
{
	unsigned int nr_good_pages = (unsigned int)maxpages - 1;	/* the header */
	const u32 *badpages = swap_header->info.badpages;

	for (unsigned int i = 0; i < swap_header->info.nr_badpages; i++) {
		unsigned int page_nr = badpages[i];

		if (page_nr == 0 || page_nr > swap_header->info.last_page)
			return -EINVAL;
		if (page_nr < maxpages) {
			swap_map[page_nr] = SWAP_MAP_BAD;
			nr_good_pages--;
		}
	}
	if (nr_good_pages) {
		swap_map[0] = SWAP_MAP_BAD;
		p->max = (unsigned int)maxpages;
		p->pages = nr_good_pages;
	}
	if (!nr_good_pages) {
		pr_warn("Empty swap-file\n");
		return -EINVAL;
	}
	return 0;
}

/* Keep the active list by priority; among equals, newest last. Linux: plist_add() */
static void add_to_active_list(struct swap_info_struct *p)
{
	struct swap_info_struct *pos;

	list_for_each_entry(pos, &swap_active_head, list)
		if (pos->prio < p->prio)
			break;
	list_add_tail(&p->list, &pos->list);
}

/*
 * The area's slots become allocatable: in the active list, counted in
 * nr_swap_pages and total_swap_pages. A negative prio means none was
 * asked for: each such area gets the next lower one, -2, -3, ...
 * Linux: enable_swap_info() -> setup_swap_info(), _enable_swap_info()
 */
static int least_priority = -1;

void enable_swap_info(struct swap_info_struct *p, int prio, unsigned char *swap_map)
{
	p->prio = (signed short)(prio >= 0 ? prio : --least_priority);
	p->swap_map = swap_map;
	p->flags |= SWP_WRITEOK;
	nr_swap_pages += p->pages;
	total_swap_pages += p->pages;
	add_to_active_list(p);
}

/* swapoff gave up (slots still in use): the area is back. Linux: reinsert_swap_info() */
void reinsert_swap_info(struct swap_info_struct *p)
{
	if (p->prio < 0)
		p->prio = (signed short)--least_priority;
	p->flags |= SWP_WRITEOK;
	nr_swap_pages += p->pages;
	total_swap_pages += p->pages;
	add_to_active_list(p);
}

/*
 * swapoff's first step: no more allocations from p, its slots out of
 * the totals. Linux: the start of swapoff (del_from_avail_list,
 * plist_del, the least_priority fix-up)
 */
void del_swap_info(struct swap_info_struct *p)
{
	struct swap_info_struct *si = p;

	if (p->prio < 0) {
		for (si = list_next_entry(p, list); &si->list != &swap_active_head;
		     si = list_next_entry(si, list))
			si->prio++;
		least_priority++;
	}
	list_del_init(&p->list);
	nr_swap_pages -= p->pages;	/* each slot still in use adds itself back as it is freed */
	total_swap_pages -= p->pages;
	p->flags &= ~SWP_WRITEOK;
}

/*
 * A free swap_info[] entry, or -EPERM when all MAX_SWAPFILES are used.
 * Linux: alloc_swap_info(), which kvzallocs each entry on first use;
 * Faultline differs: they are a static array, so this cannot fail for
 * memory.
 */
static struct swap_info_struct swap_info_structs[MAX_SWAPFILES];

struct swap_info_struct *alloc_swap_info(void)
{
	unsigned int type;

	for (type = 0; type < nr_swapfiles; type++)
		if (!(swap_info[type]->flags & SWP_USED))
			break;
	if (type >= MAX_SWAPFILES)
		return ERR_PTR(-EPERM);
	if (type == nr_swapfiles) {
		swap_info[type] = &swap_info_structs[type];
		nr_swapfiles++;
	}
	memset(swap_info[type], 0, sizeof(*swap_info[type]));
	swap_info[type]->type = (signed char)type;
	swap_info[type]->flags = SWP_USED;
	INIT_LIST_HEAD(&swap_info[type]->list);
	return swap_info[type];
}

/* The entry stays allocated for the next swapon, as Linux keeps it. */
void free_swap_info(struct swap_info_struct *p)
{
	p->flags = 0;
	p->swap_map = NULL;
}

/* Slot accounting as a run of nr slots at offset is taken. Linux: swap_range_alloc() */
static void swap_range_alloc(struct swap_info_struct *si, unsigned long offset, unsigned int nr)
{
	unsigned long end = offset + nr - 1;

	if (offset == si->lowest_bit)
		si->lowest_bit += nr;
	if (end == si->highest_bit)
		si->highest_bit -= nr;
	si->inuse_pages += nr;
	nr_swap_pages -= nr;
	if (si->inuse_pages == si->pages) {
		si->lowest_bit = si->max;
		si->highest_bit = 0;
	}
}

/* ...and as it is freed. Linux: swap_range_free() */
void swap_range_free(struct swap_info_struct *si, unsigned long offset, unsigned int nr)
{
	unsigned long end = offset + nr - 1;

	if (offset < si->lowest_bit)
		si->lowest_bit = (unsigned int)offset;
	if (end > si->highest_bit)
		si->highest_bit = (unsigned int)end;
	si->inuse_pages -= nr;
	nr_swap_pages += nr;
}

/*
 * From offset lowest_bit on, the first run of SWAPFILE_CLUSTER free
 * slots (not aligned): its first slot in *offset. Each slot looked at
 * costs one of *latency_ration. Linux: the "Locate the first empty
 * (unaligned) cluster" loop of scan_swap_map_slots(), whose
 * cond_resched() when the ration runs out Faultline leaves out (no
 * kernel preemption), keeping the ration's count: it decides how many
 * slots the scan then takes.
 */
static bool scan_find_free_cluster(struct swap_info_struct *si, unsigned long *offset,
				   int *latency_ration)
{
	unsigned long off = si->lowest_bit, last_in_cluster = off + SWAPFILE_CLUSTER - 1;

	for (; last_in_cluster <= si->highest_bit; off++) {
		if (si->swap_map[off])
			last_in_cluster = off + SWAPFILE_CLUSTER;
		else if (off == last_in_cluster) {
			*offset = off - (SWAPFILE_CLUSTER - 1);
			return true;
		}
		if (--*latency_ration < 0)
			*latency_ration = LATENCY_LIMIT;
	}
	return false;
}

/*
 * The next free slot after *offset up to highest_bit, then from
 * lowest_bit up to scan_base; false when there is none. Linux: the
 * "scan:" loops of scan_swap_map_slots() (without the reuse of
 * cache-only slots when swap is half full, vm_swap_full)
 */
static bool scan_next_free(struct swap_info_struct *si, unsigned long *offset,
			   unsigned long scan_base, int *latency_ration, bool *scanned_many)
{
	unsigned long off = *offset;

	while (++off <= si->highest_bit) {
		if (--*latency_ration < 0) {
			*latency_ration = LATENCY_LIMIT;
			*scanned_many = true;
		}
		if (!si->swap_map[off])
			goto found;
	}
	for (off = si->lowest_bit; off < scan_base; off++) {
		if (--*latency_ration < 0) {
			*latency_ration = LATENCY_LIMIT;
			*scanned_many = true;
		}
		if (!si->swap_map[off])
			goto found;
	}
	return false;
found:
	*offset = off;
	return true;
}

/*
 * The start of a scan: cluster_next, or when the current run of
 * SWAPFILE_CLUSTER slots is used up, the first wholly free run from the
 * start of the area (where seeks are short), failing that lowest_bit.
 * Linux: the non-SSD head of scan_swap_map_slots()
 */
static unsigned long scan_start(struct swap_info_struct *si, unsigned long *scan_base,
				int *latency_ration)
{
	unsigned long offset = si->cluster_next;

	*scan_base = offset;
	if (si->cluster_nr--)
		return offset;
	si->cluster_nr = SWAPFILE_CLUSTER - 1;
	if (si->pages - si->inuse_pages < SWAPFILE_CLUSTER)
		return offset;
	*scan_base = offset = si->lowest_bit;
	if (scan_find_free_cluster(si, &offset, latency_ration))
		si->cluster_next = (unsigned int)offset;
	return offset;
}

/*
 * Take up to nr free slots of si with count usage, into slots[]; how
 * many it took. Slots follow each other within a run of
 * SWAPFILE_CLUSTER (cluster_next, cluster_nr); past a taken slot it
 * scans on a little, and it stops when its ration of LATENCY_LIMIT slot
 * looks runs out (so a scan that first had to find a free run takes
 * few slots: 3 on a fresh area).
 * Linux: scan_swap_map_slots(), its rotational-disk path. Faultline
 * leaves out the SSD path (per-CPU clusters over cluster_info), the
 * reuse of cache-only slots when swap is half full (vm_swap_full), and
 * the cond_resched() breaks (but keeps the ration that times them).
 */
int scan_swap_map_slots(struct swap_info_struct *si, unsigned char usage, int nr,
			swp_entry_t slots[])
{
	int latency_ration = LATENCY_LIMIT, n_ret = 0;
	unsigned long offset, scan_base, scan_limit;
	bool scanned_many = false;

	si->flags += SWP_SCANNING;
	offset = scan_start(si, &scan_base, &latency_ration);
	for (;;) {
		if (!(si->flags & SWP_WRITEOK) || !si->highest_bit)
			goto out;
		if (offset > si->highest_bit)
			scan_base = offset = si->lowest_bit;
		if (si->swap_map[offset]) {
			if (n_ret)
				break;
			if (!scan_next_free(si, &offset, scan_base, &latency_ration, &scanned_many))
				goto out;
			continue;
		}
		si->swap_map[offset] = usage;
		swap_range_alloc(si, offset, 1);
		slots[n_ret++] = swp_entry((unsigned long)si->type, offset);
		if (n_ret == nr || offset >= si->highest_bit || --latency_ration < 0)
			break;
		if (si->cluster_nr && !si->swap_map[++offset]) {
			si->cluster_nr--;
			continue;
		}
		if (scanned_many)
			break;
		scan_limit = offset < scan_base ? scan_base : si->highest_bit;
		for (; offset <= scan_limit && --latency_ration > 0; offset++)
			if (!si->swap_map[offset])
				break;
		if (offset > scan_limit || latency_ration <= 0)
			break;
	}
	si->cluster_next = (unsigned int)offset + 1;	/* Linux: set_cluster_next() */
out:
	si->flags -= SWP_SCANNING;
	return n_ret;
}

/*
 * Up to n free slots (at most SWAP_BATCH) from the areas in priority
 * order, each taken with SWAP_HAS_CACHE (its page is about to enter the
 * swap cache). An area that gave slots goes behind the others of its
 * priority, so equal priorities take turns. Linux: get_swap_pages()
 * (which takes n from nr_swap_pages first and gives back what it did
 * not get; swap_range_alloc counts each here)
 */
int get_swap_pages(int n, swp_entry_t swp_entries[])
{
	struct swap_info_struct *si, *next;
	int got = 0;

	n = (int)min3((long)n, (long)SWAP_BATCH, nr_swap_pages);
	if (n <= 0)
		return 0;
	list_for_each_entry_safe(si, next, &swap_active_head, list) {
		got = scan_swap_map_slots(si, SWAP_HAS_CACHE, n, swp_entries);
		if (got) {
			list_del(&si->list);
			add_to_active_list(si);		/* Linux: plist_requeue() */
			break;
		}
	}
	return got;
}

/* Whether any area is swapped on. Linux: has_usable_swap() */
bool has_usable_swap(void)
{
	return !list_empty(&swap_active_head);
}

/*
 * The area an entry names, if it is swapped on and the offset inside it;
 * NULL (with Linux's log line) otherwise. Linux: _swap_info_get()
 */
static struct swap_info_struct *swap_info_get(swp_entry_t entry, bool want_used)
{
	unsigned int type = swp_type(entry);
	unsigned long offset = swp_offset(entry);
	struct swap_info_struct *p;

	if (!entry.val)
		return NULL;
	if (type >= nr_swapfiles || !(swap_info[type]->flags & SWP_USED) || !swap_info[type]->swap_map) {
		pr_err("%s: %s%08lx\n", __func__, "Bad swap file entry ", entry.val);
		return NULL;
	}
	p = swap_info[type];
	if (offset >= p->max) {
		pr_err("%s: %s%08lx\n", __func__, "Bad swap offset entry ", entry.val);
		return NULL;
	}
	if (want_used && !p->swap_map[offset]) {
		pr_err("%s: %s%08lx\n", __func__, "Unused swap offset entry ", entry.val);
		return NULL;
	}
	return p;
}

struct swap_info_struct *swp_swap_info(swp_entry_t entry)
{
	return swap_info_get(entry, false);
}

/* The references in a swap_map byte, without the swap cache's. */
int swap_count(unsigned char ent)
{
	return ent & ~SWAP_HAS_CACHE;
}

/* Linux: __swap_count() */
int __swap_count(swp_entry_t entry)
{
	struct swap_info_struct *p = swap_info_get(entry, false);

	return p ? swap_count(p->swap_map[swp_offset(entry)]) : 0;
}

/*
 * Add usage (1, or SWAP_HAS_CACHE) to a slot in use: -ENOENT if it is
 * free or bad, -EEXIST if the cache already has it. Faultline differs:
 * Linux chains a continuation page when a count passes SWAP_MAP_MAX
 * (add_swap_count_continuation); here -ENOMEM is the end of it.
 * Linux: __swap_duplicate()
 */
static int __swap_duplicate(swp_entry_t entry, unsigned char usage)
{
	struct swap_info_struct *p = swap_info_get(entry, false);
	unsigned long offset = swp_offset(entry);
	unsigned char count, has_cache;

	if (!p)
		return -EINVAL;
	count = p->swap_map[offset];
	if (swap_count(count) == SWAP_MAP_BAD)
		return -ENOENT;
	has_cache = count & SWAP_HAS_CACHE;
	count &= ~SWAP_HAS_CACHE;
	if (usage == SWAP_HAS_CACHE) {
		if (has_cache)
			return -EEXIST;
		if (!count)
			return -ENOENT;
		has_cache = SWAP_HAS_CACHE;
	} else if (!count && !has_cache) {
		return -ENOENT;
	} else if (count < SWAP_MAP_MAX) {
		count += usage;
	} else {
		return count > SWAP_MAP_MAX ? -EINVAL : -ENOMEM;
	}
	p->swap_map[offset] = count | has_cache;
	return 0;
}

/* One more swap PTE (a fork copying one) points at the slot. Linux: swap_duplicate() */
int swap_duplicate(swp_entry_t entry)
{
	return __swap_duplicate(entry, 1);
}

/* A page is being read in for the slot: the cache's claim. Linux: swapcache_prepare() */
int swapcache_prepare(swp_entry_t entry)
{
	return __swap_duplicate(entry, SWAP_HAS_CACHE);
}

/*
 * A tmpfs file's swap entry holds the fresh slot (which has only the
 * swap cache's claim so far): its count is SWAP_MAP_SHMEM, one
 * reference that no fork duplicates. Linux: swap_shmem_alloc()
 */
void swap_shmem_alloc(swp_entry_t entry)
{
	__swap_duplicate(entry, SWAP_MAP_SHMEM);
}

/*
 * Drop usage from a slot and say what is left. At zero the slot is not
 * free yet: it keeps SWAP_HAS_CACHE, so that nothing takes it, while it
 * waits in the slots cache (free_swap_slot) to go back to the area.
 * Linux: __swap_entry_free_locked(), and the free_swap_slot() of its
 * callers __swap_entry_free() and put_swap_folio()
 */
static unsigned char swap_entry_put(struct swap_info_struct *p, swp_entry_t entry,
				    unsigned char usage)
{
	unsigned long offset = swp_offset(entry);
	unsigned char count = p->swap_map[offset], has_cache = count & SWAP_HAS_CACHE;

	count &= ~SWAP_HAS_CACHE;
	if (usage == SWAP_HAS_CACHE) {
		VM_BUG_ON(!has_cache);
		has_cache = 0;
	} else if (count == SWAP_MAP_SHMEM) {
		count = 0;
	} else if (count && count <= SWAP_MAP_MAX) {
		count--;
	}
	usage = count | has_cache;
	p->swap_map[offset] = usage ? usage : SWAP_HAS_CACHE;
	if (!usage)
		free_swap_slot(entry);
	return usage;
}

/* A swap PTE went (unmap, exit). Linux: swap_free() -> __swap_entry_free() */
void swap_free(swp_entry_t entry)
{
	struct swap_info_struct *p = swap_info_get(entry, true);

	if (p)
		swap_entry_put(p, entry, 1);
}

/* The page left the swap cache. Linux: put_swap_folio() */
void put_swap_page(struct page *page, swp_entry_t entry)
{
	struct swap_info_struct *p = swap_info_get(entry, true);

	if (p && (p->swap_map[swp_offset(entry)] & SWAP_HAS_CACHE))
		swap_entry_put(p, entry, SWAP_HAS_CACHE);
}

/*
 * Slots from the slots cache, each holding only SWAP_HAS_CACHE: free
 * at last, back in their areas' counts. Linux: swapcache_free_entries()
 * -> swap_entry_free() (Linux sorts the entries by area first, to take
 * each area's lock once; the order changes nothing else)
 */
void swapcache_free_entries(swp_entry_t *entries, int n)
{
	for (int i = 0; i < n; i++) {
		struct swap_info_struct *p = swap_info_get(entries[i], true);
		unsigned long offset = swp_offset(entries[i]);

		if (!p)
			continue;
		VM_BUG_ON(p->swap_map[offset] != SWAP_HAS_CACHE);
		p->swap_map[offset] = 0;
		swap_range_free(p, offset, 1);
	}
}

/*
 * Where a slot lives on the disk: a block device area's page offset is
 * its page on the disk. Linux: swap_page_sector() -> map_swap_entry()
 * through the extent tree, which for a block device has one extent.
 */
sector_t swap_entry_sector(swp_entry_t entry)
{
	return (sector_t)swp_offset(entry) << (PAGE_SHIFT - SECTOR_SHIFT);
}

