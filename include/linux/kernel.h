/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/printk.h>
#include <linux/bug.h>

/* The address of the current instruction (Linux: _THIS_IP_). */
#define _THIS_IP_ ({ __label__ __here; __here: (unsigned long)&&__here; })

#define INT_MAX			((int)(~0U >> 1))
#define INT_MIN			(-INT_MAX - 1)
#define UINT_MAX		(~0U)
#define LONG_MAX		((long)(~0UL >> 1))
#define LONG_MIN		(-LONG_MAX - 1)
#define ULONG_MAX		(~0UL)

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define min(a, b)		((a) < (b) ? (a) : (b))
#define max(a, b)		((a) > (b) ? (a) : (b))
#define min3(a, b, c)		min(min(a, b), c)
#define min_t(t, a, b)		min((t)(a), (t)(b))
#define max_t(t, a, b)		max((t)(a), (t)(b))
#define clamp(v, lo, hi)	min(max(v, lo), hi)
#define clamp_t(t, v, lo, hi)	clamp((t)(v), (t)(lo), (t)(hi))

/* Round x to a multiple of a, a power of two. */
#define ALIGN(x, a)		(((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a)	((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))

#define SZ_1K			0x400UL
#define SZ_64K			0x10000UL
#define SZ_1M			0x100000UL
#define SZ_16M			0x1000000UL
#define SZ_1G			0x40000000UL
#define SZ_4G			0x100000000ULL

int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtoint(const char *s, unsigned int base, int *res);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
unsigned long long memparse(const char *ptr, char **retptr);

/* Index of the most significant set bit, 1-based; 0 for 0 (Linux: fls). */
static inline int fls64(u64 x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}

static inline int ilog2_u64(u64 x)
{
	return fls64(x) - 1;
}

#endif
