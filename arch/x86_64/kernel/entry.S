/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Exception and interrupt entry: build a struct pt_regs on the stack, call
 * C, restore, iretq. Linux: arch/x86/entry/entry_64.S, idtentry.h
 *
 * On an exception the CPU switches to the kernel stack (or to an IST stack
 * for #DF and NMI), aligns it to 16 bytes and pushes
 *
 *     ss, rsp, rflags, cs, rip [, error code]
 *
 * Each entry point below makes the frame uniform (pushes 0 where the CPU pushed
 * no error code), saves %rdi, loads its vector number into %edi and jumps
 * to a common tail that saves the other registers in pt_regs order.
 */
#include <asm/segment.h>

/* Push the remaining registers: pt_regs's di slot is already filled. */
.macro SAVE_REGS
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
.endm

.macro RESTORE_REGS
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
.endm

/* An exception vector without a CPU error code. */
.macro IDTENTRY vector
	.globl	asm_exc_\vector
asm_exc_\vector:
	pushq	$0				/* no error code: 0, as Linux reports */
	pushq	%rdi
	movl	$\vector, %edi
	jmp	exception_common
.endm

/* An exception vector for which the CPU pushed an error code. */
.macro IDTENTRY_ERRORCODE vector
	.globl	asm_exc_\vector
asm_exc_\vector:
	pushq	%rdi
	movl	$\vector, %edi
	jmp	exception_common
.endm

/* An external interrupt: orig_ax holds the vector, as in Linux. */
.macro IRQENTRY vector
	.globl	asm_irq_\vector
asm_irq_\vector:
	pushq	$\vector
	pushq	%rdi
	movl	$\vector, %edi
	jmp	interrupt_common
.endm

/* Offsets into struct pt_regs (process.c checks them at build time). */
#define PTREGS_AX	80
#define PTREGS_ORIG_AX	120
#define PTREGS_CS	136

/*
 * Common tail: %rdi holds the vector. Call handler(regs, vector, error
 * code) with the
 * stack aligned to 16 bytes as the C ABI wants; %rbx (callee-saved, already
 * in pt_regs) keeps the pt_regs pointer across the call. On the way back
 * to user mode, irqentry_exit_to_user_mode() does the pending work: a
 * reschedule, signal delivery.
 */
.macro ENTRY_COMMON name, handler
\name:
	cld
	SAVE_REGS
	movq	%rdi, %rsi			/* vector */
	movq	PTREGS_ORIG_AX(%rsp), %rdx	/* error code, or the vector */
	movq	$-1, PTREGS_ORIG_AX(%rsp)
	movq	%rsp, %rdi
	movq	%rsp, %rbx
	andq	$-16, %rsp
	call	\handler
	testb	$3, PTREGS_CS(%rbx)
	jz	1f
	movq	%rbx, %rdi
	call	irqentry_exit_to_user_mode
1:	movq	%rbx, %rsp
	jmp	restore_regs_and_iret
.endm

	.text
ENTRY_COMMON exception_common, do_exception
ENTRY_COMMON interrupt_common, common_interrupt

	.globl	restore_regs_and_iret
restore_regs_and_iret:
	RESTORE_REGS
	addq	$8, %rsp			/* orig_ax */
	iretq

/*
 * The system call entry (MSR_LSTAR). SYSCALL left the user's rip in %rcx
 * and rflags in %r11, and did not switch stacks: switch to the task's
 * kernel stack, build the same pt_regs an interrupt from user mode
 * would, and call do_syscall_64(regs). It returns whether SYSRET may be
 * used (it restores rip from %rcx and rflags from %r11, so those must
 * still match); otherwise IRET. Linux: entry_SYSCALL_64 (which parks the
 * user rsp in the TSS's sp2 slot; one CPU can use a plain variable).
 *
 * Arguments: %rax = number; %rdi, %rsi, %rdx, %r10, %r8, %r9.
 */
	.globl	entry_SYSCALL_64
entry_SYSCALL_64:
	movq	%rsp, syscall_user_rsp(%rip)
	movq	cpu_current_top_of_stack(%rip), %rsp
	pushq	$__USER_DS			/* ss */
	pushq	syscall_user_rsp(%rip)		/* sp */
	pushq	%r11				/* flags */
	pushq	$__USER_CS			/* cs */
	pushq	%rcx				/* ip */
	pushq	%rax				/* orig_ax: the syscall number */
	pushq	%rdi
	SAVE_REGS
	movq	%rsp, %rdi
	movq	%rsp, %rbx
	andq	$-16, %rsp
	call	do_syscall_64
	movq	%rbx, %rsp
	testb	%al, %al
	jz	restore_regs_and_iret
	RESTORE_REGS
	addq	$8, %rsp			/* orig_ax: now at ip, cs, flags, sp, ss */
	movq	24(%rsp), %rsp
	sysretq

/*
 * SYSCALL from 32-bit compat mode: there is no 32-bit ABI here, so
 * return -ENOSYS at once (Linux: entry_SYSCALL32_ignore without IA32).
 */
	.globl	entry_SYSCALL_compat_ignore
entry_SYSCALL_compat_ignore:
	movl	$-38, %eax			/* -ENOSYS */
	sysretl

/*
 * __switch_to_asm(prev, next, &prev->thread.sp, next->thread.sp): push
 * prev's callee-saved registers (an inactive_task_frame), switch stacks,
 * pop next's, and finish in C. __switch_to's return lands where next
 * called __switch_to_asm, or at ret_from_fork for a new task.
 * Linux: arch/x86/entry/entry_64.S __switch_to_asm
 */
	.globl	__switch_to_asm
__switch_to_asm:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdx)
	movq	%rcx, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	jmp	__switch_to

