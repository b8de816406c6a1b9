// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for rmap_walk (mm/rmap.c): from a page to every VMA that maps
 * it, after fork, for anonymous and file pages, and the walk's controls
 * (done, invalid_vma, anon_lock) as Linux's callers use them.
 */
#include <linux/kernel.h>
#include <linux/string.h>
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

/*
 * What a walk met: every VMA the walk offered (counted by invalid_vma,
 * which Linux's walk asks before anything else), and each mapping
 * rmap_one found, by mm (up to MAX_MMS of them, the first is ours).
 */
#define MAX_MMS	112

struct visits {
	int vmas;			/* VMAs the walk offered */
	int found;			/* PTEs mapping the page */
	int nr_mms;
	struct mm_struct *mms[MAX_MMS];
	int found_in[MAX_MMS];		/* PTEs found in mms[i] */
	unsigned long addr;		/* where the last one was */
};

static bool visit_vma(struct vm_area_struct *vma, void *arg)
{
	((struct visits *)arg)->vmas++;
	return false;
}

static bool visit_mapping(struct page *page, struct vm_area_struct *vma, unsigned long address,
			  void *arg)
{
	struct visits *v = arg;
	DEFINE_PAGE_VMA_WALK(pvmw, page, vma, address, 0);

	while (page_vma_mapped_walk(&pvmw)) {
		v->found++;
		v->addr = address;
		for (int i = 0; i < v->nr_mms; i++)
			v->found_in[i] += v->mms[i] == vma->vm_mm;
	}
	return true;
}

static void visit(struct page *page, struct visits *v)
{
	struct rmap_walk_control rwc = {
		.arg = v, .rmap_one = visit_mapping, .invalid_vma = visit_vma,
	};

	v->vmas = v->found = 0;
	memset(v->found_in, 0, sizeof(v->found_in));
	rmap_walk(page, &rwc);
}

/* Nodes in an interval tree: what a walk of a list would have met. */
static int tree_nodes(struct rb_root_cached *root)
{
	int n = 0;

	for (struct rb_node *rb = rb_first_cached(root); rb; rb = rb_next(rb))
		n++;
	return n;
}

