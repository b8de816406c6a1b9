// SPDX-License-Identifier: GPL-2.0
/*
 * Sparse memory with a virtually mapped memmap. Linux: mm/sparse.c,
 * mm/sparse-vmemmap.c
 *
 * Physical memory is cut into 128 MiB sections. Each section that holds
 * some RAM gets its struct pages at vmemmap + its first pfn, mapped by
 * the architecture (vmemmap_populate). Sections without RAM cost nothing,
 * which is why a 4 GiB machine with a 1 GiB PCI hole does not pay for
 * struct pages it will never use.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/memblock.h>

struct mem_section mem_section[NR_MEM_SECTIONS];

static void memory_present(phys_addr_t start, phys_addr_t end)
{
	for (unsigned long nr = pfn_to_section_nr(PFN_DOWN(start));
	     nr <= pfn_to_section_nr(PFN_DOWN(end - 1)) && nr < NR_MEM_SECTIONS; nr++)
		mem_section[nr].section_mem_map |= SECTION_MARKED_PRESENT;
}

void sparse_init(void)
{
	struct memblock_region *r;

	for_each_mem_region(r)
		memory_present(r->base, r->base + r->size);
	for (unsigned long nr = 0; nr < NR_MEM_SECTIONS; nr++) {
		struct page *map = pfn_to_page(section_nr_to_pfn(nr));

		if (!(mem_section[nr].section_mem_map & SECTION_MARKED_PRESENT))
			continue;
		if (vmemmap_populate((unsigned long)map,
				     (unsigned long)(map + PAGES_PER_SECTION))) {
			pr_err("sparse_init: no memory for the memmap of section %lu; "
			       "its %lu MiB are not used\n", nr, (PAGES_PER_SECTION * PAGE_SIZE) >> 20);
			continue;
		}
		mem_section[nr].section_mem_map |= SECTION_HAS_MEM_MAP;
	}
}
