/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_THREAD_H
#define _ASM_X86_THREAD_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/page_types.h>
#include <asm/ptrace.h>

/*
 * What the CPU needs saved per task besides pt_regs. Linux:
 * arch/x86/include/asm/processor.h (thread_struct), fpu/types.h
 */

/*
 * The x87/SSE register file as fxsave stores it (512 bytes, 16-aligned).
 * The kernel is built without SSE, so these registers belong to user
 * space alone: __switch_to saves the outgoing user task's and loads the
 * incoming one's. Faultline leaves CR4.OSXSAVE off, so no AVX state
 * exists to save (programs check CPUID's OSXSAVE bit and use SSE only);
 * Linux uses xsave and saves AVX too.
 */
struct fxregs_state {
	u16 cwd;			/* x87 control word */
	u16 swd;			/* x87 status word */
	u16 twd;			/* abridged tag word */
	u16 fop;
	u64 rip;
	u64 rdp;
	u32 mxcsr;
	u32 mxcsr_mask;
	u32 st_space[32];		/* 8 x87 registers, 16 bytes each */
	u32 xmm_space[64];		/* 16 XMM registers, 16 bytes each */
	u32 padding[12];
	u32 sw_reserved[12];		/* Linux puts the xsave magic here */
} __aligned(16);

#define MXCSR_DEFAULT		0x1f80	/* all SSE exceptions masked */
#define FCW_DEFAULT		0x037f	/* what fninit leaves */

struct thread_struct {
	unsigned long sp;		/* kernel rsp while switched out */
	unsigned long fsbase;		/* user TLS (arch_prctl ARCH_SET_FS) */
	unsigned long gsbase;
	/* What the CPU said about the last trap; signals report it. */
	unsigned long cr2;
	unsigned long trap_nr;
	unsigned long error_code;
	struct fxregs_state fpu;
};

/*
 * What __switch_to_asm leaves on a task's stack while it is switched
 * out: the callee-saved registers and where to resume. A new task's
 * frame resumes at ret_from_fork. Linux: asm/switch_to.h
 */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, bx, bp;
	unsigned long ret_addr;
};

struct fork_frame {
	struct inactive_task_frame frame;
	struct pt_regs regs;
};

/* A task's user registers sit at the very top of its kernel stack. */
#define task_stack_top(task)	((unsigned long)(task)->stack + THREAD_SIZE)
#define task_pt_regs(task)	((struct pt_regs *)task_stack_top(task) - 1)

/* Where the CPU switches to on entry from user mode (Linux: a per-CPU variable). */
extern unsigned long cpu_current_top_of_stack;

void start_thread(struct pt_regs *regs, unsigned long new_ip, unsigned long new_sp);
void syscall_init(void);

/* entry.S */
void entry_SYSCALL_64(void);
void entry_SYSCALL_compat_ignore(void);

#endif
