// SPDX-License-Identifier: GPL-2.0
/*
 * The handlers that turn a sysctl's value into text and back, as /proc/sys
 * reads and writes it. Linux: kernel/sysctl.c
 *
 * Reading prints the value(s) and a newline, once: a read at a position
 * past 0 gives 0 bytes (EOF). Writing parses what was written, which must
 * start at position 0 (sysctl_writes_strict=1, Linux's default: a write
 * at a later position is ignored and reported as done); numbers may be
 * decimal, 0x hex or 0 octal, separated by blanks; anything else, or a
 * value out of the entry's range, is -EINVAL and leaves the value as it
 * was.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/sysctl.h>

const int sysctl_vals[] = { 0, 1, 2, 4, 200, INT_MAX };

#define TMPBUFLEN	22	/* room for a long, its sign and a NUL */

static const char proc_wspace_sep[] = { ' ', '\t', '\n' };

/* Linux's isspace(), which counts Latin-1's no-break space (0xa0) too. */
static bool sysctl_isspace(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || (unsigned char)c == 0xa0;
}

static bool is_digit_in(char c, unsigned int base)
{
	unsigned int d;

	if (c >= '0' && c <= '9')
		d = (unsigned int)(c - '0');
	else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		d = (unsigned int)((c | 0x20) - 'a' + 10);
	else
		return false;
	return d < base;
}

/*
 * A number at cp in base 0 ("0x" hex only when a hex digit follows, a
 * leading 0 octal, else decimal): -ERANGE when it does not fit a long.
 * Linux: strtoul_lenient() over _parse_integer()
 */
static int strtoul_lenient(const char *cp, char **endp, unsigned long *res)
{
	unsigned int base = 10;
	unsigned long result = 0;
	bool overflow = false;

	if (cp[0] == '0') {
		base = 8;
		if ((cp[1] | 0x20) == 'x' && is_digit_in(cp[2], 16)) {
			base = 16;
			cp += 2;
		}
	}
	for (; is_digit_in(*cp, base); cp++) {
		unsigned int d = (unsigned int)(*cp <= '9' ? *cp - '0' : (*cp | 0x20) - 'a' + 10);

		if (result > (ULONG_MAX - d) / base)
			overflow = true;
		result = result * base + d;
	}
	if (overflow)
		return -ERANGE;
	*endp = (char *)cp;
	*res = result;
	return 0;
}

/* Linux: proc_skip_spaces() */
static void proc_skip_spaces(char **buf, size_t *size)
{
	while (*size && sysctl_isspace(**buf)) {
		(*size)--;
		(*buf)++;
	}
}

/*
 * One number from *buf: it must be followed by a blank or the end.
 * Linux: proc_get_long()
 */
static int proc_get_long(char **buf, size_t *size, unsigned long *val, bool *neg)
{
	char tmp[TMPBUFLEN], *p = tmp;
	size_t len = *size;

	if (len > TMPBUFLEN - 1)
		len = TMPBUFLEN - 1;
	memcpy(tmp, *buf, len);
	tmp[len] = 0;
	*neg = *p == '-' && *size > 1;
	if (*neg)
		p++;
	if (!is_digit_in(*p, 10))
		return -EINVAL;
	if (strtoul_lenient(p, &p, val))
		return -EINVAL;
	len = (size_t)(p - tmp);
	/* So long a number may go on past the copy: refuse it. */
	if (len == TMPBUFLEN - 1)
		return -EINVAL;
	if (len < *size && !memchr(proc_wspace_sep, *p, sizeof(proc_wspace_sep)))
		return -EINVAL;
	*buf += len;
	*size -= len;
	return 0;
}

/* Linux: proc_put_long(), proc_put_char(): cut short when the buffer is full. */
static void proc_put_long(char **buf, size_t *size, unsigned long val, bool neg)
{
	char tmp[TMPBUFLEN];
	size_t len = (size_t)snprintf(tmp, sizeof(tmp), "%s%lu", neg ? "-" : "", val);

	len = min(len, *size);
	memcpy(*buf, tmp, len);
	*size -= len;
	*buf += len;
}

static void proc_put_char(char **buf, size_t *size, char c)
{
	if (*size) {
		*(*buf)++ = c;
		(*size)--;
	}
}

/*
 * A string: read whole at position 0 with a newline added; written up to
 * the first newline or NUL, at most maxlen - 1 bytes, from the position
 * the write starts at (a later position continues the string).
 * Linux: proc_dostring() -> _proc_do_string()
 */
int proc_dostring(struct ctl_table *table, int write, void *buffer, size_t *lenp, loff_t *ppos)
{
	char *data = table->data, *p = buffer;
	size_t len, maxlen = (size_t)table->maxlen;

	if (!data || !maxlen || !*lenp) {
		*lenp = 0;
		return 0;
	}
	if (write) {
		len = min(strlen(data), maxlen - 1);
		if (*ppos > (loff_t)len)
			return 0;
		len = (size_t)*ppos;
		*ppos += (loff_t)*lenp;
		while ((size_t)(p - (char *)buffer) < *lenp && len < maxlen - 1) {
			char c = *p++;

			if (c == 0 || c == '\n')
				break;
			data[len++] = c;
		}
		data[len] = 0;
		return 0;
	}
	len = min(strlen(data), maxlen);
	if (*ppos > (loff_t)len) {
		*lenp = 0;
		return 0;
	}
	data += *ppos;
	len -= (size_t)*ppos;
	len = min(len, *lenp);
	memcpy(buffer, data, len);
	if (len < *lenp)
		((char *)buffer)[len++] = '\n';
	*lenp = len;
	*ppos += (loff_t)len;
	return 0;
}

