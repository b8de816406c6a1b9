/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#include <asm/ptrace.h>

/* Exception vectors (Intel SDM vol. 3, table 6-1; Linux: asm/trapnr.h). */
enum {
	X86_TRAP_DE = 0,	/* divide error */
	X86_TRAP_DB,		/* debug */
	X86_TRAP_NMI,		/* non-maskable interrupt */
	X86_TRAP_BP,		/* int3 */
	X86_TRAP_OF,		/* overflow */
	X86_TRAP_BR,		/* bound range exceeded */
	X86_TRAP_UD,		/* invalid opcode */
	X86_TRAP_NM,		/* device not available */
	X86_TRAP_DF,		/* double fault */
	X86_TRAP_OLD_MF,	/* coprocessor segment overrun */
	X86_TRAP_TS,		/* invalid TSS */
	X86_TRAP_NP,		/* segment not present */
	X86_TRAP_SS,		/* stack segment */
	X86_TRAP_GP,		/* general protection */
	X86_TRAP_PF,		/* page fault */
	X86_TRAP_SPURIOUS,
	X86_TRAP_MF,		/* x87 floating point */
	X86_TRAP_AC,		/* alignment check */
	X86_TRAP_MC,		/* machine check */
	X86_TRAP_XF,		/* SIMD floating point */
	X86_TRAP_VE,		/* virtualization */
	X86_TRAP_CP,		/* control protection */
	X86_TRAP_HV = 28,	/* hypervisor injection */
	X86_TRAP_VC,		/* VMM communication */
	X86_TRAP_SX,		/* security */
	NR_EXCEPTION_VECTORS = 32,
};

/* The first vector of the remapped 8259 PICs' sixteen IRQ lines. */
#define FIRST_EXTERNAL_VECTOR	0x20
#define NR_LEGACY_IRQS		16

/*
 * Page-fault error code (SDM vol. 3, 4.7), pushed by the CPU for #PF:
 *
 *   bit  name   set means
 *    0   P      the page was present (a protection violation), else not-present
 *    1   W      a write, else a read
 *    2   U      from user mode (CPL 3), else from the kernel
 *    3   RSVD   a reserved bit was set in a paging entry
 *    4   I      an instruction fetch
 *    5   PK     a protection-key violation
 *   15   SGX
 */
enum x86_pf_error_code {
	X86_PF_PROT = 1 << 0,
	X86_PF_WRITE = 1 << 1,
	X86_PF_USER = 1 << 2,
	X86_PF_RSVD = 1 << 3,
	X86_PF_INSTR = 1 << 4,
	X86_PF_PK = 1 << 5,
	X86_PF_SGX = 1 << 15,
};

/* Exception-stack indices in the TSS (IST1..IST4; Linux: ESTACK_*). */
enum exception_stack {
	IST_DF = 1,
	IST_NMI = 2,
	IST_DB = 3,
	IST_MCE = 4,
	N_EXCEPTION_STACKS = 4,
};

void trap_init(void);
void do_exception(struct pt_regs *regs, unsigned long vector, unsigned long error_code);
struct task_struct;
bool unhandled_signal(struct task_struct *tsk, int sig);
extern int show_unhandled_signals;
void exc_page_fault(struct pt_regs *regs, unsigned long error_code);
const char *trap_name(unsigned long vector);
__attribute__((__noreturn__)) void die(const char *str, struct pt_regs *regs,
				       unsigned long err);

#endif
