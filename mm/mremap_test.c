// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for mremap's page-table move (mm/mremap.c): whole PTE tables
 * moved when 2 MiB line up, PTE by PTE otherwise, the same frames at the
 * new place, and a move whose allocations fail leaving the old mapping
 * whole (the runner checks leaks, ktest_mm_destroy the rmap audit).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/ktest_mm.h>
#include <asm/uaccess.h>

#define P	PAGE_SIZE
#define MB2	PMD_SIZE
#define RW	(PROT_READ | PROT_WRITE)
#define ANON_FIXED	(MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)

/* Write one byte into each of n pages from a: i for page i. */
static bool fill(unsigned long a, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		if (put_user((char)i, (char *)(a + i * P)))
			return false;
	return true;
}

/* Do the n pages from b hold what fill() wrote, with the frames in pfns? */
static bool same_pages(unsigned long b, unsigned long n, const unsigned long *pfns)
{
	for (unsigned long i = 0; i < n; i++) {
		pte_t *pte = ktest_pte(b + i * P);
		char c;

		if (!pte || !pte_present(*pte) || pte_pfn(*pte) != pfns[i])
			return false;
		if (get_user(c, (char *)(b + i * P)) || c != (char)i)
			return false;
	}
	return true;
}

static void record_pfns(unsigned long a, unsigned long n, unsigned long *pfns)
{
	for (unsigned long i = 0; i < n; i++)
		pfns[i] = pte_pfn(*ktest_pte(a + i * P));
}

KTEST(mremap, pmd_move, "a 2 MiB-aligned move hands each whole PTE table over: the new PMD entry holds the old table")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = 0x40000000, b = 0x80000000, pfns[4];
	pmd_t old_pmd;

	KT_ASSERT_TRUE(t, mm);
	KT_ASSERT_EQ(t, a, vm_mmap(NULL, a, 2 * MB2, RW, ANON_FIXED, 0));
	KT_ASSERT_TRUE(t, fill(a, 4) && fill(a + MB2, 1));
	record_pfns(a, 4, pfns);
	old_pmd = *mm_find_pmd(mm, a);
	KT_EXPECT_EQ(t, b, do_mremap(a, 2 * MB2, 2 * MB2, MREMAP_MAYMOVE | MREMAP_FIXED, b));
	KT_EXPECT_TRUE(t, mm_find_pmd(mm, b) && pmd_val(*mm_find_pmd(mm, b)) == pmd_val(old_pmd));
	KT_EXPECT_TRUE(t, !mm_find_pmd(mm, a));	/* nothing left behind */
	KT_EXPECT_TRUE(t, same_pages(b, 4, pfns));
	KT_EXPECT_EQ(t, 5, get_mm_rss(mm));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(mremap, pte_move, "a move to an address one page off 2 MiB moves PTE by PTE across two new tables, frames and rss unchanged")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = 0x40000000 + MB2 - 2 * P, b = 0x80000000 + MB2 - 3 * P, pfns[6];

	KT_ASSERT_TRUE(t, mm);
	KT_ASSERT_EQ(t, a, vm_mmap(NULL, a, 6 * P, RW, ANON_FIXED, 0));
	KT_ASSERT_TRUE(t, fill(a, 6));
	record_pfns(a, 6, pfns);
	KT_EXPECT_EQ(t, b, do_mremap(a, 6 * P, 6 * P, MREMAP_MAYMOVE | MREMAP_FIXED, b));
	KT_EXPECT_TRUE(t, same_pages(b, 6, pfns));
	for (unsigned long i = 0; i < 6; i++)
		KT_EXPECT_TRUE(t, !ktest_pte(a + i * P) || pte_none(*ktest_pte(a + i * P)));
	KT_EXPECT_EQ(t, 6, get_mm_rss(mm));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

/*
 * Fail the 1st, 2nd, ... allocation of a move in turn: mremap says
 * ENOMEM and the old mapping still holds every page where it was, until
 * the move gets all it needs.
 */
KTEST(mremap, enomem, "a move whose allocations fail returns ENOMEM with the old mapping whole, at every allocation")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = 0x40000000, b = 0x7000000000, pfns[3], ret = -ENOMEM;
	int n;

	KT_ASSERT_TRUE(t, mm);
	KT_ASSERT_EQ(t, a, vm_mmap(NULL, a, 3 * P, RW, ANON_FIXED, 0));
	KT_ASSERT_TRUE(t, fill(a, 3));
	record_pfns(a, 3, pfns);
	for (n = 1; n < 20 && ret == (unsigned long)-ENOMEM; n++) {
		current->fail_nth = n;
		ret = do_mremap(a, 3 * P, 3 * P, MREMAP_MAYMOVE | MREMAP_FIXED, b);
		current->fail_nth = 0;
		if (ret == b)
			break;
		KT_EXPECT_EQ(t, -ENOMEM, (long)ret);
		KT_EXPECT_TRUE(t, same_pages(a, 3, pfns));
		KT_EXPECT_TRUE(t, ktest_find_exact(a, a + 3 * P) != NULL);
		KT_EXPECT_TRUE(t, find_vma_intersection(mm, b, b + 3 * P) == NULL);
	}
	KT_EXPECT_EQ(t, b, ret);
	KT_EXPECT_TRUE(t, n > 3);	/* the VMA, then the new PUD, PMD and PTE tables */
	KT_EXPECT_TRUE(t, same_pages(b, 3, pfns));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}
