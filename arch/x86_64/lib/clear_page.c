// SPDX-License-Identifier: GPL-2.0
/*
 * Whole-page zeroing and copying with the string instructions, which
 * QEMU and real CPUs both run fast. Linux: arch/x86/lib/clear_page_64.S,
 * copy_page_64.S
 */
#include <asm/page.h>

void clear_page(void *page)
{
	unsigned long count = PAGE_SIZE / 8;

	__asm__ __volatile__("rep stosq"
			     : "+D"(page), "+c"(count)
			     : "a"(0UL)
			     : "memory");
}

void copy_page(void *to, const void *from)
{
	unsigned long count = PAGE_SIZE / 8;

	__asm__ __volatile__("rep movsq"
			     : "+D"(to), "+S"(from), "+c"(count)
			     :
			     : "memory");
}
