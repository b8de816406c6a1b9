/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_UACCESS_H
#define _ASM_X86_UACCESS_H

#include <linux/types.h>
#include <linux/errno.h>
#include <asm/extable.h>

/*
 * Loads and stores that may fault on purpose. The instruction at label 1
 * has an exception-table entry; if it faults, the CPU's fault handler
 * jumps to label 3 in .fixup, which sets the error and returns to label 2.
 * Linux: arch/x86/include/asm/uaccess.h (__get_kernel_nofault,
 * __put_kernel_nofault; Linux now encodes the fixup in the table entry
 * instead of a .fixup section, to the same effect).
 */
#define __nofault_asm(insn, err, vconstraint, value, addr)			\
	__asm__ __volatile__("1:	" insn "\n"				\
			     "2:\n"						\
			     "	.pushsection .fixup, \"ax\"\n"			\
			     "3:	movl %[efault], %[err]\n"		\
			     "	jmp 2b\n"					\
			     "	.popsection\n"					\
			     _ASM_EXTABLE(1b, 3b)				\
			     : [err] "+r"(err), [v] vconstraint(value)		\
			     : [addr] "r"(addr), [efault] "i"(-EFAULT)		\
			     : "memory")

/* Read 8 bytes at addr; -EFAULT (and *val = 0) if that faults. */
static inline int __get_kernel_nofault_ul(unsigned long *val, const void *addr)
{
	unsigned long v = 0;
	int err = 0;

	__nofault_asm("movq (%[addr]), %[v]", err, "+r", v, addr);
	*val = err ? 0 : v;
	return err;
}

static inline int __get_kernel_nofault_u8(u8 *val, const void *addr)
{
	u8 v = 0;
	int err = 0;

	__nofault_asm("movb (%[addr]), %[v]", err, "+q", v, addr);
	*val = err ? 0 : v;
	return err;
}

static inline int __put_kernel_nofault_u8(void *addr, u8 val)
{
	int err = 0;

	__nofault_asm("movb %[v], (%[addr])", err, "+q", val, addr);
	return err;
}

/* Linux: mm/maccess.c */
long copy_from_kernel_nofault(void *dst, const void *src, size_t size);
long copy_to_kernel_nofault(void *dst, const void *src, size_t size);

#endif
