/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IPC_H
#define _LINUX_IPC_H

#include <linux/types.h>

/*
 * System V IPC: what every kind of object (Faultline has shared memory
 * only) keeps about its key, owner and permissions, and the user ABI of
 * that record. Linux: include/linux/ipc.h, include/uapi/linux/ipc.h,
 * include/uapi/asm-generic/ipcbuf.h
 */
typedef int key_t;

#define IPC_PRIVATE	((key_t)0)

/* get flags, beside the nine permission bits */
#define IPC_CREAT	00001000	/* create if the key is not in use */
#define IPC_EXCL	00002000	/* with IPC_CREAT: fail if it is */
#define IPC_NOWAIT	00004000

/* control commands common to every kind */
#define IPC_RMID	0
#define IPC_SET		1
#define IPC_STAT	2
#define IPC_INFO	3

/*
 * The kernel's record of one object, first in each object's structure
 * (struct shmid_kernel). id is seq << IPCMNI_SHIFT | the index in the
 * ids' tree; deleted is set by ipc_rmid (Linux: under the object's
 * spinlock, which Faultline, on one CPU without preemption, needs not).
 */
struct kern_ipc_perm {
	bool deleted;
	int id;
	key_t key;			/* IPC_PRIVATE once removed */
	uid_t uid, cuid;		/* owner, creator */
	gid_t gid, cgid;
	umode_t mode;			/* permission bits, and SHM_DEST, SHM_LOCKED */
	unsigned long seq;
};

/* What IPC_STAT copies out and IPC_SET takes in, on x86_64 (Linux's ipc64_perm). */
struct ipc64_perm {
	key_t key;
	uid_t uid, gid, cuid, cgid;
	unsigned int mode;
	unsigned short seq;
	unsigned short __pad2;
	unsigned long __unused1, __unused2;
};

#endif
