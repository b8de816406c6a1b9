/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IPC_NAMESPACE_H
#define _LINUX_IPC_NAMESPACE_H

/*
 * The System V IPC objects and their limits (ipc/). Linux:
 * include/linux/ipc_namespace.h
 */
#include <linux/types.h>
#include <linux/radix-tree.h>

/*
 * The objects of one kind. Linux: struct ipc_ids (Linux also hashes the
 * keys in an rhashtable; Faultline walks the tree for a key, which holds
 * at most shm_ctlmni objects).
 */
struct ipc_ids {
	int in_use;			/* objects */
	unsigned short seq;		/* the sequence part of new ids (ipc/util.h) */
	struct radix_tree_root ipcs_idr;	/* index -> struct kern_ipc_perm */
	int max_idx;			/* the highest index in use, -1 for none */
	int last_idx;			/* the index handed out last */
	int next_idx;			/* where the cyclic search starts (Linux: idr_next) */
};

/*
 * Linux's IPC namespace, of which Faultline has one. The shm_ctl*
 * limits are what /proc/sys/kernel/shmmax, shmall, shmmni and
 * shm_rmid_forced read and write. Linux: include/linux/ipc_namespace.h
 */
struct ipc_namespace {
	struct ipc_ids shm_ids;		/* Linux: ids[IPC_SHM_IDS] */
	unsigned long shm_ctlmax;	/* largest segment, bytes */
	unsigned long shm_ctlall;	/* all segments together, pages */
	unsigned long shm_tot;		/* pages of the segments now */
	int shm_ctlmni;			/* segments */
	int shm_rmid_forced;		/* 1: a segment goes when nothing uses it */
};

extern struct ipc_namespace init_ipc_ns;

/* ipc/shm.c: kernel.shm_rmid_forced was set to 1 (its sysctl handler calls this). */
void shm_destroy_orphaned(void);

#endif
