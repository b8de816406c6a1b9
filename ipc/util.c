// SPDX-License-Identifier: GPL-2.0
/*
 * What every kind of System V IPC object shares: an id and a key for
 * each object, the search by key behind a get call, permission checks
 * on the object's mode, and the /proc/sysvipc listing. Linux: ipc/util.c
 *
 * Faultline has one kind, shared memory (ipc/shm.c), and one IPC
 * namespace. Linux takes ids->rwsem, the object's spinlock and RCU
 * around all of this; one CPU and a kernel that is not preemptible
 * need none of them (the comments say where Linux takes which).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/stat.h>
#include <linux/slab.h>
#include <linux/capability.h>
#include <linux/seq_file.h>
#include "util.h"

void ipc_init_ids(struct ipc_ids *ids)
{
	ids->in_use = 0;
	ids->seq = 0;
	INIT_RADIX_TREE(&ids->ipcs_idr);
	ids->max_idx = -1;
	ids->last_idx = -1;
	ids->next_idx = 0;
}

/* The object at index *idx or the next above it, *idx set to its index; or NULL. */
struct kern_ipc_perm *ipc_get_next(struct ipc_ids *ids, int *idx)
{
	void *found;

	if (*idx < 0 || !radix_tree_gang_lookup(&ids->ipcs_idr, &found, (unsigned long)*idx, 1))
		return NULL;
	*idx = ipcid_to_idx(((struct kern_ipc_perm *)found)->id);
	return found;
}

/*
 * The object with this key. Linux: ipc_findkey() (an rhashtable lookup;
 * Faultline walks the at most shm_ctlmni objects)
 */
static struct kern_ipc_perm *ipc_findkey(struct ipc_ids *ids, key_t key)
{
	struct kern_ipc_perm *ipcp;

	for (int idx = 0; (ipcp = ipc_get_next(ids, &idx)); idx++)
		if (ipcp->key == key)
			return ipcp;
	return NULL;
}

/*
 * A free index from where the last search stopped, wrapping to 0 once,
 * below end. Linux: idr_alloc_cyclic()
 */
static int ipc_idr_alloc_cyclic(struct ipc_ids *ids, struct kern_ipc_perm *new, int end)
{
	int start = ids->next_idx;

	for (int pass = 0; pass < 2; pass++, start = 0) {
		for (int idx = start; idx < end; idx++) {
			int err;

			if (radix_tree_lookup(&ids->ipcs_idr, (unsigned long)idx))
				continue;
			err = radix_tree_insert(&ids->ipcs_idr, (unsigned long)idx, new);
			if (err)
				return err;
			ids->next_idx = idx + 1;
			return idx;
		}
		if (start == 0)
			break;
	}
	return -ENOSPC;
}

/*
 * Give new a slot and its id. The slots are handed out in a cycle below
 * max(in_use * 3 / 2, 64), and the sequence number goes up each time
 * the cycle wraps, so that an id is not soon reused. Linux: ipc_idr_alloc()
 */
static int ipc_idr_alloc(struct ipc_ids *ids, struct kern_ipc_perm *new)
{
	int max_idx = min(max(ids->in_use * 3 / 2, ipc_min_cycle), IPCMNI);
	int idx = ipc_idr_alloc_cyclic(ids, new, max_idx);

	if (idx < 0)
		return idx;
	if (idx <= ids->last_idx) {
		ids->seq++;
		if (ids->seq >= ipcid_seq_max())
			ids->seq = 0;
	}
	ids->last_idx = idx;
	new->seq = ids->seq;
	new->id = (int)(new->seq << IPCMNI_SHIFT) + idx;
	return idx;
}

/*
 * Add new to ids, owned and created by the caller: its index, or
 * -ENOSPC at the limit of objects. Linux: ipc_addid()
 */
int ipc_addid(struct ipc_ids *ids, struct kern_ipc_perm *new, int limit)
{
	int idx;

	if (limit > IPCMNI)
		limit = IPCMNI;
	if (ids->in_use >= limit)
		return -ENOSPC;
	new->cuid = new->uid = current_euid();
	new->gid = new->cgid = current_egid();
	new->deleted = false;
	idx = ipc_idr_alloc(ids, new);
	if (idx < 0) {
		new->deleted = true;
		return idx;
	}
	ids->in_use++;
	if (idx > ids->max_idx)
		ids->max_idx = idx;
	return idx;
}

