// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for rmap_walk (mm/rmap.c): from a page to every VMA that maps
 * it, after fork, for anonymous and file pages, and the walk's controls
 * (done, invalid_vma, anon_lock) as Linux's callers use them.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/rmap.h>
#include <linux/namei.h>
#include <linux/ktest_mm.h>
#include <asm/uaccess.h>

#define P	PAGE_SIZE

/* What a walk saw: each (mm, address) offered that maps the page. */
struct seen {
	int n;
	struct mm_struct *mm[4];
	unsigned long addr[4];
	struct mm_struct *skip;		/* invalid_vma: this mm's VMAs */
};

static bool record(struct page *page, struct vm_area_struct *vma, unsigned long address,
		   void *arg)
{
	struct seen *s = arg;
	DEFINE_PAGE_VMA_WALK(pvmw, page, vma, address, 0);

	while (page_vma_mapped_walk(&pvmw)) {
		if (s->n < 4) {
			s->mm[s->n] = vma->vm_mm;
			s->addr[s->n] = address;
		}
		s->n++;
	}
	return true;
}

static int done_after_one(struct page *page)
{
	return 1;
}

static bool skip_mm(struct vm_area_struct *vma, void *arg)
{
	return vma->vm_mm == ((struct seen *)arg)->skip;
}

static struct anon_vma *no_anon_vma(struct page *page, struct rmap_walk_control *rwc)
{
	return NULL;	/* as a trylock that failed */
}

static int walk(struct page *page, struct rmap_walk_control *rwc, struct seen *s)
{
	s->n = 0;
	rwc->rmap_one = record;
	rwc->arg = s;
	rmap_walk(page, rwc);
	return s->n;
}

static struct page *page_at(unsigned long addr)
{
	pte_t *pte = ktest_pte(addr);

	return pte && pte_present(*pte) ? pfn_to_page(pte_pfn(*pte)) : NULL;
}

KTEST(rmap, anon_after_fork, "rmap_walk finds an anonymous page in parent and child after fork, and one only after a COW copy")
{
	struct mm_struct *mm = ktest_mm_create(), *child;
	unsigned long a = vm_mmap(NULL, 0, 2 * P, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, 0);
	struct rmap_walk_control rwc = { 0 };
	struct seen s = { 0 };
	struct page *page;

	KT_ASSERT_TRUE(t, mm);
	KT_EXPECT_EQ(t, 0, put_user('a', (char *)(a + P)));
	page = page_at(a + P);
	KT_EXPECT_EQ(t, 1, walk(page, &rwc, &s));
	KT_EXPECT_TRUE(t, s.mm[0] == mm && s.addr[0] == a + P);
	child = dup_mm(current, mm);
	KT_ASSERT_TRUE(t, child);
	KT_EXPECT_EQ(t, 2, walk(page, &rwc, &s));
	KT_EXPECT_TRUE(t, s.addr[0] == a + P && s.addr[1] == a + P && s.mm[0] != s.mm[1]);
	KT_EXPECT_EQ(t, page_mapcount(page), s.n);
	KT_EXPECT_EQ(t, 0, put_user('b', (char *)(a + P)));	/* our COW copy */
	KT_EXPECT_EQ(t, 1, walk(page, &rwc, &s));		/* the child's, alone */
	KT_EXPECT_PTR_EQ(t, child, s.mm[0]);
	KT_EXPECT_EQ(t, 1, walk(page_at(a + P), &rwc, &s));	/* the copy: ours alone */
	KT_EXPECT_PTR_EQ(t, mm, s.mm[0]);
	mmput(child);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(rmap, controls, "rmap_walk stops when done says so, skips an invalid_vma, and walks the anon_vma anon_lock picks")
{
	struct mm_struct *mm = ktest_mm_create(), *child;
	unsigned long a = vm_mmap(NULL, 0, P, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, 0);
	struct rmap_walk_control rwc = { 0 };
	struct seen s = { 0 };
	struct page *page;

	KT_ASSERT_TRUE(t, mm);
	KT_EXPECT_EQ(t, 0, put_user('a', (char *)a));
	page = page_at(a);
	child = dup_mm(current, mm);
	KT_ASSERT_TRUE(t, child);
	rwc.done = done_after_one;
	KT_EXPECT_EQ(t, 1, walk(page, &rwc, &s));
	rwc.done = NULL;
	rwc.invalid_vma = skip_mm;
	s.skip = child;
	KT_EXPECT_EQ(t, 1, walk(page, &rwc, &s));
	KT_EXPECT_PTR_EQ(t, mm, s.mm[0]);
	rwc.invalid_vma = NULL;
	rwc.anon_lock = no_anon_vma;
	KT_EXPECT_EQ(t, 0, walk(page, &rwc, &s));
	mmput(child);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(rmap, file_pages, "rmap_walk finds a file page through i_mmap in every VMA that maps it, at its offset's address")
{
	struct mm_struct *mm = ktest_mm_create();
	struct file *file = filp_open("/test/pages.bin", O_RDONLY, 0);
	struct rmap_walk_control rwc = { 0 };
	struct seen s = { 0 };
	unsigned long a, b;
	struct page *page;
	char c;

	KT_ASSERT_TRUE(t, mm && !IS_ERR(file));
	a = vm_mmap(file, 0, 4 * P, PROT_READ, MAP_PRIVATE, 0);
	b = vm_mmap(file, 0, 2 * P, PROT_READ, MAP_SHARED, 2 * P);	/* pages 2, 3 */
	KT_EXPECT_EQ(t, 0, get_user(c, (char *)(a + 3 * P)));
	KT_EXPECT_EQ(t, 0, get_user(c, (char *)(b + P)));
	(void)c;
	page = page_at(a + 3 * P);
	KT_ASSERT_TRUE(t, page && page == page_at(b + P));
	KT_EXPECT_EQ(t, 2, walk(page, &rwc, &s));
	KT_EXPECT_TRUE(t, (s.addr[0] == a + 3 * P && s.addr[1] == b + P) ||
			  (s.addr[1] == a + 3 * P && s.addr[0] == b + P));
	KT_EXPECT_EQ(t, page_mapcount(page), s.n);
	fput(file);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}
