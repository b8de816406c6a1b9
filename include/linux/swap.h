/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SWAP_H
#define _LINUX_SWAP_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/blk_types.h>
#include <linux/mm.h>
#include <linux/sched.h>

/*
 * Swap areas: disks (block devices) whose pages hold anonymous and tmpfs
 * pages while they are out of memory. mm/swapfile.c keeps the areas and
 * their slots, mm/page_io.c moves pages to and from them.
 * Linux: include/linux/swap.h, include/uapi/linux/swap.h
 */
#define SWAP_FLAG_PREFER	0x8000	/* swapon(2): the priority is in the low bits */
#define SWAP_FLAG_PRIO_MASK	0x7fff
#define SWAP_FLAG_PRIO_SHIFT	0
#define SWAP_FLAG_DISCARD	0x10000
#define SWAP_FLAG_DISCARD_ONCE	0x20000
#define SWAP_FLAG_DISCARD_PAGES	0x40000
#define SWAP_FLAGS_VALID	(SWAP_FLAG_PRIO_MASK | SWAP_FLAG_PREFER | SWAP_FLAG_DISCARD | \
				 SWAP_FLAG_DISCARD_ONCE | SWAP_FLAG_DISCARD_PAGES)

/*
 * A swap entry: which area (type) and which page of it (offset). The
 * arch-independent form, as the swap map and swap cache index it; in a
 * PTE it has x86_64's own layout (include/linux/swapops.h).
 */
typedef struct {
	unsigned long val;
} swp_entry_t;

/*
 * Five bits of type, as x86_64's PTE has room for, less the types Linux
 * 6.1 (as Debian configures it) keeps for device-private, migration,
 * hwpoison and marker entries: 23 areas.
 */
#define MAX_SWAPFILES_SHIFT	5
#define MAX_SWAPFILES		((1 << MAX_SWAPFILES_SHIFT) - 9)

/*
 * The first page of a swap area, as mkswap writes it (util-linux):
 *
 *   0       bootbits[1024]   left alone (a boot sector, a disk label)
 *   1024    version (1)      last_page (the last usable page)
 *   1032    nr_badpages      uuid[16] volume label[16] padding[117 x 4]
 *   1536    badpages[]       page numbers never to use
 *   4086    "SWAPSPACE2"     the last 10 bytes of the page
 */
union swap_header {
	struct {
		char reserved[4096 - 10];
		char magic[10];			/* SWAPSPACE2 */
	} magic;
	struct {
		char bootbits[1024];
		u32 version;
		u32 last_page;
		u32 nr_badpages;
		unsigned char sws_uuid[16];
		unsigned char sws_volume[16];
		u32 padding[117];
		u32 badpages[1];
	} info;
};

#define MAX_SWAP_BADPAGES \
	((__builtin_offsetof(union swap_header, magic.magic) - \
	  __builtin_offsetof(union swap_header, info.badpages)) / sizeof(int))

enum {
	SWP_USED	= (1 << 0),	/* swap_info[type] is taken */
	SWP_WRITEOK	= (1 << 1),	/* slots may be allocated */
	SWP_DISCARDABLE	= (1 << 2),
	SWP_BLKDEV	= (1 << 6),	/* the area is a block device */
	SWP_SCANNING	= (1 << 14),	/* scan_swap_map_slots is at work */
};

/*
 * swap_map[offset]: how many references a slot has.
 *
 *   0               free
 *   1..SWAP_MAP_MAX swap entries (in PTEs, shmem) pointing at it
 *   | SWAP_HAS_CACHE a page in the swap cache holds it too
 *   SWAP_MAP_BAD    never used: the header page, a bad page
 */
#define SWAP_HAS_CACHE	0x40
#define COUNT_CONTINUED	0x80	/* Linux's count continuation: not in Faultline */
#define SWAP_MAP_MAX	0x3e
#define SWAP_MAP_BAD	0x3f
#define SWAP_MAP_SHMEM	0xbf

