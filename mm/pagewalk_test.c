// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for the page-table walker (mm/pagewalk.c): what it visits and
 * what it skips, counted by callbacks that record every call.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/pagewalk.h>
#include <linux/ktest_mm.h>
#include <asm/uaccess.h>

#define P	PAGE_SIZE

struct tally {
	unsigned long ptes, present, pmds;	/* pte_entry, of them present, pmd_entry calls */
	unsigned long hole_bytes[5];		/* by depth + 1: -1 (no VMA), 0..3 */
	unsigned long skip_start;		/* test_walk: skip the VMA starting here */
	unsigned long first, last;		/* lowest and highest pte_entry address */
};

static int count_pmd(pmd_t *pmd, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	((struct tally *)walk->private)->pmds++;
	return 0;
}

static int count_pte(pte_t *pte, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	struct tally *t = walk->private;

	if (!t->ptes++)
		t->first = addr;
	t->last = addr;
	t->present += pte_present(*pte);
	return 0;
}

static int count_hole(unsigned long addr, unsigned long next, int depth, struct mm_walk *walk)
{
	((struct tally *)walk->private)->hole_bytes[depth + 1] += next - addr;
	return 0;
}

static int skip_one(unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	return walk->vma->vm_start == ((struct tally *)walk->private)->skip_start;
}

static const struct mm_walk_ops tally_ops = {
	.pmd_entry = count_pmd,
	.pte_entry = count_pte,
	.pte_hole = count_hole,
	.test_walk = skip_one,
};

static unsigned long holes(const struct tally *t)
{
	unsigned long sum = 0;

	for (int i = 0; i < 5; i++)
		sum += t->hole_bytes[i];
	return sum;
}

KTEST(pagewalk, sparse, "a 64 TiB mapping with 3 pages: 3 PTE tables walked, the rest skipped as holes, each byte once")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long len = 1UL << 46, a, span;
	struct tally tl = { 0 };

	KT_ASSERT_TRUE(t, mm);
	a = vm_mmap(NULL, 0, len, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, 0);
	KT_ASSERT_TRUE(t, !IS_ERR_VALUE(a));
	KT_EXPECT_EQ(t, 0, put_user('x', (char *)a));
	KT_EXPECT_EQ(t, 0, put_user('y', (char *)(a + len / 2)));
	KT_EXPECT_EQ(t, 0, put_user('z', (char *)(a + len - P)));
	KT_EXPECT_EQ(t, 0, walk_page_range(mm, a, a + len, &tally_ops, &tl));
	KT_EXPECT_EQ(t, 3, tl.pmds);
	KT_EXPECT_TRUE(t, tl.ptes <= 3 * 512);		/* the 3 tables' PTEs in range */
	KT_EXPECT_EQ(t, 3, tl.present);
	span = tl.ptes * P + holes(&tl);
	KT_EXPECT_EQ(t, len, span);			/* each byte once */
	KT_EXPECT_EQ(t, 0, tl.hole_bytes[0]);		/* all inside the VMA */
	KT_EXPECT_TRUE(t, tl.hole_bytes[1] > len / 2);	/* mostly empty PGD entries */
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(pagewalk, ranges, "walk_page_range: holes between VMAs at depth -1, a part of a table, and test_walk skipping a VMA")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a, b;
	struct tally tl = { 0 };

	KT_ASSERT_TRUE(t, mm);
	a = vm_mmap(NULL, 0x40000000, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
	b = vm_mmap(NULL, 0x40000000 + 8 * P, 4 * P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
	KT_EXPECT_EQ(t, 0, put_user('a', (char *)(a + P)));
	/* [a + P, b + 2P): 3 pages of a, a 4-page gap, 2 pages of b. */
	KT_EXPECT_EQ(t, 0, walk_page_range(mm, a + P, b + 2 * P, &tally_ops, &tl));
	KT_EXPECT_EQ(t, 4 * P, tl.hole_bytes[0]);
	KT_EXPECT_EQ(t, 3 + 2, tl.ptes);			/* one table, 5 of its PTEs */
	KT_EXPECT_EQ(t, a + P, tl.first);
	KT_EXPECT_EQ(t, b + P, tl.last);
	KT_EXPECT_EQ(t, 1, tl.present);
	memset(&tl, 0, sizeof(tl));
	tl.skip_start = a;
	KT_EXPECT_EQ(t, 0, walk_page_range(mm, a, b + 4 * P, &tally_ops, &tl));
	KT_EXPECT_EQ(t, 4, tl.ptes);			/* only b's */
	KT_EXPECT_EQ(t, b, tl.first);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}
