/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN	128

enum ksym_style {
	KSYM_NAME_ONLY,		/* "start_kernel" */
	KSYM_WITH_OFFSET,	/* "start_kernel+0x1c/0x90" */
	KSYM_BACKTRACE,		/* the same for a return address: looked up
				   at addr - 1, so that a call ending a
				   function names that function (Linux: %pB) */
};

/*
 * The kernel's own symbol table, generated from the linked image by
 * scripts/kallsyms.sh and linked into the .kallsyms section (last, so that
 * its size moves nothing else). Linux: kernel/kallsyms.c
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset);
unsigned long kallsyms_lookup_name(const char *name);
int sprint_symbol(char *buf, size_t size, unsigned long addr, enum ksym_style style);

#endif
