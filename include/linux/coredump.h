/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COREDUMP_H
#define _LINUX_COREDUMP_H

#include <linux/signal_types.h>

/*
 * A process killed by a core-dumping signal leaves an ELF core file
 * named "core" in its working directory, if RLIMIT_CORE allows one.
 * Returns whether a core was written (the 0x80 bit of the wait status).
 * Linux: fs/coredump.c
 */
bool do_coredump(const struct kernel_siginfo *siginfo);

#define CORENAME_MAX_SIZE	128
extern char core_pattern[CORENAME_MAX_SIZE];	/* kernel.core_pattern */
extern int core_uses_pid;			/* kernel.core_uses_pid */

#endif
