/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SMAP_H
#define _ASM_X86_SMAP_H

/*
 * With SMAP on, the kernel faults on any access to a user page unless
 * EFLAGS.AC is set: stac ("set AC") opens that window around a deliberate
 * user access, clac closes it. Linux: arch/x86/include/asm/smap.h
 */
static inline void stac(void)
{
	__asm__ __volatile__("stac" : : : "memory");
}

static inline void clac(void)
{
	__asm__ __volatile__("clac" : : : "memory");
}

#endif
