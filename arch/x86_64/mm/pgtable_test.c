// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for the page-table primitives and the kernel's own mappings.
 *
 * The map/walk tests build a small address space of their own: a new PGD
 * (kernel half shared with swapper_pg_dir, as every address space will
 * be), one page mapped at TEST_VADDR in the user half, CR3 switched to it
 * and back. Accesses that should fault go through the nofault helpers, so
 * a test sees the fault as -EFAULT plus the CR2 and error code the CPU
 * reported (current->thread). Those in the user half run with SMAP open
 * (stac), as a user copy does: a kernel fault there with SMAP closed is
 * an oops, fixup or not.
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include <asm/uaccess.h>
#include <asm/smap.h>
#include <asm/irqflags.h>
#include <asm/traps.h>

#define TEST_VADDR	0x400000UL

/* Supervisor data, not global (the mapping must vanish with the CR3). */
#define TEST_PROT	(_PAGE_PRESENT | _PAGE_RW | _PAGE_NX)

struct test_space {
	struct mm_struct mm;
	unsigned long saved_cr3;
	unsigned long irq_flags;
};

static bool space_init(struct test_space *ts)
{
	ts->mm.pgd = pgd_alloc(&ts->mm);
	return ts->mm.pgd != NULL;
}

/*
 * The PTE for addr in the test space, allocating tables on the way; the
 * PTE table is linked as a user address space's is (pmd_populate).
 */
static pte_t *space_pte(struct test_space *ts, unsigned long addr)
{
	p4d_t *p4d = p4d_offset(pgd_offset(&ts->mm, addr), addr);
	pud_t *pud = pud_alloc(&ts->mm, p4d, addr);
	pmd_t *pmd = pud ? pmd_alloc(&ts->mm, pud, addr) : NULL;

	if (pmd && pmd_none(*pmd)) {
		pte_t *table = pte_alloc_one_kernel(&ts->mm);

		if (!table)
			return NULL;
		pmd_populate(pmd, table);
	}
	return pmd ? pte_offset_kernel(pmd, addr) : NULL;
}

static void space_enter(struct test_space *ts)
{
	local_irq_save(ts->irq_flags);
	ts->saved_cr3 = __read_cr3();
	write_cr3(__pa(ts->mm.pgd));
}

static void space_leave(struct test_space *ts)
{
	write_cr3(ts->saved_cr3);
	local_irq_restore(ts->irq_flags);
}

/* Free the user half's tables, then the PGD (what free_pgtables will do). */
static void space_destroy(struct test_space *ts)
{
	for (int i = 0; i < USER_PGD_PTRS; i++) {
		pgd_t *pgd = ts->mm.pgd + i;
		pud_t *pud;

		if (pgd_none(*pgd))
			continue;
		pud = p4d_pgtable(*pgd);
		for (int j = 0; j < PTRS_PER_PUD; j++) {
			pmd_t *pmd;

			if (pud_none(pud[j]))
				continue;
			pmd = pud_pgtable(pud[j]);
			for (int k = 0; k < PTRS_PER_PMD; k++)
				if (!pmd_none(pmd[k]))
					pte_free_kernel(&ts->mm, (pte_t *)pmd_page_vaddr(pmd[k]));
			pmd_free(&ts->mm, pmd);
		}
		pud_free(&ts->mm, pud);
	}
	pgd_free(&ts->mm, ts->mm.pgd);
}

static void reset_fault_info(void)
{
	current->thread.cr2 = 0;
	current->thread.error_code = ~0UL;
	current->thread.trap_nr = ~0UL;
}