KTEST(rmap, fork_many, "a page shared by 100 processes (children and grandchildren) is found by rmap_walk exactly once in each, visiting one VMA per mapping")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0, 4 * P, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, 0);
	static struct visits v;
	struct page *page;
	int i;

	KT_ASSERT_TRUE(t, mm);
	KT_EXPECT_EQ(t, 0, put_user('a', (char *)(a + 2 * P)));
	page = page_at(a + 2 * P);
	KT_ASSERT_TRUE(t, page);
	memset(&v, 0, sizeof(v));
	v.mms[v.nr_mms++] = mm;
	for (i = 1; i < 101; i++) {
		/* Every third one forks from the one before: a tree of anon_vmas. */
		struct mm_struct *from = i % 3 == 0 ? v.mms[i - 1] : mm;

		v.mms[i] = dup_mm(current, from);
		if (!v.mms[i])
			break;
		v.nr_mms++;
	}
	KT_ASSERT_EQ(t, 101, v.nr_mms);
	visit(page, &v);
	KT_EXPECT_EQ(t, 101, page_mapcount(page));
	KT_EXPECT_EQ(t, 101, v.found);
	KT_EXPECT_EQ(t, 101, v.vmas);
	for (i = 0; i < v.nr_mms; i++)
		KT_EXPECT_EQ(t, 1, v.found_in[i]);
	for (i = 1; i < v.nr_mms; i++)
		mmput(v.mms[i]);
	visit(page, &v);
	KT_EXPECT_EQ(t, 1, v.found);
	KT_EXPECT_EQ(t, 1, v.vmas);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(rmap, anon_visits_overlapping, "a walk for an anonymous page visits only the VMA holding its offset, among 64 split and moved VMAs of one anon_vma")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0, 64 * P, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, 0);
	unsigned long far = vm_mmap(NULL, 0, 64 * P, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	struct anon_vma *anon_vma;
	static struct visits v;
	int i, bad = 0;

	KT_ASSERT_TRUE(t, mm);
	for (i = 0; i < 64; i++)
		KT_EXPECT_EQ(t, 0, put_user((char)i, (char *)(a + i * P)));
	anon_vma = find_vma(mm, a)->anon_vma;
	for (i = 1; i < 64; i += 2)	/* 64 VMAs sharing the anon_vma */
		KT_EXPECT_EQ(t, 0, do_mprotect(a + i * P, P, PROT_READ));
	for (i = 0; i < 64; i += 8)	/* and 8 moved away, keeping their pgoff */
		KT_EXPECT_EQ(t, far + i * P, do_mremap(a + i * P, P, P,
						       MREMAP_MAYMOVE | MREMAP_FIXED, far + i * P));
	KT_EXPECT_EQ(t, 64, tree_nodes(&anon_vma->rb_root));
	memset(&v, 0, sizeof(v));
	for (i = 0; i < 64; i++) {
		unsigned long addr = (i % 8 ? a : far) + i * P;

		visit(page_at(addr), &v);
		bad += v.vmas != 1 || v.found != 1 || v.addr != addr;
	}
	KT_EXPECT_EQ(t, 0, bad);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

/* A tmpfs file of n pages, every page in the page cache. */
static struct file *filled_file(const char *path, int n)
{
	static char buf[PAGE_SIZE];
	struct file *file = filp_open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	loff_t pos = 0;

	for (int i = 0; !IS_ERR(file) && i < n; i++)
		kernel_write(file, buf, P, &pos);
	return file;
}

KTEST(rmap, file_visits_overlapping, "a walk for a file page visits only the VMAs whose file range holds it, among 36 VMAs of one file at different offsets")
{
	struct mm_struct *mm = ktest_mm_create();
	struct file *file = filled_file("/tmp/rmap_offsets", 32);
	unsigned long one[32], whole[4];
	static struct visits v;
	int i, j, bad = 0;
	char c;

	KT_ASSERT_TRUE(t, mm && !IS_ERR(file));
	for (i = 0; i < 32; i++) {	/* page i alone, 32 times */
		one[i] = vm_mmap(file, 0, P, PROT_READ, MAP_SHARED, i * P);
		bad += get_user(c, (char *)one[i]) != 0;
	}
	for (j = 0; j < 4; j++)		/* the whole file, 4 times */
		whole[j] = vm_mmap(file, 0, 32 * P, PROT_READ, MAP_SHARED, 0);
	KT_EXPECT_EQ(t, 0, bad);
	KT_EXPECT_EQ(t, 36, tree_nodes(&file->f_mapping->i_mmap));
	KT_EXPECT_EQ(t, 0, get_user(c, (char *)(whole[0] + 5 * P)));
	memset(&v, 0, sizeof(v));
	for (i = 0; i < 32; i++) {	/* (fault-around may have mapped more in whole[0]) */
		struct page *page = page_at(one[i]);

		visit(page, &v);
		bad += v.vmas != 5 || v.found != page_mapcount(page) || v.found < 1 + (i == 5);
	}
	KT_EXPECT_EQ(t, 0, bad);
	/* A mapping that moves its offset (a split) is found at the new one. */
	KT_EXPECT_EQ(t, 0, do_mprotect(whole[1] + 8 * P, P, PROT_NONE));
	KT_EXPECT_EQ(t, 38, tree_nodes(&file->f_mapping->i_mmap));
	KT_EXPECT_EQ(t, 0, get_user(c, (char *)(whole[1] + 9 * P)));
	visit(page_at(one[9]), &v);
	KT_EXPECT_EQ(t, 5, v.vmas);
	KT_EXPECT_EQ(t, page_mapcount(page_at(one[9])), v.found);
	KT_EXPECT_TRUE(t, page_at(whole[1] + 9 * P) == page_at(one[9]));
	(void)c;
	fput(file);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
	init_unlink("/tmp/rmap_offsets");
}
