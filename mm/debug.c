// SPDX-License-Identifier: GPL-2.0
/*
 * dump_page(): everything a struct page says, for bug reports.
 * Linux: mm/debug.c (__dump_page), lib/vsprintf.c (%pGp flag names)
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>

static const char *const pageflag_names[__NR_PAGEFLAGS] = {
	[PG_locked] = "locked",		[PG_referenced] = "referenced",
	[PG_uptodate] = "uptodate",	[PG_dirty] = "dirty",
	[PG_lru] = "lru",		[PG_active] = "active",
	[PG_workingset] = "workingset",	[PG_waiters] = "waiters",
	[PG_error] = "error",		[PG_slab] = "slab",
	[PG_owner_priv_1] = "owner_priv_1", [PG_arch_1] = "arch_1",
	[PG_reserved] = "reserved",	[PG_private] = "private",
	[PG_private_2] = "private_2",	[PG_writeback] = "writeback",
	[PG_head] = "head",		[PG_mappedtodisk] = "mappedtodisk",
	[PG_reclaim] = "reclaim",	[PG_swapbacked] = "swapbacked",
	[PG_unevictable] = "unevictable", [PG_mlocked] = "mlocked",
};

/* "reserved|head|zone=1", as Linux's %pGp prints page->flags. */
static void format_page_flags(char *buf, size_t size, unsigned long flags)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < __NR_PAGEFLAGS; i++)
		if (flags & (1UL << i))
			len += scnprintf(buf + len, size - len, "%s|", pageflag_names[i]);
	scnprintf(buf + len, size - len, "node=0|zone=%lu",
		  (flags >> ZONES_PGSHIFT) & ZONES_MASK);
}

static const char *page_type_name(const struct page *page)
{
	if (!page_has_type(page))
		return NULL;
	if (PageBuddy(page))
		return "buddy";
	if (PageTable(page))
		return "table";
	return "unknown";
}

void dump_page(struct page *page, const char *reason)
{
	const unsigned long *raw = (const unsigned long *)page;
	const char *type = page_type_name(page);
	char flags[256];

	pr_warn("page:%px refcount:%d mapcount:%d mapping:%016lx index:%#lx pfn:%#lx\n",
		(void *)page, page_ref_count(page),
		type ? 0 : page_mapcount(page), (unsigned long)page->mapping,
		page->index, page_to_pfn(page));
	if (PageTail(page))
		pr_warn("head:%px order:%u\n", (void *)compound_head(page),
			compound_order(compound_head(page)));
	format_page_flags(flags, sizeof(flags), page->flags);
	pr_warn("flags: %#lx(%s)\n", page->flags, flags);
	if (type)
		pr_warn("page_type: %#x(%s)\n", page->page_type, type);
	pr_warn("raw: %016lx %016lx %016lx %016lx\n", raw[0], raw[1], raw[2], raw[3]);
	pr_warn("raw: %016lx %016lx %016lx %016lx\n", raw[4], raw[5], raw[6], raw[7]);
	if (reason)
		pr_warn("page dumped because: %s\n", reason);
}
