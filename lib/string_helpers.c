// SPDX-License-Identifier: GPL-2.0
/*
 * String helpers the kernel has and the C library lacks (or names
 * differently). Linux: lib/string.c (strlcpy), lib/string_helpers.c
 */
#include <linux/string.h>

/* Copy at most size-1 bytes and always terminate; returns strlen(src). */
size_t strlcpy(char *dest, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len >= size ? size - 1 : len;

		memcpy(dest, src, n);
		dest[n] = '\0';
	}
	return len;
}

/* Split *s at the first byte in delim; returns the token, advances *s. */
char *strsep(char **s, const char *delim)
{
	char *start = *s, *end;

	if (!start)
		return NULL;
	for (end = start; *end && !strchr(delim, *end); end++)
		;
	if (*end) {
		*end = '\0';
		*s = end + 1;
	} else {
		*s = NULL;
	}
	return start;
}

char *skip_spaces(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	return (char *)s;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* Cut the white space off both ends of s, in place. Linux: strim() (strstrip) */
char *strstrip(char *s)
{
	size_t len = strlen(s);

	while (len && is_space(s[len - 1]))
		s[--len] = '\0';
	while (is_space(*s))
		s++;
	return s;
}
