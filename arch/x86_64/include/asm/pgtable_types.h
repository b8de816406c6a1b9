/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PGTABLE_TYPES_H
#define _ASM_X86_PGTABLE_TYPES_H

#include <asm/const.h>
#include <asm/page_types.h>

/*
 * A page-table entry on x86_64 (Intel SDM vol. 3, 4.5, table 4-19). Every
 * level (PGD, PUD, PMD, PTE) has the same shape; in a PUD or PMD entry
 * bit 7 (PSE) says "this maps a 1 GiB / 2 MiB page" instead of pointing at
 * the next table.
 *
 *   63  62   59 58    52 51                      12 11  9  8   7   6   5   4   3   2   1   0
 *  +--+-------+--------+--------------------------+-----+---+---+---+---+---+---+---+---+---+
 *  |NX| PKEY  | soft   |  page frame number (PFN) |soft |G  |PSE|D  |A  |PCD|PWT|U/S|R/W|P  |
 *  +--+-------+--------+--------------------------+-----+---+---+---+---+---+---+---+---+---+
 *
 *   P    present: the rest means something to the MMU only when set
 *   R/W  writable (for the kernel too, because CR0.WP is on)
 *   U/S  user-accessible (SMEP/SMAP keep the kernel off such pages)
 *   A    accessed: set by the MMU on any use ("young")
 *   D    dirty: set by the MMU on a write (PTE level)
 *   G    global: survives CR3 switches (kernel mappings)
 *   NX   no-execute (only honoured with EFER.NXE)
 *   soft bits 9-11 and 52-58 are the kernel's own: bit 11 is Linux's
 *        soft-dirty bit, bit 10 userfaultfd's write protection (uffd-wp:
 *        a write must be reported, not served), bit 9 marks the shared
 *        zero page's "special" PTEs.
 */
#define _PAGE_BIT_PRESENT	0
#define _PAGE_BIT_RW		1
#define _PAGE_BIT_USER		2
#define _PAGE_BIT_PWT		3
#define _PAGE_BIT_PCD		4
#define _PAGE_BIT_ACCESSED	5
#define _PAGE_BIT_DIRTY		6
#define _PAGE_BIT_PSE		7
#define _PAGE_BIT_GLOBAL	8
#define _PAGE_BIT_SOFTW1	9
#define _PAGE_BIT_SOFTW2	10
#define _PAGE_BIT_SOFTW3	11
#define _PAGE_BIT_NX		63

#define _PAGE_BIT_SPECIAL	_PAGE_BIT_SOFTW1
#define _PAGE_BIT_SOFT_DIRTY	_PAGE_BIT_SOFTW3
#define _PAGE_BIT_UFFD_WP	_PAGE_BIT_SOFTW2
/*
 * A user PTE of a PROT_NONE area keeps its page but must fault on every
 * access: P is cleared and the otherwise unused (for user pages) G bit
 * says "present to the kernel, not to the MMU" (Linux: _PAGE_PROTNONE).
 */
#define _PAGE_BIT_PROTNONE	_PAGE_BIT_GLOBAL

#define _PAGE_PRESENT		(_AT(pteval_t, 1) << _PAGE_BIT_PRESENT)
#define _PAGE_RW		(_AT(pteval_t, 1) << _PAGE_BIT_RW)
#define _PAGE_USER		(_AT(pteval_t, 1) << _PAGE_BIT_USER)
#define _PAGE_PWT		(_AT(pteval_t, 1) << _PAGE_BIT_PWT)
#define _PAGE_PCD		(_AT(pteval_t, 1) << _PAGE_BIT_PCD)
#define _PAGE_ACCESSED		(_AT(pteval_t, 1) << _PAGE_BIT_ACCESSED)
#define _PAGE_DIRTY		(_AT(pteval_t, 1) << _PAGE_BIT_DIRTY)
#define _PAGE_PSE		(_AT(pteval_t, 1) << _PAGE_BIT_PSE)
#define _PAGE_GLOBAL		(_AT(pteval_t, 1) << _PAGE_BIT_GLOBAL)
#define _PAGE_SPECIAL		(_AT(pteval_t, 1) << _PAGE_BIT_SPECIAL)
#define _PAGE_SOFT_DIRTY	(_AT(pteval_t, 1) << _PAGE_BIT_SOFT_DIRTY)
#define _PAGE_UFFD_WP		(_AT(pteval_t, 1) << _PAGE_BIT_UFFD_WP)
#define _PAGE_NX		(_AT(pteval_t, 1) << _PAGE_BIT_NX)
#define _PAGE_PROTNONE		(_AT(pteval_t, 1) << _PAGE_BIT_PROTNONE)

