/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The part of libcap's <sys/capability.h> that the vm selftests use
 * (mlock-random-test, memfd_secret: drop every capability before testing
 * RLIMIT_MEMLOCK), for musl, which has no libcap. Debian's libcap is built
 * against glibc and cannot be linked into a static musl program.
 *
 * A cap_t here is always the empty set: cap_init() makes one and
 * cap_set_proc() installs it with capset(2), as libcap does.
 */
#ifndef _KSELFTEST_SHIM_SYS_CAPABILITY_H
#define _KSELFTEST_SHIM_SYS_CAPABILITY_H

#include <linux/capability.h>

typedef struct _cap_struct *cap_t;

cap_t cap_init(void);
int cap_set_proc(cap_t cap);
int cap_free(void *obj);

#endif
