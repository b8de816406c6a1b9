/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SHM_H
#define _LINUX_SHM_H

#include <linux/ipc.h>

/*
 * System V shared memory (ipc/shm.c): the limits, flags and the
 * structures shmctl copies out, as on x86_64. Linux: include/linux/shm.h,
 * include/uapi/linux/shm.h, include/uapi/asm-generic/shmbuf.h,
 * arch/x86/include/asm/shmparam.h
 */
#define SHMMIN	1				/* smallest segment, bytes */
#define SHMMNI	4096				/* segments, system-wide */
#define SHMMAX	(ULONG_MAX - (1UL << 24))	/* largest segment, bytes */
#define SHMALL	(ULONG_MAX - (1UL << 24))	/* all segments together, pages */
#define SHMSEG	SHMMNI				/* segments per process */
#define SHMLBA	PAGE_SIZE			/* attach addresses align to this */

/* shmget: beside the permission bits and IPC_CREAT/IPC_EXCL */
#define SHM_HUGETLB	04000
#define SHM_NORESERVE	010000		/* commit no memory up front */

/* shmat */
#define SHM_RDONLY	010000		/* read-only attach */
#define SHM_RND		020000		/* round the address down to SHMLBA */
#define SHM_REMAP	040000		/* replace what is mapped there */
#define SHM_EXEC	0100000		/* executable attach */

/* shmctl, beside IPC_RMID, IPC_SET, IPC_STAT, IPC_INFO */
#define SHM_LOCK	11
#define SHM_UNLOCK	12
#define SHM_STAT	13
#define SHM_INFO	14
#define SHM_STAT_ANY	15

/* The upper bits of shm_perm.mode, as IPC_STAT reports them. */
#define SHM_DEST	01000		/* removed: destroyed on its last detach */
#define SHM_LOCKED	02000		/* SHM_LOCK: its pages are not to be evicted */

struct shmid64_ds {
	struct ipc64_perm shm_perm;
	size_t shm_segsz;		/* bytes, as shmget was given */
	long shm_atime, shm_dtime, shm_ctime;	/* seconds since the epoch */
	int shm_cpid, shm_lpid;		/* creator; last to attach or detach */
	unsigned long shm_nattch;	/* attaches: VMAs that map it */
	unsigned long __unused4, __unused5;
};

struct shminfo64 {
	unsigned long shmmax, shmmin, shmmni, shmseg, shmall;
	unsigned long __unused1, __unused2, __unused3, __unused4;
};

struct shm_info {
	int used_ids;
	unsigned long shm_tot;		/* pages of all segments */
	unsigned long shm_rss;		/* pages in memory */
	unsigned long shm_swp;		/* pages swapped out */
	unsigned long swap_attempts, swap_successes;
};

struct task_struct;
struct file;

void shm_init(void);
void exit_shm(struct task_struct *task);
extern const struct file_operations sysvipc_shm_proc_fops;

#endif
