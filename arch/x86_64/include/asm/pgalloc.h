/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PGALLOC_H
#define _ASM_X86_PGALLOC_H

#include <linux/mm_types.h>
#include <asm/pgtable.h>

/*
 * Page-table pages. Before the buddy allocator runs they come from
 * memblock (Linux: alloc_low_pages), afterwards from the buddy allocator.
 * Linux: arch/x86/include/asm/pgalloc.h, arch/x86/mm/pgtable.c
 */
void *alloc_pgtable_page(void);
void free_pgtable_page(void *table);

static inline pud_t *pud_alloc_one(struct mm_struct *mm, unsigned long addr)
{
	(void)mm; (void)addr;
	return alloc_pgtable_page();
}

/*
 * PMD and user PTE tables are marked PageTable and counted in
 * NR_PAGETABLE ("PageTables" in /proc/meminfo), as Linux's
 * pgtable_pte_page_ctor/pgtable_pmd_page_ctor do; PUD tables and the
 * kernel's own PTE tables are not, as in Linux 6.1.
 */
void pgtable_page_ctor(void *table);
void pgtable_page_dtor(void *table);

static inline pmd_t *pmd_alloc_one(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = alloc_pgtable_page();

	(void)mm; (void)addr;
	if (pmd)
		pgtable_page_ctor(pmd);
	return pmd;
}

static inline pte_t *pte_alloc_one_kernel(struct mm_struct *mm)
{
	(void)mm;
	return alloc_pgtable_page();
}

/* A PTE table for a user address space. */
static inline pte_t *pte_alloc_one(struct mm_struct *mm)
{
	pte_t *pte = alloc_pgtable_page();

	(void)mm;
	if (pte)
		pgtable_page_ctor(pte);
	return pte;
}

static inline void pte_free(struct mm_struct *mm, pte_t *pte)
{
	(void)mm;
	pgtable_page_dtor(pte);
	free_pgtable_page(pte);
}

static inline void pud_free(struct mm_struct *mm, pud_t *pud)
{
	(void)mm;
	free_pgtable_page(pud);
}

static inline void pmd_free(struct mm_struct *mm, pmd_t *pmd)
{
	(void)mm;
	pgtable_page_dtor(pmd);
	free_pgtable_page(pmd);
}

static inline void pte_free_kernel(struct mm_struct *mm, pte_t *pte)
{
	(void)mm;
	free_pgtable_page(pte);
}

/*
 * A new top-level table: empty user half, and the kernel half copied from
 * swapper_pg_dir so that the kernel is mapped in every address space.
 */
pgd_t *pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm, pgd_t *pgd);

extern pgd_t swapper_pg_dir[PTRS_PER_PGD];


/* The kernel's own mappings (Linux: arch/x86/mm/pat/set_memory.c). */
enum pg_level {
	PG_LEVEL_NONE,
	PG_LEVEL_4K,
	PG_LEVEL_2M,
	PG_LEVEL_1G,
	PG_LEVEL_512G,
};

pte_t *lookup_address_in_pgd(pgd_t *pgd, unsigned long address, unsigned int *level);
pte_t *lookup_address(unsigned long address, unsigned int *level);

void init_mem_mapping(void);
void paging_init(void);

/* Set once memblock has handed memory to the buddy allocator. */
extern bool after_bootmem;

#endif
