/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <linux/types.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>

/*
 * Four-level paging splits a 48-bit virtual address into four 9-bit table
 * indices and a 12-bit offset (SDM vol. 3, 4.5):
 *
 *   47        39 38        30 29        21 20        12 11          0
 *  +------------+------------+------------+------------+-------------+
 *  | PGD index  | PUD index  | PMD index  | PTE index  | byte offset |
 *  +------------+------------+------------+------------+-------------+
 *
 *  CR3 -> PGD (PML4) -> PUD (PDPT) -> PMD (page directory) -> PTE -> page
 *
 * Bits 63..48 copy bit 47 ("canonical"), so user space is the low half and
 * the kernel the high half. Linux's fifth level, the P4D, is folded away
 * with four levels: p4d_offset() returns the PGD entry itself, as Linux's
 * pgtable-nop4d.h does, so code reads the same as Linux's 5-level walks.
 * Linux: arch/x86/include/asm/pgtable.h, pgtable_64.h
 */
#define PGDIR_SHIFT	39
#define PUD_SHIFT	30
#define PMD_SHIFT	21
#define PTRS_PER_PGD	512
#define PTRS_PER_PUD	512
#define PTRS_PER_PMD	512
#define PTRS_PER_PTE	512

#define PGDIR_SIZE	(1UL << PGDIR_SHIFT)
#define PGDIR_MASK	(~(PGDIR_SIZE - 1))
#define PUD_SIZE	(1UL << PUD_SHIFT)
#define PUD_MASK	(~(PUD_SIZE - 1))
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PMD_MASK	(~(PMD_SIZE - 1))

/*
 * The user half ends one page short of the non-canonical hole (Linux:
 * TASK_SIZE_MAX), so that no instruction can run off its end into it.
 */
#define TASK_SIZE_MAX	((1UL << 47) - PAGE_SIZE)
#define TASK_SIZE	TASK_SIZE_MAX
#define DEFAULT_MAP_WINDOW	TASK_SIZE_MAX
/* PGD slots 0..255 map user space, 256..511 the kernel. */
#define USER_PGD_PTRS		256
#define KERNEL_PGD_BOUNDARY	USER_PGD_PTRS

typedef pgd_t p4d_t;		/* folded */

static inline pteval_t pte_val(pte_t pte) { return pte.pte; }
static inline pmdval_t pmd_val(pmd_t pmd) { return pmd.pmd; }
static inline pudval_t pud_val(pud_t pud) { return pud.pud; }
static inline pgdval_t pgd_val(pgd_t pgd) { return pgd.pgd; }
static inline p4dval_t p4d_val(p4d_t p4d) { return p4d.pgd; }
static inline pte_t __pte(pteval_t v) { return (pte_t){ v }; }
static inline pmd_t __pmd(pmdval_t v) { return (pmd_t){ v }; }
static inline pud_t __pud(pudval_t v) { return (pud_t){ v }; }
static inline pgd_t __pgd(pgdval_t v) { return (pgd_t){ v }; }
static inline p4d_t __p4d(p4dval_t v) { return (p4d_t){ v }; }

/* Table indices of an address at each level. */
static inline unsigned long pgd_index(unsigned long addr)
{
	return (addr >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1);
}

static inline unsigned long pud_index(unsigned long addr)
{
	return (addr >> PUD_SHIFT) & (PTRS_PER_PUD - 1);
}

static inline unsigned long pmd_index(unsigned long addr)
{
	return (addr >> PMD_SHIFT) & (PTRS_PER_PMD - 1);
}

