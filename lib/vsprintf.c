// SPDX-License-Identifier: GPL-2.0
/*
 * Formatted output for printk and seq_file: the C conversions plus the
 * kernel's %p extensions. Linux: lib/vsprintf.c
 *
 *   %d %i %u %x %X %o %c %s %%   with flags - + space # 0, width, precision
 *                                 and the length modifiers hh h l ll z t j
 *   %pS  symbol+offset/size of a code address ("start_kernel+0x1c/0x90")
 *   %pB  the same for a return address (looked up at address - 1)
 *   %ps  the symbol name alone
 *   %px  the raw pointer, 16 hex digits
 *   %p   the same as %px: Linux hashes plain %p to hide kernel addresses;
 *        a teaching kernel has nothing to hide and shows the address.
 *
 * Numbers follow C99, except that "%#x" of 0 prints "0x0", as Linux's
 * does (C prints "0"), so that kernel messages read the same as Linux's.
 *
 * Output goes through a cursor that counts every byte it would write, so
 * vsnprintf returns the full length even when buf is too small (C99).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/kallsyms.h>

struct out {
	char *buf;
	size_t size;	/* bytes available in buf, including the NUL */
	size_t len;	/* bytes produced so far, written or not */
};

struct spec {
	unsigned int flags;
	int width;	/* -1: none */
	int precision;	/* -1: none */
	unsigned int base;
	bool is_signed;
	bool upper;
};

