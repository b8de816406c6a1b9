// SPDX-License-Identifier: GPL-2.0
/*
 * printk: the kernel log. Linux: kernel/printk/printk.c
 *
 * Each message may start with a level (KERN_INFO is "\0016"). Every line
 * goes into the log buffer (for a later dmesg) and, when its level is below
 * console_loglevel, to the serial console, prefixed with the time since
 * boot as Linux's console shows it: "[    1.234567] message".
 *
 * A message without a trailing newline leaves its line open; the next
 * printk continues it if it says KERN_CONT, and starts a new line if not.
 * Interrupts are off while a message is written, so an interrupt handler's
 * printk never lands in the middle of another line.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/timekeeping.h>
#include <asm/irqflags.h>
#include <asm/serial.h>

#define LOG_BUF_LEN	(1 << 17)

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
static bool ignore_loglevel;		/* print every message, whatever its level */

/* Not static: nothing in the kernel reads them back, but gdb's lx-dmesg does. */
char log_buf[LOG_BUF_LEN];
size_t log_next;			/* bytes ever written; wraps modulo */
static bool line_open;			/* last output did not end in '\n' */
static int line_level;			/* level of the open line */

static void log_store(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		log_buf[(log_next + i) % LOG_BUF_LEN] = s[i];
	log_next += len;
}

static void emit(const char *s, size_t len, int level)
{
	log_store(s, len);
	if (level < console_loglevel || ignore_loglevel)
		serial_write(s, len);
}

static void emit_prefix(int level)
{
	char prefix[32];
	u64 ns = local_clock();
	int n = scnprintf(prefix, sizeof(prefix), "[%5lu.%06lu] ",
			  (unsigned long)(ns / NSEC_PER_SEC),
			  (unsigned long)(ns % NSEC_PER_SEC / NSEC_PER_USEC));

	emit(prefix, n, level);
}

/* Strip a KERN_<level> prefix; returns the level, or -1 for KERN_CONT. */
static int parse_level(const char **text)
{
	const char *s = *text;
	int level = MESSAGE_LOGLEVEL_DEFAULT;

	while (s[0] == KERN_SOH[0] && s[1]) {
		if (s[1] >= '0' && s[1] <= '7')
			level = s[1] - '0';
		else if (s[1] == 'c')
			level = -1;
		s += 2;
	}
	*text = s;
	return level;
}

/* Write text line by line, stamping the start of every line. */
static void emit_lines(const char *text, size_t len, int level)
{
	while (len) {
		const char *nl = memchr(text, '\n', len);
		size_t n = nl ? (size_t)(nl - text) + 1 : len;

		if (!line_open)
			emit_prefix(level);
		emit(text, n, level);
		line_open = !nl;
		text += n;
		len -= n;
	}
}

int vprintk(const char *fmt, va_list args)
{
	static char text[1024];
	unsigned long flags;
	const char *p;
	int level, len;

	local_irq_save(flags);
	len = vscnprintf(text, sizeof(text), fmt, args);
	p = text;
	level = parse_level(&p);
	len -= p - text;
	if (level < 0) {
		level = line_level;
	} else if (line_open) {
		emit("\n", 1, line_level);
		line_open = false;
	}
	line_level = level;
	emit_lines(p, len, level);
	local_irq_restore(flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

static int __init loglevel_setup(char *str)
{
	unsigned long level;

	if (kstrtoul(str, 10, &level))
		return -EINVAL;
	console_loglevel = (int)level;
	return 0;
}
early_param("loglevel", loglevel_setup);

static int __init quiet_setup(char *str)
{
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 0;
}
early_param("quiet", quiet_setup);

static int __init debug_setup(char *str)
{
	console_loglevel = CONSOLE_LOGLEVEL_DEBUG;
	return 0;
}
early_param("debug", debug_setup);

static int __init ignore_loglevel_setup(char *str)
{
	ignore_loglevel = true;
	pr_info("debug: ignoring loglevel setting.\n");
	return 0;
}
early_param("ignore_loglevel", ignore_loglevel_setup);
