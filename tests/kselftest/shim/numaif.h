/* SPDX-License-Identifier: GPL-2.0 */
/*
 * libnuma's <numaif.h>: the NUMA system calls (see numa.h beside this file).
 */
#ifndef _KSELFTEST_SHIM_NUMAIF_H
#define _KSELFTEST_SHIM_NUMAIF_H

#include <linux/mempolicy.h>

long get_mempolicy(int *mode, unsigned long *nmask, unsigned long maxnode,
		   void *addr, unsigned flags);
long mbind(void *start, unsigned long len, int mode,
	   const unsigned long *nmask, unsigned long maxnode, unsigned flags);
long move_pages(int pid, unsigned long count, void **pages,
		const int *nodes, int *status, int flags);

#endif
