/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SIGFRAME_H
#define _ASM_X86_SIGFRAME_H

#include <linux/types.h>
#include <linux/signal_types.h>

/*
 * The frame a signal handler runs on, as x86_64 user space expects it
 * (musl's and glibc's handlers and sigreturn read it).
 * Linux: arch/x86/include/uapi/asm/sigcontext.h, ucontext.h,
 * arch/x86/include/asm/sigframe.h
 *
 *   handler's rsp -> pretcode     sa_restorer: the handler's return address,
 *                                 which calls rt_sigreturn
 *                    uc           ucontext: saved registers, signal mask
 *                    info         siginfo (128 bytes)
 *                    (padding to 64 bytes)
 *                    fpstate      the FPU registers (fxsave layout)
 *                    128-byte red zone of the interrupted code
 *   interrupted rsp->
 */
struct sigcontext_64 {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 di, si, bp, bx, dx, ax, cx, sp, ip, flags;
	u16 cs, gs, fs, ss;
	u64 err;			/* the trap's error code */
	u64 trapno;			/* the trap's vector */
	u64 oldmask;
	u64 cr2;			/* the faulting address */
	u64 fpstate;			/* user address of the FPU registers, or 0 */
	u64 reserved1[8];
};

#define UC_FP_XSTATE		0x1
#define UC_SIGCONTEXT_SS	0x2
#define UC_STRICT_RESTORE_SS	0x4

struct ucontext {
	unsigned long uc_flags;
	struct ucontext *uc_link;
	stack_t uc_stack;
	struct sigcontext_64 uc_mcontext;
	sigset_t uc_sigmask;
};

/* siginfo as user space sees it: the kernel's, padded to 128 bytes. */
union user_siginfo {
	struct kernel_siginfo info;
	char pad[SI_MAX_SIZE];
};

struct rt_sigframe {
	char *pretcode;
	struct ucontext uc;
	union user_siginfo info;
	/* fp state follows here */
};

#endif