static inline unsigned long pte_index(unsigned long addr)
{
	return (addr >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

/* The PGD entry of addr in an mm; of a kernel address in init_mm. */
#define pgd_offset_pgd(pgd, addr)	((pgd) + pgd_index(addr))
#define pgd_offset(mm, addr)		pgd_offset_pgd((mm)->pgd, (addr))
#define pgd_offset_k(addr)		pgd_offset(&init_mm, (addr))

/* --- PGD and the folded P4D --- */
static inline bool pgd_none(pgd_t pgd) { return !pgd_val(pgd); }
static inline bool pgd_present(pgd_t pgd) { return pgd_val(pgd) & _PAGE_PRESENT; }
static inline bool p4d_none(p4d_t p4d) { return !p4d_val(p4d); }
static inline bool p4d_present(p4d_t p4d) { return p4d_val(p4d) & _PAGE_PRESENT; }
static inline bool p4d_bad(p4d_t p4d)
{
	return (p4d_val(p4d) & ~(PTE_PFN_MASK | _PAGE_USER | _PAGE_NX)) != _KERNPG_TABLE;
}

static inline p4d_t *p4d_offset(pgd_t *pgd, unsigned long addr)
{
	(void)addr;
	return pgd;
}

static inline pud_t *p4d_pgtable(p4d_t p4d)
{
	return (pud_t *)__va(p4d_val(p4d) & PTE_PFN_MASK);
}

static inline pud_t *pud_offset(p4d_t *p4d, unsigned long addr)
{
	return p4d_pgtable(*p4d) + pud_index(addr);
}

/* --- PUD --- */
static inline bool pud_none(pud_t pud) { return !pud_val(pud); }
static inline bool pud_present(pud_t pud) { return pud_val(pud) & _PAGE_PRESENT; }
/* A 1 GiB page rather than a pointer to a PMD table. */
static inline bool pud_large(pud_t pud) { return pud_val(pud) & _PAGE_PSE; }
static inline bool pud_bad(pud_t pud)
{
	return (pud_val(pud) & ~(PTE_PFN_MASK | _PAGE_USER | _PAGE_NX)) != _KERNPG_TABLE;
}

static inline pmd_t *pud_pgtable(pud_t pud)
{
	return (pmd_t *)__va(pud_val(pud) & PTE_PFN_MASK);
}

static inline pmd_t *pmd_offset(pud_t *pud, unsigned long addr)
{
	return pud_pgtable(*pud) + pmd_index(addr);
}

/* --- PMD --- */
static inline bool pmd_none(pmd_t pmd) { return !pmd_val(pmd); }
static inline bool pmd_present(pmd_t pmd) { return pmd_val(pmd) & _PAGE_PRESENT; }
/* A 2 MiB page rather than a pointer to a PTE table. */
static inline bool pmd_large(pmd_t pmd) { return pmd_val(pmd) & _PAGE_PSE; }
static inline bool pmd_bad(pmd_t pmd)
{
	return (pmd_val(pmd) & ~(PTE_PFN_MASK | _PAGE_USER | _PAGE_NX)) != _KERNPG_TABLE;
}

static inline unsigned long pmd_page_vaddr(pmd_t pmd)
{
	return (unsigned long)__va(pmd_val(pmd) & PTE_PFN_MASK);
}

static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long addr)
{
	return (pte_t *)pmd_page_vaddr(*pmd) + pte_index(addr);
}

/* --- PTE --- */
static inline bool pte_none(pte_t pte) { return !pte_val(pte); }
/* Present to the kernel: mapped, or PROT_NONE (present to the MMU: only P). */
static inline bool pte_present(pte_t pte)
{
	return pte_val(pte) & (_PAGE_PRESENT | _PAGE_PROTNONE);
}
static inline bool pte_protnone(pte_t pte)
{
	return (pte_val(pte) & (_PAGE_PROTNONE | _PAGE_PRESENT)) == _PAGE_PROTNONE;
}
static inline bool pte_write(pte_t pte) { return pte_val(pte) & _PAGE_RW; }
static inline bool pte_dirty(pte_t pte) { return pte_val(pte) & _PAGE_DIRTY; }
static inline bool pte_young(pte_t pte) { return pte_val(pte) & _PAGE_ACCESSED; }
static inline bool pte_user(pte_t pte) { return pte_val(pte) & _PAGE_USER; }
static inline bool pte_global(pte_t pte) { return pte_val(pte) & _PAGE_GLOBAL; }
static inline bool pte_exec(pte_t pte) { return !(pte_val(pte) & _PAGE_NX); }
static inline bool pte_special(pte_t pte) { return pte_val(pte) & _PAGE_SPECIAL; }
static inline bool pte_soft_dirty(pte_t pte) { return pte_val(pte) & _PAGE_SOFT_DIRTY; }

static inline pte_t pte_set_flags(pte_t pte, pteval_t set)
{
	return __pte(pte_val(pte) | set);
}

static inline pte_t pte_clear_flags(pte_t pte, pteval_t clear)
{
	return __pte(pte_val(pte) & ~clear);
}

static inline pte_t pte_mkwrite(pte_t pte) { return pte_set_flags(pte, _PAGE_RW); }
static inline pte_t pte_wrprotect(pte_t pte) { return pte_clear_flags(pte, _PAGE_RW); }
static inline pte_t pte_mkdirty(pte_t pte)
{
	return pte_set_flags(pte, _PAGE_DIRTY | _PAGE_SOFT_DIRTY);
}
static inline pte_t pte_mksoft_dirty(pte_t pte) { return pte_set_flags(pte, _PAGE_SOFT_DIRTY); }
static inline pte_t pte_clear_soft_dirty(pte_t pte) { return pte_clear_flags(pte, _PAGE_SOFT_DIRTY); }
static inline pte_t pte_mkclean(pte_t pte) { return pte_clear_flags(pte, _PAGE_DIRTY); }
static inline pte_t pte_mkyoung(pte_t pte) { return pte_set_flags(pte, _PAGE_ACCESSED); }
static inline pte_t pte_mkold(pte_t pte) { return pte_clear_flags(pte, _PAGE_ACCESSED); }
static inline pte_t pte_mkspecial(pte_t pte) { return pte_set_flags(pte, _PAGE_SPECIAL); }
static inline pte_t pte_mkexec(pte_t pte) { return pte_clear_flags(pte, _PAGE_NX); }

/*
 * userfaultfd's write protection: the bit says a write is the monitor's
 * to resolve, so marking a PTE also takes its write permission away.
 * Linux: arch/x86/include/asm/pgtable.h pte_uffd_wp(), pte_mkuffd_wp()
 */
static inline bool pte_uffd_wp(pte_t pte) { return pte_val(pte) & _PAGE_UFFD_WP; }
static inline pte_t pte_mkuffd_wp(pte_t pte)
{
	return pte_wrprotect(pte_set_flags(pte, _PAGE_UFFD_WP));
}
static inline pte_t pte_clear_uffd_wp(pte_t pte) { return pte_clear_flags(pte, _PAGE_UFFD_WP); }

static inline unsigned long pte_pfn(pte_t pte)
{
	return (pte_val(pte) & PTE_PFN_MASK) >> PAGE_SHIFT;
}

static inline unsigned long pmd_pfn(pmd_t pmd)
{
	return (pmd_val(pmd) & PTE_PFN_MASK) >> PAGE_SHIFT;
}

static inline unsigned long pud_pfn(pud_t pud)
{
	return (pud_val(pud) & PTE_PFN_MASK) >> PAGE_SHIFT;
}

/* An entry for frame pfn with protection prot (Linux: pfn_pte). */
static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte(((pteval_t)pfn << PAGE_SHIFT) |
		     (pgprot_val(prot) & __supported_pte_mask));
}