/* An int from its sign and magnitude, or the reverse. Linux: do_proc_dointvec_conv() */
static int dointvec_conv(bool *negp, unsigned long *lvalp, int *valp, int write)
{
	if (!write) {
		*negp = *valp < 0;
		*lvalp = *negp ? -(unsigned long)*valp : (unsigned long)*valp;
		return 0;
	}
	if (*lvalp > (unsigned long)INT_MAX + (*negp ? 1 : 0))
		return -EINVAL;
	*valp = *negp ? (int)-*lvalp : (int)*lvalp;
	return 0;
}

/*
 * A vector of ints (maxlen / sizeof(int) of them), tab-separated, each
 * written value checked against extra1/extra2 when minmax is set.
 * Linux: __do_proc_dointvec() with do_proc_dointvec_minmax_conv()
 */
static int do_proc_dointvec(struct ctl_table *table, int write, char *buffer, size_t *lenp,
			    loff_t *ppos, bool minmax)
{
	const int *min = minmax ? table->extra1 : NULL, *max = minmax ? table->extra2 : NULL;
	int *i = table->data, vleft = table->maxlen / (int)sizeof(int), first = 1, err = 0;
	size_t left = *lenp;
	char *p = buffer;

	if (!i || !table->maxlen || !*lenp || (*ppos && !write)) {
		*lenp = 0;
		return 0;
	}
	if (write) {
		if (*ppos)	/* sysctl_writes_strict: only a write from 0 counts */
			goto out;
		left = min(left, (size_t)PAGE_SIZE - 1);
	}
	for (; left && vleft--; i++, first = 0) {
		unsigned long lval;
		bool neg;
		int val;

		if (!write) {
			dointvec_conv(&neg, &lval, i, 0);
			if (!first)
				proc_put_char(&buffer, &left, '\t');
			proc_put_long(&buffer, &left, lval, neg);
			continue;
		}
		proc_skip_spaces(&p, &left);
		if (!left)
			break;
		err = proc_get_long(&p, &left, &lval, &neg);
		if (err)
			break;
		if (dointvec_conv(&neg, &lval, &val, 1) || (min && val < *min) ||
		    (max && val > *max)) {
			err = -EINVAL;
			break;
		}
		*i = val;
	}
	if (!write && !first && left && !err)
		proc_put_char(&buffer, &left, '\n');
	if (write && !err && left)
		proc_skip_spaces(&p, &left);
	if (write && first)
		return err ? err : -EINVAL;
	*lenp -= left;
out:
	*ppos += (loff_t)*lenp;
	return err;
}

/* Linux: proc_dointvec() */
int proc_dointvec(struct ctl_table *table, int write, void *buffer, size_t *lenp, loff_t *ppos)
{
	return do_proc_dointvec(table, write, buffer, lenp, ppos, false);
}

/* Linux: proc_dointvec_minmax() */
int proc_dointvec_minmax(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			 loff_t *ppos)
{
	return do_proc_dointvec(table, write, buffer, lenp, ppos, true);
}

/*
 * A vector of unsigned longs, none negative, within extra1/extra2.
 * Linux: proc_doulongvec_minmax() -> __do_proc_doulongvec_minmax()
 */
int proc_doulongvec_minmax(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			   loff_t *ppos)
{
	const unsigned long *min = table->extra1, *max = table->extra2;
	unsigned long *i = table->data;
	int vleft = table->maxlen / (int)sizeof(unsigned long), first = 1, err = 0;
	size_t left = *lenp;
	char *p = buffer, *out = buffer;

	if (!i || !table->maxlen || !*lenp || (*ppos && !write)) {
		*lenp = 0;
		return 0;
	}
	if (write) {
		if (*ppos)
			goto out;
		left = min(left, (size_t)PAGE_SIZE - 1);
	}
	for (; left && vleft--; i++, first = 0) {
		unsigned long val;
		bool neg;

		if (!write) {
			if (!first)
				proc_put_char(&out, &left, '\t');
			proc_put_long(&out, &left, *i, false);
			continue;
		}
		proc_skip_spaces(&p, &left);
		if (!left)
			break;
		err = proc_get_long(&p, &left, &val, &neg);
		if (err || neg || (min && val < *min) || (max && val > *max)) {
			err = -EINVAL;
			break;
		}
		*i = val;
	}
	if (!write && !first && left && !err)
		proc_put_char(&out, &left, '\n');
	if (write && !err)
		proc_skip_spaces(&p, &left);
	if (write && first)
		return err ? err : -EINVAL;
	*lenp -= left;
out:
	*ppos += (loff_t)*lenp;
	return err;
}
