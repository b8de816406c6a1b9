/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_MSR_INDEX_H
#define _ASM_X86_MSR_INDEX_H

#define MSR_EFER		0xc0000080
#define EFER_SCE		(1 << 0)	/* SYSCALL/SYSRET */
#define EFER_LME		(1 << 8)	/* long mode enable */
#define EFER_LMA		(1 << 10)	/* long mode active */
#define EFER_NX			(1 << 11)	/* no-execute PTE bit */

#define MSR_FS_BASE		0xc0000100
#define MSR_GS_BASE		0xc0000101
#define MSR_KERNEL_GS_BASE	0xc0000102

#endif
