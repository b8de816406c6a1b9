/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#include <linux/types.h>
#include <asm/page_types.h>

/*
 * Converting between the kernel's virtual addresses, physical addresses,
 * page frame numbers and struct pages. Linux: arch/x86/include/asm/page.h,
 * page_64.h, include/asm-generic/memory_model.h (SPARSEMEM_VMEMMAP)
 *
 *   __va(paddr)       the direct-map address of a physical address
 *   __pa(vaddr)       the physical address of a direct-map or image address
 *   pfn_to_page(pfn)  the struct page of frame pfn: vmemmap[pfn]
 *   page_to_pfn(page) its inverse
 *   page_address(pg)  the direct-map address of the page's first byte
 *
 * page_offset_base and vmemmap_base are variables, as in Linux with
 * CONFIG_DYNAMIC_MEMORY_LAYOUT; here they never move from PAGE_OFFSET and
 * VMEMMAP_START, but host unit tests point them at ordinary memory.
 */
struct page;

extern unsigned long page_offset_base;
extern unsigned long vmemmap_base;

#define PAGE_OFFSET	page_offset_base
#define vmemmap		((struct page *)vmemmap_base)

static inline unsigned long __phys_addr(unsigned long vaddr)
{
	if (vaddr >= __START_KERNEL_map)
		return vaddr - __START_KERNEL_map;
	return vaddr - PAGE_OFFSET;
}

#define __pa(x)		__phys_addr((unsigned long)(x))
#define __va(x)		((void *)((unsigned long)(x) + PAGE_OFFSET))

#define PHYS_PFN(x)	((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PAGE_ALIGN(x)	(((x) + PAGE_SIZE - 1) & PAGE_MASK)
#define PAGE_ALIGN_DOWN(x) ((x) & PAGE_MASK)

#define pfn_to_page(pfn)	(vmemmap + (pfn))
#define page_to_pfn(page)	((unsigned long)((page) - vmemmap))
#define page_to_phys(page)	PFN_PHYS(page_to_pfn(page))
#define virt_to_pfn(kaddr)	PHYS_PFN(__pa(kaddr))
#define virt_to_page(kaddr)	pfn_to_page(virt_to_pfn(kaddr))
#define page_address(page)	__va(page_to_phys(page))
#define pfn_to_kaddr(pfn)	__va(PFN_PHYS(pfn))

/* Zero or copy one page through the direct map (Linux: clear_page, copy_page). */
void clear_page(void *page);
void copy_page(void *to, const void *from);

/* Bits 63..47 all equal: an address the CPU accepts. Linux: asm/page.h */
static inline bool __is_canonical_address(u64 vaddr)
{
	return (u64)((s64)(vaddr << 16) >> 16) == vaddr;
}

#endif
