/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The part of libnuma's <numa.h> that the vm selftests use (ksm_tests -N,
 * migration), for musl, which has no libnuma. Debian's libnuma is built
 * against glibc and cannot be linked into a static musl program.
 *
 * As libnuma, it reads the nodes from /sys/devices/system/node/ and asks
 * the kernel through get_mempolicy(2) whether NUMA is there at all; a
 * machine without that directory has one node, node 0 (QEMU without
 * -numa, as scripts/boot starts it). The tests skip with fewer than two
 * nodes, so numa_alloc_onnode() is a plain mmap with mbind(MPOL_BIND).
 */
#ifndef _KSELFTEST_SHIM_NUMA_H
#define _KSELFTEST_SHIM_NUMA_H

#include <stddef.h>

struct bitmask {
	unsigned long size;	/* in bits */
	unsigned long *maskp;
};

extern struct bitmask *numa_all_nodes_ptr;

int numa_available(void);
int numa_max_node(void);
int numa_max_possible_node(void);
int numa_num_configured_nodes(void);
int numa_num_task_cpus(void);
long numa_node_size(int node, long *freep);
void *numa_alloc_onnode(size_t size, int node);
void numa_free(void *mem, size_t size);
int numa_bitmask_isbitset(const struct bitmask *bmp, unsigned int n);

#endif