static inline pmd_t pfn_pmd(unsigned long pfn, pgprot_t prot)
{
	return __pmd(((pmdval_t)pfn << PAGE_SHIFT) |
		     (pgprot_val(prot) & __supported_pte_mask));
}

#define mk_pte(page, prot)	pfn_pte(page_to_pfn(page), (prot))
#define pte_page(pte)		pfn_to_page(pte_pfn(pte))

/* Same page, new protection (Linux: pte_modify). */
static inline pte_t pte_modify(pte_t pte, pgprot_t newprot)
{
	return __pte((pte_val(pte) & _PAGE_CHG_MASK) |
		     (pgprot_val(newprot) & ~_PAGE_CHG_MASK & __supported_pte_mask));
}

static inline bool pte_same(pte_t a, pte_t b)
{
	return pte_val(a) == pte_val(b);
}

static inline pgprot_t pte_pgprot(pte_t pte)
{
	return __pgprot(pte_val(pte) & PTE_FLAGS_MASK);
}

/* Writing entries: one aligned 64-bit store each, which the MMU sees whole. */
static inline void set_pte(pte_t *ptep, pte_t pte) { *(volatile pteval_t *)ptep = pte_val(pte); }
static inline void set_pmd(pmd_t *pmdp, pmd_t pmd) { *(volatile pmdval_t *)pmdp = pmd_val(pmd); }
static inline void set_pud(pud_t *pudp, pud_t pud) { *(volatile pudval_t *)pudp = pud_val(pud); }
static inline void set_p4d(p4d_t *p4dp, p4d_t p4d) { *(volatile p4dval_t *)p4dp = p4d_val(p4d); }
static inline void set_pgd(pgd_t *pgdp, pgd_t pgd) { *(volatile pgdval_t *)pgdp = pgd_val(pgd); }
static inline void pte_clear(pte_t *ptep) { set_pte(ptep, __pte(0)); }
static inline void pmd_clear(pmd_t *pmdp) { set_pmd(pmdp, __pmd(0)); }
static inline void pud_clear(pud_t *pudp) { set_pud(pudp, __pud(0)); }

/*
 * Link a lower table into an entry (Linux: asm/pgalloc.h). The MMU ANDs
 * U/S and R/W over all four levels, so, as Linux does, the upper levels
 * allow everything (_PAGE_TABLE has _PAGE_USER) and the leaf PTE decides.
 * Only a PTE table of kernel mappings is linked without _PAGE_USER.
 */
static inline void pmd_populate_kernel(pmd_t *pmd, pte_t *pte)
{
	set_pmd(pmd, __pmd(__pa(pte) | _KERNPG_TABLE));
}

static inline void pmd_populate(pmd_t *pmd, pte_t *pte)
{
	set_pmd(pmd, __pmd(__pa(pte) | _PAGE_TABLE));
}

static inline void pud_populate(pud_t *pud, pmd_t *pmd)
{
	set_pud(pud, __pud(__pa(pmd) | _PAGE_TABLE));
}

static inline void p4d_populate(p4d_t *p4d, pud_t *pud)
{
	set_p4d(p4d, __p4d(__pa(pud) | _PAGE_TABLE));
}

#endif
