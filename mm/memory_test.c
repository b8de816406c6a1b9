// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for the fault path (mm/memory.c), driven through copy_to_user
 * and get_user on an address space the test made: each access faults in
 * kernel mode on a user address, exactly as a system call touching user
 * memory would, and the fault trace says which case ran. After each step
 * the counters, the map count and the reference count are checked.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/rmap.h>
#include <linux/pagemap.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/ktest_mm.h>
#include <asm/uaccess.h>
#include <asm/tlbflush.h>
#include <asm/traps.h>

#define P	PAGE_SIZE
#define RW	(PROT_READ | PROT_WRITE)
#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)

/* The page a user address maps, or NULL. */
static struct page *mapped_page(unsigned long addr)
{
	pte_t *pte = ktest_pte(addr);

	if (!pte || !pte_present(*pte))
		return NULL;
	return pfn_to_page(pte_pfn(*pte));
}

/* Access addr and report the fault case it took (NONE: no fault). */
static enum fault_case touch(unsigned long addr, bool write, int *err)
{
	unsigned long before = fault_log_total();
	char c = 'w';

	*err = write ? put_user(c, (char *)addr) : get_user(c, (char *)addr);
	return ktest_last_fault_case(before);
}

KTEST(memory, anon_write, "a write to untouched anonymous memory allocates one zeroed page, counted and mapped once")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0, 4 * P, RW, ANON, 0), min_flt = current->min_flt;
	struct page *page;
	int err;
	u64 v = 1;

	KT_ASSERT_TRUE(t, mm);
	KT_EXPECT_EQ(t, FAULT_ANON_NEW, touch(a + P + 8, true, &err));
	KT_EXPECT_EQ(t, 0, err);
	page = mapped_page(a + P);
	KT_ASSERT_TRUE(t, page);
	KT_EXPECT_TRUE(t, PageAnon(page) && PageSwapBacked(page) && PageAnonExclusive(page));
	KT_EXPECT_EQ(t, 1, page_mapcount(page));
	KT_EXPECT_EQ(t, 1, page_ref_count(page));
	KT_EXPECT_PTR_EQ(t, find_vma(mm, a)->anon_vma, page_anon_vma(page));
	KT_EXPECT_EQ(t, (a + P) >> PAGE_SHIFT, page->index);
	KT_EXPECT_TRUE(t, pte_write(*ktest_pte(a + P)) && pte_dirty(*ktest_pte(a + P)));
	KT_EXPECT_EQ(t, 1, get_mm_counter(mm, MM_ANONPAGES));
	KT_EXPECT_EQ(t, min_flt + 1, current->min_flt);
	KT_EXPECT_EQ(t, 0, get_user(v, (u64 *)(a + P + 16)));	/* no fault: mapped */
	KT_EXPECT_EQ(t, 0, v);
	KT_EXPECT_EQ(t, FAULT_CASE_NONE, touch(a + P + 100, true, &err));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(memory, zero_page, "a read maps the shared zero page read-only; a later write replaces it with a private copy")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0, 2 * P, RW, ANON, 0);
	pte_t *pte;
	int err;

	KT_ASSERT_TRUE(t, mm);
	KT_EXPECT_EQ(t, FAULT_ZERO_PAGE, touch(a, false, &err));
	pte = ktest_pte(a);
	KT_ASSERT_TRUE(t, pte && pte_present(*pte));
	KT_EXPECT_TRUE(t, is_zero_pfn(pte_pfn(*pte)) && pte_special(*pte) && !pte_write(*pte));
	KT_EXPECT_EQ(t, 0, get_mm_rss(mm));		/* the zero page is nobody's */
	KT_EXPECT_EQ(t, FAULT_ZERO_PAGE, touch(a + P, false, &err));
	KT_EXPECT_EQ(t, FAULT_COW_COPY, touch(a, true, &err));
	KT_EXPECT_TRUE(t, !is_zero_pfn(pte_pfn(*pte)) && pte_write(*pte));
	KT_EXPECT_EQ(t, 1, page_mapcount(mapped_page(a)));
	KT_EXPECT_EQ(t, 1, get_mm_counter(mm, MM_ANONPAGES));
	KT_EXPECT_TRUE(t, is_zero_pfn(pte_pfn(*ktest_pte(a + P))));	/* its neighbour still is */
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(memory, file_read, "a private file read maps the page-cache page itself, read-only, and its cached neighbours (fault-around)")
{
	struct mm_struct *mm = ktest_mm_create();
	struct file *file = filp_open("/test/pages.bin", O_RDONLY, 0);
	unsigned long a;
	struct page *cache_page;
	int err;
	char c = 0;

	KT_ASSERT_TRUE(t, mm && !IS_ERR(file));
	a = vm_mmap(file, 0, 40 * P, PROT_READ, MAP_PRIVATE, 0);
	KT_EXPECT_EQ(t, 0x7ffff7fd7000UL, a);
	KT_EXPECT_EQ(t, FAULT_FILE_CACHE, touch(a, false, &err));
	cache_page = find_get_page(file->f_mapping, 0);
	KT_EXPECT_PTR_EQ(t, cache_page, mapped_page(a));
	KT_EXPECT_EQ(t, 3, page_ref_count(cache_page));	/* cache, PTE, ours */
	put_page(cache_page);
	KT_EXPECT_EQ(t, 1, page_mapcount(mapped_page(a)));
	KT_EXPECT_TRUE(t, !pte_write(*ktest_pte(a)));
	/* Fault-around: pages 0..15 (64 KiB, from the VMA start) mapped at once. */
	KT_EXPECT_EQ(t, 16, get_mm_counter(mm, MM_SHMEMPAGES));
	KT_EXPECT_TRUE(t, mapped_page(a + 15 * P) && !mapped_page(a + 16 * P));
	KT_EXPECT_EQ(t, 0, get_user(c, (char *)(a + 7 * P)));	/* no fault: already mapped */
	KT_EXPECT_EQ(t, 'A' + 7, c);
	/* Page 20: the 64 KiB window around it is pages 9..24; 16..24 are new. */
	KT_EXPECT_EQ(t, FAULT_FILE_CACHE, touch(a + 20 * P, false, &err));
	KT_EXPECT_EQ(t, 25, get_mm_counter(mm, MM_SHMEMPAGES));
	KT_EXPECT_EQ(t, 0, get_mm_counter(mm, MM_FILEPAGES));	/* tmpfs is shmem */
	fput(file);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(memory, file_private_write, "a private write to a file copies the page: the cache page stays, the copy is anonymous")
{
	struct mm_struct *mm = ktest_mm_create();
	struct file *file = filp_open("/test/pages.bin", O_RDONLY, 0);
	struct page *cache_page;
	unsigned long a;
	int err;

	KT_ASSERT_TRUE(t, mm && !IS_ERR(file));
	a = vm_mmap(file, 0, 4 * P, RW, MAP_PRIVATE, 0);
	KT_EXPECT_EQ(t, FAULT_FILE_COPY, touch(a + 2 * P, true, &err));
	cache_page = find_get_page(file->f_mapping, 2);
	KT_EXPECT_TRUE(t, mapped_page(a + 2 * P) != cache_page);
	KT_EXPECT_TRUE(t, PageAnon(mapped_page(a + 2 * P)));
	KT_EXPECT_EQ(t, 'C', ((char *)page_address(mapped_page(a + 2 * P)))[1]);	/* copied */
	KT_EXPECT_EQ(t, 'C', ((char *)page_address(cache_page))[0]);	/* not written */
	KT_EXPECT_EQ(t, 0, page_mapcount(cache_page));
	put_page(cache_page);
	KT_EXPECT_EQ(t, 1, get_mm_counter(mm, MM_ANONPAGES));
	/* Read first, write later: the write is a COW copy of the mapped cache page. */
	KT_EXPECT_EQ(t, FAULT_FILE_CACHE, touch(a, false, &err));
	KT_EXPECT_EQ(t, 3, get_mm_counter(mm, MM_SHMEMPAGES));	/* 0, 1, 3 by fault-around */
	KT_EXPECT_EQ(t, FAULT_COW_COPY, touch(a, true, &err));
	KT_EXPECT_EQ(t, 2, get_mm_counter(mm, MM_SHMEMPAGES));
	KT_EXPECT_EQ(t, 2, get_mm_counter(mm, MM_ANONPAGES));
	fput(file);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(memory, shared_write, "a shared write maps the cache page writable and dirties it, and read(2) sees the data")
{
	struct mm_struct *mm = ktest_mm_create();
	struct file *file = filp_open("/tmp/sw", O_RDWR | O_CREAT | O_TRUNC, 0600);
	struct page *cache_page;
	unsigned long a;
	char buf[8] = { 0 };
	loff_t pos = P + 5;


	KT_ASSERT_TRUE(t, mm && !IS_ERR(file));
	KT_EXPECT_EQ(t, 0, do_truncate(file->f_path.dentry, 2 * P));
	a = vm_mmap(file, 0, 2 * P, RW, MAP_SHARED, 0);
	KT_EXPECT_EQ(t, 0, copy_to_user((void *)(a + P + 5), "shared", 6));
	KT_EXPECT_EQ(t, FAULT_SHARED_WRITE, fault_log_recent(0)->fault_case);
	cache_page = find_get_page(file->f_mapping, 1);
	KT_ASSERT_TRUE(t, cache_page);
	KT_EXPECT_PTR_EQ(t, cache_page, mapped_page(a + P));
	KT_EXPECT_TRUE(t, PageDirty(cache_page) && pte_write(*ktest_pte(a + P)));
	KT_EXPECT_EQ(t, 1, page_mapcount(cache_page));
	put_page(cache_page);
	KT_EXPECT_EQ(t, 6, kernel_read(file, buf, 6, &pos));
	KT_EXPECT_TRUE(t, !memcmp(buf, "shared", 6));
	KT_EXPECT_EQ(t, 1, get_mm_counter(mm, MM_SHMEMPAGES));
	fput(file);
	init_unlink("/tmp/sw");
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(memory, truncate_sigbus, "after truncate, an access past the new end of file is the SIGBUS case and the page is unmapped")
{
	struct mm_struct *mm = ktest_mm_create();
	struct file *file = filp_open("/tmp/tb", O_RDWR | O_CREAT | O_TRUNC, 0600);
	unsigned long a;
	int err;

	KT_ASSERT_TRUE(t, mm && !IS_ERR(file));
	do_truncate(file->f_path.dentry, 3 * P);
	a = vm_mmap(file, 0, 3 * P, RW, MAP_SHARED, 0);
	for (int i = 0; i < 3; i++)
		touch(a + i * P, true, &err);
	KT_EXPECT_EQ(t, 3, get_mm_counter(mm, MM_SHMEMPAGES));
	KT_EXPECT_EQ(t, 0, do_truncate(file->f_path.dentry, P + 10));
	KT_EXPECT_EQ(t, 2, get_mm_counter(mm, MM_SHMEMPAGES));	/* page 2 unmapped */
	KT_EXPECT_TRUE(t, !mapped_page(a + 2 * P));
	KT_EXPECT_EQ(t, FAULT_SIGBUS, touch(a + 2 * P, false, &err));
	KT_EXPECT_EQ(t, -EFAULT, err);
	KT_EXPECT_EQ(t, FAULT_CASE_NONE, touch(a + P + 100, false, &err));	/* still mapped */
	KT_EXPECT_EQ(t, 0, err);
	fput(file);
	init_unlink("/tmp/tb");
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(memory, shared_anon, "shared anonymous memory is served from its tmpfs file and counted as shmem")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0, 2 * P, RW, MAP_SHARED | MAP_ANONYMOUS, 0);
	struct vm_area_struct *vma;
	int err;

	KT_ASSERT_TRUE(t, mm);
	KT_EXPECT_EQ(t, FAULT_SHARED_WRITE, touch(a, true, &err));
	KT_EXPECT_EQ(t, 0, err);
	vma = find_vma(mm, a);
	KT_EXPECT_EQ(t, 1, vma->vm_file->f_mapping->nrpages);
	KT_EXPECT_EQ(t, 1, get_mm_counter(mm, MM_SHMEMPAGES));
	KT_EXPECT_EQ(t, 0, get_mm_counter(mm, MM_ANONPAGES));
	KT_EXPECT_TRUE(t, !PageAnon(mapped_page(a)) && PageSwapBacked(mapped_page(a)));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(memory, segv, "no VMA is SIGSEGV (SEGV_MAPERR), a write to a read-only VMA is SIGSEGV (SEGV_ACCERR); both -EFAULT")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0, P, PROT_READ, ANON, 0);
	const struct fault_record *r;
	int err;

	KT_ASSERT_TRUE(t, mm);
	KT_EXPECT_EQ(t, FAULT_SIGSEGV_MAPERR, touch(0x1000000, false, &err));
	KT_EXPECT_EQ(t, -EFAULT, err);
	r = fault_log_recent(0);
	KT_EXPECT_TRUE(t, r && !r->has_vma && r->address == 0x1000000);
	KT_EXPECT_EQ(t, FAULT_SIGSEGV_ACCERR, touch(a, true, &err));
	KT_EXPECT_EQ(t, -EFAULT, err);
	r = fault_log_recent(0);
	KT_EXPECT_TRUE(t, r && r->has_vma && r->vm_start == a);
	KT_EXPECT_EQ(t, 0, get_mm_rss(mm));
	KT_EXPECT_EQ(t, P, copy_to_user((void *)a, "x", P));	/* nothing copied */
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST_FLAGS(memory, audit, "the mm audit finds a map count, and an rmap, that disagree with the page tables",
	    KTEST_MM_AUDIT_OK)
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0, P, RW, ANON, 0);
	unsigned long b = vm_mmap(NULL, 0x10000000, P, RW, ANON, 0);	/* far: its own anon_vma */
	struct address_space *mapping;
	struct page *page;
	int err;

	KT_ASSERT_TRUE(t, mm);
	touch(a, true, &err);
	touch(b, true, &err);
	page = mapped_page(a);
	KT_EXPECT_EQ(t, 0, mm_audit());
	page->_mapcount.counter++;		/* pretend a second PTE maps it */
	KT_EXPECT_EQ(t, 1, mm_audit());
	page->_mapcount.counter--;
	/* The page claims the other VMA's anon_vma: the rmap cannot find it. */
	KT_ASSERT_TRUE(t, find_vma(mm, b)->anon_vma &&
			  find_vma(mm, b)->anon_vma != find_vma(mm, a)->anon_vma);
	mapping = page->mapping;
	page->mapping = (void *)((unsigned long)find_vma(mm, b)->anon_vma | PAGE_MAPPING_ANON);
	KT_EXPECT_EQ(t, 1, mm_audit());
	page->mapping = mapping;
	KT_EXPECT_EQ(t, 0, mm_audit());
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

/* --- do_wp_page: reuse or copy, as 6.1 decides --- */

/* A fork of current->mm, the parent's page at addr shared with it. */
static struct mm_struct *fork_mm(struct mm_struct *mm)
{
	return dup_mm(current, mm);
}

KTEST(memory, cow_reuse_after_fork, "after the other sharer exits, a write reuses the page: same PFN, pgreuse counted, exclusive again")
{
	struct mm_struct *mm = ktest_mm_create(), *child;
	unsigned long a = vm_mmap(NULL, 0, 2 * P, RW, ANON, 0), reuse;
	struct page *page;
	int err;

	KT_ASSERT_TRUE(t, mm);
	touch(a, true, &err);
	page = mapped_page(a);
	child = fork_mm(mm);
	KT_ASSERT_TRUE(t, child);
	KT_EXPECT_TRUE(t, !pte_write(*ktest_pte(a)) && !PageAnonExclusive(page));
	KT_EXPECT_EQ(t, 2, page_mapcount(page));
	KT_EXPECT_EQ(t, 2, page_ref_count(page));
	mmput(child);
	KT_EXPECT_EQ(t, 1, page_mapcount(page));
	KT_EXPECT_EQ(t, 1, page_ref_count(page));
	reuse = vm_event_states[PGREUSE];
	KT_EXPECT_EQ(t, FAULT_COW_REUSE, touch(a, true, &err));
	KT_EXPECT_PTR_EQ(t, page, mapped_page(a));		/* no copy */
	KT_EXPECT_EQ(t, reuse + 1, vm_event_states[PGREUSE]);
	KT_EXPECT_TRUE(t, pte_write(*ktest_pte(a)) && PageAnonExclusive(page));
	KT_EXPECT_PTR_EQ(t, find_vma(mm, a)->anon_vma, page_anon_vma(page));
	KT_EXPECT_EQ(t, 1, get_mm_counter(mm, MM_ANONPAGES));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(memory, cow_copy_shared, "a write to a page another process still maps copies it; the other keeps the old page, alone")
{
	struct mm_struct *mm = ktest_mm_create(), *child;
	unsigned long a = vm_mmap(NULL, 0, 2 * P, RW, ANON, 0), reuse;
	struct page *old, *new;
	int err;

	KT_ASSERT_TRUE(t, mm);
	KT_EXPECT_EQ(t, 0, put_user('p', (char *)a));
	KT_EXPECT_EQ(t, 0, put_user('q', (char *)(a + P - 1)));
	old = mapped_page(a);
	child = fork_mm(mm);
	KT_ASSERT_TRUE(t, child);
	reuse = vm_event_states[PGREUSE];
	KT_EXPECT_EQ(t, FAULT_COW_COPY, touch(a, true, &err));
	new = mapped_page(a);
	KT_EXPECT_TRUE(t, new && new != old);
	KT_EXPECT_EQ(t, reuse, vm_event_states[PGREUSE]);
	KT_EXPECT_EQ(t, 'p', ((char *)page_address(old))[0]);	/* the child's, untouched */
	KT_EXPECT_EQ(t, 'w', ((char *)page_address(new))[0]);
	KT_EXPECT_EQ(t, 'q', ((char *)page_address(new))[P - 1]);	/* the rest copied */
	KT_EXPECT_EQ(t, 1, page_mapcount(old));
	KT_EXPECT_EQ(t, 1, page_ref_count(old));
	KT_EXPECT_TRUE(t, PageAnonExclusive(new) && pte_write(*ktest_pte(a)));
	KT_EXPECT_PTR_EQ(t, find_vma(mm, a)->anon_vma, page_anon_vma(new));
	KT_EXPECT_EQ(t, 1, get_mm_counter(mm, MM_ANONPAGES));
	KT_EXPECT_EQ(t, 1, get_mm_counter(child, MM_ANONPAGES));
	mmput(child);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

/*
 * Write-protect the PTE of a page only we ever mapped, as soft-dirty
 * clearing or userfaultfd would: the write finds it PageAnonExclusive and
 * takes it back without a copy.
 */
KTEST(memory, cow_reuse_exclusive, "a write to a write-protected page only we ever mapped reuses it without a copy")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0, P, RW, ANON, 0), free_before;
	struct page *page;
	int err;

	KT_ASSERT_TRUE(t, mm);
	touch(a, true, &err);
	page = mapped_page(a);
	set_pte(ktest_pte(a), pte_wrprotect(*ktest_pte(a)));
	flush_tlb_all();
	free_before = nr_free_pages();
	KT_EXPECT_EQ(t, FAULT_COW_REUSE, touch(a, true, &err));
	KT_EXPECT_PTR_EQ(t, page, mapped_page(a));
	KT_EXPECT_EQ(t, free_before, nr_free_pages());		/* nothing allocated */
	KT_EXPECT_TRUE(t, pte_write(*ktest_pte(a)));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

/*
 * A tmpfs page is mapped writable even on a read (tmpfs needs no dirty
 * tracking, as in Linux); write-protect it by hand, as write-notify or
 * soft-dirty would, to reach do_wp_page's shared case.
 */
KTEST(memory, shared_wp, "a write to a write-protected shared page makes the same cache page writable and dirty")
{
	struct mm_struct *mm = ktest_mm_create();
	struct file *file = filp_open("/tmp/swp", O_RDWR | O_CREAT | O_TRUNC, 0600);
	struct page *page;
	unsigned long a;
	int err;

	KT_ASSERT_TRUE(t, mm && !IS_ERR(file));
	KT_EXPECT_EQ(t, 0, do_truncate(file->f_path.dentry, P));
	a = vm_mmap(file, 0, P, RW, MAP_SHARED, 0);
	KT_EXPECT_EQ(t, FAULT_FILE_CACHE, touch(a, false, &err));
	page = mapped_page(a);
	KT_ASSERT_TRUE(t, page);
	set_pte(ktest_pte(a), pte_wrprotect(*ktest_pte(a)));
	flush_tlb_all();
	ClearPageDirty(page);
	KT_EXPECT_EQ(t, FAULT_SHARED_WRITE, touch(a, true, &err));
	KT_EXPECT_PTR_EQ(t, page, mapped_page(a));
	KT_EXPECT_TRUE(t, pte_write(*ktest_pte(a)) && PageDirty(page));
	KT_EXPECT_EQ(t, 1, page_mapcount(page));
	fput(file);
	init_unlink("/tmp/swp");
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(memory, spurious, "a fault on a PTE that already allows the access only marks it young and dirty")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0, P, RW, ANON, 0), before;
	struct page *page;
	int err;

	KT_ASSERT_TRUE(t, mm);
	touch(a, true, &err);
	page = mapped_page(a);
	set_pte(ktest_pte(a), pte_mkclean(pte_mkold(*ktest_pte(a))));
	/* As the #PF entry would, on a stale TLB entry (never under TCG). */
	before = fault_log_total();
	fault_trace_begin(0, a, X86_PF_WRITE | X86_PF_PROT);
	KT_EXPECT_EQ(t, 0, handle_mm_fault(find_vma(mm, a), a, FAULT_FLAG_WRITE, NULL));
	fault_trace_end();
	KT_EXPECT_EQ(t, FAULT_SPURIOUS, ktest_last_fault_case(before));
	KT_EXPECT_PTR_EQ(t, page, mapped_page(a));
	KT_EXPECT_TRUE(t, pte_young(*ktest_pte(a)) && pte_dirty(*ktest_pte(a)));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(memory, swap_entry, "a PTE holding a swap entry is the swap case, refused with SIGBUS until swap exists")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0, P, RW, ANON, 0);
	int err;

	KT_ASSERT_TRUE(t, mm);
	touch(a, false, &err);				/* a PTE table, the zero page */
	set_pte(ktest_pte(a), __pte(0x1234UL << PAGE_SHIFT));	/* not present, not none */
	flush_tlb_all();
	KT_EXPECT_EQ(t, FAULT_SWAP, touch(a, false, &err));
	KT_EXPECT_EQ(t, -EFAULT, err);
	pte_clear(ktest_pte(a));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

/*
 * Fail the 1st, 2nd, ... allocation of a first write fault in turn: each
 * is the OOM case with nothing mapped, until one succeeds. (What it
 * made before the failure, the VMA's anon_vma, stays, as in Linux; the
 * runner's leak check at the end sees the rest.)
 */
KTEST(memory, oom, "a write fault whose allocations fail is the OOM case, maps nothing and leaks nothing, at every allocation")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0, P, RW, ANON, 0);
	enum fault_case c = FAULT_OOM;
	int err, n;

	KT_ASSERT_TRUE(t, mm);
	touch(a + P - 1, false, &err);		/* the page tables, made once */
	pte_clear(ktest_pte(a));
	for (n = 1; n < 10 && c == FAULT_OOM; n++) {
		current->fail_nth = n;
		c = touch(a, true, &err);
		current->fail_nth = 0;
		if (c != FAULT_OOM)
			break;
		KT_EXPECT_EQ(t, -EFAULT, err);
		KT_EXPECT_TRUE(t, pte_none(*ktest_pte(a)));
		KT_EXPECT_EQ(t, 0, get_mm_rss(mm));
	}
	KT_EXPECT_EQ(t, FAULT_ANON_NEW, c);
	KT_EXPECT_TRUE(t, n > 2);	/* the avc, the anon_vma (user pages never fail) */
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}
