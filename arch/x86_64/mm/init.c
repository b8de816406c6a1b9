// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's final page tables, built in swapper_pg_dir with the
 * page-table primitives, then loaded into CR3 in place of head.S's early
 * tables. Linux: arch/x86/mm/init.c, init_64.c
 *
 *   direct map   every RAM range at PAGE_OFFSET + paddr, read-write, NX,
 *                in 2 MiB pages where alignment allows, 4 KiB at the
 *                edges; the kernel's text and rodata read-only here too
 *   kernel image text r-x, rodata r--, data and bss rw- NX, 4 KiB pages;
 *                the page below init_stack left unmapped as its guard
 *   vmemmap      struct pages, 2 MiB pages (4 KiB if memory is tight)
 *
 * No identity map: user space starts empty. Linux uses 1 GiB pages for
 * the direct map where it can; Faultline stops at 2 MiB.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/panic.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/seq_file.h>
#include <linux/proc_fs.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include <asm/cpufeature.h>

unsigned long page_offset_base = __PAGE_OFFSET_BASE;
unsigned long vmemmap_base = VMEMMAP_START;
/* Without NX, bit 63 is reserved: it is masked out of every entry. */
pteval_t __supported_pte_mask = ~_PAGE_NX;
bool after_bootmem;

/*
 * The shared zero page: every read of untouched anonymous memory maps
 * this one page, read-only. Linux: arch/x86/kernel/head_64.S empty_zero_page
 */
char empty_zero_page[PAGE_SIZE] __aligned(PAGE_SIZE) __section(".bss..page_aligned");

extern char _text[], _etext[], __start_rodata[], __end_rodata[], _sdata[],
	__bss_stop[], __start_kallsyms[], _end[], init_stack_guard[];

static pte_t *kernel_pte(unsigned long vaddr)
{
	pud_t *pud = pud_alloc(&init_mm, p4d_offset(pgd_offset_k(vaddr), vaddr), vaddr);
	pmd_t *pmd = pud ? pmd_alloc(&init_mm, pud, vaddr) : NULL;
	pte_t *pte = pmd ? pte_alloc_kernel(pmd, vaddr) : NULL;

	if (!pte)
		panic("init_mem_mapping: no memory for page tables at %016lx", vaddr);
	return pte;
}

static pmd_t *kernel_pmd(unsigned long vaddr)
{
	pud_t *pud = pud_alloc(&init_mm, p4d_offset(pgd_offset_k(vaddr), vaddr), vaddr);
	pmd_t *pmd = pud ? pmd_alloc(&init_mm, pud, vaddr) : NULL;

	if (!pmd)
		panic("init_mem_mapping: no memory for page tables at %016lx", vaddr);
	return pmd;
}

static void map_page(unsigned long vaddr, phys_addr_t paddr, pgprot_t prot)
{
	set_pte(kernel_pte(vaddr), pfn_pte(PHYS_PFN(paddr), prot));
}

/* The physical range whose direct-map alias stays read-only. */
static bool overlaps_kernel_ro(phys_addr_t start, phys_addr_t end)
{
	return start < __pa(__end_rodata) && end > __pa(_text);
}

/*
 * How much of the direct map each page size maps, for /proc/meminfo's
 * DirectMap lines: [0] 4 KiB pages, [1] 2 MiB, [2] 1 GiB (none: the
 * direct map stops at 2 MiB). Linux: direct_pages_count[]
 */
static unsigned long direct_pages_count[3];

/* Linux: kernel_physical_mapping_init() for one RAM range. */
static void map_direct_range(phys_addr_t start, phys_addr_t end)
{
	phys_addr_t p = start;

	while (p < end) {
		unsigned long vaddr = (unsigned long)__va(p);

		if (IS_ALIGNED(p, PMD_SIZE) && end - p >= PMD_SIZE &&
		    !overlaps_kernel_ro(p, p + PMD_SIZE)) {
			set_pmd(kernel_pmd(vaddr), pfn_pmd(PHYS_PFN(p), PAGE_KERNEL_LARGE));
			direct_pages_count[1]++;
			p += PMD_SIZE;
			continue;
		}
		map_page(vaddr, p, overlaps_kernel_ro(p, p + PAGE_SIZE) ? PAGE_KERNEL_RO
									   : PAGE_KERNEL);
		direct_pages_count[0]++;
		p += PAGE_SIZE;
	}
}

