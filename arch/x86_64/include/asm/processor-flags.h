/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PROCESSOR_FLAGS_H
#define _ASM_X86_PROCESSOR_FLAGS_H

#include <asm/const.h>

/* EFLAGS (Intel SDM vol. 1, 3.4.3) */
#define X86_EFLAGS_CF		_BITUL(0)
#define X86_EFLAGS_FIXED	_BITUL(1)	/* always 1 */
#define X86_EFLAGS_ZF		_BITUL(6)
#define X86_EFLAGS_TF		_BITUL(8)
#define X86_EFLAGS_IF		_BITUL(9)	/* interrupts enabled */
#define X86_EFLAGS_DF		_BITUL(10)
#define X86_EFLAGS_OF		_BITUL(11)
#define X86_EFLAGS_IOPL		(_AC(3, UL) << 12)
#define X86_EFLAGS_NT		_BITUL(14)
#define X86_EFLAGS_RF		_BITUL(16)
#define X86_EFLAGS_AC		_BITUL(18)	/* SMAP override (stac/clac) */
#define X86_EFLAGS_ID		_BITUL(21)

/* CR0 (SDM vol. 3, 2.5) */
#define X86_CR0_PE		_BITUL(0)	/* protected mode */
#define X86_CR0_MP		_BITUL(1)
#define X86_CR0_EM		_BITUL(2)
#define X86_CR0_TS		_BITUL(3)
#define X86_CR0_NE		_BITUL(5)
#define X86_CR0_WP		_BITUL(16)	/* kernel honours read-only PTEs */
#define X86_CR0_AM		_BITUL(18)
#define X86_CR0_PG		_BITUL(31)	/* paging */

/* CR4 */
#define X86_CR4_PSE		_BITUL(4)
#define X86_CR4_PAE		_BITUL(5)
#define X86_CR4_PGE		_BITUL(7)	/* global pages */
#define X86_CR4_OSFXSR		_BITUL(9)
#define X86_CR4_OSXMMEXCPT	_BITUL(10)
#define X86_CR4_UMIP		_BITUL(11)
#define X86_CR4_LA57		_BITUL(12)
#define X86_CR4_SMEP		_BITUL(20)	/* no kernel execution of user pages */
#define X86_CR4_SMAP		_BITUL(21)	/* no kernel access to user pages */
#define X86_CR4_PKE		_BITUL(22)

#endif
