/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MATH_H
#define _LINUX_MATH_H

/* lib/int_sqrt.c: the largest r with r * r <= x. Linux: include/linux/math.h */
unsigned long int_sqrt(unsigned long x);

#endif
