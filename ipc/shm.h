/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _IPC_SHM_H
#define _IPC_SHM_H

/*
 * What ipc/shm.c and ipc/shmctl.c share: the kernel's record of a
 * segment and of an attach. Linux keeps both private to ipc/shm.c.
 */
#include <linux/types.h>
#include <linux/time64.h>
#include "util.h"

struct file;
struct task_struct;
struct vm_operations_struct;

/* A segment. Linux: struct shmid_kernel */
struct shmid_kernel {
	struct kern_ipc_perm shm_perm;	/* first: the ids' tree points here */
	struct file *shm_file;		/* the tmpfs file "SYSV<key>" */
	unsigned long shm_nattch;	/* VMAs mapping it, and shmats under way */
	unsigned long shm_segsz;	/* bytes, as shmget was given */
	time64_t shm_atim, shm_dtim, shm_ctim;	/* last attach, detach, change */
	pid_t shm_cprid, shm_lprid;	/* creator, last to attach or detach
					   (Linux: struct pid references) */
	struct task_struct *shm_creator;	/* NULL once it exited (Linux: shm_clist) */
};

/* An attach file's private data. Linux: struct shm_file_data */
struct shm_file_data {
	int id;				/* of the segment */
	struct file *file;		/* the segment's tmpfs file, referenced */
	const struct vm_operations_struct *vm_ops;	/* tmpfs's, which shm_vm_ops wrap */
};

#define shm_file_data(file)	((struct shm_file_data *)(file)->private_data)
#define shm_ids(ns)		((ns)->shm_ids)

static inline struct shmid_kernel *to_shmid(struct kern_ipc_perm *ipcp)
{
	return container_of(ipcp, struct shmid_kernel, shm_perm);
}

struct shmid_kernel *shm_obtain_object(struct ipc_namespace *ns, int id);
struct shmid_kernel *shm_obtain_object_check(struct ipc_namespace *ns, int id);
void shm_destroy(struct ipc_namespace *ns, struct shmid_kernel *shp);
bool shm_may_destroy(struct ipc_namespace *ns, struct shmid_kernel *shp);
void do_shm_rmid(struct ipc_namespace *ns, struct shmid_kernel *shp);
long do_shmat(int shmid, unsigned long shmaddr, int shmflg);
long ksys_shmget(key_t key, size_t size, int shmflg);
long ksys_shmdt(unsigned long addr);
struct shmid64_ds;
long ksys_shmctl(int shmid, int cmd, struct shmid64_ds __user *buf);

#endif
