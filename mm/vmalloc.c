// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc: kernel memory that is contiguous only in virtual addresses.
 * Each page comes from the buddy allocator on its own and is mapped, one
 * PTE each, into the vmalloc range at 0xffffc90000000000. Every area is
 * followed by an unmapped guard page, so running off the end of one
 * faults instead of scribbling on the next. Linux: mm/vmalloc.c
 *
 * Kernel stacks come from here, as with Linux's CONFIG_VMAP_STACK: a
 * stack that overflows runs into the guard page below it and the #DF
 * handler reports it (see traps.c), where a stack carved from the direct
 * map would silently overwrite its neighbour.
 *
 *   VMALLOC_START
 *   | area 0 ...... |guard|   free   | area 1 ... |guard|  ...
 *
 * The page tables of the range live under one PGD entry, allocated at
 * boot (vmalloc_init) before any address space exists: pgd_alloc copies
 * the kernel half of swapper_pg_dir into every new mm, so a mapping made
 * here later is seen by all of them. Linux preallocates the same way
 * (preallocate_vmalloc_pages). Areas are found first-fit in a sorted
 * list; Linux keeps them in an rbtree augmented with free sizes.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/panic.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/io.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>

static LIST_HEAD(vmap_area_list);
static unsigned long nr_vmalloc_pages;

#define VMALLOC_LIMIT	(VMALLOC_START + VMALLOC_SIZE)

void vmalloc_init(void)
{
	if (!pud_alloc(&init_mm, p4d_offset(pgd_offset_k(VMALLOC_START), VMALLOC_START),
		       VMALLOC_START))
		panic("vmalloc_init: no memory for the vmalloc page table");
}

bool is_vmalloc_addr(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= VMALLOC_START && a < VMALLOC_LIMIT;
}

/*
 * Find room for size bytes (guard included) at an align boundary, and
 * link area into the list there. Linux: alloc_vmap_area()
 */
static int insert_vmap_area(struct vm_struct *area, unsigned long size, unsigned long align)
{
	unsigned long addr = VMALLOC_START;
	struct vm_struct *pos;

	list_for_each_entry(pos, &vmap_area_list, list) {
		addr = ALIGN(addr, align);
		if (addr + size <= pos->addr)
			break;
		addr = pos->addr + pos->size;
	}
	addr = ALIGN(addr, align);
	if (addr + size > VMALLOC_LIMIT || addr + size < addr)
		return -ENOMEM;
	area->addr = addr;
	area->size = size;
	list_add_tail(&area->list, &pos->list);	/* before pos: sorted */
	return 0;
}

static pte_t *vmalloc_pte(unsigned long addr)
{
	pud_t *pud = pud_alloc(&init_mm, p4d_offset(pgd_offset_k(addr), addr), addr);
	pmd_t *pmd = pud ? pmd_alloc(&init_mm, pud, addr) : NULL;

	return pmd ? pte_alloc_kernel(pmd, addr) : NULL;
}

/* Clear the PTEs of the first nr pages and flush them (global entries). */
static void vunmap_pages(struct vm_struct *area, unsigned int nr)
{
	for (unsigned int i = 0; i < nr; i++) {
		unsigned long addr = area->addr + i * PAGE_SIZE;
		unsigned int level;
		pte_t *pte = lookup_address_in_pgd(pgd_offset_k(addr), addr, &level);

		pte_clear(pte);
		__flush_tlb_one_kernel(addr);
	}
}

static void free_area_pages(struct vm_struct *area, unsigned int nr)
{
	for (unsigned int i = 0; i < nr; i++)
		__free_page(area->pages[i]);
	kfree(area->pages);
}

/* Allocate and map the area's pages; on failure undo all of it. */
static int vmap_area_pages(struct vm_struct *area, gfp_t gfp)
{
	unsigned int i;

	area->pages = kcalloc(area->nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!area->pages)
		return -ENOMEM;
	for (i = 0; i < area->nr_pages; i++) {
		unsigned long addr = area->addr + i * PAGE_SIZE;
		pte_t *pte = vmalloc_pte(addr);

		area->pages[i] = pte ? alloc_page(gfp) : NULL;
		if (!area->pages[i])
			goto fail;
		set_pte(pte, mk_pte(area->pages[i], PAGE_KERNEL));
	}
	return 0;
fail:
	vunmap_pages(area, i);
	free_area_pages(area, i);
	return -ENOMEM;
}

