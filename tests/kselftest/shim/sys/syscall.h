/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/syscall.h> as glibc has it: the kernel's own system-call numbers
 * (Debian's linux-libc-dev, Linux 6.1's <asm/unistd.h>), then musl's.
 * musl 1.2.3's list stops before memfd_secret (447) and process_mrelease
 * (448), and memfd_secret skips itself when __NR_memfd_secret is missing.
 */
#ifndef _KSELFTEST_SHIM_SYS_SYSCALL_H
#define _KSELFTEST_SHIM_SYS_SYSCALL_H

#include <asm/unistd.h>
#include_next <sys/syscall.h>

#endif