KTEST(pgtable, map_walk, "a page mapped in a new PGD reads and writes through the mapping, walks back to its pfn, and faults once unmapped")
{
	struct test_space ts;
	unsigned long before = nr_free_pages(), val = 0, pfn;
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	unsigned int level;
	pte_t *pte, *found;
	int err;

	KT_ASSERT_TRUE(t, page && space_init(&ts));
	pfn = page_to_pfn(page);
	pte = space_pte(&ts, TEST_VADDR);
	KT_ASSERT_TRUE(t, pte);
	/* The PGD, one PUD, one PMD and one PTE table, plus the page. */
	KT_EXPECT_EQ(t, before - 5, nr_free_pages());
	set_pte(pte, pfn_pte(pfn, __pgprot(TEST_PROT)));

	found = lookup_address_in_pgd(pgd_offset(&ts.mm, TEST_VADDR), TEST_VADDR, &level);
	KT_EXPECT_PTR_EQ(t, pte, found);
	KT_EXPECT_EQ(t, PG_LEVEL_4K, level);
	KT_EXPECT_EQ(t, pfn, pte_pfn(*found));
	KT_EXPECT_EQ(t, 0, pgd_index(TEST_VADDR));
	KT_EXPECT_EQ(t, 2, pmd_index(TEST_VADDR));

	*(unsigned long *)page_address(page) = 0x1234567890abcdefUL;
	space_enter(&ts);
	err = __get_kernel_nofault_ul(&val, (void *)TEST_VADDR);
	*(volatile unsigned long *)(TEST_VADDR + 8) = 0xfeedUL;
	pte_clear(pte);
	__flush_tlb_one_kernel(TEST_VADDR);
	reset_fault_info();
	space_leave(&ts);
	KT_EXPECT_EQ(t, 0, err);
	KT_EXPECT_EQ(t, 0x1234567890abcdefUL, val);
	KT_EXPECT_EQ(t, 0xfeed, ((unsigned long *)page_address(page))[1]);

	space_enter(&ts);
	stac();
	err = __get_kernel_nofault_ul(&val, (void *)(TEST_VADDR + 16));
	clac();
	space_leave(&ts);
	KT_EXPECT_EQ(t, -EFAULT, err);
	KT_EXPECT_EQ(t, TEST_VADDR + 16, current->thread.cr2);
	KT_EXPECT_EQ(t, 0, current->thread.error_code);	/* not present, read, kernel */
	KT_EXPECT_EQ(t, X86_TRAP_PF, current->thread.trap_nr);

	space_destroy(&ts);
	__free_page(page);
	KT_EXPECT_EQ(t, before, nr_free_pages());
}

KTEST(pgtable, young_dirty, "the MMU sets the accessed bit on a read and the dirty bit on a write")
{
	struct test_space ts;
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long val;
	pte_t *pte;

	KT_ASSERT_TRUE(t, page && space_init(&ts));
	pte = space_pte(&ts, TEST_VADDR);
	KT_ASSERT_TRUE(t, pte);
	set_pte(pte, pfn_pte(page_to_pfn(page), __pgprot(TEST_PROT)));
	KT_EXPECT_TRUE(t, !pte_young(*pte) && !pte_dirty(*pte));

	space_enter(&ts);
	__get_kernel_nofault_ul(&val, (void *)TEST_VADDR);
	space_leave(&ts);
	KT_EXPECT_TRUE(t, pte_young(*pte));
	KT_EXPECT_TRUE(t, !pte_dirty(*pte));

	space_enter(&ts);
	*(volatile char *)TEST_VADDR = 1;
	space_leave(&ts);
	KT_EXPECT_TRUE(t, pte_dirty(*pte));

	space_destroy(&ts);
	__free_page(page);
}

KTEST(pgtable, write_protect, "a write to a read-only mapping faults with error code P|W (CR0.WP is on)")
{
	struct test_space ts;
	struct page *page = alloc_page(GFP_KERNEL);
	pte_t *pte;
	int err;

	KT_ASSERT_TRUE(t, page && space_init(&ts));
	pte = space_pte(&ts, TEST_VADDR);
	KT_ASSERT_TRUE(t, pte);
	set_pte(pte, pte_wrprotect(pfn_pte(page_to_pfn(page), __pgprot(TEST_PROT))));
	reset_fault_info();
	space_enter(&ts);
	stac();
	err = __put_kernel_nofault_u8((void *)(TEST_VADDR + 5), 7);
	clac();
	space_leave(&ts);
	KT_EXPECT_EQ(t, -EFAULT, err);
	KT_EXPECT_EQ(t, X86_PF_PROT | X86_PF_WRITE, current->thread.error_code);
	KT_EXPECT_EQ(t, TEST_VADDR + 5, current->thread.cr2);
	space_destroy(&ts);
	__free_page(page);
}

/*
 * With SMAP closed the same read oopses (as in Linux, no fixup applies):
 * that half is the crash test crash.smap_closed.
 */
