/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_HASH_H
#define _LINUX_HASH_H

#include <linux/types.h>

/*
 * Multiplicative hashing: multiply by a constant near 2^64 / phi and
 * keep the top bits, which every input bit reaches. Linux: include/linux/hash.h
 */
#define GOLDEN_RATIO_64 0x61C8864680B583EBull

static inline u32 hash_64(u64 val, unsigned int bits)
{
	return (u32)((val * GOLDEN_RATIO_64) >> (64 - bits));
}

#endif
