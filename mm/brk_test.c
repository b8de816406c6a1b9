// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for brk and stack growth (mm/brk.c, mm/mmap.c expand_stack), in
 * address spaces laid out by hand the way exec lays them out: a heap
 * starting at start_brk, a stack VMA ending at TASK_SIZE.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/ktest_mm.h>
#include <asm/uaccess.h>

#define P		PAGE_SIZE
#define HEAP		0x600000UL
#define STACK_TOP	0x7ffffffff000UL
#define STACK_START	0x7ffffffde000UL	/* a fresh process's: 33 pages */

static struct mm_struct *mm_with_heap(void)
{
	struct mm_struct *mm = ktest_mm_create();

	if (mm) {
		mm->start_brk = mm->brk = HEAP;
		mm->start_data = mm->end_data = HEAP;
	}
	return mm;
}

KTEST(brk, grow_shrink, "brk grows the heap VMA to cover an unaligned break, and shrinks it again")
{
	struct mm_struct *mm = mm_with_heap();
	struct vm_area_struct *vma;

	KT_ASSERT_TRUE(t, mm);
	KT_EXPECT_EQ(t, HEAP + 0x2345, do_brk(HEAP + 0x2345));
	KT_EXPECT_EQ(t, HEAP + 0x2345, mm->brk);
	vma = ktest_find_exact(HEAP, HEAP + 3 * P);
	KT_ASSERT_TRUE(t, vma);
	KT_EXPECT_EQ(t, VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC | VM_ACCOUNT |
		     VM_SOFTDIRTY, vma->vm_flags);
	KT_EXPECT_EQ(t, 3, mm->data_vm);
	KT_EXPECT_EQ(t, HEAP + 0x2346, do_brk(HEAP + 0x2346));	/* same page: no change */
	KT_EXPECT_EQ(t, 1, mm->map_count);
	KT_EXPECT_EQ(t, HEAP + 0x10000, do_brk(HEAP + 0x10000));	/* grows in place */
	KT_EXPECT_EQ(t, 1, mm->map_count);
	KT_EXPECT_TRUE(t, ktest_find_exact(HEAP, HEAP + 0x10000) != NULL);
	KT_EXPECT_EQ(t, 0, put_user(1, (int *)(HEAP + 0xff00)));
	KT_EXPECT_EQ(t, HEAP + P, do_brk(HEAP + P));			/* shrink */
	KT_EXPECT_TRUE(t, ktest_find_exact(HEAP, HEAP + P) != NULL);
	KT_EXPECT_EQ(t, 0, get_mm_counter(mm, MM_ANONPAGES));		/* its page went */
	KT_EXPECT_EQ(t, 1, mm->data_vm);
	KT_EXPECT_EQ(t, HEAP, do_brk(HEAP));
	KT_EXPECT_EQ(t, 0, mm->map_count);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(brk, refusals, "brk below start_brk, into another mapping, or past RLIMIT_DATA leaves the break where it was")
{
	struct mm_struct *mm = mm_with_heap();
	unsigned long saved = current->signal->rlim[RLIMIT_DATA].rlim_cur;

	KT_ASSERT_TRUE(t, mm);
	do_brk(HEAP + 2 * P);
	KT_EXPECT_EQ(t, HEAP + 2 * P, do_brk(HEAP - P));
	vm_mmap(NULL, HEAP + 8 * P, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
	KT_EXPECT_EQ(t, HEAP + 2 * P, do_brk(HEAP + 9 * P));		/* over the mapping */
	KT_EXPECT_EQ(t, HEAP + 2 * P, do_brk(HEAP + 8 * P));		/* up to it: no gap */
	KT_EXPECT_EQ(t, HEAP + 7 * P, do_brk(HEAP + 7 * P));		/* a page short is fine */
	current->signal->rlim[RLIMIT_DATA].rlim_cur = 8 * P;
	KT_EXPECT_EQ(t, HEAP + 7 * P, do_brk(HEAP + 20 * P));
	current->signal->rlim[RLIMIT_DATA].rlim_cur = saved;
	KT_EXPECT_EQ(t, HEAP + 7 * P, mm->brk);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

/* A stack VMA as exec leaves it, counted. */
static struct vm_area_struct *make_stack(struct mm_struct *mm)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);

	if (!vma)
		return NULL;
	vma->vm_start = STACK_START;
	vma->vm_end = STACK_TOP;
	vma->vm_flags = VM_STACK_FLAGS | VM_SOFTDIRTY;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	if (insert_vm_struct(mm, vma)) {
		vm_area_free(vma);
		return NULL;
	}
	vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
	return vma;
}

KTEST(stack, grow, "a fault below the stack grows it down, counted in stack_vm, traced as stack expansion")
{
	struct mm_struct *mm = ktest_mm_create();
	struct vm_area_struct *vma;
	const struct fault_record *r;

	KT_ASSERT_TRUE(t, mm);
	vma = make_stack(mm);
	KT_ASSERT_TRUE(t, vma);
	KT_EXPECT_EQ(t, 33, mm->stack_vm);
	KT_EXPECT_EQ(t, 0, put_user(7L, (long *)(STACK_START - 8)));
	KT_EXPECT_EQ(t, STACK_START - P, vma->vm_start);
	r = fault_log_recent(0);
	KT_EXPECT_TRUE(t, r && r->stack_expanded && r->fault_case == FAULT_ANON_NEW);
	KT_EXPECT_EQ(t, 34, mm->stack_vm);
	KT_EXPECT_EQ(t, 34, mm->total_vm);
	KT_EXPECT_EQ(t, 0, mm->data_vm);
	/* Far below: still one VMA, grown all the way (within RLIMIT_STACK). */
	KT_EXPECT_EQ(t, 0, put_user(7L, (long *)(STACK_START - 0x100000)));
	KT_EXPECT_EQ(t, STACK_START - 0x100000, vma->vm_start);
	KT_EXPECT_EQ(t, 1, mm->map_count);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(stack, limits, "the stack does not grow past RLIMIT_STACK nor within stack_guard_gap of the area below")
{
	unsigned long saved = current->signal->rlim[RLIMIT_STACK].rlim_cur;
	struct mm_struct *mm = ktest_mm_create();
	struct vm_area_struct *vma;
	unsigned long below = STACK_START - 0x300000;
	const struct fault_record *r;

	KT_ASSERT_TRUE(t, mm);
	vma = make_stack(mm);
	KT_ASSERT_TRUE(t, vma);
	vm_mmap(NULL, below, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
	/* 2 MiB above the mapping: allowed (the gap is 1 MiB). */
	KT_EXPECT_EQ(t, 0, put_user(1, (int *)(below + P + 0x100000)));
	/* Within 1 MiB of it: refused, the stack stays as it was. */
	KT_EXPECT_EQ(t, -EFAULT, put_user(1, (int *)(below + P + 0x80000)));
	r = fault_log_recent(0);
	KT_EXPECT_TRUE(t, r && r->fault_case == FAULT_SIGSEGV_MAPERR && !r->stack_expanded);
	KT_EXPECT_EQ(t, below + P + 0x100000, vma->vm_start);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));

	/* RLIMIT_STACK: the stack may not span more than the limit. */
	mm = ktest_mm_create();
	KT_ASSERT_TRUE(t, mm);
	vma = make_stack(mm);
	KT_ASSERT_TRUE(t, vma);
	current->signal->rlim[RLIMIT_STACK].rlim_cur = STACK_TOP - STACK_START + P;
	KT_EXPECT_EQ(t, -EFAULT, put_user(1, (int *)(STACK_START - 2 * P)));
	KT_EXPECT_EQ(t, 0, put_user(1, (int *)(STACK_START - P)));
	KT_EXPECT_EQ(t, STACK_START - P, vma->vm_start);
	current->signal->rlim[RLIMIT_STACK].rlim_cur = saved;
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}