/*
 * May the caller have the access flag asks for (its low nine bits, as
 * in a get call's flags: S_IRUGO, S_IWUGO...)? 0 if so, -1 if not.
 * The owner's or creator's bits apply to them, the group's to a member
 * of the owner's or creator's group, the others' to the rest;
 * CAP_IPC_OWNER passes every check. Linux: ipcperms()
 */
int ipcperms(struct kern_ipc_perm *ipcp, short flag)
{
	uid_t euid = current_euid();
	int requested_mode = (flag >> 6) | (flag >> 3) | flag;
	int granted_mode = ipcp->mode;

	if (euid == ipcp->cuid || euid == ipcp->uid)
		granted_mode >>= 6;
	else if (in_group_p(ipcp->cgid) || in_group_p(ipcp->gid))
		granted_mode >>= 3;
	if ((requested_mode & ~granted_mode & 0007) && !capable(CAP_IPC_OWNER))
		return -1;
	return 0;
}

/* The key names an object: may the caller have it? Linux: ipc_check_perms() */
static int ipc_check_perms(struct kern_ipc_perm *ipcp, struct ipc_params *params)
{
	if (ipcperms(ipcp, (short)params->flg))
		return -EACCES;
	return ipcp->id;
}

/*
 * A get call with a key: find the object, or make one with IPC_CREAT.
 * Linux: ipcget_public() (ids->rwsem for writing)
 */
static int ipcget_public(struct ipc_namespace *ns, struct ipc_ids *ids,
			 const struct ipc_ops *ops, struct ipc_params *params)
{
	struct kern_ipc_perm *ipcp = ipc_findkey(ids, params->key);
	int err;

	if (!ipcp)
		return (params->flg & IPC_CREAT) ? ops->getnew(ns, params) : -ENOENT;
	if ((params->flg & IPC_CREAT) && (params->flg & IPC_EXCL))
		return -EEXIST;
	err = ops->more_checks ? ops->more_checks(ipcp, params) : 0;
	if (err)
		return err;
	return ipc_check_perms(ipcp, params);
}

/* Linux: ipcget(): IPC_PRIVATE always makes a new object. */
int ipcget(struct ipc_namespace *ns, struct ipc_ids *ids, const struct ipc_ops *ops,
	   struct ipc_params *params)
{
	if (params->key == IPC_PRIVATE)
		return ops->getnew(ns, params);
	return ipcget_public(ns, ids, ops, params);
}

/* The highest index in use up to limit. Linux: ipc_search_maxidx() (a binary search) */
static int ipc_search_maxidx(struct ipc_ids *ids, int limit)
{
	int idx, max_idx = -1;

	for (idx = 0; ipc_get_next(ids, &idx) && idx <= limit; idx++)
		max_idx = idx;
	return max_idx;
}

/*
 * Take an object out of ids: its id and key name nothing from now on.
 * Linux: ipc_rmid()
 */
void ipc_rmid(struct ipc_ids *ids, struct kern_ipc_perm *ipcp)
{
	int idx = ipcid_to_idx(ipcp->id);

	radix_tree_delete(&ids->ipcs_idr, (unsigned long)idx);
	ids->in_use--;
	ipcp->deleted = true;
	if (idx == ids->max_idx)
		ids->max_idx = idx > 0 ? ipc_search_maxidx(ids, idx - 1) : -1;
}

/* The key no longer finds the object (a removed segment still attached). */
void ipc_set_key_private(struct ipc_ids *ids, struct kern_ipc_perm *ipcp)
{
	(void)ids;
	ipcp->key = IPC_PRIVATE;
}

/* Linux: kernel_to_ipc64_perm() */
void kernel_to_ipc64_perm(const struct kern_ipc_perm *in, struct ipc64_perm *out)
{
	out->key = in->key;
	out->uid = in->uid;
	out->gid = in->gid;
	out->cuid = in->cuid;
	out->cgid = in->cgid;
	out->mode = in->mode;
	out->seq = (unsigned short)in->seq;
}

