// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for mprotect (mm/mprotect.c): VMAs split and merge, present PTEs
 * change, counters move, and the errno values are Linux's.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/ktest_mm.h>
#include <asm/uaccess.h>

#define P	PAGE_SIZE
#define RW	(PROT_READ | PROT_WRITE)
#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)

KTEST(mprotect, split_merge, "mprotect of a middle range splits one VMA in three, and back merges them into one")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0, 4 * P, RW, ANON, 0);

	KT_ASSERT_TRUE(t, mm);
	KT_EXPECT_EQ(t, 0, do_mprotect(a + P, 2 * P, PROT_READ));
	KT_EXPECT_EQ(t, 3, mm->map_count);
	KT_EXPECT_TRUE(t, ktest_find_exact(a + P, a + 3 * P) != NULL);
	KT_EXPECT_EQ(t, VM_READ, find_vma(mm, a + P)->vm_flags & VM_ACCESS_FLAGS);
	KT_EXPECT_EQ(t, 2, mm->data_vm);
	KT_EXPECT_EQ(t, 4, mm->total_vm);
	KT_EXPECT_EQ(t, 0, do_mprotect(a + P, 2 * P, RW));
	KT_EXPECT_EQ(t, 1, mm->map_count);
	KT_EXPECT_EQ(t, 4, mm->data_vm);
	KT_EXPECT_EQ(t, 0, do_mprotect(a, 4 * P, PROT_READ | PROT_EXEC));
	KT_EXPECT_EQ(t, 0, mm->data_vm);
	KT_EXPECT_EQ(t, 4, mm->exec_vm);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(mprotect, ptes, "read-only PTEs refuse writes; back to writable, a dirty page of ours is writable again without a fault")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0, 2 * P, RW, ANON, 0), before;
	int v = 5;

	KT_ASSERT_TRUE(t, mm);
	put_user(1, (int *)a);
	KT_EXPECT_EQ(t, 0, do_mprotect(a, 2 * P, PROT_READ));
	KT_EXPECT_TRUE(t, !pte_write(*ktest_pte(a)) && pte_dirty(*ktest_pte(a)));
	KT_EXPECT_EQ(t, -EFAULT, put_user(2, (int *)a));
	KT_EXPECT_EQ(t, FAULT_SIGSEGV_ACCERR, fault_log_recent(0)->fault_case);
	KT_EXPECT_EQ(t, 0, get_user(v, (int *)a));
	KT_EXPECT_EQ(t, 1, v);
	KT_EXPECT_EQ(t, 0, do_mprotect(a, 2 * P, RW));
	KT_EXPECT_TRUE(t, pte_write(*ktest_pte(a)));
	before = fault_log_total();
	KT_EXPECT_EQ(t, 0, put_user(3, (int *)a));
	KT_EXPECT_EQ(t, before, fault_log_total());		/* no fault */
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(mprotect, prot_none, "PROT_NONE keeps the page but makes every access fault (SEGV_ACCERR), and back")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0, P, RW, ANON, 0);
	pte_t *pte;
	int v = 0;

	KT_ASSERT_TRUE(t, mm);
	put_user(42, (int *)a);
	KT_EXPECT_EQ(t, 0, do_mprotect(a, P, PROT_NONE));
	pte = ktest_pte(a);
	KT_EXPECT_TRUE(t, pte_present(*pte) && pte_protnone(*pte));
	KT_EXPECT_EQ(t, -EFAULT, get_user(v, (int *)a));
	KT_EXPECT_EQ(t, FAULT_SIGSEGV_ACCERR, fault_log_recent(0)->fault_case);
	KT_EXPECT_EQ(t, 1, get_mm_counter(mm, MM_ANONPAGES));
	KT_EXPECT_EQ(t, 0, do_mprotect(a, P, PROT_READ));
	KT_EXPECT_EQ(t, 0, get_user(v, (int *)a));
	KT_EXPECT_EQ(t, 42, v);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(mprotect, errors, "mprotect errors are Linux's: EINVAL unaligned or unknown bits, ENOMEM for holes, EACCES beyond the file's mode")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0x40000000, 2 * P, RW, ANON | MAP_FIXED, 0), b;

	KT_ASSERT_TRUE(t, mm);
	KT_EXPECT_EQ(t, -EINVAL, do_mprotect(a + 1, P, PROT_READ));
	KT_EXPECT_EQ(t, -EINVAL, do_mprotect(a, P, 0x100));
	KT_EXPECT_EQ(t, 0, do_mprotect(a, 0, PROT_READ));
	KT_EXPECT_EQ(t, -ENOMEM, do_mprotect(a, 3 * P, PROT_READ));	/* runs into a hole */
	KT_EXPECT_EQ(t, -ENOMEM, do_mprotect(a - P, P, PROT_READ));
	b = ktest_mmap_file("/test/pages.bin", O_RDONLY, 0, P, PROT_READ, MAP_SHARED, 0);
	KT_EXPECT_EQ(t, -EACCES, do_mprotect(b, P, RW));
	b = ktest_mmap_file("/test/pages.bin", O_RDONLY, 0, P, PROT_READ, MAP_PRIVATE, 0);
	KT_EXPECT_EQ(t, 0, do_mprotect(b, P, RW));			/* private: fine */
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(mprotect, zero_page, "the zero page stays read-only after mprotect to writable; the write then copies it")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a = vm_mmap(NULL, 0, P, PROT_READ, ANON, 0);
	int v;

	KT_ASSERT_TRUE(t, mm);
	KT_EXPECT_EQ(t, 0, get_user(v, (int *)a));
	KT_EXPECT_EQ(t, 0, v);
	KT_EXPECT_EQ(t, 0, do_mprotect(a, P, RW));
	KT_EXPECT_TRUE(t, !pte_write(*ktest_pte(a)) && is_zero_pfn(pte_pfn(*ktest_pte(a))));
	KT_EXPECT_EQ(t, 0, put_user(1, (int *)a));
	KT_EXPECT_EQ(t, FAULT_COW_COPY, fault_log_recent(0)->fault_case);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}
