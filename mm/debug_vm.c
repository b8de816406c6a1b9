// SPDX-License-Identifier: GPL-2.0
/*
 * The mm audit (debug builds, and so `make test`): every page's map count
 * must equal the number of PTEs that map it, in all address spaces
 * together. It runs when an address space goes away (mmput), so the
 * first mistake is caught close to where it happened, and names the page
 * and a VMA mapping it. No Linux counterpart: Linux has scattered
 * VM_BUG_ON_PAGE checks and the debug_vm_pgtable self-test.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/rmap.h>

/* The page a present PTE maps at addr (not the zero page), or NULL. */
static struct page *follow_page_pte(struct mm_struct *mm, struct vm_area_struct *vma,
				    unsigned long addr)
{
	pmd_t *pmd = mm_find_pmd(mm, addr);
	pte_t pte;

	if (!pmd)
		return NULL;
	pte = *pte_offset_kernel(pmd, addr);
	if (!pte_present(pte))
		return NULL;
	return vm_normal_page(vma, addr, pte);
}

static void count_ptes(struct mm_struct *mm, u32 *counts, unsigned long nr)
{
	for (struct vm_area_struct *vma = mm->mmap; vma; vma = vma->vm_next) {
		for (unsigned long addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
			struct page *page = follow_page_pte(mm, vma, addr);

			if (page && page_to_pfn(page) < nr)
				counts[page_to_pfn(page)]++;
		}
	}
}

/* Where does some PTE map pfn? Print the first such VMA and address. */
static void report_mapping(unsigned long pfn)
{
	struct mm_struct *mm;

	list_for_each_entry(mm, &mm_list, mmlist) {
		for (struct vm_area_struct *vma = mm->mmap; vma; vma = vma->vm_next) {
			for (unsigned long addr = vma->vm_start; addr < vma->vm_end;
			     addr += PAGE_SIZE) {
				struct page *page = follow_page_pte(mm, vma, addr);

				if (page && page_to_pfn(page) == pfn) {
					pr_emerg("mm audit:   mapped at %lx in VMA %lx-%lx flags %#lx "
						 "of mm %px\n", addr, vma->vm_start, vma->vm_end,
						 vma->vm_flags, (void *)mm);
					return;
				}
			}
		}
	}
	pr_emerg("mm audit:   no PTE maps it\n");
}

static void report(unsigned long pfn, unsigned int ptes)
{
	struct page *page = pfn_to_page(pfn);

	pr_emerg("mm audit: pfn %#lx has mapcount %d but %u PTEs map it\n", pfn,
		 page_mapcount(page), ptes);
	report_mapping(pfn);
	dump_page(page, "mm audit");
}

/* Returns the number of pages whose map count is wrong (0: all good). */
int mm_audit(void)
{
	unsigned long nr = max_pfn, bytes = nr * sizeof(u32);
	struct mm_struct *mm;
	int bad = 0;
	u32 *counts;

	counts = kzalloc(bytes, GFP_KERNEL | __GFP_NOWARN);
	if (!counts) {
		pr_warn("mm audit: no memory for the counts (%lu KiB); skipped\n", bytes >> 10);
		return 0;
	}
	list_for_each_entry(mm, &mm_list, mmlist)
		count_ptes(mm, counts, nr);
	for (unsigned long pfn = 0; pfn < nr; pfn++) {
		struct page *page;

		if (!pfn_valid(pfn))
			continue;
		page = pfn_to_page(pfn);
		if (page_has_type(page) || PageReserved(page) || PageSlab(page))
			continue;
		if ((unsigned int)page_mapcount(page) != counts[pfn] &&
		    !(page_mapcount(page) == 0 && !counts[pfn])) {
			if (bad++ < 3)
				report(pfn, counts[pfn]);
		}
	}
	kfree(counts);
	if (bad)
		pr_emerg("mm audit: %d pages with a wrong map count\n", bad);
	return bad;
}

/*
 * The free page count a leak check compares: a lazily kept mm dropped and
 * slab caches shrunk first (either would look like a leak), and the kernel's own page
 * tables counted as free, since they are never freed once made (vmalloc
 * space for kernel stacks, as in Linux) and are not what a test leaked.
 */
unsigned long mm_settled_free_pages(void)
{
	leave_mm();		/* our lazy reference to the last process's mm */
	kmem_cache_shrink_all();
	return nr_free_pages() + (unsigned long)atomic_long_read(&init_mm.pgtables_bytes) /
				 PAGE_SIZE;
}
