/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _IPC_UTIL_H
#define _IPC_UTIL_H

/*
 * The machinery every kind of System V IPC object shares: ids, keys,
 * permissions and the /proc/sysvipc listing. Linux: ipc/util.h,
 * include/linux/ipc_namespace.h
 *
 * An id is two numbers (Linux's default, without ipcmni_extend):
 *
 *     30            15 14           0
 *    +----------------+--------------+
 *    |      seq       |     index    |
 *    +----------------+--------------+
 *
 * index is the object's slot in the ids' tree (Linux's IDR, which is a
 * radix tree); seq counts the times the slots wrapped around, so that
 * an id of a removed object does not name the next one in its slot.
 */
#include <linux/ipc.h>
#include <linux/ipc_namespace.h>
#include <linux/radix-tree.h>
#include <linux/seq_file.h>
#include <linux/cred.h>

#define IPCMNI_SHIFT		15
#define IPCMNI			(1 << IPCMNI_SHIFT)	/* ipc_mni: the most ids of a kind */
#define IPCMNI_IDX_MASK		(IPCMNI - 1)
#define ipc_min_cycle		((int)RADIX_TREE_MAP_SIZE)
#define ipcid_to_idx(id)	((id) & IPCMNI_IDX_MASK)
#define ipcid_to_seqx(id)	((id) >> IPCMNI_SHIFT)
#define ipcid_seq_max()		(INT_MAX >> IPCMNI_SHIFT)


/* What a get call asked for (Linux: struct ipc_params). */
struct ipc_params {
	key_t key;
	int flg;
	size_t size;			/* shmget's size */
};

/* How a kind makes, and checks, objects (Linux: struct ipc_ops). */
struct ipc_ops {
	int (*getnew)(struct ipc_namespace *ns, struct ipc_params *params);
	int (*more_checks)(struct kern_ipc_perm *ipcp, struct ipc_params *params);
};


void ipc_init_ids(struct ipc_ids *ids);
int ipcget(struct ipc_namespace *ns, struct ipc_ids *ids, const struct ipc_ops *ops,
	   struct ipc_params *params);
int ipc_addid(struct ipc_ids *ids, struct kern_ipc_perm *new, int limit);
void ipc_rmid(struct ipc_ids *ids, struct kern_ipc_perm *ipcp);
void ipc_set_key_private(struct ipc_ids *ids, struct kern_ipc_perm *ipcp);
int ipcperms(struct kern_ipc_perm *ipcp, short flag);
void kernel_to_ipc64_perm(const struct kern_ipc_perm *in, struct ipc64_perm *out);
int ipc_update_perm(const struct ipc64_perm *in, struct kern_ipc_perm *out);
struct kern_ipc_perm *ipc_obtain_object_idr(struct ipc_ids *ids, int id);
struct kern_ipc_perm *ipc_obtain_object_check(struct ipc_ids *ids, int id);
struct kern_ipc_perm *ipcctl_obtain_check(struct ipc_ids *ids, int id);
struct kern_ipc_perm *ipc_get_next(struct ipc_ids *ids, int *idx);
int ipc_get_maxidx(const struct ipc_ids *ids);

/* An object that ipc_rmid has not taken out yet. Linux: ipc_valid_object() */
static inline bool ipc_valid_object(const struct kern_ipc_perm *perm)
{
	return !perm->deleted;
}

/* Does id name perm's object, not an older one of the same slot? Linux: ipc_checkid() */
static inline bool ipc_checkid(const struct kern_ipc_perm *ipcp, int id)
{
	return ipcid_to_seqx(id) != (int)ipcp->seq;
}

/* /proc/sysvipc/<kind>: its header line and a show for one object. */
struct ipc_proc_iface {
	const char *header;
	struct ipc_ids *ids;
	int (*show)(struct seq_file *m, void *it);
};
int sysvipc_proc_open(struct file *file, const struct ipc_proc_iface *iface);

#endif
