/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/mm_types.h>
#include <linux/bug.h>

/*
 * Page flags: bits of page->flags, numbered as in Linux 6.1
 * (include/linux/page-flags.h), so that /proc/kpageflags and dump_page
 * read the same. The zone number lives in the top bits (ZONES_PGSHIFT).
 *
 * One CPU, and no page flag is touched from an interrupt handler, so the
 * Set/Clear helpers are plain read-modify-write (Linux has atomic and
 * non-atomic __ variants; both are provided under Linux's names).
 */
enum pageflags {
	PG_locked,		/* under I/O or being changed: others wait */
	PG_referenced,		/* recently used (second chance on the LRU) */
	PG_uptodate,		/* contents valid (read from backing store) */
	PG_dirty,		/* must be written back before reuse */
	PG_lru,			/* on an LRU list */
	PG_active,		/* on the active LRU list */
	PG_workingset,		/* was active before reclaim took it (refaults) */
	PG_waiters,
	PG_error,
	PG_slab,		/* owned by the slab allocator */
	PG_owner_priv_1,	/* PG_swapcache for swap-backed pages */
	PG_arch_1,
	PG_reserved,		/* never given to the buddy allocator */
	PG_private,
	PG_private_2,
	PG_writeback,		/* being written back */
	PG_head,		/* first page of a compound page */
	PG_mappedtodisk,
	PG_reclaim,		/* to be reclaimed after writeback */
	PG_swapbacked,		/* backed by swap (anonymous, shmem) */
	PG_unevictable,
	PG_mlocked,
	__NR_PAGEFLAGS,

	PG_swapcache = PG_owner_priv_1,	/* in the swap cache (if swapbacked) */
	/*
	 * An anonymous page mapped only by this process: a write fault may
	 * make it writable without copying (Linux 6.1, PG_anon_exclusive).
	 */
	PG_anon_exclusive = PG_mappedtodisk,
	/*
	 * A page that swap readahead read in, not yet faulted on: its first
	 * fault counts a readahead hit (swap_ra_hit). A page being read is
	 * never under writeback, so Linux shares the bit with PG_reclaim.
	 */
	PG_readahead = PG_reclaim,
};

