/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_IO_H
#define _ASM_X86_IO_H

#include <linux/types.h>

/* Port I/O (Linux: arch/x86/include/asm/io.h, shared/io.h). */
static inline void outb(u8 value, u16 port)
{
	__asm__ __volatile__("outb %b0, %w1" : : "a"(value), "Nd"(port));
}

static inline void outw(u16 value, u16 port)
{
	__asm__ __volatile__("outw %w0, %w1" : : "a"(value), "Nd"(port));
}

static inline void outl(u32 value, u16 port)
{
	__asm__ __volatile__("outl %0, %w1" : : "a"(value), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 value;

	__asm__ __volatile__("inb %w1, %b0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline u16 inw(u16 port)
{
	u16 value;

	__asm__ __volatile__("inw %w1, %w0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline u32 inl(u16 port)
{
	u32 value;

	__asm__ __volatile__("inl %w1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

/*
 * Memory-mapped I/O: one access of exactly that width, never merged or
 * split by the compiler (the mapping itself is uncached: ioremap()).
 * Linux: arch/x86/include/asm/io.h build_mmio_read/write
 */
#define __iomem
#define MMIO_ACCESSORS(bwl, type)						\
static inline type read##bwl(const volatile void __iomem *addr)		\
{									\
	return *(const volatile type *)addr;				\
}									\
static inline void write##bwl(type value, volatile void __iomem *addr)	\
{									\
	*(volatile type *)addr = value;					\
}
MMIO_ACCESSORS(b, u8)
MMIO_ACCESSORS(w, u16)
MMIO_ACCESSORS(l, u32)
#undef MMIO_ACCESSORS

void __iomem *ioremap(phys_addr_t phys_addr, unsigned long size);
void iounmap(volatile void __iomem *addr);

/* A short delay: a write to the POST diagnostic port (Linux: io_delay). */
static inline void io_delay(void)
{
	outb(0, 0x80);
}

#endif
