// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for madvise (mm/madvise.c): MADV_FREE's lazy-free marking of
 * each page (clean PTE, not swap-backed, counted in pglazyfree) and a
 * write making it dirty again; MADV_DONTNEED zapping the PTEs.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/vmstat.h>
#include <linux/rmap.h>
#include <linux/ktest_mm.h>
#include <asm/uaccess.h>

#define P	PAGE_SIZE
#define RW	(PROT_READ | PROT_WRITE)

KTEST(madvise, free, "MADV_FREE leaves each page mapped but clean, old and lazily freeable, counted in pglazyfree")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long events = vm_event_states[PGLAZYFREE], a;
	struct page *page;
	pte_t pte;

	KT_ASSERT_TRUE(t, mm);
	a = vm_mmap(NULL, 0, 3 * P, RW, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	for (int i = 0; i < 3; i++)
		KT_ASSERT_EQ(t, 0, put_user('x', (char *)(a + i * P)));
	KT_EXPECT_EQ(t, 0, do_madvise(mm, a, 2 * P, MADV_FREE));
	pte = *ktest_pte(a + P);
	page = pte_page(pte);
	KT_EXPECT_TRUE(t, pte_present(pte) && !pte_dirty(pte) && !pte_young(pte));
	KT_EXPECT_TRUE(t, PageAnon(page) && !PageSwapBacked(page));
	KT_EXPECT_TRUE(t, PageSwapBacked(pte_page(*ktest_pte(a + 2 * P))));	/* outside */
	KT_EXPECT_EQ(t, events + 2, vm_event_states[PGLAZYFREE]);
	KT_ASSERT_EQ(t, 0, put_user('y', (char *)(a + P)));
	KT_EXPECT_TRUE(t, pte_dirty(*ktest_pte(a + P)));	/* written again: keep it */
	KT_EXPECT_EQ(t, 3, get_mm_rss(mm));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(madvise, dontneed, "MADV_DONTNEED clears the PTEs of its range and gives the pages back")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a;

	KT_ASSERT_TRUE(t, mm);
	a = vm_mmap(NULL, 0, 3 * P, RW, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	for (int i = 0; i < 3; i++)
		KT_ASSERT_EQ(t, 0, put_user('x', (char *)(a + i * P)));
	KT_EXPECT_EQ(t, 0, do_madvise(mm, a + P, P, MADV_DONTNEED));
	KT_EXPECT_TRUE(t, pte_none(*ktest_pte(a + P)));
	KT_EXPECT_TRUE(t, pte_present(*ktest_pte(a)) && pte_present(*ktest_pte(a + 2 * P)));
	KT_EXPECT_EQ(t, 2, get_mm_rss(mm));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}
