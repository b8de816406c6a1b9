// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/kpagecount and /proc/kpageflags: one 64-bit word per physical
 * frame, at offset pfn * 8. Linux: fs/proc/page.c
 *
 * A read must start at, and be a whole number of, 8-byte words (EINVAL
 * otherwise, as in Linux); it stops at max_pfn, so reads past the last
 * frame return 0. A frame with no struct page reads as count 0 and flags
 * KPF_NOPAGE. The flag bits are Linux's (include/uapi/linux/kernel-page-flags.h).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/rmap.h>
#include <linux/uio.h>
#include "internal.h"

#define KPMSIZE		sizeof(u64)
#define KPMMASK		(KPMSIZE - 1)
#define KPMBUF_WORDS	512

/* Linux's bit numbers */
enum {
	KPF_LOCKED = 0, KPF_ERROR = 1, KPF_REFERENCED = 2, KPF_UPTODATE = 3,
	KPF_DIRTY = 4, KPF_LRU = 5, KPF_ACTIVE = 6, KPF_SLAB = 7, KPF_WRITEBACK = 8,
	KPF_RECLAIM = 9, KPF_BUDDY = 10, KPF_MMAP = 11, KPF_ANON = 12,
	KPF_SWAPCACHE = 13, KPF_SWAPBACKED = 14, KPF_COMPOUND_HEAD = 15,
	KPF_COMPOUND_TAIL = 16, KPF_HUGE = 17, KPF_UNEVICTABLE = 18, KPF_HWPOISON = 19,
	KPF_NOPAGE = 20, KPF_KSM = 21, KPF_THP = 22, KPF_OFFLINE = 23, KPF_ZERO_PAGE = 24,
	KPF_IDLE = 25, KPF_PGTABLE = 26,
	/* the kernel-hacking ones: raw struct page flags */
	KPF_RESERVED = 32, KPF_MLOCKED = 33, KPF_MAPPEDTODISK = 34, KPF_PRIVATE = 35,
	KPF_PRIVATE_2 = 36, KPF_OWNER_PRIVATE = 37, KPF_ARCH = 38, KPF_UNCACHED = 39,
	KPF_SOFTDIRTY = 40, KPF_ARCH_2 = 41,
};

/* The struct page of a frame the kernel knows, or NULL. Linux: pfn_to_online_page() */
static struct page *pfn_to_online_page(unsigned long pfn)
{
	return pfn < max_pfn && pfn_valid(pfn) ? pfn_to_page(pfn) : NULL;
}

static u64 kpf_copy_bit(u64 kflags, int ubit, int kbit)
{
	return ((kflags >> kbit) & 1) << ubit;
}

/* The page flags that show as they are, KPF bit by PG bit. */
static const struct {
	unsigned char ubit, kbit;
} kpf_copied[] = {
	{ KPF_LOCKED, PG_locked }, { KPF_SLAB, PG_slab }, { KPF_ERROR, PG_error },
	{ KPF_DIRTY, PG_dirty }, { KPF_UPTODATE, PG_uptodate }, { KPF_WRITEBACK, PG_writeback },
	{ KPF_LRU, PG_lru }, { KPF_REFERENCED, PG_referenced }, { KPF_ACTIVE, PG_active },
	{ KPF_RECLAIM, PG_reclaim }, { KPF_SWAPBACKED, PG_swapbacked },
	{ KPF_UNEVICTABLE, PG_unevictable }, { KPF_MLOCKED, PG_mlocked },
	{ KPF_RESERVED, PG_reserved }, { KPF_MAPPEDTODISK, PG_mappedtodisk },
	{ KPF_PRIVATE, PG_private }, { KPF_PRIVATE_2, PG_private_2 },
	{ KPF_OWNER_PRIVATE, PG_owner_priv_1 }, { KPF_ARCH, PG_arch_1 },
};

/* What /proc/kpageflags says of a frame. Linux: stable_page_flags() */
static u64 stable_page_flags(struct page *page)
{
	u64 k, u = 0;

	if (!page)
		return 1ULL << KPF_NOPAGE;
	k = page->flags;
	if (!page_has_type(page) && page_mapcount(page) > 0)
		u |= 1ULL << KPF_MMAP;
	if (PageAnon(page))
		u |= 1ULL << KPF_ANON;
	if (PageHead(page))
		u |= 1ULL << KPF_COMPOUND_HEAD;
	else if (PageTail(page))
		u |= 1ULL << KPF_COMPOUND_TAIL;
	if (is_zero_pfn(page_to_pfn(page)))
		u |= 1ULL << KPF_ZERO_PAGE;
	if (PageBuddy(page) || (page_ref_count(page) == 0 && is_free_buddy_page(page)))
		u |= 1ULL << KPF_BUDDY;
	if (PageTable(page))
		u |= 1ULL << KPF_PGTABLE;
	for (size_t i = 0; i < ARRAY_SIZE(kpf_copied); i++)
		u |= kpf_copy_bit(k, kpf_copied[i].ubit, kpf_copied[i].kbit);
	if (PageTail(page) && PageSlab(compound_head(page)))
		u |= 1ULL << KPF_SLAB;
	if (PageSwapCache(page))
		u |= 1ULL << KPF_SWAPCACHE;
	return u;
}

/* How many PTEs map a frame; 0 for slab and typed pages. Linux: kpagecount_read() */
static u64 kpagecount_of(struct page *page)
{
	if (!page || PageSlab(page) || page_has_type(page))
		return 0;
	return (u64)page_mapcount(page);
}

/* The words of pfns [src/8, ...) through value(), in batches. */
static ssize_t kpage_read(struct kiocb *iocb, struct iov_iter *to,
			  u64 (*value)(struct page *page))
{
	u64 buf[KPMBUF_WORDS];
	loff_t src = iocb->ki_pos;
	size_t count = iov_iter_count(to);
	unsigned long pfn;
	ssize_t ret = 0;

	if ((src & KPMMASK) || (count & KPMMASK))
		return -EINVAL;
	if (src < 0 || (u64)src >= (u64)max_pfn * KPMSIZE)
		return 0;
	count = min_t(size_t, count, (size_t)max_pfn * KPMSIZE - (size_t)src);
	pfn = (unsigned long)src / KPMSIZE;
	while (count) {
		size_t n = min_t(size_t, count / KPMSIZE, KPMBUF_WORDS);

		for (size_t i = 0; i < n; i++)
			buf[i] = value(pfn_to_online_page(pfn + i));
		if (copy_to_iter(buf, n * KPMSIZE, to) != n * KPMSIZE) {
			if (!ret)
				ret = -EFAULT;
			break;
		}
		pfn += n;
		count -= n * KPMSIZE;
		ret += (ssize_t)(n * KPMSIZE);
	}
	iocb->ki_pos += ret > 0 ? ret : 0;
	return ret;
}

static ssize_t kpagecount_read(struct kiocb *iocb, struct iov_iter *to)
{
	return kpage_read(iocb, to, kpagecount_of);
}

static ssize_t kpageflags_read(struct kiocb *iocb, struct iov_iter *to)
{
	return kpage_read(iocb, to, stable_page_flags);
}

const struct file_operations proc_kpagecount_operations = {
	.llseek = mem_lseek,
	.read_iter = kpagecount_read,
};

const struct file_operations proc_kpageflags_operations = {
	.llseek = mem_lseek,
	.read_iter = kpageflags_read,
};