#define LEFT	0x01	/* '-' */
#define PLUS	0x02	/* '+' */
#define SPACE	0x04	/* ' ' */
#define SPECIAL	0x08	/* '#' */
#define ZEROPAD	0x10	/* '0' */

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_repeat(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_string(struct out *o, const char *s, const struct spec *sp)
{
	int len, i;

	if (!s)
		s = "(null)";
	len = (int)strnlen(s, sp->precision >= 0 ? (size_t)sp->precision : ~(size_t)0);
	if (!(sp->flags & LEFT))
		put_repeat(o, ' ', sp->width - len);
	for (i = 0; i < len; i++)
		put(o, s[i]);
	if (sp->flags & LEFT)
		put_repeat(o, ' ', sp->width - len);
}

/* Digits of num in base, least significant first; returns the count. */
static int digits_reversed(char *tmp, unsigned long long num, unsigned int base,
			   bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0;

	do {
		tmp[n++] = digits[num % base];
		num /= base;
	} while (num);
	return n;
}

static void put_number(struct out *o, unsigned long long num, struct spec sp)
{
	char tmp[24], sign = 0;
	const char *prefix = "";
	int ndigits, width, zeros;

	if (sp.is_signed && (long long)num < 0) {
		sign = '-';
		num = 0ULL - num;
	} else if (sp.is_signed && (sp.flags & PLUS)) {
		sign = '+';
	} else if (sp.is_signed && (sp.flags & SPACE)) {
		sign = ' ';
	}
	if (num == 0 && sp.precision == 0)
		ndigits = 0;
	else
		ndigits = digits_reversed(tmp, num, sp.base, sp.upper);

	if (sp.flags & SPECIAL) {
		if (sp.base == 16)
			prefix = sp.upper ? "0X" : "0x";
		else if (sp.base == 8 && num && sp.precision <= ndigits)
			prefix = "0";	/* a leading 0, unless the precision gives one */
	}

	zeros = sp.precision > ndigits ? sp.precision - ndigits : 0;
	width = ndigits + zeros + (sign ? 1 : 0) + (int)strlen(prefix);
	if ((sp.flags & ZEROPAD) && !(sp.flags & LEFT) && sp.precision < 0 &&
	    sp.width > width) {
		zeros += sp.width - width;
		width = sp.width;
	}

	if (!(sp.flags & LEFT))
		put_repeat(o, ' ', sp.width - width);
	if (sign)
		put(o, sign);
	while (*prefix)
		put(o, *prefix++);
	put_repeat(o, '0', zeros);
	while (ndigits)
		put(o, tmp[--ndigits]);
	if (sp.flags & LEFT)
		put_repeat(o, ' ', sp.width - width);
}

/* The %p family; fmt points just after the 'p'. Returns the bytes used. */
static int put_pointer(struct out *o, const char *fmt, void *ptr, struct spec sp)
{
	char sym[KSYM_NAME_LEN + 32];

	switch (*fmt) {
	case 'S':
		sprint_symbol(sym, sizeof(sym), (unsigned long)ptr, KSYM_WITH_OFFSET);
		put_string(o, sym, &sp);
		return 1;
	case 'B':
		sprint_symbol(sym, sizeof(sym), (unsigned long)ptr, KSYM_BACKTRACE);
		put_string(o, sym, &sp);
		return 1;
	case 's':
		sprint_symbol(sym, sizeof(sym), (unsigned long)ptr, KSYM_NAME_ONLY);
		put_string(o, sym, &sp);
		return 1;
	case 'x':
		sp.flags |= ZEROPAD;
		sp.base = 16;
		if (sp.width < 0)
			sp.width = 16;
		put_number(o, (unsigned long)ptr, sp);
		return 1;
	default:
		sp.flags |= ZEROPAD;
		sp.base = 16;
		if (sp.width < 0)
			sp.width = 16;
		put_number(o, (unsigned long)ptr, sp);
		return 0;
	}
}

static const char *parse_flags(const char *fmt, struct spec *sp)
{
	for (;; fmt++) {
		switch (*fmt) {
		case '-': sp->flags |= LEFT; break;
		case '+': sp->flags |= PLUS; break;
		case ' ': sp->flags |= SPACE; break;
		case '#': sp->flags |= SPECIAL; break;
		case '0': sp->flags |= ZEROPAD; break;
		default: return fmt;
		}
	}
}

/* A width or precision: digits, or '*' taken from the arguments. */
static const char *parse_int(const char *fmt, int *out, va_list *args)
{
	if (*fmt == '*') {
		*out = va_arg(*args, int);
		return fmt + 1;
	}
	*out = 0;
	while (*fmt >= '0' && *fmt <= '9')
		*out = *out * 10 + (*fmt++ - '0');
	return fmt;
}

enum length { LEN_INT, LEN_CHAR, LEN_SHORT, LEN_LONG, LEN_LLONG, LEN_SIZE };

static const char *parse_length(const char *fmt, enum length *len)
{
	*len = LEN_INT;
	if (fmt[0] == 'h' && fmt[1] == 'h') {
		*len = LEN_CHAR;
		return fmt + 2;
	}
	if (fmt[0] == 'l' && fmt[1] == 'l') {
		*len = LEN_LLONG;
		return fmt + 2;
	}
	switch (*fmt) {
	case 'h': *len = LEN_SHORT; return fmt + 1;
	case 'l': *len = LEN_LONG; return fmt + 1;
	case 'z': case 't': case 'j': *len = LEN_SIZE; return fmt + 1;
	}
	return fmt;
}

static unsigned long long fetch_integer(enum length len, bool is_signed, va_list *args)
{
	switch (len) {
	case LEN_CHAR:
		return is_signed ? (long long)(signed char)va_arg(*args, int)
				 : (unsigned char)va_arg(*args, unsigned int);
	case LEN_SHORT:
		return is_signed ? (long long)(short)va_arg(*args, int)
				 : (unsigned short)va_arg(*args, unsigned int);
	case LEN_LONG:
	case LEN_SIZE:
		return is_signed ? (long long)va_arg(*args, long)
				 : va_arg(*args, unsigned long);
	case LEN_LLONG:
		return is_signed ? va_arg(*args, long long)
				 : va_arg(*args, unsigned long long);
	default:
		return is_signed ? (long long)va_arg(*args, int)
				 : va_arg(*args, unsigned int);
	}
}

/* One conversion; fmt points at its letter. Returns the next fmt. */
static const char *convert(struct out *o, const char *fmt, struct spec sp,
			   enum length len, va_list *args)
{
	char c;

	switch (*fmt) {
	case 'c':
		c = (char)va_arg(*args, int);
		if (!(sp.flags & LEFT))
			put_repeat(o, ' ', sp.width - 1);
		put(o, c);
		if (sp.flags & LEFT)
			put_repeat(o, ' ', sp.width - 1);
		return fmt + 1;
	case 's':
		put_string(o, va_arg(*args, const char *), &sp);
		return fmt + 1;
	case 'p':
		return fmt + 1 + put_pointer(o, fmt + 1, va_arg(*args, void *), sp);
	case '%':
		put(o, '%');
		return fmt + 1;
	case 'd':
	case 'i':
		sp.is_signed = true;
		break;
	case 'u':
		break;
	case 'X':
		sp.upper = true;
		/* fall through */
	case 'x':
		sp.base = 16;
		break;
	case 'o':
		sp.base = 8;
		break;
	default:
		/* Unknown conversion: show it as written. */
		put(o, '%');
		if (*fmt)
			put(o, *fmt++);
		return fmt;
	}
	put_number(o, fetch_integer(len, sp.is_signed, args), sp);
	return fmt + 1;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { .buf = buf, .size = size, .len = 0 };
	va_list ap;

	va_copy(ap, args);
	while (*fmt) {
		struct spec sp = { .width = -1, .precision = -1, .base = 10 };
		enum length len;

		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt = parse_flags(fmt + 1, &sp);
		if (*fmt == '*' || (*fmt >= '0' && *fmt <= '9')) {
			fmt = parse_int(fmt, &sp.width, &ap);
			if (sp.width < 0) {
				sp.flags |= LEFT;
				sp.width = -sp.width;
			}
		}
		if (*fmt == '.') {
			fmt = parse_int(fmt + 1, &sp.precision, &ap);
			if (sp.precision < 0)
				sp.precision = -1;
		}
		fmt = parse_length(fmt, &len);
		fmt = convert(&o, fmt, sp, len, &ap);
	}
	va_end(ap);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

/* Like vsnprintf, but returns the bytes actually written (without NUL). */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (!size)
		return 0;
	return (size_t)n < size ? n : (int)size - 1;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
