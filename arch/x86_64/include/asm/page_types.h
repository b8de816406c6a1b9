/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PAGE_TYPES_H
#define _ASM_X86_PAGE_TYPES_H

#include <asm/const.h>

/*
 * Page sizes and the kernel's half of the address space.
 * Linux: arch/x86/include/asm/page_types.h, page_64_types.h, pgtable_64_types.h
 *
 *   0xffff888000000000  direct map of all physical memory (PAGE_OFFSET)
 *   0xffffc90000000000  vmalloc and ioremap space (VMALLOC_START)
 *   0xffffea0000000000  struct page array, one per frame (VMEMMAP_START)
 *   0xffffffff80000000  kernel image: text, data, bss (__START_KERNEL_map)
 *
 * These are Linux's addresses with KASLR off, so a student's gdb session
 * and an oops read the same on both kernels.
 */
#define PAGE_SHIFT		12
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))

#define PMD_PAGE_SIZE		(_AC(1, UL) << 21)	/* a "large" 2 MiB page */
#define PUD_PAGE_SIZE		(_AC(1, UL) << 30)

#define __START_KERNEL_map	_AC(0xffffffff80000000, UL)
#define __PAGE_OFFSET_BASE	_AC(0xffff888000000000, UL)
#define VMALLOC_START		_AC(0xffffc90000000000, UL)
#define VMALLOC_END		_AC(0xffffe8ffffffffff, UL)
#define VMEMMAP_START		_AC(0xffffea0000000000, UL)

/* Kernel stacks are 16 KiB, as Linux's THREAD_SIZE on x86_64 (KASAN off). */
#define THREAD_SIZE_ORDER	2
#define THREAD_SIZE		(PAGE_SIZE << THREAD_SIZE_ORDER)

/* Exception stacks (Linux: cpu_entry_area's IST stacks), one page each. */
#define EXCEPTION_STKSZ		PAGE_SIZE

/* Physical addresses Faultline handles: 64 GiB (Linux: MAX_PHYSMEM_BITS 46). */
#define MAX_PHYSMEM_BITS	36

#endif