/*
 * size bytes (rounded up to pages) at a multiple of align, followed by a
 * guard page. Linux: __vmalloc_node() -> __vmalloc_node_range()
 */
void *__vmalloc_node(unsigned long size, unsigned long align, gfp_t gfp)
{
	struct vm_struct *area;

	size = PAGE_ALIGN(size);
	if (!size || size > VMALLOC_SIZE / 2)
		return NULL;
	area = kzalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;
	area->nr_pages = (unsigned int)(size >> PAGE_SHIFT);
	if (insert_vmap_area(area, size + PAGE_SIZE, max(align, PAGE_SIZE)))
		goto fail_area;
	if (vmap_area_pages(area, gfp))
		goto fail_list;
	nr_vmalloc_pages += area->nr_pages;
	return (void *)area->addr;
fail_list:
	list_del(&area->list);
fail_area:
	kfree(area);
	return NULL;
}

void *vmalloc(unsigned long size)
{
	return __vmalloc_node(size, PAGE_SIZE, GFP_KERNEL);
}

struct vm_struct *find_vm_area(const void *addr)
{
	struct vm_struct *area;

	list_for_each_entry(area, &vmap_area_list, list)
		if (area->addr == (unsigned long)addr)
			return area;
	return NULL;
}

void vfree(const void *addr)
{
	struct vm_struct *area;

	if (!addr)
		return;
	area = find_vm_area(addr);
	if (WARN_ON(!area)) {
		pr_err("vfree: %px is not the start of a vmalloc area\n", addr);
		return;
	}
	vunmap_pages(area, area->nr_pages);
	free_area_pages(area, area->nr_pages);
	nr_vmalloc_pages -= area->nr_pages;
	list_del(&area->list);
	kfree(area);
}

/* The page behind a vmalloc address. Linux: vmalloc_to_page() */
struct page *vmalloc_to_page(const void *addr)
{
	unsigned long a = (unsigned long)addr;
	unsigned int level;
	pte_t *pte = lookup_address_in_pgd(pgd_offset_k(a), a, &level);

	if (!pte || level != PG_LEVEL_4K || !pte_present(*pte))
		return NULL;
	return pte_page(*pte);
}

/* For /proc/meminfo's VmallocUsed. */
unsigned long vmalloc_nr_pages(void)
{
	return nr_vmalloc_pages;
}

/*
 * Map size bytes of device memory at phys_addr (a PCI BAR: no struct
 * page, usually above RAM) into the vmalloc range, uncached (PCD and
 * PWT set: every access reaches the device, in order). Its area has no
 * pages to free. Linux: arch/x86/mm/ioremap.c ioremap() ->
 * __ioremap_caller(), over get_vm_area_caller() and
 * ioremap_page_range(); Faultline keeps it here, beside the area list
 * whose helpers it shares, and leaves out the memory-type (PAT) checks.
 */
void __iomem *ioremap(phys_addr_t phys_addr, unsigned long size)
{
	unsigned long offset = phys_addr & ~PAGE_MASK, pfn = phys_addr >> PAGE_SHIFT;
	struct vm_struct *area;
	unsigned int i;

	size = PAGE_ALIGN(size + offset);
	if (!size || size > VMALLOC_SIZE / 2)
		return NULL;
	area = kzalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;
	if (insert_vmap_area(area, size + PAGE_SIZE, PAGE_SIZE))
		goto fail_area;
	for (i = 0; i < size >> PAGE_SHIFT; i++) {
		pte_t *pte = vmalloc_pte(area->addr + i * PAGE_SIZE);

		if (!pte)
			goto fail_map;
		set_pte(pte, pfn_pte(pfn + i, PAGE_KERNEL_NOCACHE));
	}
	area->nr_pages = i;	/* mapped, not owned: area->pages stays NULL */
	return (void __iomem *)(area->addr + offset);
fail_map:
	vunmap_pages(area, i);
	list_del(&area->list);
fail_area:
	kfree(area);
	return NULL;
}

/* Linux: iounmap() */
void iounmap(volatile void __iomem *addr)
{
	struct vm_struct *area = find_vm_area((void *)((unsigned long)addr & PAGE_MASK));

	if (WARN_ON(!area || area->pages))
		return;
	vunmap_pages(area, area->nr_pages);
	list_del(&area->list);
	kfree(area);
}
