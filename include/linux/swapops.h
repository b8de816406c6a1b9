/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SWAPOPS_H
#define _LINUX_SWAPOPS_H

#include <linux/swap.h>
#include <linux/radix-tree.h>
#include <asm/pgtable_64.h>

/*
 * Swap entries in two forms. The kernel's own (swp_entry_t as the swap
 * map and swap cache use it): type in the top bits, offset below,
 *
 *   |  62..58  |            57..0            |
 *   |   type   |           offset            |
 *
 * and the PTE's, whose layout is x86_64's (asm/pgtable_64.h). A swap
 * PTE's soft-dirty, uffd-wp and exclusive bits are the PTE's, not the
 * entry's: pte_to_swp_entry drops them.
 * Linux: include/linux/swapops.h (BITS_PER_XA_VALUE is 63)
 */
#define SWP_TYPE_SHIFT		(63 - MAX_SWAPFILES_SHIFT)
#define SWP_OFFSET_MASK		((1UL << SWP_TYPE_SHIFT) - 1)

static inline swp_entry_t swp_entry(unsigned long type, pgoff_t offset)
{
	swp_entry_t ret;

	ret.val = (type << SWP_TYPE_SHIFT) | (offset & SWP_OFFSET_MASK);
	return ret;
}

static inline unsigned int swp_type(swp_entry_t entry)
{
	return (unsigned int)(entry.val >> SWP_TYPE_SHIFT);
}

static inline pgoff_t swp_offset(swp_entry_t entry)
{
	return entry.val & SWP_OFFSET_MASK;
}

/* Not present and not empty: what the fault path calls a swap PTE. */
static inline bool is_swap_pte(pte_t pte)
{
	return !pte_none(pte) && !pte_present(pte);
}

static inline pte_t pte_swp_clear_flags(pte_t pte)
{
	return __pte(pte_val(pte) & ~(_PAGE_SWP_SOFT_DIRTY | _PAGE_SWP_UFFD_WP |
				      _PAGE_SWP_EXCLUSIVE));
}

/* Linux: pte_to_swp_entry() */
static inline swp_entry_t pte_to_swp_entry(pte_t pte)
{
	swp_entry_t arch_entry = __pte_to_swp_entry(pte_swp_clear_flags(pte));

	return swp_entry(__swp_type(arch_entry), __swp_offset(arch_entry));
}

/* Linux: swp_entry_to_pte() */
static inline pte_t swp_entry_to_pte(swp_entry_t entry)
{
	return __swp_entry_to_pte(__swp_entry(swp_type(entry), swp_offset(entry)));
}

/*
 * A swap entry as a tmpfs file's page cache holds it, in place of the
 * page: a value entry. Linux: radix_to_swp_entry(), swp_to_radix_entry()
 */
static inline swp_entry_t radix_to_swp_entry(void *arg)
{
	swp_entry_t entry;

	entry.val = xa_to_value(arg);
	return entry;
}

static inline void *swp_to_radix_entry(swp_entry_t entry)
{
	return xa_mk_value(entry.val);
}

/* The largest offset a swap PTE holds, plus one. Linux: generic_max_swapfile_size() */
static inline unsigned long max_swapfile_size(void)
{
	return swp_offset(pte_to_swp_entry(swp_entry_to_pte(swp_entry(0, ~0UL)))) + 1;
}

#endif