#define PAGEFLAG(uname, lname)						\
static inline bool Page##uname(const struct page *page)			\
{ return page->flags & (1UL << PG_##lname); }				\
static inline void SetPage##uname(struct page *page)			\
{ page->flags |= 1UL << PG_##lname; }					\
static inline void ClearPage##uname(struct page *page)			\
{ page->flags &= ~(1UL << PG_##lname); }				\
static inline void __SetPage##uname(struct page *page)			\
{ page->flags |= 1UL << PG_##lname; }					\
static inline void __ClearPage##uname(struct page *page)		\
{ page->flags &= ~(1UL << PG_##lname); }

PAGEFLAG(Locked, locked)
PAGEFLAG(Referenced, referenced)
PAGEFLAG(Uptodate, uptodate)
PAGEFLAG(Dirty, dirty)
PAGEFLAG(LRU, lru)
PAGEFLAG(Active, active)
PAGEFLAG(Slab, slab)
PAGEFLAG(Reserved, reserved)
PAGEFLAG(Private, private)
PAGEFLAG(Writeback, writeback)
PAGEFLAG(Head, head)
PAGEFLAG(Reclaim, reclaim)
PAGEFLAG(Readahead, readahead)
PAGEFLAG(SwapBacked, swapbacked)
PAGEFLAG(Unevictable, unevictable)
PAGEFLAG(Mlocked, mlocked)
PAGEFLAG(AnonExclusive, anon_exclusive)
PAGEFLAG(Workingset, workingset)

/* Set the flag, saying whether it was set already. */
static inline bool TestSetPageMlocked(struct page *page)
{
	bool was = PageMlocked(page);

	SetPageMlocked(page);
	return was;
}

/* Clear the flag, saying whether it was set. */
static inline bool TestClearPageMlocked(struct page *page)
{
	bool was = PageMlocked(page);

	ClearPageMlocked(page);
	return was;
}

static inline bool TestClearPageDirty(struct page *page)
{
	bool was = PageDirty(page);

	ClearPageDirty(page);
	return was;
}

static inline bool TestClearPageReferenced(struct page *page)
{
	bool was = PageReferenced(page);

	ClearPageReferenced(page);
	return was;
}

static inline bool TestClearPageReadahead(struct page *page)
{
	bool was = PageReadahead(page);

	ClearPageReadahead(page);
	return was;
}

static inline bool TestClearPageLRU(struct page *page)
{
	bool was = PageLRU(page);

	ClearPageLRU(page);
	return was;
}

static inline bool PageSwapCache(const struct page *page)
{
	return PageSwapBacked(page) && (page->flags & (1UL << PG_swapcache));
}

static inline void SetPageSwapCache(struct page *page)
{
	page->flags |= 1UL << PG_swapcache;
}

static inline void ClearPageSwapCache(struct page *page)
{
	page->flags &= ~(1UL << PG_swapcache);
}

/* Compound pages: a head followed by tails that point back at it. */
static inline bool PageTail(const struct page *page)
{
	return READ_ONCE(page->compound_head) & 1;
}

static inline bool PageCompound(const struct page *page)
{
	return PageHead(page) || PageTail(page);
}

static inline struct page *compound_head(const struct page *page)
{
	unsigned long head = READ_ONCE(page->compound_head);

	if (head & 1)
		return (struct page *)(head - 1);
	return (struct page *)page;
}

static inline void set_compound_head(struct page *page, struct page *head)
{
	WRITE_ONCE(page->compound_head, (unsigned long)head + 1);
}

static inline void clear_compound_head(struct page *page)
{
	WRITE_ONCE(page->compound_head, 0);
}

static inline unsigned int compound_order(const struct page *page)
{
	if (!PageHead(page))
		return 0;
	return page[1].compound_order;
}

/* A tail page's mapping holds this poison (Linux: TAIL_MAPPING). */
#define TAIL_MAPPING	((struct address_space *)0x400UL)

/*
 * Page types share the word with _mapcount: PAGE_TYPE_BASE in the top
 * bits, and a type is "set" by clearing its bit. An ordinary unmapped
 * page reads 0xffffffff (mapcount -1), a free buddy page 0xffffff7f.
 */
#define PAGE_TYPE_BASE	0xf0000000u
#define PAGE_MAPCOUNT_RESERVE	-128
#define PG_buddy	0x00000080u
#define PG_offline	0x00000100u
#define PG_table	0x00000200u
#define PG_guard	0x00000400u

static inline bool page_has_type(const struct page *page)
{
	return (int)page->page_type < PAGE_MAPCOUNT_RESERVE;
}

#define PAGE_TYPE_OPS(uname, lname)					\
static inline bool Page##uname(const struct page *page)			\
{ return (page->page_type & (PAGE_TYPE_BASE | PG_##lname)) == PAGE_TYPE_BASE; } \
static inline void __SetPage##uname(struct page *page)			\
{									\
	VM_BUG_ON(page->page_type != 0xffffffffu);			\
	page->page_type &= ~PG_##lname;					\
}									\
static inline void __ClearPage##uname(struct page *page)		\
{									\
	VM_BUG_ON(!Page##uname(page));					\
	page->page_type |= PG_##lname;					\
}

PAGE_TYPE_OPS(Buddy, buddy)
PAGE_TYPE_OPS(Table, table)

/* Flags that must be clear when a page is freed or handed out. */
#define PAGE_FLAGS_CHECK_AT_FREE					\
	(1UL << PG_lru | 1UL << PG_locked | 1UL << PG_private |		\
	 1UL << PG_private_2 | 1UL << PG_writeback | 1UL << PG_reserved | \
	 1UL << PG_slab | 1UL << PG_active | 1UL << PG_unevictable |	\
	 1UL << PG_mlocked)
#define PAGE_FLAGS_CHECK_AT_PREP	((1UL << __NR_PAGEFLAGS) - 1)

#endif