/*
 * A new task's first instructions, on a stack holding only its pt_regs.
 * %rax is the task we switched from, %rbx the function to run (0 for a
 * forked process), %r12 its argument. Then to user mode through the same
 * exit work as a system call (a forked child "returns" 0 from fork).
 * Linux: ret_from_fork
 */
	.globl	ret_from_fork
ret_from_fork:
	movq	%rsp, %r13			/* pt_regs */
	andq	$-16, %rsp
	movq	%rax, %rdi
	call	schedule_tail
	testq	%rbx, %rbx
	jz	1f
	movq	%rbx, %rdi
	movq	%r12, %rsi
	call	ret_from_fork_fn		/* returns only into a user process */
	movq	$0, PTREGS_AX(%r13)
1:	movq	%r13, %rdi
	call	syscall_exit_to_user_mode
	movq	%r13, %rsp
	jmp	restore_regs_and_iret

	.text

IDTENTRY		0	/* #DE */
IDTENTRY		1	/* #DB */
IDTENTRY		2	/* NMI */
IDTENTRY		3	/* #BP */
IDTENTRY		4	/* #OF */
IDTENTRY		5	/* #BR */
IDTENTRY		6	/* #UD */
IDTENTRY		7	/* #NM */
IDTENTRY_ERRORCODE	8	/* #DF */
IDTENTRY		9
IDTENTRY_ERRORCODE	10	/* #TS */
IDTENTRY_ERRORCODE	11	/* #NP */
IDTENTRY_ERRORCODE	12	/* #SS */
IDTENTRY_ERRORCODE	13	/* #GP */
IDTENTRY_ERRORCODE	14	/* #PF */
IDTENTRY		15
IDTENTRY		16	/* #MF */
IDTENTRY_ERRORCODE	17	/* #AC */
IDTENTRY		18	/* #MC */
IDTENTRY		19	/* #XF */
IDTENTRY		20	/* #VE */
IDTENTRY_ERRORCODE	21	/* #CP */
IDTENTRY		22
IDTENTRY		23
IDTENTRY		24
IDTENTRY		25
IDTENTRY		26
IDTENTRY		27
IDTENTRY		28	/* #HV */
IDTENTRY_ERRORCODE	29	/* #VC */
IDTENTRY_ERRORCODE	30	/* #SX */
IDTENTRY		31

/* Expand a macro for vectors first..first+count-1 (altmacro's %expr). */
.macro FOR_VECTORS macro, first, count
	.altmacro
	.set	v, \first
	.rept	\count
	\macro	%v
	.set	v, v + 1
	.endr
	.noaltmacro
.endm

FOR_VECTORS IRQENTRY, 0x20, 16

/* Any other vector: an interrupt nobody asked for. */
IRQENTRY 0xff

/* Tables of the entry points' addresses, for idt.c. */
	.section .rodata
	.balign 8
.macro EXC_ADDR vector
	.quad	asm_exc_\vector
.endm
.macro IRQ_ADDR vector
	.quad	asm_irq_\vector
.endm
	.globl	exception_entries
exception_entries:
FOR_VECTORS EXC_ADDR, 0, 32
	.globl	irq_entries
irq_entries:
FOR_VECTORS IRQ_ADDR, 0x20, 16

	.globl	spurious_entry
spurious_entry:
	.quad	asm_irq_0xff

/*
 * call_on_stack(stack_top, fn, arg): run fn(arg) on another stack, for
 * reporting a kernel stack overflow from a stack that still has room.
 * fn must not return. Linux: arch/x86/include/asm/irq_stack.h
 */
	.text
	.globl	call_on_stack
call_on_stack:
	movq	%rdi, %rsp
	movq	%rdx, %rdi
	xorl	%ebp, %ebp
	call	*%rsi
	ud2

	.bss
	.balign	8
syscall_user_rsp:
	.quad	0
