// SPDX-License-Identifier: GPL-2.0
/*
 * libnuma, the little the vm selftests use (see numa.h beside this file).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <numa.h>
#include <numaif.h>

#define NODE_DIR	"/sys/devices/system/node"
#define MAX_NODES	64

static unsigned long all_nodes_mask;
static struct bitmask all_nodes = { MAX_NODES, &all_nodes_mask };
struct bitmask *numa_all_nodes_ptr = &all_nodes;

long get_mempolicy(int *mode, unsigned long *nmask, unsigned long maxnode,
		   void *addr, unsigned flags)
{
	return syscall(SYS_get_mempolicy, mode, nmask, maxnode, addr, flags);
}

long mbind(void *start, unsigned long len, int mode,
	   const unsigned long *nmask, unsigned long maxnode, unsigned flags)
{
	return syscall(SYS_mbind, start, len, mode, nmask, maxnode, flags);
}

long move_pages(int pid, unsigned long count, void **pages,
		const int *nodes, int *status, int flags)
{
	return syscall(SYS_move_pages, pid, count, pages, nodes, status, flags);
}

/* The nodes in /sys/devices/system/node/nodeN, or node 0 alone. */
static unsigned long read_nodes(void)
{
	DIR *dir;
	struct dirent *d;
	int n;

	if (all_nodes_mask)
		return all_nodes_mask;
	dir = opendir(NODE_DIR);
	while (dir && (d = readdir(dir)))
		if (sscanf(d->d_name, "node%d", &n) == 1 && n >= 0 && n < MAX_NODES)
			all_nodes_mask |= 1UL << n;
	if (dir)
		closedir(dir);
	if (!all_nodes_mask)
		all_nodes_mask = 1;
	return all_nodes_mask;
}

int numa_available(void)
{
	return get_mempolicy(NULL, NULL, 0, NULL, 0) < 0 ? -1 : 0;
}

int numa_max_node(void)
{
	return 63 - __builtin_clzl(read_nodes());
}

int numa_max_possible_node(void)
{
	return MAX_NODES - 1;
}

int numa_num_configured_nodes(void)
{
	return __builtin_popcountl(read_nodes());
}

int numa_num_task_cpus(void)
{
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof(set), &set))
		return 1;
	return CPU_COUNT(&set);
}

int numa_bitmask_isbitset(const struct bitmask *bmp, unsigned int n)
{
	read_nodes();
	return n < bmp->size && (bmp->maskp[n / 64] >> (n % 64)) & 1;
}

/*
 * MemTotal (returned) and MemFree (in *freep) of node, in bytes, from
 * /sys/devices/system/node/nodeN/meminfo; without it, node 0 is the
 * whole machine and any other node has no memory (-1).
 */
long numa_node_size(int node, long *freep)
{
	long page = sysconf(_SC_PAGESIZE), kb, total = -1, free_bytes = -1;
	char path[64], line[128], *p;
	FILE *f;

	snprintf(path, sizeof(path), NODE_DIR "/node%d/meminfo", node);
	f = fopen(path, "r");
	if (!f && node == 0) {
		total = sysconf(_SC_PHYS_PAGES) * page;
		free_bytes = sysconf(_SC_AVPHYS_PAGES) * page;
	}
	while (f && fgets(line, sizeof(line), f)) {
		if ((p = strstr(line, "MemTotal:")) && sscanf(p + 9, "%ld", &kb) == 1)
			total = kb * 1024;
		if ((p = strstr(line, "MemFree:")) && sscanf(p + 8, "%ld", &kb) == 1)
			free_bytes = kb * 1024;
	}
	if (f)
		fclose(f);
	if (freep)
		*freep = free_bytes;
	return total;
}

void *numa_alloc_onnode(size_t size, int node)
{
	unsigned long mask = 1UL << node;
	void *mem = mmap(NULL, size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (mem == MAP_FAILED)
		return NULL;
	if (mbind(mem, size, MPOL_BIND, &mask, MAX_NODES + 1, 0)) {
		munmap(mem, size);
		return NULL;
	}
	return mem;
}

void numa_free(void *mem, size_t size)
{
	munmap(mem, size);
}