/*
 * Slots are handed out in runs of SWAPFILE_CLUSTER, so that pages
 * swapped out together lie together on the disk: a huge page's worth,
 * as in Linux with CONFIG_THP_SWAP (Debian's 6.1 has it; without it,
 * 256). A scan for slots looks at no more than LATENCY_LIMIT slots
 * before it takes a break, and get_swap_pages hands out at most
 * SWAP_BATCH at once (the slots cache's refill).
 */
#define SWAPFILE_CLUSTER	512
#define LATENCY_LIMIT		256
#define SWAP_BATCH		64

struct file;
struct block_device;

/*
 * One swap area. Linux: struct swap_info_struct. Faultline leaves out
 * the SSD cluster_info and per-CPU clusters (6.1 uses them only for
 * non-rotational disks, and virtio-blk says it is rotational), the
 * extent tree (a block device's slots map one to one onto its pages),
 * the discard machinery and frontswap.
 */
struct swap_info_struct {
	unsigned long flags;		/* SWP_* */
	signed short prio;		/* higher is used first */
	signed char type;		/* index in swap_info[] */
	unsigned int max;		/* slots: 0 .. max-1 (last_page + 1) */
	unsigned char *swap_map;	/* vzalloc'd: a count per slot */
	unsigned int lowest_bit;	/* no free slot below */
	unsigned int highest_bit;	/* no free slot above */
	unsigned int pages;		/* usable slots: max less the header and bad ones */
	unsigned int inuse_pages;	/* slots with a nonzero count */
	unsigned int cluster_next;	/* where the next allocation looks */
	unsigned int cluster_nr;	/* slots left in the current run */
	struct block_device *bdev;
	struct file *swap_file;		/* as swapon opened it */
	struct list_head list;		/* swap_active_head, by priority */
};

extern long total_swap_pages;		/* slots of every area swapped on */
extern long nr_swap_pages;		/* of them, free */
extern struct swap_info_struct *swap_info[MAX_SWAPFILES];

unsigned long get_nr_swap_pages(void);

/* More than half the swap space in use: time to free slots of pages in memory. Linux: vm_swap_full() */
static inline bool vm_swap_full(void)
{
	return (long)get_nr_swap_pages() * 2 < total_swap_pages;
}

/* mm/swapfile.c: header and slot allocation (pure: tests/host/test_swapfile.c) */
unsigned long read_swap_header(struct swap_info_struct *p, union swap_header *swap_header,
			       u64 size_bytes);
int setup_swap_map(struct swap_info_struct *p, union swap_header *swap_header,
		   unsigned char *swap_map, unsigned long maxpages);
int scan_swap_map_slots(struct swap_info_struct *si, unsigned char usage, int nr,
			swp_entry_t slots[]);
void swap_range_free(struct swap_info_struct *si, unsigned long offset, unsigned int nr);

/* mm/swapfile.c: what the rest of the kernel calls */
int get_swap_pages(int n, swp_entry_t swp_entries[]);
void swapcache_free_entries(swp_entry_t *entries, int n);
bool has_usable_swap(void);
int swap_duplicate(swp_entry_t entry);
int swapcache_prepare(swp_entry_t entry);
void swap_shmem_alloc(swp_entry_t entry);
void swap_free(swp_entry_t entry);
void put_swap_page(struct page *page, swp_entry_t entry);
int swap_count(unsigned char ent);
int __swap_count(swp_entry_t entry);
struct swap_info_struct *swp_swap_info(swp_entry_t entry);
sector_t swap_entry_sector(swp_entry_t entry);
void enable_swap_info(struct swap_info_struct *p, int prio, unsigned char *swap_map);
struct swap_info_struct *alloc_swap_info(void);
void free_swap_info(struct swap_info_struct *p);
void del_swap_info(struct swap_info_struct *p);
void reinsert_swap_info(struct swap_info_struct *p);
int try_to_unuse(unsigned int type);

/* mm/swap_slots.c */
swp_entry_t get_swap_page(struct page *page);

/* mm/swapon.c: the areas */
int do_swapon(struct file *swap_file, const char *name, int swap_flags);
int do_swapoff(struct file *victim);
struct seq_file;
struct task_struct;
int swaps_proc_show(struct seq_file *m, struct task_struct *task);