/* Bits 12..51 hold the physical address of the page or next table. */
#define __PHYSICAL_MASK		((_AT(pteval_t, 1) << 52) - 1)
#define PTE_PFN_MASK		(__PHYSICAL_MASK & PAGE_MASK)
#define PTE_FLAGS_MASK		(~PTE_PFN_MASK)

/* A table entry that points at the next level (Linux: _PAGE_TABLE). */
#define _KERNPG_TABLE		(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define _PAGE_TABLE		(_KERNPG_TABLE | _PAGE_USER)

/*
 * User mappings, from which protection_map is built (Linux's PAGE_COPY
 * etc.). A private writable area maps read-only "copy" pages until the
 * first write: that fault is copy-on-write.
 */
#define __PAGE_USER		(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)
#define __PAGE_NONE		(_PAGE_PROTNONE | _PAGE_ACCESSED)
#define __PAGE_SHARED		(__PAGE_USER | _PAGE_RW | _PAGE_NX)
#define __PAGE_SHARED_EXEC	(__PAGE_USER | _PAGE_RW)
#define __PAGE_COPY		(__PAGE_USER | _PAGE_NX)
#define __PAGE_COPY_EXEC	(__PAGE_USER)
#define __PAGE_READONLY		(__PAGE_USER | _PAGE_NX)
#define __PAGE_READONLY_EXEC	(__PAGE_USER)

/*
 * What pte_modify() keeps when the protection changes: the frame, the
 * bits the MMU and the kernel track (A, D, soft-dirty, uffd-wp, special)
 * and the caching mode. Linux: _PAGE_CHG_MASK
 */
#define _PAGE_CHG_MASK	(PTE_PFN_MASK | _PAGE_PCD | _PAGE_PWT | _PAGE_SPECIAL | \
			 _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_SOFT_DIRTY | _PAGE_UFFD_WP)

/* Kernel mappings (Linux: __PAGE_KERNEL and friends in pgtable_types.h). */
#define __PAGE_KERNEL_EXEC	(_PAGE_PRESENT | _PAGE_RW | _PAGE_DIRTY | \
				 _PAGE_ACCESSED | _PAGE_GLOBAL)
#define __PAGE_KERNEL		(__PAGE_KERNEL_EXEC | _PAGE_NX)
#define __PAGE_KERNEL_RO	(__PAGE_KERNEL & ~_PAGE_RW)
#define __PAGE_KERNEL_ROX	(__PAGE_KERNEL_EXEC & ~_PAGE_RW)
#define __PAGE_KERNEL_NOCACHE	(__PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)
#define __PAGE_KERNEL_LARGE	(__PAGE_KERNEL | _PAGE_PSE)

#ifdef __ASSEMBLY__
#define _AT(T, X)	X
#else
#define _AT(T, X)	((T)(X))

#include <linux/types.h>

typedef unsigned long pteval_t;
typedef unsigned long pmdval_t;
typedef unsigned long pudval_t;
typedef unsigned long p4dval_t;
typedef unsigned long pgdval_t;
typedef unsigned long pgprotval_t;

typedef struct { pteval_t pte; } pte_t;
typedef struct { pmdval_t pmd; } pmd_t;
typedef struct { pudval_t pud; } pud_t;
typedef struct { pgdval_t pgd; } pgd_t;
typedef struct { pgprotval_t pgprot; } pgprot_t;

/*
 * Bits the CPU supports: NX is dropped when the CPU has no NX, since a
 * set bit 63 would then be a reserved-bit fault (Linux: __supported_pte_mask).
 */
extern pteval_t __supported_pte_mask;

#define __pgprot(x)	((pgprot_t){ (x) })
#define pgprot_val(x)	((x).pgprot)
#define __pgprot_mask(x) __pgprot((x) & __supported_pte_mask)

#define PAGE_KERNEL		__pgprot_mask(__PAGE_KERNEL)
#define PAGE_KERNEL_RO		__pgprot_mask(__PAGE_KERNEL_RO)
#define PAGE_KERNEL_EXEC	__pgprot_mask(__PAGE_KERNEL_EXEC)
#define PAGE_KERNEL_ROX		__pgprot_mask(__PAGE_KERNEL_ROX)
#define PAGE_KERNEL_NOCACHE	__pgprot_mask(__PAGE_KERNEL_NOCACHE)
#define PAGE_KERNEL_LARGE	__pgprot_mask(__PAGE_KERNEL_LARGE)

#endif /* !__ASSEMBLY__ */
#endif