static void map_image_range(const char *start, const char *end, pgprot_t prot)
{
	for (unsigned long v = (unsigned long)start; v < PAGE_ALIGN((unsigned long)end);
	     v += PAGE_SIZE) {
		if (v == (unsigned long)init_stack_guard)
			continue;	/* the stack guard: never mapped */
		map_page(v, __pa(v), prot);
	}
}

void init_mem_mapping(void)
{
	struct memblock_region *r;

	if (boot_cpu_has(X86_FEATURE_NX))
		__supported_pte_mask |= _PAGE_NX;
	if (!boot_cpu_has(X86_FEATURE_PGE))
		__supported_pte_mask &= ~_PAGE_GLOBAL;

	for_each_mem_region(r)
		map_direct_range(r->base, r->base + r->size);
	map_image_range(_text, _etext, PAGE_KERNEL_ROX);
	map_image_range(__start_rodata, __end_rodata, PAGE_KERNEL_RO);
	map_image_range(_sdata, __bss_stop, PAGE_KERNEL);
	map_image_range(__start_kallsyms, _end, PAGE_KERNEL_RO);

	write_cr3(__pa(swapper_pg_dir));
	flush_tlb_all();
	pr_info("x86/mm: kernel page tables at %016lx: direct map of %llu MiB at %016lx, "
		"no identity map\n", __pa(swapper_pg_dir),
		(unsigned long long)(memblock_phys_mem_size() >> 20), PAGE_OFFSET);
}

static int vmemmap_populate_basepages(unsigned long start, unsigned long end)
{
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *pte = kernel_pte(addr);
		phys_addr_t p;

		if (pte_present(*pte))
			continue;
		p = memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE);
		if (!p)
			return -1;
		set_pte(pte, pfn_pte(PHYS_PFN(p), PAGE_KERNEL));
	}
	return 0;
}

/*
 * Back vmemmap [start, end) with memory: one 2 MiB page per 2 MiB of
 * struct pages, or 4 KiB pages when no 2 MiB block is left.
 * Linux: vmemmap_populate() -> vmemmap_populate_hugepages()
 */
int vmemmap_populate(unsigned long start, unsigned long end)
{
	for (unsigned long addr = start; addr < end; addr = ALIGN(addr + 1, PMD_SIZE)) {
		unsigned long next = min(ALIGN(addr + 1, PMD_SIZE), end);
		pmd_t *pmd = kernel_pmd(addr);
		phys_addr_t p;

		if (pmd_present(*pmd) && pmd_large(*pmd))
			continue;
		p = pmd_none(*pmd) && next - addr == PMD_SIZE ?
		    memblock_phys_alloc(PMD_SIZE, PMD_SIZE) : 0;
		if (p) {
			set_pmd(pmd, pfn_pmd(PHYS_PFN(p), PAGE_KERNEL_LARGE));
			continue;
		}
		if (vmemmap_populate_basepages(addr, next))
			return -1;
	}
	return 0;
}

/* Linux: paging_init() -> sparse_init(), zone_sizes_init() */
void paging_init(void)
{
	unsigned long max_zone_pfns[MAX_NR_ZONES] = {
		[ZONE_DMA] = SZ_16M >> PAGE_SHIFT,
		[ZONE_DMA32] = SZ_4G >> PAGE_SHIFT,
		[ZONE_NORMAL] = PFN_DOWN(memblock_end_of_DRAM()),
	};

	sparse_init();
	free_area_init(max_zone_pfns);
}

/* Linux: arch/x86/mm/init_64.c mem_init() */
void mem_init(void)
{
	memblock_free_all();
	after_bootmem = true;
}

/* The DirectMap lines of /proc/meminfo. Linux: arch_report_meminfo() */
void arch_report_meminfo(struct seq_file *m)
{
	seq_printf(m, "DirectMap4k:    %8lu kB\n", direct_pages_count[0] << 2);
	seq_printf(m, "DirectMap2M:    %8lu kB\n", direct_pages_count[1] << 11);
	seq_printf(m, "DirectMap1G:    %8lu kB\n", direct_pages_count[2] << 20);
}
