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
#define __nofault_asm(insn, err, vconstraint, value, address)			\
	__asm__ __volatile__("1:	" insn "\n"				\
			     "2:\n"						\
			     "	.pushsection .fixup, \"ax\"\n"			\
			     "3:	movl %[efault], %[err]\n"		\
			     "	jmp 2b\n"					\
			     "	.popsection\n"					\
			     _ASM_EXTABLE(1b, 3b)				\
			     : [err] "+r"(err), [v] vconstraint(value)		\
			     : [addr] "r"(address), [efault] "i"(-EFAULT)		\
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

/*
 * User memory. A user pointer is checked against the top of user space
 * (access_ok) and then used with SMAP opened (stac ... clac) by an
 * instruction that has an exception-table entry: a fault the fault
 * handler cannot resolve (no mapping, wrong protection) ends at the
 * fixup, and the caller gets -EFAULT or a short count, never an oops.
 * Linux: arch/x86/include/asm/uaccess.h, arch/x86/lib/usercopy_64.c
 */
#define TASK_SIZE_MAX_UACCESS	((1UL << 47) - 4096)

static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE_MAX_UACCESS && a <= TASK_SIZE_MAX_UACCESS - size;
}

/* These return the number of bytes NOT copied (0 on success). */
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
/* Length of the string (up to count), or -EFAULT. */
long strncpy_from_user(char *dst, const char __user *src, long count);
/* Size of the string including the NUL (> n if longer; 0 on a fault). */
long strnlen_user(const char __user *str, long n);

int __get_user_1(u8 *val, const void __user *ptr);
int __get_user_2(u16 *val, const void __user *ptr);
int __get_user_4(u32 *val, const void __user *ptr);
int __get_user_8(u64 *val, const void __user *ptr);
int __put_user_1(u8 val, void __user *ptr);
int __put_user_2(u16 val, void __user *ptr);
int __put_user_4(u32 val, void __user *ptr);
int __put_user_8(u64 val, void __user *ptr);

/* One value of *ptr's type: 0 or -EFAULT (x is 0 after a fault). */
#define get_user(x, ptr) ({						\
	int __gu_err;							\
	u64 __gu_val = 0;						\
	switch (sizeof(*(ptr))) {					\
	case 1: { u8 __v; __gu_err = __get_user_1(&__v, (ptr)); __gu_val = __v; break; } \
	case 2: { u16 __v; __gu_err = __get_user_2(&__v, (ptr)); __gu_val = __v; break; } \
	case 4: { u32 __v; __gu_err = __get_user_4(&__v, (ptr)); __gu_val = __v; break; } \
	default: __gu_err = __get_user_8(&__gu_val, (ptr)); break;	\
	}								\
	(x) = (__typeof__(*(ptr)))__gu_val;				\
	__gu_err;							\
})

#define put_user(x, ptr) ({						\
	int __pu_err;							\
	__typeof__(*(ptr)) __pu_val = (x);				\
	switch (sizeof(*(ptr))) {					\
	case 1: __pu_err = __put_user_1((u8)(unsigned long)__pu_val, (ptr)); break; \
	case 2: __pu_err = __put_user_2((u16)(unsigned long)__pu_val, (ptr)); break; \
	case 4: __pu_err = __put_user_4((u32)(unsigned long)__pu_val, (ptr)); break; \
	default: __pu_err = __put_user_8((u64)(unsigned long)__pu_val, (ptr)); break; \
	}								\
	__pu_err;							\
})

#endif
