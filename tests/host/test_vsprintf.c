// SPDX-License-Identifier: GPL-2.0
/*
 * lib/vsprintf.c against the C library's snprintf: the same format and
 * arguments must give the same text and the same return value, for fixed
 * cases and for random ones; truncation must always NUL-terminate.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <linux/prandom.h>
#include "tap.h"

int ksnprintf(char *buf, size_t size, const char *fmt, ...);
int kscnprintf(char *buf, size_t size, const char *fmt, ...);

#define SAME(...) do {							\
	char want[256], got[256];					\
	int wn = snprintf(want, sizeof(want), __VA_ARGS__);		\
	int gn = ksnprintf(got, sizeof(got), __VA_ARGS__);		\
	if (wn != gn || strcmp(want, got)) {				\
		printf("#   format %s\n#     want: [%s] (%d)\n#     got:  [%s] (%d)\n", \
		       #__VA_ARGS__, want, wn, got, gn);		\
		tap_case_failed = 1;					\
	}								\
} while (0)

static void fixed_cases(void)
{
	SAME("%d %i %u", 0, -42, 42u);
	SAME("%5d|%-5d|%05d|%+d|% d", 42, 42, 42, 42, 42);
	SAME("%x %X %#x %#o %o", 0xbeefu, 0xbeefu, 255u, 8u, 0u);
	SAME("%ld %lu %lx", -1L, ~0UL, 0x123456789abcUL);
	SAME("%lld %llu %llx", -9223372036854775807LL - 1, ~0ULL, 1ULL << 63);
	SAME("%hhd %hhu %hd %hu", 300, 300, 70000, 70000);
	SAME("%zu %zd", (size_t)12345, (long)-5);
	SAME("%s|%10s|%-10s|%.3s|%.0s", "abc", "abc", "abc", "abcdef", "abc");
	SAME("%c%c%5c|%-3c|", 'a', 'b', 'c', 'd');
	SAME("%.5d %.0d %8.3d %-8.3d|", 42, 0, 7, 7);
	SAME("%*d %-*d %.*s", 6, 1, 6, 2, 2, "xyz");
	SAME("100%% %s", "done");
	SAME("%016lx %#018llx", 0xffffffff81000000UL, 0x1000ULL);
}

static void linux_cases(void)
{
	char buf[32];

	ksnprintf(buf, sizeof(buf), "%#x|%#lx", 0u, 0UL);
	CHECK(!strcmp(buf, "0x0|0x0"));
}

static void pointer_cases(void)
{
	char buf[64];

	ksnprintf(buf, sizeof(buf), "%px", (void *)0xffff888000001000UL);
	CHECK(!strcmp(buf, "ffff888000001000"));
	ksnprintf(buf, sizeof(buf), "%p", (void *)0x1234UL);
	CHECK(!strcmp(buf, "0000000000001234"));
	ksnprintf(buf, sizeof(buf), "[%pS]", (void *)0x10UL);
	CHECK(!strcmp(buf, "[sym_10+0x0/0x10]"));
}

static void truncation(void)
{
	char buf[8];
	int n;

	memset(buf, 'x', sizeof(buf));
	n = ksnprintf(buf, sizeof(buf), "%s", "0123456789");
	CHECK_EQ(10, n);
	CHECK(!strcmp(buf, "0123456"));
	n = kscnprintf(buf, sizeof(buf), "%s", "0123456789");
	CHECK_EQ(7, n);
	n = ksnprintf(NULL, 0, "%d", 12345);
	CHECK_EQ(5, n);
	n = kscnprintf(buf, 0, "%d", 12345);
	CHECK_EQ(0, n);
}

static struct rnd_state rng = { 88172645463325252ULL };

static unsigned long long rnd(void)
{
	return prandom_u64_state(&rng);
}

/* Random flags, width, precision and conversion over random values. */
static void random_cases(void)
{
	static const char *const flags[] = { "", "-", "0", "+", " ", "#", "-0", "+0", "#0" };
	static const char *const convs[] = { "d", "u", "x", "X", "o", "ld", "lu", "lx", "llx", "lld" };

	for (int i = 0; i < 20000 && !tap_case_failed; i++) {
		char fmt[32], want[128], got[128];
		const char *conv = convs[rnd() % 10];
		unsigned long long v = rnd() >> (rnd() % 64);
		int width = (int)(rnd() % 25), wn, gn;

		if (rnd() % 3)
			snprintf(fmt, sizeof(fmt), "[%%%s%d%s]", flags[rnd() % 9], width, conv);
		else
			snprintf(fmt, sizeof(fmt), "[%%%s%d.%d%s]", flags[rnd() % 9], width,
				 (int)(rnd() % 20), conv);
		/* Linux (and Faultline) print %#x of 0 as "0x0"; C prints "0". */
		if (strchr(fmt, '#') && (conv[0] == 'l' ? v : (unsigned int)v) == 0)
			continue;
		if (conv[0] == 'l') {
			wn = snprintf(want, sizeof(want), fmt, v);
			gn = ksnprintf(got, sizeof(got), fmt, v);
		} else {
			wn = snprintf(want, sizeof(want), fmt, (unsigned int)v);
			gn = ksnprintf(got, sizeof(got), fmt, (unsigned int)v);
		}
		if (wn != gn || strcmp(want, got)) {
			printf("#   format %s value %llu\n#     want: %s\n#     got:  %s\n",
			       fmt, v, want, got);
			tap_case_failed = 1;
		}
	}
}

int main(void)
{
	fixed_cases();
	tap_result("vsprintf: fixed conversions match the C library");
	linux_cases();
	tap_result("vsprintf: %#x of 0 is 0x0, as in Linux");
	pointer_cases();
	tap_result("vsprintf: %px, %p and %pS");
	truncation();
	tap_result("vsprintf: truncation NUL-terminates and returns the full length");
	random_cases();
	tap_result("vsprintf: 20000 random formats match the C library");
	return tap_done();
}
