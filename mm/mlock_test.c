// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for page locking (mm/mlock.c): PG_mlocked, page->mlock_count
 * and NR_MLOCK kept exact as locked VMAs map and unmap a page, through
 * mlock, munlock, munmap, a second mapping of a shared page, and COW.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/vmstat.h>
#include <linux/ktest_mm.h>
#include <asm/uaccess.h>

#define P	PAGE_SIZE
#define RW	(PROT_READ | PROT_WRITE)

static struct page *page_at(unsigned long addr)
{
	pte_t *pte = ktest_pte(addr);

	return pte && pte_present(*pte) ? pte_page(*pte) : NULL;
}

KTEST(mlock, count, "mlock sets PG_mlocked on each mapped page and NR_MLOCK counts them; munlock clears both")
{
	struct mm_struct *mm = ktest_mm_create();
	long before = global_zone_page_state(NR_MLOCK);
	unsigned long a;
	struct page *pg;

	KT_ASSERT_TRUE(t, mm);
	a = vm_mmap(NULL, 0, 4 * P, RW, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	KT_ASSERT_EQ(t, 0, put_user('x', (char *)a));
	KT_EXPECT_EQ(t, 0, do_mlock(a, 3 * P, VM_LOCKED));
	pg = page_at(a + P);				/* faulted in by the mlock */
	KT_ASSERT_TRUE(t, pg);
	KT_EXPECT_TRUE(t, PageMlocked(pg) && pg->mlock_count == 1);
	KT_EXPECT_EQ(t, before + 3, global_zone_page_state(NR_MLOCK));
	KT_EXPECT_TRUE(t, !page_at(a + 3 * P));		/* outside the range: untouched */
	KT_EXPECT_EQ(t, 3, mm->locked_vm);
	KT_EXPECT_EQ(t, 0, do_munlock(a, 4 * P));
	KT_EXPECT_TRUE(t, !PageMlocked(pg));
	KT_EXPECT_EQ(t, before, global_zone_page_state(NR_MLOCK));
	KT_EXPECT_EQ(t, 0, mm->locked_vm);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(mlock, shared, "a shared page locked through two VMAs has mlock_count 2 and stays locked until both are gone")
{
	struct mm_struct *mm = ktest_mm_create();
	long before = global_zone_page_state(NR_MLOCK);
	unsigned long a, b;
	struct page *pg;

	KT_ASSERT_TRUE(t, mm);
	a = vm_mmap(NULL, 0, P, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_LOCKED, 0);
	KT_ASSERT_TRUE(t, !IS_ERR_VALUE(a));
	b = do_mremap(a, 0, P, MREMAP_MAYMOVE, 0);	/* a second mapping of the same page */
	KT_ASSERT_TRUE(t, !IS_ERR_VALUE(b));
	KT_EXPECT_EQ(t, 0, do_mlock(b, P, VM_LOCKED));
	pg = page_at(a);
	KT_ASSERT_TRUE(t, pg && pg == page_at(b));
	KT_EXPECT_TRUE(t, PageMlocked(pg) && pg->mlock_count == 2);
	KT_EXPECT_EQ(t, before + 1, global_zone_page_state(NR_MLOCK));
	KT_EXPECT_EQ(t, 0, vm_munmap(a, P));
	KT_EXPECT_TRUE(t, PageMlocked(pg) && pg->mlock_count == 1);
	KT_EXPECT_EQ(t, 0, vm_munmap(b, P));
	KT_EXPECT_EQ(t, before, global_zone_page_state(NR_MLOCK));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(mlock, onfault, "MLOCK_ONFAULT locks nothing at once; a later fault maps its new page locked")
{
	struct mm_struct *mm = ktest_mm_create();
	long before = global_zone_page_state(NR_MLOCK);
	unsigned long a;

	KT_ASSERT_TRUE(t, mm);
	a = vm_mmap(NULL, 0, 2 * P, RW, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	KT_EXPECT_EQ(t, 0, do_mlock(a, 2 * P, VM_LOCKED | VM_LOCKONFAULT));
	KT_EXPECT_TRUE(t, !page_at(a) && !page_at(a + P));
	KT_ASSERT_EQ(t, 0, put_user('x', (char *)(a + P)));
	KT_EXPECT_TRUE(t, page_at(a + P) && PageMlocked(page_at(a + P)));
	KT_EXPECT_EQ(t, before + 1, global_zone_page_state(NR_MLOCK));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
	KT_EXPECT_EQ(t, before, global_zone_page_state(NR_MLOCK));
}
