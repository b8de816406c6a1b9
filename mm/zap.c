// SPDX-License-Identifier: GPL-2.0
/*
 * Unmapping: clearing PTEs (and dropping what they held) and freeing
 * page tables no VMA needs any more. Linux: mm/memory.c (zap_pte_range,
 * unmap_vmas, unmap_mapping_range, free_pgd_range, free_pgtables)
 *
 * Every present PTE dropped gives back what mapping it took: the page's
 * map count and reference, and the mm's rss counter. A dirty PTE of a
 * file page marks the page dirty, a young one marks it accessed. Linux
 * batches the page frees until after the TLB flush (mmu_gather); with
 * one CPU, flushing each range before freeing is enough.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/rmap.h>
#include <linux/pagemap.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/pagewalk.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>

/* Private COWed pages stay unless even_cows: truncate takes them too. */
struct zap_details {
	struct address_space *mapping;	/* only pages of this file, if set */
	bool even_cows;
};

/*
 * Clear the PTEs of [addr, end), all in one PTE table, and give back
 * what each mapping held: the page's map count and reference, the mm's
 * rss count, and its dirty and accessed bits to the page (file pages).
 * With details, only one file's pages (truncate), and private COW copies
 * only if even_cows. Linux: zap_pte_range() (which batches the frees in
 * an mmu_gather until the TLB is flushed; with one CPU, flushing each
 * range before the next is enough)
 */
static void zap_pte_range(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr,
			  unsigned long end, const struct zap_details *details)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pte = pte_offset_kernel(pmd, addr);

	/* Linux: pte_offset_map_lock(): the PTE table's lock for the loop. */
	for (; addr < end; addr += PAGE_SIZE, pte++) {
		pte_t ptent = *pte;
		struct page *page;

		if (pte_none(ptent))
			continue;
		if (!pte_present(ptent)) {
			/*
			 * A swapped-out anonymous page: a private COW copy,
			 * kept when only a file's pages are to go (truncate).
			 * Linux: should_zap_cows()
			 */
			if (details && details->mapping && !details->even_cows)
				continue;
			pte_clear(pte);
			dec_mm_counter(mm, MM_SWAPENTS);
			free_swap_and_cache(pte_to_swp_entry(ptent));
			continue;
		}
		page = vm_normal_page(vma, addr, ptent);
		if (details && page) {
			if (details->mapping && details->mapping != page->mapping &&
			    !(details->even_cows && PageAnon(page)))
				continue;
		}
		pte_clear(pte);
		if (!page)
			continue;	/* the zero page: nothing to drop */
		if (!PageAnon(page)) {
			if (pte_dirty(ptent))
				set_page_dirty(page);
			/* MADV_SEQUENTIAL: read once, not worth keeping. */
			if (pte_young(ptent) && !(vma->vm_flags & VM_SEQ_READ))
				mark_page_accessed(page);
		}
		dec_mm_counter(mm, mm_counter(page));
		page_remove_rmap(page, vma);
		if (PageAnon(page))
			free_swap_cache(page);
		put_page(page);
	}
}

struct zap_walk {
	const struct zap_details *details;
};

static int zap_pmd_entry(pmd_t *pmd, unsigned long addr, unsigned long next,
			 struct mm_walk *walk)
{
	const struct zap_walk *zw = walk->private;

	zap_pte_range(walk->vma, pmd, addr, next, zw->details);
	return 0;
}

static const struct mm_walk_ops zap_walk_ops = {
	.pmd_entry = zap_pmd_entry,
};

/*
 * Clear [addr, end) of vma, visiting only the PTE tables that exist.
 * Linux: unmap_page_range() (its own zap_p*d_range loops, with the
 * mmu_gather batching and each PTE table's lock)
 */
static void zap_range(struct vm_area_struct *vma, unsigned long addr, unsigned long end,
		      const struct zap_details *details)
{
	struct zap_walk zw = { .details = details };

	if (addr >= end)
		return;
	walk_page_range_vma(vma, addr, end, &zap_walk_ops, &zw);
	flush_tlb_range(vma, addr, end);
}

/*
 * Unmap [start, end) in the chain of VMAs from vma on (vm_next, ending at
 * NULL or at the first VMA past end). Linux: unmap_vmas()
 */
void unmap_vmas(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	for (; vma && vma->vm_start < end; vma = vma->vm_next)
		zap_range(vma, max(start, vma->vm_start), min(end, vma->vm_end), NULL);
}

void zap_page_range_single(struct vm_area_struct *vma, unsigned long address,
			   unsigned long size, bool even_cows)
{
	struct zap_details details = { .mapping = NULL, .even_cows = even_cows };

	update_hiwater_rss(vma->vm_mm);
	zap_range(vma, address, address + size, &details);
}

/*
 * Unmap the file's pages from offset holebegin on (holelen 0: to the end)
 * in every VMA that maps them, so that the next access faults; the
 * i_mmap tree gives just the VMAs whose file range overlaps the hole.
 * Used by truncate. Linux: unmap_mapping_range() (with
 * unmap_mapping_range_tree())
 */
