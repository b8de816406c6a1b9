/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

/*
 * GDT layout, the same as Linux's on x86_64 (arch/x86/include/asm/segment.h)
 * so that selectors read the same in an oops and SYSCALL/SYSRET's fixed
 * arithmetic (STAR) works later:
 *
 *   index  selector  descriptor
 *     0     0x00     null
 *     1     0x08     KERNEL32_CS
 *     2     0x10     KERNEL_CS      64-bit kernel code
 *     3     0x18     KERNEL_DS      kernel data/stack
 *     4     0x23     USER32_CS      (RPL 3)
 *     5     0x2b     USER_DS        user data/stack
 *     6     0x33     USER_CS        64-bit user code
 *     8-9   0x40     TSS            (a 16-byte system descriptor)
 */
#define GDT_ENTRY_KERNEL32_CS		1
#define GDT_ENTRY_KERNEL_CS		2
#define GDT_ENTRY_KERNEL_DS		3
#define GDT_ENTRY_DEFAULT_USER32_CS	4
#define GDT_ENTRY_DEFAULT_USER_DS	5
#define GDT_ENTRY_DEFAULT_USER_CS	6
#define GDT_ENTRY_TSS			8
#define GDT_ENTRIES			16

#define __KERNEL32_CS	(GDT_ENTRY_KERNEL32_CS * 8)
#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)
#define __USER32_CS	(GDT_ENTRY_DEFAULT_USER32_CS * 8 + 3)
#define __USER_DS	(GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)
#define __USER_CS	(GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)
#define GDT_ENTRY_TSS_SEL (GDT_ENTRY_TSS * 8)

#endif
