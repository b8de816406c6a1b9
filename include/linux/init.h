/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

/*
 * __init marks code and data used only while booting. Linux frees them
 * after boot; Faultline keeps them (a few KiB) and uses the mark only as
 * documentation.
 */
#define __init
#define __initdata

#define COMMAND_LINE_SIZE	2048

extern char boot_command_line[COMMAND_LINE_SIZE];

/*
 * Kernel command-line options (Linux: include/linux/init.h):
 *   early_param("name", fn)   fn(value) runs from parse_early_param(), in
 *                             setup_arch(), before memory is set up;
 *                             returns 0, or an error for a bad value.
 *   __setup("name=", fn)      fn(value) runs from parse_args() later in
 *                             start_kernel(); returns 1 when it took the
 *                             option. "name" without '=' takes a bare flag.
 * An option nobody takes is reported as Linux reports it, and is kept for
 * user space (init's arguments and environment).
 */
struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *);
	int early;
};

#define __setup_param(str, unique_id, fn, early)			\
	static const char __setup_str_##unique_id[] = str;		\
	static const struct obs_kernel_param __setup_##unique_id	\
		__used __section(".init.setup") __aligned(8)		\
		= { __setup_str_##unique_id, fn, early }

#define __setup(str, fn)	__setup_param(str, fn, fn, 0)
#define early_param(str, fn)	__setup_param(str, fn, fn, 1)

void parse_early_param(void);
void parse_args(void);
const char *unknown_boot_options(void);

/* What init is run with: argv_init[0] is replaced by its path. */
extern const char *argv_init[];
extern const char *envp_init[];

#endif
