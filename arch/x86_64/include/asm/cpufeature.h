/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_CPUFEATURE_H
#define _ASM_X86_CPUFEATURE_H

#include <linux/types.h>

/*
 * The CPU features the kernel decides on, read once from CPUID.
 * Linux: arch/x86/include/asm/cpufeatures.h (there a bitmap of ~400).
 */
enum x86_feature {
	X86_FEATURE_PGE,	/* CPUID 1 EDX 13: global pages */
	X86_FEATURE_NX,		/* CPUID 0x80000001 EDX 20 */
	X86_FEATURE_GBPAGES,	/* CPUID 0x80000001 EDX 26: 1 GiB pages */
	X86_FEATURE_SMEP,	/* CPUID 7 EBX 7 */
	X86_FEATURE_SMAP,	/* CPUID 7 EBX 20 */
	X86_FEATURE_UMIP,	/* CPUID 7 ECX 2 */
	X86_FEATURE_PKU,	/* CPUID 7 ECX 3 */
	X86_FEATURE_LA57,	/* CPUID 7 ECX 16: 5-level paging */
	X86_FEATURE_HYPERVISOR,	/* CPUID 1 ECX 31 */
	X86_FEATURE_FXSR,	/* CPUID 1 EDX 24 */
	X86_FEATURE_XMM,	/* CPUID 1 EDX 25: SSE */
	X86_FEATURE_RDRAND,	/* CPUID 1 ECX 30 */
	NR_X86_FEATURES
};

struct cpuinfo_x86 {
	char vendor_id[16];
	char model_id[64];
	unsigned int family, model, stepping;
	unsigned long features;		/* 1 << X86_FEATURE_* */
	u32 hwcap;			/* CPUID 1 EDX, for AT_HWCAP */
	unsigned int phys_bits, virt_bits;
};

extern struct cpuinfo_x86 boot_cpu_data;

static inline bool boot_cpu_has(enum x86_feature f)
{
	return boot_cpu_data.features & (1UL << f);
}

#endif
