// SPDX-License-Identifier: GPL-2.0
/*
 * Where page tables come from, and the kernel's own lookups in them.
 * Linux: arch/x86/mm/pgtable.c, arch/x86/mm/init.c (alloc_low_pages),
 *        arch/x86/mm/pat/set_memory.c (lookup_address)
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/panic.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <asm/pgalloc.h>
#include <asm/processor.h>

void *alloc_pgtable_page(void)
{
	void *table;

	if (after_bootmem)
		return (void *)get_zeroed_page(GFP_KERNEL);
	table = memblock_alloc(PAGE_SIZE, PAGE_SIZE);
	if (!table)
		panic("alloc_pgtable_page: out of boot memory for page tables");
	return table;
}

/* Boot-time tables (before struct pages exist) stay unmarked. */
void pgtable_page_ctor(void *table)
{
	struct page *page;

	if (!after_bootmem)
		return;
	page = virt_to_page(table);
	__SetPageTable(page);
	mod_node_page_state(NODE_DATA(0), NR_PAGETABLE, 1);
}

void pgtable_page_dtor(void *table)
{
	struct page *page = virt_to_page(table);

	if (!PageTable(page))
		return;
	__ClearPageTable(page);
	mod_node_page_state(NODE_DATA(0), NR_PAGETABLE, -1);
}

void free_pgtable_page(void *table)
{
	struct page *page = virt_to_page(table);

	/* Boot-time tables belong to memblock's reserved memory: kept. */
	if (!PageReserved(page))
		free_page((unsigned long)table);
}

pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	(void)mm;
	if (pgd)
		memcpy(pgd + KERNEL_PGD_BOUNDARY, swapper_pg_dir + KERNEL_PGD_BOUNDARY,
		       (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY) * sizeof(pgd_t));
	return pgd;
}

void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	(void)mm;
	free_page((unsigned long)pgd);
}

/*
 * The entry that maps address in the tables under pgd, and the level it
 * sits at (a 2 MiB mapping returns its PMD entry as a pte_t *). NULL when
 * a table on the way is missing.
 */
pte_t *lookup_address_in_pgd(pgd_t *pgd, unsigned long address, unsigned int *level)
{
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;

	*level = PG_LEVEL_512G;
	if (pgd_none(*pgd))
		return NULL;
	p4d = p4d_offset(pgd, address);
	pud = pud_offset(p4d, address);
	*level = PG_LEVEL_1G;
	if (pud_large(*pud) || !pud_present(*pud))
		return (pte_t *)pud;
	pmd = pmd_offset(pud, address);
	*level = PG_LEVEL_2M;
	if (pmd_large(*pmd) || !pmd_present(*pmd))
		return (pte_t *)pmd;
	*level = PG_LEVEL_4K;
	return pte_offset_kernel(pmd, address);
}

/* In the tables the CPU is using now. */
pte_t *lookup_address(unsigned long address, unsigned int *level)
{
	pgd_t *pgd = (pgd_t *)__va(__read_cr3() & PTE_PFN_MASK);

	return lookup_address_in_pgd(pgd + pgd_index(address), address, level);
}
