/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_MSR_INDEX_H
#define _ASM_X86_MSR_INDEX_H

#define MSR_EFER		0xc0000080
#define EFER_SCE		(1 << 0)	/* SYSCALL/SYSRET */
#define EFER_LME		(1 << 8)	/* long mode enable */
#define EFER_LMA		(1 << 10)	/* long mode active */
#define EFER_NX			(1 << 11)	/* no-execute PTE bit */

/* SYSCALL/SYSRET (SDM vol. 3, 5.8.8) */
#define MSR_STAR		0xc0000081	/* the segments SYSCALL/SYSRET load */
#define MSR_LSTAR		0xc0000082	/* 64-bit SYSCALL entry point */
#define MSR_CSTAR		0xc0000083	/* compat-mode SYSCALL entry point */
#define MSR_SYSCALL_MASK	0xc0000084	/* RFLAGS bits SYSCALL clears */

#define MSR_FS_BASE		0xc0000100
#define MSR_GS_BASE		0xc0000101
#define MSR_KERNEL_GS_BASE	0xc0000102

#endif