KTEST(pgtable, smap, "SMAP: with EFLAGS.AC set (stac) the kernel reads a user page")
{
	struct test_space ts;
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long val = 0;
	int err_ac;
	pte_t *pte;

	if (!(__read_cr4() & X86_CR4_SMAP)) {
		pr_info("# SKIP: this CPU has no SMAP\n");
		__free_page(page);
		return;
	}
	KT_ASSERT_TRUE(t, page && space_init(&ts));
	pte = space_pte(&ts, TEST_VADDR);
	KT_ASSERT_TRUE(t, pte);
	*(unsigned long *)page_address(page) = 42;
	set_pte(pte, pfn_pte(page_to_pfn(page), __pgprot(TEST_PROT | _PAGE_USER)));
	space_enter(&ts);
	stac();
	err_ac = __get_kernel_nofault_ul(&val, (void *)TEST_VADDR);
	clac();
	space_leave(&ts);
	KT_EXPECT_EQ(t, 0, err_ac);
	KT_EXPECT_EQ(t, 42, val);
	space_destroy(&ts);
	__free_page(page);
}

KTEST(pgtable, kernel_protections, "kernel text is r-x, rodata r--, data rw- NX, the stack guard unmapped, the direct map NX")
{
	extern char _text[], __start_rodata[], _sdata[], init_stack_guard[], init_stack[];
	unsigned int level;
	pte_t *pte;

	pte = lookup_address((unsigned long)_text, &level);
	KT_EXPECT_TRUE(t, pte && level == PG_LEVEL_4K && pte_present(*pte));
	KT_EXPECT_TRUE(t, !pte_write(*pte) && pte_exec(*pte) && pte_global(*pte));
	pte = lookup_address((unsigned long)__start_rodata, &level);
	KT_EXPECT_TRUE(t, pte && pte_present(*pte) && !pte_write(*pte) && !pte_exec(*pte));
	pte = lookup_address((unsigned long)_sdata, &level);
	KT_EXPECT_TRUE(t, pte && pte_present(*pte) && pte_write(*pte) && !pte_exec(*pte));
	pte = lookup_address((unsigned long)init_stack, &level);
	KT_EXPECT_TRUE(t, pte && pte_present(*pte) && pte_write(*pte));
	pte = lookup_address((unsigned long)init_stack_guard, &level);
	KT_EXPECT_TRUE(t, pte && level == PG_LEVEL_4K && !pte_present(*pte));
	/* The direct-map alias of the text is read-only too. */
	pte = lookup_address((unsigned long)__va(__pa(_text)), &level);
	KT_EXPECT_TRUE(t, pte && pte_present(*pte) && !pte_write(*pte) && !pte_exec(*pte));
	/* Deep in RAM the direct map uses 2 MiB pages. */
	pte = lookup_address((unsigned long)__va(SZ_16M + 2 * PMD_SIZE), &level);
	KT_EXPECT_TRUE(t, pte && level == PG_LEVEL_2M && pte_present(*pte));
	KT_EXPECT_TRUE(t, pte && pte_write(*pte) && !pte_exec(*pte));
	/* struct pages live in vmemmap, mapped with 2 MiB pages. */
	pte = lookup_address((unsigned long)pfn_to_page(1), &level);
	KT_EXPECT_TRUE(t, pte && pte_present(*pte) && level == PG_LEVEL_2M);
}

KTEST(pgtable, no_identity_map, "the boot identity map is gone: a low address faults not-present with its CR2")
{
	unsigned long val;
	int err;

	for (int i = 0; i < USER_PGD_PTRS; i++)
		if (!KT_EXPECT_TRUE(t, pgd_none(swapper_pg_dir[i])))
			break;
	reset_fault_info();
	stac();
	err = __get_kernel_nofault_ul(&val, (void *)0x100000);
	clac();
	KT_EXPECT_EQ(t, -EFAULT, err);
	KT_EXPECT_EQ(t, 0x100000, current->thread.cr2);
	KT_EXPECT_EQ(t, 0, current->thread.error_code);
}

KTEST(pgtable, kernel_fault_codes, "writing kernel text faults with P|W, reading the stack guard faults not-present")
{
	extern char _text[], init_stack_guard[];
	char c = 0;

	reset_fault_info();
	KT_EXPECT_EQ(t, -EFAULT, copy_to_kernel_nofault(_text + 3, &c, 1));
	KT_EXPECT_EQ(t, (unsigned long)_text + 3, current->thread.cr2);
	KT_EXPECT_EQ(t, X86_PF_PROT | X86_PF_WRITE, current->thread.error_code);

	reset_fault_info();
	KT_EXPECT_EQ(t, -EFAULT, copy_from_kernel_nofault(&c, init_stack_guard + 100, 1));
	KT_EXPECT_EQ(t, (unsigned long)init_stack_guard + 100, current->thread.cr2);
	KT_EXPECT_EQ(t, 0, current->thread.error_code);

	KT_EXPECT_EQ(t, -ERANGE, copy_from_kernel_nofault(&c, (void *)0x1000, 1));
}
