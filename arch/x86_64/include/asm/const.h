/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_CONST_H
#define _ASM_X86_CONST_H

/* Constants usable from C and assembly (Linux: include/uapi/linux/const.h). */
#ifdef __ASSEMBLY__
#define _AC(X, Y)	X
#else
#define __AC(X, Y)	(X##Y)
#define _AC(X, Y)	__AC(X, Y)
#endif

#define _BITUL(x)	(_AC(1, UL) << (x))
#define _BITULL(x)	(_AC(1, ULL) << (x))

#endif
