/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/compiler.h>

__printf(1, 2) __noreturn void panic(const char *fmt, ...);

/* Taint flags (Linux: include/linux/panic.h), shown in oops headers. */
enum taint_flag {
	TAINT_BAD_PAGE = 5,	/* 'B': the page allocator saw a bad page */
	TAINT_DIE = 7,		/* 'D': an oops happened */
	TAINT_WARN = 9,		/* 'W': a WARN_ON fired */
	TAINT_FLAGS_COUNT = 19,
};

void add_taint(enum taint_flag flag);
bool test_taint(enum taint_flag flag);
const char *print_tainted(void);

extern int oops_in_progress;

#endif
