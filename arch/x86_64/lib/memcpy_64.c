// SPDX-License-Identifier: GPL-2.0
/*
 * memcpy and memset with the string instructions: eight bytes a step
 * (rep movsq, rep stosq), then the tail a byte at a time. A byte loop costs
 * four instructions a byte; this is one per eight, on a real CPU and under
 * QEMU's -icount alike. Linux: arch/x86/lib/memcpy_64.S, memset_64.S
 * (the "rep_good" variants)
 */
#include <linux/string.h>

void *memcpy(void *dest, const void *src, size_t n)
{
	void *d = dest;
	size_t words = n / 8, tail = n % 8;

	__asm__ __volatile__("rep movsq\n\t"
			     "movq %[tail], %%rcx\n\t"
			     "rep movsb"
			     : "+D"(d), "+S"(src), "+c"(words)
			     : [tail] "r"(tail)
			     : "memory");
	return dest;
}

void *memset(void *s, int c, size_t n)
{
	void *d = s;
	size_t words = n / 8, tail = n % 8;
	unsigned long pattern = 0x0101010101010101UL * (unsigned char)c;

	__asm__ __volatile__("rep stosq\n\t"
			     "movq %[tail], %%rcx\n\t"
			     "rep stosb"
			     : "+D"(d), "+c"(words)
			     : [tail] "r"(tail), "a"(pattern)
			     : "memory");
	return s;
}
