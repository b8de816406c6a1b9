// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for fork's address-space copy (dup_mm, dup_mmap,
 * copy_page_range): what the child gets, what both sides share after
 * it, and that running out of memory anywhere in it undoes everything.
 * Failures are injected with fail_nth (include/linux/fault-inject.h).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/rmap.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/ktest_mm.h>
#include <asm/uaccess.h>

#define P	PAGE_SIZE
#define RW	(PROT_READ | PROT_WRITE)
#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)

/*
 * An address space worth copying: anonymous pages across a page-table
 * boundary (two PTE tables), a private file mapping with a COW-ed page,
 * shared anonymous memory, and a heap. Returns 0 or -errno.
 */
static int build_parent(struct file *file)
{
	unsigned long a, f, s;
	char c;

	a = vm_mmap(NULL, 0x600000 - 8 * P, 16 * P, RW, ANON | MAP_FIXED, 0);
	f = vm_mmap(file, 0, 4 * P, RW, MAP_PRIVATE, 0);
	s = vm_mmap(NULL, 0, 2 * P, RW, MAP_SHARED | MAP_ANONYMOUS, 0);
	if (IS_ERR_VALUE(a) || IS_ERR_VALUE(f) || IS_ERR_VALUE(s))
		return -ENOMEM;
	for (int i = 0; i < 16; i++)
		if (put_user('a', (char *)(a + i * P)))
			return -EFAULT;
	if (get_user(c, (char *)f) || c != 'A' ||
	    put_user('f', (char *)(f + P)) || put_user('s', (char *)s))
		return -EFAULT;
	return 0;
}

/* The parent's numbers that a failed or successful fork must not change. */
struct mm_snapshot {
	unsigned long total_vm, rss, map_count, pgtables_bytes;
};

static void snapshot(struct mm_struct *mm, struct mm_snapshot *s)
{
	s->total_vm = mm->total_vm;
	s->rss = get_mm_rss(mm);
	s->map_count = mm->map_count;
	s->pgtables_bytes = atomic_long_read(&mm->pgtables_bytes);
}

KTEST(fork, dup_mm_copies, "dup_mm gives the child every VMA and counter, copies the PTEs Linux copies, write-protected in both")
{
	struct mm_struct *mm = ktest_mm_create(), *child;
	struct file *file = filp_open("/test/pages.bin", O_RDONLY, 0);
	unsigned long a = 0x600000 - 8 * P;
	struct mm_snapshot before;
	pte_t *pte;

	KT_ASSERT_TRUE(t, mm && !IS_ERR(file));
	KT_ASSERT_EQ(t, 0, build_parent(file));
	snapshot(mm, &before);
	child = dup_mm(current, mm);
	KT_ASSERT_TRUE(t, child);
	KT_EXPECT_EQ(t, mm->map_count, child->map_count);
	KT_EXPECT_EQ(t, mm->total_vm, child->total_vm);
	KT_EXPECT_EQ(t, mm->data_vm, child->data_vm);
	KT_EXPECT_EQ(t, get_mm_counter(mm, MM_ANONPAGES), get_mm_counter(child, MM_ANONPAGES));
	/*
	 * The shared anonymous VMA has no anon_vma, so its PTEs are not
	 * copied (the child faults its page in from the cache); the private
	 * file VMA has a COW-ed page, so its cached pages are copied too.
	 */
	KT_EXPECT_EQ(t, get_mm_counter(mm, MM_SHMEMPAGES) - 1, get_mm_counter(child, MM_SHMEMPAGES));
	pte = ktest_pte(a);
	KT_EXPECT_TRUE(t, pte && pte_present(*pte) && !pte_write(*pte));
	KT_EXPECT_EQ(t, 2, page_mapcount(pfn_to_page(pte_pfn(*pte))));
	KT_EXPECT_EQ(t, before.rss, get_mm_rss(mm));
	mmput(child);
	fput(file);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

/*
 * Fail the 1st, 2nd, 3rd, ... allocation of dup_mm in turn: each time it
 * must return NULL having freed all it took (pages, page tables, slab
 * objects), and leave the parent as it was; the mm audit at mmput checks
 * that every map count matches the PTEs. The first n that fails nothing
 * is a whole fork.
 */
KTEST(fork, dup_mm_enomem, "dup_mm out of memory at any allocation: NULL, nothing leaked, the parent untouched")
{
	struct mm_struct *mm = ktest_mm_create(), *child = NULL;
	struct file *file = filp_open("/test/pages.bin", O_RDONLY, 0);
	struct mm_snapshot before, after;
	unsigned long free_before;
	unsigned int n;

	KT_ASSERT_TRUE(t, mm && !IS_ERR(file));
	KT_ASSERT_EQ(t, 0, build_parent(file));
	snapshot(mm, &before);
	for (n = 1; n < 1000 && !child; n++) {
		kmem_cache_shrink_all();
		free_before = nr_free_pages();
		current->fail_nth = n;
		child = dup_mm(current, mm);
		if (child)
			break;
		current->fail_nth = 0;
		kmem_cache_shrink_all();
		if (!KT_EXPECT_EQ(t, free_before, nr_free_pages()) ||
		    !KT_EXPECT_EQ(t, 0, mm_audit()))
			break;
		snapshot(mm, &after);
		if (!KT_EXPECT_TRUE(t, !memcmp(&before, &after, sizeof(before))))
			break;
	}
	current->fail_nth = 0;
	KT_EXPECT_TRUE(t, child);
	/* Page tables (several levels), VMAs and anon_vma chains: many points. */
	KT_EXPECT_TRUE(t, n > 10);
	if (child)
		mmput(child);
	fput(file);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}
