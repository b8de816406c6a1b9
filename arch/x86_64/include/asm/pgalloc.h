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

static inline pmd_t *pmd_alloc_one(struct mm_struct *mm, unsigned long addr)
{
	(void)mm; (void)addr;
	return alloc_pgtable_page();
}

static inline pte_t *pte_alloc_one_kernel(struct mm_struct *mm)
{
	(void)mm;
	return alloc_pgtable_page();
}

static inline void pud_free(struct mm_struct *mm, pud_t *pud)
{
	(void)mm;
	free_pgtable_page(pud);
}

static inline void pmd_free(struct mm_struct *mm, pmd_t *pmd)
{
	(void)mm;
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

/* The PGD entry of a kernel address in init_mm (Linux: pgd_offset_k). */
#define pgd_offset_pgd(pgd, addr)	((pgd) + pgd_index(addr))
#define pgd_offset(mm, addr)		pgd_offset_pgd((mm)->pgd, (addr))
#define pgd_offset_k(addr)		pgd_offset(&init_mm, (addr))

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
