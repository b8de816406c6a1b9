/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SMAP_H
#define _ASM_X86_SMAP_H

#include <asm/cpufeature.h>

/*
 * With SMAP on, the kernel faults on any access to a user page unless
 * EFLAGS.AC is set: stac ("set AC") opens that window around a deliberate
 * user access, clac closes it. On a CPU without SMAP both instructions
 * are invalid (#UD), so they run only when the CPU has it; Linux patches
 * them in at boot instead (ALTERNATIVE), Faultline tests a flag.
 * Linux: arch/x86/include/asm/smap.h
 */
static inline void stac(void)
{
	if (boot_cpu_has(X86_FEATURE_SMAP))
		__asm__ __volatile__("stac" : : : "memory");
}

static inline void clac(void)
{
	if (boot_cpu_has(X86_FEATURE_SMAP))
		__asm__ __volatile__("clac" : : : "memory");
}

#endif
