/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/ptrace.h>

/*
 * Defining a system call. SYSCALL_DEFINEn(name, type1, arg1, ...) defines
 * __x64_sys_name(regs), which the syscall table points at: it takes the
 * arguments from the registers the x86_64 ABI passes them in (rdi, rsi,
 * rdx, r10, r8, r9), converts each to its declared type, and calls the
 * body with them. Every system call returns a long: a result, or -errno.
 * Linux: include/linux/syscalls.h, arch/x86/include/asm/syscall_wrapper.h
 */
#define __SYSCALL_DEFINE(name, decl, args)					\
	static long __do_sys_##name decl;					\
	long __x64_sys_##name(const struct pt_regs *regs);			\
	long __x64_sys_##name(const struct pt_regs *regs)			\
	{									\
		return __do_sys_##name args;					\
	}									\
	static long __do_sys_##name decl

#define SYSCALL_DEFINE0(name)							\
	static long __do_sys_##name(void);					\
	long __x64_sys_##name(const struct pt_regs *regs);			\
	long __x64_sys_##name(const struct pt_regs *regs)			\
	{									\
		(void)regs;							\
		return __do_sys_##name();					\
	}									\
	static long __do_sys_##name(void)
#define SYSCALL_DEFINE1(name, t1, a1)						\
	__SYSCALL_DEFINE(name, (t1 a1), ((t1)regs->di))
#define SYSCALL_DEFINE2(name, t1, a1, t2, a2)					\
	__SYSCALL_DEFINE(name, (t1 a1, t2 a2), ((t1)regs->di, (t2)regs->si))
#define SYSCALL_DEFINE3(name, t1, a1, t2, a2, t3, a3)				\
	__SYSCALL_DEFINE(name, (t1 a1, t2 a2, t3 a3),				\
			 ((t1)regs->di, (t2)regs->si, (t3)regs->dx))
#define SYSCALL_DEFINE4(name, t1, a1, t2, a2, t3, a3, t4, a4)			\
	__SYSCALL_DEFINE(name, (t1 a1, t2 a2, t3 a3, t4 a4),			\
			 ((t1)regs->di, (t2)regs->si, (t3)regs->dx, (t4)regs->r10))
#define SYSCALL_DEFINE5(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)		\
	__SYSCALL_DEFINE(name, (t1 a1, t2 a2, t3 a3, t4 a4, t5 a5),		\
			 ((t1)regs->di, (t2)regs->si, (t3)regs->dx, (t4)regs->r10, \
			  (t5)regs->r8))
#define SYSCALL_DEFINE6(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6)	\
	__SYSCALL_DEFINE(name, (t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6),	\
			 ((t1)regs->di, (t2)regs->si, (t3)regs->dx, (t4)regs->r10, \
			  (t5)regs->r8, (t6)regs->r9))

/* The few that need the saved registers themselves (fork, rt_sigreturn, ...). */
#define SYSCALL_DEFINE_REGS(name)						\
	long __x64_sys_##name(const struct pt_regs *regs)

typedef long (*sys_call_ptr_t)(const struct pt_regs *);

/* The current task's user registers, for the syscalls above. */
#define current_pt_regs()	task_pt_regs(current)

#endif
