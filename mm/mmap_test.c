// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for mmap, munmap and VMA merging (mm/mmap.c, mm/vma.c), each in
 * a fresh address space with Linux's default layout: mmap_base is
 * 0x7ffff7fff000 (8 MiB stack limit), and top-down placement puts the
 * first mapping right below it.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/ktest_mm.h>
#include <linux/slab.h>
#include <asm/uaccess.h>

#define BASE	0x7ffff7fff000UL
#define P	PAGE_SIZE
#define RW	(PROT_READ | PROT_WRITE)
#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)
#define ANON_FLAGS (VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC | VM_ACCOUNT | \
		    VM_SOFTDIRTY)

static unsigned long map_anon(unsigned long addr, unsigned long pages, unsigned long prot,
			      unsigned long flags)
{
	return vm_mmap(NULL, addr, pages * P, prot, ANON | flags, 0);
}

KTEST(mmap, anon, "anonymous mmaps go top-down below mmap_base, and adjacent ones merge into one VMA")
{
	struct mm_struct *mm = ktest_mm_create();
	struct vm_area_struct *vma;
	unsigned long a, b;

	KT_ASSERT_TRUE(t, mm);
	KT_EXPECT_EQ(t, BASE, mm->mmap_base);
	a = map_anon(0, 3, RW, 0);
	KT_EXPECT_EQ(t, BASE - 3 * P, a);
	vma = ktest_find_exact(a, BASE);
	KT_ASSERT_TRUE(t, vma);
	KT_EXPECT_EQ(t, ANON_FLAGS, vma->vm_flags);
	KT_EXPECT_EQ(t, a >> PAGE_SHIFT, vma->vm_pgoff);
	KT_EXPECT_TRUE(t, vma_is_anonymous(vma) && !vma->vm_file && !vma->anon_vma);
	KT_EXPECT_EQ(t, 3, mm->total_vm);
	KT_EXPECT_EQ(t, 3, mm->data_vm);

	b = map_anon(0, 2, RW, 0);
	KT_EXPECT_EQ(t, BASE - 5 * P, b);
	KT_EXPECT_EQ(t, 1, mm->map_count);			/* merged: case 3 */
	KT_EXPECT_TRUE(t, ktest_find_exact(b, BASE) != NULL);
	KT_EXPECT_EQ(t, 5, mm->total_vm);
	map_anon(0, 1, PROT_READ, 0);				/* different flags */
	KT_EXPECT_EQ(t, 2, mm->map_count);
	KT_EXPECT_EQ(t, 6, mm->total_vm);
	KT_EXPECT_EQ(t, 5, mm->data_vm);			/* read-only is not data */
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(mmap, hints, "a free hint is taken, a taken one is not; MAP_FIXED replaces, MAP_FIXED_NOREPLACE refuses with EEXIST")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a;

	KT_ASSERT_TRUE(t, mm);
	a = map_anon(0x10000000, 4, RW, 0);
	KT_EXPECT_EQ(t, 0x10000000, a);
	KT_EXPECT_EQ(t, BASE - 2 * P, map_anon(0x10000000, 2, RW, 0));	/* taken: top-down */
	KT_EXPECT_EQ(t, 0x10000000 + P, map_anon(0x10000000 + P, 1, PROT_READ, MAP_FIXED));
	KT_EXPECT_EQ(t, 4, mm->map_count);	/* split in three by the fixed page, plus one */
	KT_EXPECT_EQ(t, -EEXIST, (long)map_anon(0x10000000, 1, RW, MAP_FIXED_NOREPLACE));
	KT_EXPECT_EQ(t, 0x20000000, map_anon(0x20000000, 1, RW, MAP_FIXED_NOREPLACE));
	KT_EXPECT_EQ(t, 0x10000, map_anon(0x1000, 1, RW, 0));	/* raised to mmap_min_addr */
	KT_EXPECT_EQ(t, -EINVAL, (long)map_anon(0x10000000 + 5, 1, RW, MAP_FIXED));
	KT_EXPECT_EQ(t, -EINVAL, (long)vm_mmap(NULL, 0, 0, RW, ANON, 0));
	KT_EXPECT_EQ(t, -EINVAL, (long)vm_mmap(NULL, 0, P, RW, MAP_ANONYMOUS, 0));	/* no type */
	KT_EXPECT_EQ(t, -ENOMEM, (long)map_anon(0, 1UL << 36, RW, 0));	/* 256 TiB */
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(mmap, file, "file mappings: private and shared flags, offsets, i_mmap, and EACCES for a writable share of a read-only file")
{
	struct mm_struct *mm = ktest_mm_create();
	struct vm_area_struct *vma;
	unsigned long a, b;

	KT_ASSERT_TRUE(t, mm);
	a = ktest_mmap_file("/test/pages.bin", O_RDONLY, 0, 8 * P, PROT_READ, MAP_PRIVATE, 2 * P);
	vma = ktest_find_exact(a, a + 8 * P);
	KT_ASSERT_TRUE(t, vma);
	KT_EXPECT_EQ(t, 2, vma->vm_pgoff);
	KT_EXPECT_EQ(t, VM_READ | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC | VM_SOFTDIRTY,
		     vma->vm_flags);
	KT_EXPECT_TRUE(t, vma->vm_file && !RB_EMPTY_NODE(&vma->shared.rb));

	b = ktest_mmap_file("/test/pages.bin", O_RDONLY, 0, P, PROT_READ, MAP_SHARED, 0);
	vma = ktest_find_exact(b, b + P);
	KT_ASSERT_TRUE(t, vma);
	/* read-only file: shared, but never writable (VM_SHARED and VM_MAYWRITE go) */
	KT_EXPECT_EQ(t, VM_READ | VM_MAYREAD | VM_MAYSHARE | VM_MAYEXEC | VM_SOFTDIRTY,
		     vma->vm_flags);
	KT_EXPECT_EQ(t, -EACCES, (long)ktest_mmap_file("/test/pages.bin", O_RDONLY, 0, P, RW,
						       MAP_SHARED, 0));
	KT_EXPECT_EQ(t, -EINVAL, (long)ktest_mmap_file("/test/pages.bin", O_RDONLY, 0, P,
						       PROT_READ, MAP_PRIVATE, 100));
	KT_EXPECT_EQ(t, 9, mm->total_vm);
	KT_EXPECT_EQ(t, 0, mm->data_vm);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(mmap, shared_anon, "MAP_SHARED|MAP_ANONYMOUS is a nameless tmpfs file, \"/dev/zero (deleted)\"")
{
	struct mm_struct *mm = ktest_mm_create();
	struct vm_area_struct *vma;
	char buf[64], *path;
	unsigned long a;

	KT_ASSERT_TRUE(t, mm);
	a = vm_mmap(NULL, 0, 3 * P, RW, MAP_SHARED | MAP_ANONYMOUS, 0);
	vma = ktest_find_exact(a, a + 3 * P);
	KT_ASSERT_TRUE(t, vma && vma->vm_file);
	KT_EXPECT_EQ(t, VM_READ | VM_WRITE | VM_SHARED | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC |
		     VM_MAYSHARE | VM_SOFTDIRTY, vma->vm_flags);
	KT_EXPECT_EQ(t, 0, vma->vm_pgoff);
	KT_EXPECT_EQ(t, 3 * P, i_size_read(file_inode(vma->vm_file)));
	path = d_path(&vma->vm_file->f_path, buf, sizeof(buf));
	KT_EXPECT_TRUE(t, !IS_ERR(path) && !strcmp(path, "/dev/zero (deleted)"));
	KT_EXPECT_EQ(t, 0, mm->data_vm);			/* shared is not data */
	/* A second one next to it is a different file: no merge. */
	vm_mmap(NULL, a - 3 * P, 3 * P, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, 0);
	KT_EXPECT_EQ(t, 2, mm->map_count);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(mmap, munmap, "munmap of the middle, head and tail of a VMA leaves the right pieces and counters")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a;

	KT_ASSERT_TRUE(t, mm);
	a = map_anon(0x40000000, 10, RW, 0);
	KT_EXPECT_EQ(t, 0, vm_munmap(a + 4 * P, 2 * P));		/* middle */
	KT_EXPECT_EQ(t, 2, mm->map_count);
	KT_EXPECT_TRUE(t, ktest_find_exact(a, a + 4 * P) && ktest_find_exact(a + 6 * P, a + 10 * P));
	KT_EXPECT_EQ(t, (a + 6 * P) >> PAGE_SHIFT, find_vma(mm, a + 6 * P)->vm_pgoff);
	KT_EXPECT_EQ(t, 0, vm_munmap(a, P));				/* head */
	KT_EXPECT_EQ(t, 0, vm_munmap(a + 9 * P, P));			/* tail */
	KT_EXPECT_TRUE(t, ktest_find_exact(a + P, a + 4 * P) && ktest_find_exact(a + 6 * P, a + 9 * P));
	KT_EXPECT_EQ(t, 6, mm->total_vm);
	KT_EXPECT_EQ(t, 6, mm->data_vm);
	KT_EXPECT_EQ(t, 10, mm->hiwater_vm);
	KT_EXPECT_EQ(t, 0, vm_munmap(a + 20 * P, P));			/* nothing there */
	KT_EXPECT_EQ(t, -EINVAL, vm_munmap(a + 1, P));
	KT_EXPECT_EQ(t, -EINVAL, vm_munmap(a, 0));
	KT_EXPECT_EQ(t, 0, vm_munmap(a, 10 * P));			/* across both pieces */
	KT_EXPECT_EQ(t, 0, mm->map_count);
	KT_EXPECT_EQ(t, 0, mm->total_vm);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(mmap, munmap_frees, "munmap frees the pages and the page tables it no longer needs")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a, free_before;

	KT_ASSERT_TRUE(t, mm);
	free_before = nr_free_pages();
	a = map_anon(0x40000000, 8, RW, 0);
	for (int i = 0; i < 8; i++)
		KT_EXPECT_EQ(t, 0, put_user((char)i, (char *)(a + i * P)));
	KT_EXPECT_EQ(t, 8, get_mm_counter(mm, MM_ANONPAGES));
	KT_EXPECT_EQ(t, 3 * PAGE_SIZE, mm_pgtables_bytes(mm));		/* PUD, PMD, PTE */
	KT_EXPECT_EQ(t, 0, vm_munmap(a, 8 * P));
	KT_EXPECT_EQ(t, 0, get_mm_counter(mm, MM_ANONPAGES));
	KT_EXPECT_EQ(t, 8, mm->hiwater_rss);
	KT_EXPECT_EQ(t, 0, mm_pgtables_bytes(mm));
	kmem_cache_shrink_all();
	KT_EXPECT_EQ(t, free_before, nr_free_pages());
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(mmap, fixed_replace, "MAP_FIXED over touched memory drops the old pages; the new mapping reads zero")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a;
	char c = 1;

	KT_ASSERT_TRUE(t, mm);
	a = map_anon(0x40000000, 4, RW, 0);
	for (int i = 0; i < 4; i++)
		put_user((char)'x', (char *)(a + i * P));
	KT_EXPECT_EQ(t, a + P, map_anon(a + P, 2, RW, MAP_FIXED));
	KT_EXPECT_EQ(t, 2, get_mm_counter(mm, MM_ANONPAGES));
	KT_EXPECT_EQ(t, 0, get_user(c, (char *)(a + P)));
	KT_EXPECT_EQ(t, 0, c);
	KT_EXPECT_EQ(t, 0, get_user(c, (char *)a));
	KT_EXPECT_EQ(t, 'x', c);
	KT_EXPECT_EQ(t, 1, mm->map_count);		/* same flags: all merged again */
	KT_EXPECT_EQ(t, 4, mm->total_vm);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(mmap, file_merge, "mappings of one open file merge when their offsets are contiguous, and only then")
{
	struct mm_struct *mm = ktest_mm_create();
	struct file *file = filp_open("/test/pages.bin", O_RDONLY, 0);
	unsigned long a = 0x50000000, fixed = MAP_PRIVATE | MAP_FIXED;

	KT_ASSERT_TRUE(t, mm && !IS_ERR(file));
	vm_mmap(file, a, 2 * P, PROT_READ, fixed, 0);
	vm_mmap(file, a + 2 * P, P, PROT_READ, fixed, 2 * P);
	KT_EXPECT_EQ(t, 1, mm->map_count);
	KT_EXPECT_TRUE(t, ktest_find_exact(a, a + 3 * P) != NULL);
	vm_mmap(file, a + 3 * P, P, PROT_READ, fixed, 7 * P);	/* offset not contiguous */
	KT_EXPECT_EQ(t, 2, mm->map_count);
	vm_mmap(file, a - P, P, PROT_READ, fixed, 0);		/* before, but not offset -1 */
	KT_EXPECT_EQ(t, 3, mm->map_count);
	/* Another open of the same file is another struct file: Linux does not merge. */
	ktest_mmap_file("/test/pages.bin", O_RDONLY, a + 4 * P, P, PROT_READ, fixed, 8 * P);
	KT_EXPECT_EQ(t, 4, mm->map_count);
	fput(file);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

/*
 * Neighbours P, N (and X) of two pages each at 0x40000000 with these
 * protections, made as a program would: one writable mapping, then
 * mprotect, so that all carry VM_ACCOUNT and differ only in access bits.
 */
static unsigned long make_pnx(unsigned long p_prot, unsigned long n_prot, unsigned long x_prot)
{
	unsigned long a = 0x40000000;
	bool has_x = x_prot != ~0UL;

	map_anon(a, has_x ? 6 : 4, RW, MAP_FIXED);
	do_mprotect(a, 2 * P, p_prot);
	do_mprotect(a + 2 * P, 2 * P, n_prot);
	if (has_x)
		do_mprotect(a + 4 * P, 2 * P, x_prot);
	return a;
}

KTEST(mmap, merge_cases, "vma_merge's eight cases each leave the VMAs Linux leaves")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long a;

	KT_ASSERT_TRUE(t, mm);
	KT_EXPECT_EQ(t, 3, (make_pnx(RW, PROT_READ, PROT_EXEC), mm->map_count));
	vm_munmap(0x40000000, 6 * P);
	/* 1: a hole between two compatible VMAs is filled: one VMA. */
	a = 0x40000000;
	map_anon(a, 2, RW, MAP_FIXED);
	map_anon(a + 4 * P, 2, RW, MAP_FIXED);
	map_anon(a + 2 * P, 2, RW, MAP_FIXED);
	KT_EXPECT_TRUE(t, mm->map_count == 1 && ktest_find_exact(a, a + 6 * P));
	vm_munmap(a, 6 * P);

	/* 2 and 3 are the plain neighbour merges of mmap.anon. */
	/* 4: P's tail becomes like N: P shrinks, N grows down. */
	a = make_pnx(RW, PROT_READ, ~0UL);
	do_mprotect(a + P, P, PROT_READ);
	KT_EXPECT_TRUE(t, ktest_find_exact(a, a + P) && ktest_find_exact(a + P, a + 4 * P));
	vm_munmap(a, 6 * P);

	/* 5: N's head becomes like P: P grows, N shrinks. */
	a = make_pnx(RW, PROT_READ, ~0UL);
	do_mprotect(a + 2 * P, P, RW);
	KT_EXPECT_TRUE(t, ktest_find_exact(a, a + 3 * P) && ktest_find_exact(a + 3 * P, a + 4 * P));
	KT_EXPECT_EQ(t, (a + 3 * P) >> PAGE_SHIFT, find_vma(mm, a + 3 * P)->vm_pgoff);
	vm_munmap(a, 6 * P);

	/* 6: N becomes like P and X: all three merge. */
	a = make_pnx(RW, PROT_READ, RW);
	do_mprotect(a + 2 * P, 2 * P, RW);
	KT_EXPECT_TRUE(t, mm->map_count == 1 && ktest_find_exact(a, a + 6 * P));
	vm_munmap(a, 6 * P);

	/* 7: N becomes like P, not like X: P absorbs N. */
	a = make_pnx(RW, PROT_READ, PROT_EXEC);
	do_mprotect(a + 2 * P, 2 * P, RW);
	KT_EXPECT_TRUE(t, mm->map_count == 2 && ktest_find_exact(a, a + 4 * P));
	vm_munmap(a, 6 * P);

	/* 8: N becomes like X, not like P: X absorbs N. */
	a = make_pnx(PROT_EXEC, PROT_READ, RW);
	do_mprotect(a + 2 * P, 2 * P, RW);
	KT_EXPECT_TRUE(t, mm->map_count == 2 && ktest_find_exact(a + 2 * P, a + 6 * P));
	KT_EXPECT_EQ(t, (a + 2 * P) >> PAGE_SHIFT, find_vma(mm, a + 2 * P)->vm_pgoff);
	vm_munmap(a, 6 * P);
	KT_EXPECT_EQ(t, 0, mm->total_vm);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(mmap, legacy_layout, "with an unlimited stack, mmap goes bottom-up from TASK_SIZE / 3, as Linux's legacy layout")
{
	unsigned long saved = current->signal->rlim[RLIMIT_STACK].rlim_cur;
	struct mm_struct *mm;

	current->signal->rlim[RLIMIT_STACK].rlim_cur = RLIM_INFINITY;
	mm = ktest_mm_create();
	current->signal->rlim[RLIMIT_STACK].rlim_cur = saved;
	KT_ASSERT_TRUE(t, mm);
	KT_EXPECT_EQ(t, 0x2aaaaaaab000UL, mm->mmap_base);
	KT_EXPECT_EQ(t, 0x2aaaaaaab000UL, map_anon(0, 2, RW, 0));
	KT_EXPECT_EQ(t, 0x2aaaaaaad000UL, map_anon(0, 1, PROT_READ, 0));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}
