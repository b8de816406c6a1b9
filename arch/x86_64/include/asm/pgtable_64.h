/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PGTABLE_64_H
#define _ASM_X86_PGTABLE_64_H

#include <asm/pgtable.h>

/*
 * A swap entry in a PTE, as x86_64 Linux lays it out: not present (P = 0)
 * and not none, so the MMU faults and the fault path finds it.
 * Linux: arch/x86/include/asm/pgtable_64.h, pgtable_types.h
 *
 * |  63..59  |      58..9       |8|7|6|5|4|3|2| 1|0|  bit
 * |   TYPE   |     ~OFFSET      |0|0|X|X|X|E|F|SD|0|  swap entry
 *
 *   P (0) clear: not present. G (8) clear: not PROT_NONE, which a
 *   non-present PTE marks with G. A and D (5, 6) are never used: some
 *   CPUs may set them even in non-present entries (an erratum). PSE (7)
 *   clear, as pmd_present looks at it.
 *   SD (1) soft-dirty, F (2) userfaultfd write-protect, E (3) the page
 *   was exclusive to this mapping (PG_anon_exclusive) when it went out.
 *   The offset is stored inverted (L1TF: a stray speculative access
 *   then points at memory that does not exist).
 */
#define SWP_TYPE_BITS		5
#define SWP_OFFSET_FIRST_BIT	(_PAGE_BIT_PROTNONE + 1)
#define SWP_OFFSET_SHIFT	(SWP_OFFSET_FIRST_BIT + SWP_TYPE_BITS)

#define __swp_type(x)		((unsigned int)((x).val >> (64 - SWP_TYPE_BITS)))
#define __swp_offset(x)		(~(x).val << SWP_TYPE_BITS >> SWP_OFFSET_SHIFT)
#define __swp_entry(type, offset) ((swp_entry_t) { \
	(~(unsigned long)(offset) << SWP_OFFSET_SHIFT >> SWP_TYPE_BITS) | \
	((unsigned long)(type) << (64 - SWP_TYPE_BITS)) })
#define __pte_to_swp_entry(pte)	((swp_entry_t) { pte_val((pte)) })
#define __swp_entry_to_pte(x)	(__pte((x).val))

#define _PAGE_SWP_SOFT_DIRTY	_PAGE_RW
#define _PAGE_SWP_UFFD_WP	_PAGE_USER
#define _PAGE_SWP_EXCLUSIVE	_PAGE_PWT

static inline bool pte_swp_soft_dirty(pte_t pte)
{
	return pte_val(pte) & _PAGE_SWP_SOFT_DIRTY;
}

static inline pte_t pte_swp_mksoft_dirty(pte_t pte)
{
	return pte_set_flags(pte, _PAGE_SWP_SOFT_DIRTY);
}

static inline pte_t pte_swp_clear_soft_dirty(pte_t pte)
{
	return pte_clear_flags(pte, _PAGE_SWP_SOFT_DIRTY);
}

static inline bool pte_swp_uffd_wp(pte_t pte)
{
	return pte_val(pte) & _PAGE_SWP_UFFD_WP;
}

static inline pte_t pte_swp_mkuffd_wp(pte_t pte)
{
	return pte_set_flags(pte, _PAGE_SWP_UFFD_WP);
}

static inline bool pte_swp_exclusive(pte_t pte)
{
	return pte_val(pte) & _PAGE_SWP_EXCLUSIVE;
}

static inline pte_t pte_swp_mkexclusive(pte_t pte)
{
	return pte_set_flags(pte, _PAGE_SWP_EXCLUSIVE);
}

static inline pte_t pte_swp_clear_exclusive(pte_t pte)
{
	return pte_clear_flags(pte, _PAGE_SWP_EXCLUSIVE);
}

static inline pte_t pte_swp_clear_uffd_wp(pte_t pte)
{
	return pte_clear_flags(pte, _PAGE_SWP_UFFD_WP);
}

#endif
