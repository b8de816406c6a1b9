/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PRANDOM_H
#define _LINUX_PRANDOM_H

/*
 * A seeded pseudo-random sequence for randomised tests and benchmarks:
 * the same seed gives the same numbers, so a failure repeats exactly.
 * This is Marsaglia's xorshift64; Linux's prandom_u32_state() uses
 * Tausworthe's taus113 instead, which matters for statistics, not here.
 * Pure: the host tests use it too.
 */
#include <linux/types.h>

struct rnd_state {
	u64 s;			/* never 0 */
};

/* Linux: lib/random32.c prandom_u32_state() */
static inline u64 prandom_u64_state(struct rnd_state *state)
{
	u64 x = state->s;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	state->s = x;
	return x;
}

/* A number in [0, n), n > 0 (the modulo bias is harmless for tests). */
static inline u64 prandom_below(struct rnd_state *state, u64 n)
{
	return prandom_u64_state(state) % n;
}

#endif