/* mm/page_io.c */
typedef void (*swap_io_end_t)(struct page *page, int err, void *private);
int swap_page_io(struct page *page, swp_entry_t entry, enum req_op op,
		 swap_io_end_t end_io, void *private);
int swap_readpage(struct page *page, bool synchronous);
int swap_readpage_run(struct page **pages, unsigned int nr);
int swap_writepage(struct page *page, bool synchronous);

/*
 * The LRU lists' interface for the rest of the kernel: where pages enter
 * them, how use moves them, where reclaim takes them off. Linux:
 * include/linux/swap.h (mm/swap.c), mm/internal.h (mm/vmscan.c)
 */

/* mm/swap.c: entering the lists (Linux batches these per CPU; see there) */
void lru_cache_add(struct page *page);
void lru_cache_add_inactive_or_unevictable(struct page *page, struct vm_area_struct *vma);
void lru_add_drain(void);

/* mm/swap.c: aging */
void mark_page_accessed(struct page *page);
void activate_page(struct page *page);
void deactivate_page(struct page *page);
void deactivate_file_page(struct page *page);
void mark_page_lazyfree(struct page *page);
void rotate_reclaimable_page(struct page *page);

/* mm/swap.c: what reclaim learns of each list's cost */
void lru_note_cost(struct lruvec *lruvec, bool file, unsigned int nr_pages);

/* mm/vmscan.c */
int isolate_lru_page(struct page *page);
void putback_lru_page(struct page *page);
void check_move_unevictable_pages(struct page **pages, unsigned int nr);
unsigned long reclaim_pages(struct list_head *page_list);

/*
 * Reclaim under memory pressure. Linux: include/linux/swap.h
 * (mm/vmscan.c)
 */
#define SWAP_CLUSTER_MAX	32UL	/* pages reclaim takes off a list at a time */

extern int vm_swappiness;		/* vm.swappiness: anon's share of the scanning (0..200) */

/* mm/vmscan_lru.c */
unsigned long try_to_free_pages(int order, gfp_t gfp_mask);
unsigned long zone_reclaimable_pages(struct zone *zone);
void acct_reclaim_writeback(struct page *page);

/* mm/kswapd.c */
void wakeup_kswapd(struct zone *zone, gfp_t gfp_flags, int order, enum zone_type highest_zoneidx);
int kswapd_run(int nid);

static inline bool current_is_kswapd(void)
{
	return current->flags & PF_KSWAPD;
}

/* mm/watermark.c: the zones' high watermarks and lowmem reserves, never free for use */
extern unsigned long totalreserve_pages;

/* mm/shmem.c: SHM_UNLOCK gives the segment's pages back to reclaim. */
void shmem_unlock_mapping(struct address_space *mapping);
/* mm/shmem_swap.c: swapoff brings tmpfs pages back first. */
int shmem_unuse(unsigned int type);

/* mm/swap_state.c: the swap cache */
struct address_space *swap_address_space(swp_entry_t entry);
int add_to_swap_cache(struct page *page, swp_entry_t entry, gfp_t gfp);
void __delete_from_swap_cache(struct page *page, swp_entry_t entry);
void delete_from_swap_cache(struct page *page);
bool add_to_swap(struct page *page);
struct page *lookup_swap_cache(swp_entry_t entry);
bool try_to_free_swap(struct page *page);
void free_swap_and_cache(swp_entry_t entry);
void free_swap_cache(struct page *page);
struct page *__read_swap_cache_async(swp_entry_t entry, gfp_t gfp, bool *new_page_allocated);
struct page *read_swap_cache_async(swp_entry_t entry, gfp_t gfp, bool synchronous);
extern int page_cluster;
struct page *swap_cache_get_page(swp_entry_t entry);
struct page *swap_cluster_readahead(swp_entry_t entry, gfp_t gfp);
struct page *swapin_readahead(swp_entry_t entry, gfp_t gfp);

#endif