void unmap_mapping_range(struct address_space *mapping, loff_t holebegin, loff_t holelen,
			 bool even_cows)
{
	pgoff_t first = holebegin >> PAGE_SHIFT;
	pgoff_t last = holelen ? first + (holelen >> PAGE_SHIFT) - 1 : ~0UL;
	struct zap_details details = { .mapping = mapping, .even_cows = even_cows };
	struct vm_area_struct *vma;

	/* Linux: i_mmap_lock_read(mapping) for the walk of the VMAs. */
	vma_interval_tree_foreach(vma, &mapping->i_mmap, first, last) {
		pgoff_t vstart = vma->vm_pgoff, vend = vma->vm_pgoff + vma_pages(vma) - 1;
		unsigned long from, to;

		from = vma->vm_start + ((max(first, vstart) - vstart) << PAGE_SHIFT);
		to = vma->vm_start + ((min(last, vend) - vstart + 1) << PAGE_SHIFT);
		update_hiwater_rss(vma->vm_mm);
		zap_range(vma, from, to, &details);
	}
}

/* --- freeing page tables --- */

/*
 * Page tables are freed only where no VMA can need them: inside
 * [floor, ceiling), the gap between the VMAs that stay (ceiling 0 means
 * the top of the address space). A PTE table covers 2 MiB, a PMD table
 * 1 GiB, a PUD table 512 GiB; an upper table goes only if its whole
 * range lies in the gap. The rules are Linux's free_pgd_range(), level
 * by level.
 */
static bool table_free_ok(unsigned long start, unsigned long end, unsigned long mask,
			  unsigned long floor, unsigned long ceiling)
{
	start &= mask;
	if (start < floor)
		return false;
	if (ceiling) {
		ceiling &= mask;
		if (!ceiling)
			return false;
	}
	return end - 1 <= ceiling - 1;
}

static void free_pmd_range(struct mm_struct *mm, pud_t *pud, unsigned long addr,
			   unsigned long end, unsigned long floor, unsigned long ceiling)
{
	unsigned long start = addr, next;
	pmd_t *pmd = pmd_offset(pud, addr);

	do {
		next = pmd_addr_end(addr, end);
		if (!pmd_none(*pmd)) {
			pte_free(mm, (pte_t *)pmd_page_vaddr(*pmd));
			pmd_clear(pmd);
			atomic_long_sub(PAGE_SIZE, &mm->pgtables_bytes);
		}
	} while (pmd++, addr = next, addr != end);
	if (!table_free_ok(start, end, PUD_MASK, floor, ceiling))
		return;
	pmd_free(mm, pud_pgtable(*pud));
	pud_clear(pud);
	atomic_long_sub(PAGE_SIZE, &mm->pgtables_bytes);
}

static void free_pud_range(struct mm_struct *mm, pgd_t *pgd, unsigned long addr,
			   unsigned long end, unsigned long floor, unsigned long ceiling)
{
	unsigned long start = addr, next;
	pud_t *pud = pud_offset(p4d_offset(pgd, addr), addr);

	do {
		next = pud_addr_end(addr, end);
		if (!pud_none(*pud))
			free_pmd_range(mm, pud, addr, next, floor, ceiling);
	} while (pud++, addr = next, addr != end);
	if (!table_free_ok(start, end, PGDIR_MASK, floor, ceiling))
		return;
	pud_free(mm, p4d_pgtable(*pgd));
	set_pgd(pgd, __pgd(0));
	atomic_long_sub(PAGE_SIZE, &mm->pgtables_bytes);
}

static void free_pgd_range(struct mm_struct *mm, unsigned long addr, unsigned long end,
			   unsigned long floor, unsigned long ceiling)
{
	unsigned long next;
	pgd_t *pgd;

	/* Only whole PTE tables inside the gap. */
	addr &= PMD_MASK;
	if (addr < floor) {
		addr += PMD_SIZE;
		if (!addr)
			return;
	}
	if (ceiling) {
		ceiling &= PMD_MASK;
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		end -= PMD_SIZE;
	if (addr > end - 1)
		return;
	pgd = pgd_offset(mm, addr);
	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_none(*pgd))
			free_pud_range(mm, pgd, addr, next, floor, ceiling);
	} while (pgd++, addr = next, addr != end);
}

/*
 * Free the page tables of a chain of VMAs being removed (vma, vma->vm_next,
 * ...): floor is the end of the VMA that stays below them, ceiling the
 * start of the one that stays above (0: none). VMAs within 2 MiB of each
 * other are handled in one call, so a table they share is freed once.
 * Linux: free_pgtables()
 */
void free_pgtables(struct vm_area_struct *vma, unsigned long floor, unsigned long ceiling)
{
	while (vma) {
		struct vm_area_struct *next = vma->vm_next;
		unsigned long addr = vma->vm_start;

		while (next && next->vm_start <= vma->vm_end + PMD_SIZE) {
			vma = next;
			next = vma->vm_next;
		}
		free_pgd_range(vma->vm_mm, addr, vma->vm_end, floor, next ? next->vm_start : ceiling);
		vma = next;
	}
}
