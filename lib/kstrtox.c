// SPDX-License-Identifier: GPL-2.0
/*
 * Number parsing for the command line and procfs writes.
 * Linux: lib/kstrtox.c, lib/cmdline.c (memparse)
 */
#include <linux/kernel.h>
#include <linux/errno.h>

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/* Base 0 means: 0x prefix is hex, a leading 0 octal, otherwise decimal. */
static const char *parse_base(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
			*base = 16;
		else if (s[0] == '0')
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	return s;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	unsigned long result = 0;
	int d;

	cp = parse_base(cp, &base);
	while ((d = digit_value(*cp)) < (int)base) {
		result = result * base + d;
		cp++;
	}
	if (endp)
		*endp = (char *)cp;
	return result;
}

/*
 * Parse a whole string as an unsigned number: -EINVAL for no digits or
 * trailing junk (one trailing newline is allowed), -ERANGE on overflow.
 */
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long result = 0;
	const char *start;
	int d;

	s = parse_base(s, &base);
	start = s;
	while ((d = digit_value(*s)) < (int)base) {
		if (result > (~0UL - d) / base)
			return -ERANGE;
		result = result * base + d;
		s++;
	}
	if (s == start)
		return -EINVAL;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = result;
	return 0;
}

/*
 * A signed int: an optional '-' or '+', then as kstrtoul; -ERANGE
 * outside int's range. Linux: kstrtoint()
 */
int kstrtoint(const char *s, unsigned int base, int *res)
{
	bool neg = s[0] == '-';
	unsigned long v;
	int err;

	if (s[0] == '-' || s[0] == '+')
		s++;
	err = kstrtoul(s, base, &v);
	if (err)
		return err;
	if (v > (neg ? (unsigned long)INT_MAX + 1 : (unsigned long)INT_MAX))
		return -ERANGE;
	*res = neg ? (int)-(long)v : (int)v;
	return 0;
}

/* "64M", "512k", "1G": a size with an optional K/M/G/T suffix. */
unsigned long long memparse(const char *ptr, char **retptr)
{
	char *endptr;
	unsigned long long ret = simple_strtoul(ptr, &endptr, 0);

	switch (*endptr) {
	case 'T': case 't':
		ret <<= 10;
		/* fall through */
	case 'G': case 'g':
		ret <<= 10;
		/* fall through */
	case 'M': case 'm':
		ret <<= 10;
		/* fall through */
	case 'K': case 'k':
		ret <<= 10;
		endptr++;
		break;
	default:
		break;
	}
	if (retptr)
		*retptr = endptr;
	return ret;
}