/* IPC_SET: owner and permission bits; -EINVAL for the id -1. Linux: ipc_update_perm() */
int ipc_update_perm(const struct ipc64_perm *in, struct kern_ipc_perm *out)
{
	if (in->uid == (uid_t)-1 || in->gid == (gid_t)-1)
		return -EINVAL;
	out->uid = in->uid;
	out->gid = in->gid;
	out->mode = (out->mode & ~S_IRWXUGO) | (in->mode & S_IRWXUGO);
	return 0;
}

/* The object in id's slot, whatever its sequence number. Linux: ipc_obtain_object_idr() */
struct kern_ipc_perm *ipc_obtain_object_idr(struct ipc_ids *ids, int id)
{
	struct kern_ipc_perm *out = radix_tree_lookup(&ids->ipcs_idr,
						      (unsigned long)ipcid_to_idx(id));

	return out ? out : ERR_PTR(-EINVAL);
}

/* The object id names, or -EINVAL. Linux: ipc_obtain_object_check() */
struct kern_ipc_perm *ipc_obtain_object_check(struct ipc_ids *ids, int id)
{
	struct kern_ipc_perm *out = ipc_obtain_object_idr(ids, id);

	if (!IS_ERR(out) && ipc_checkid(out, id))
		return ERR_PTR(-EINVAL);
	return out;
}

/*
 * IPC_SET and IPC_RMID: the object, if the caller owns or created it or
 * has CAP_SYS_ADMIN; else -EPERM. Linux: ipcctl_obtain_check()
 */
struct kern_ipc_perm *ipcctl_obtain_check(struct ipc_ids *ids, int id)
{
	struct kern_ipc_perm *ipcp = ipc_obtain_object_check(ids, id);
	uid_t euid = current_euid();

	if (IS_ERR(ipcp))
		return ipcp;
	if (euid == ipcp->cuid || euid == ipcp->uid || capable(CAP_SYS_ADMIN))
		return ipcp;
	return ERR_PTR(-EPERM);
}

/* What IPC_INFO and SHM_INFO return. Linux: ipc_get_maxidx() */
int ipc_get_maxidx(const struct ipc_ids *ids)
{
	if (ids->in_use == 0)
		return -1;
	if (ids->in_use == IPCMNI)
		return IPCMNI - 1;
	return ids->max_idx;
}

/* --- /proc/sysvipc --- */

/*
 * The listing: the header at position 0, then the objects by index, the
 * one at index i at position i + 1. Linux: sysvipc_proc_start(),
 * sysvipc_find_ipc() (ids->rwsem for reading from start to stop)
 */
static void *sysvipc_find_ipc(struct seq_file *m, loff_t *pos)
{
	const struct ipc_proc_iface *iface = m->private;
	int idx = (int)(*pos - 1);
	struct kern_ipc_perm *ipcp = ipc_get_next(iface->ids, &idx);

	if (ipcp)
		*pos = idx + 1;
	return ipcp;
}

static void *sysvipc_proc_start(struct seq_file *m, loff_t *pos)
{
	if (*pos < 0 || *pos > IPCMNI)
		return NULL;
	if (*pos == 0)
		return SEQ_START_TOKEN;
	return sysvipc_find_ipc(m, pos);
}

static void *sysvipc_proc_next(struct seq_file *m, void *it, loff_t *pos)
{
	(*pos)++;
	return sysvipc_find_ipc(m, pos);
}

static void sysvipc_proc_stop(struct seq_file *m, void *it)
{
}

static int sysvipc_proc_show(struct seq_file *m, void *it)
{
	const struct ipc_proc_iface *iface = m->private;

	if (it == SEQ_START_TOKEN) {
		seq_puts(m, iface->header);
		return 0;
	}
	return iface->show(m, it);
}

static const struct seq_operations sysvipc_proc_seqops = {
	.start = sysvipc_proc_start,
	.next = sysvipc_proc_next,
	.stop = sysvipc_proc_stop,
	.show = sysvipc_proc_show,
};

/* Open /proc/sysvipc/<kind>. Linux: sysvipc_proc_open() */
int sysvipc_proc_open(struct file *file, const struct ipc_proc_iface *iface)
{
	int err = seq_open(file, &sysvipc_proc_seqops);

	if (!err)
		((struct seq_file *)file->private_data)->private = (void *)iface;
	return err;
}
