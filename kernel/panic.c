// SPDX-License-Identifier: GPL-2.0
/*
 * panic(), WARN and BUG reporting, and taint. Linux: kernel/panic.c
 *
 * A panic stops the machine so a test harness sees it at once: QEMU exits
 * through isa-debug-exit with status 3 (QEMU_EXIT_PANIC) instead of
 * spinning until a timeout.
 */
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <asm/irqflags.h>
#include <asm/reboot.h>
#include <asm/stacktrace.h>

int oops_in_progress;
static unsigned long tainted_mask;

/* One letter per flag, in Linux's order: "PFSRMBUDAWCIOELKXT". */
static const char taint_letters[TAINT_FLAGS_COUNT] = "PFSRMBUDAWCIOELKXT";

void add_taint(enum taint_flag flag)
{
	tainted_mask |= 1UL << flag;
}

bool test_taint(enum taint_flag flag)
{
	return tainted_mask & (1UL << flag);
}

/* "Not tainted", or "Tainted: G    B  D   " as Linux prints it. */
const char *print_tainted(void)
{
	static char buf[TAINT_FLAGS_COUNT + sizeof("Tainted: ")];
	char *s = buf + sizeof("Tainted: ") - 1;

	if (!tainted_mask)
		return "Not tainted";
	memcpy(buf, "Tainted: ", sizeof("Tainted: ") - 1);
	for (int i = 0; i < TAINT_FLAGS_COUNT - 1; i++) {
		if (i == 0)
			*s++ = test_taint(0) ? 'P' : 'G';
		else
			*s++ = test_taint(i) ? taint_letters[i] : ' ';
	}
	*s = '\0';
	return buf;
}

void panic(const char *fmt, ...)
{
	static char buf[1024];
	va_list args;

	local_irq_disable();
	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	console_loglevel = CONSOLE_LOGLEVEL_DEBUG;
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	if (!test_taint(TAINT_DIE) && oops_in_progress <= 1)
		dump_stack();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	machine_halt_qemu(QEMU_EXIT_PANIC);
}

void __warn(const char *file, int line, const char *cond)
{
	unsigned long caller = (unsigned long)__builtin_return_address(0);

	add_taint(TAINT_WARN);
	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: CPU: 0 PID: %d at %s:%d %pS\n", current->pid, file, line,
		(void *)caller);
	pr_warn("WARN_ON(%s)\n", cond);
	dump_stack();
	pr_warn("---[ end trace 0000000000000000 ]---\n");
}

void __bug_print(const char *file, int line)
{
	pr_emerg("------------[ cut here ]------------\n");
	pr_emerg("kernel BUG at %s:%d!\n", file, line);
}
