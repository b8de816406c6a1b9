/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_FPU_H
#define _ASM_X86_FPU_H

#include <asm/thread.h>

/*
 * The user's x87/SSE registers (the kernel never touches them: it is
 * built without SSE). Linux: arch/x86/include/asm/fpu/, arch/x86/kernel/fpu/
 */
static inline void fxsave(struct fxregs_state *fx)
{
	__asm__ __volatile__("fxsaveq %0" : "=m"(*fx));
}

static inline void fxrstor(const struct fxregs_state *fx)
{
	__asm__ __volatile__("fxrstorq %0" : : "m"(*fx));
}

/* The MXCSR bits this CPU accepts (fxrstor faults on any other). */
extern u32 mxcsr_feature_mask;

void fpu__init_cpu(void);
void fpstate_init(struct fxregs_state *fx);
void fpu__clear_user_states(void);

#endif
