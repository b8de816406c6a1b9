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
 * Each entry point below makes the frame uniform (pushes -1 where the CPU pushed
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
	pushq	$-1
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

/*
 * Common tail: %rdi holds the vector. Call handler(regs, vector) with the
 * stack aligned to 16 bytes as the C ABI wants; %rbx (callee-saved, already
 * in pt_regs) keeps the pt_regs pointer across the call.
 */
.macro ENTRY_COMMON name, handler
\name:
	cld
	SAVE_REGS
	movq	%rdi, %rsi
	movq	%rsp, %rdi
	movq	%rsp, %rbx
	andq	$-16, %rsp
	call	\handler
	movq	%rbx, %rsp
	RESTORE_REGS
	addq	$8, %rsp			/* orig_ax */
	iretq
.endm

	.text
ENTRY_COMMON exception_common, do_exception
ENTRY_COMMON interrupt_common, common_interrupt

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
