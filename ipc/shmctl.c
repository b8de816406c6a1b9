// SPDX-License-Identifier: GPL-2.0
/*
 * shmctl(2) and /proc/sysvipc/shm: reading and changing a segment's
 * record, removing and locking it, and the system-wide figures.
 * Linux: ipc/shm.c (shmctl_*, sysvipc_shm_proc_show)
 *
 * x86_64 has one layout of each structure (IPC_64: shmid64_ds,
 * shminfo64), so the old IPC_OLD copies of 32-bit systems are left out.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/shmem_fs.h>
#include <linux/shm.h>
#include <linux/swap.h>
#include <linux/capability.h>
#include <linux/seq_file.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>
#include "shm.h"

/* IPC_RMID and IPC_SET: the owner, creator or CAP_SYS_ADMIN only. Linux: shmctl_down() */
static int shmctl_down(struct ipc_namespace *ns, int shmid, int cmd, struct shmid64_ds *shmid64)
{
	struct kern_ipc_perm *ipcp = ipcctl_obtain_check(&shm_ids(ns), shmid);
	struct shmid_kernel *shp;
	int err;

	/* Linux: shm_ids.rwsem for writing, the segment's lock. */
	if (IS_ERR(ipcp))
		return PTR_ERR(ipcp);
	shp = to_shmid(ipcp);
	if (cmd == IPC_RMID) {
		do_shm_rmid(ns, shp);
		return 0;
	}
	err = ipc_update_perm(&shmid64->shm_perm, ipcp);
	if (err)
		return err;
	shp->shm_ctim = ktime_get_real_seconds();
	return 0;
}

/* The limits; returns the highest index in use. Linux: shmctl_ipc_info() */
static int shmctl_ipc_info(struct ipc_namespace *ns, struct shminfo64 *shminfo)
{
	memset(shminfo, 0, sizeof(*shminfo));
	shminfo->shmmni = shminfo->shmseg = (unsigned long)ns->shm_ctlmni;
	shminfo->shmmax = ns->shm_ctlmax;
	shminfo->shmall = ns->shm_ctlall;
	shminfo->shmmin = SHMMIN;
	return max(ipc_get_maxidx(&shm_ids(ns)), 0);
}

/* The totals; returns the highest index in use. Linux: shmctl_shm_info(), shm_get_stat() */
static int shmctl_shm_info(struct ipc_namespace *ns, struct shm_info *shm_info)
{
	struct kern_ipc_perm *ipcp;

	memset(shm_info, 0, sizeof(*shm_info));
	shm_info->used_ids = shm_ids(ns).in_use;
	for (int idx = 0; (ipcp = ipc_get_next(&shm_ids(ns), &idx)); idx++) {
		struct inode *inode = file_inode(to_shmid(ipcp)->shm_file);

		shm_info->shm_rss += inode->i_mapping->nrpages;
		shm_info->shm_swp += inode->i_shmem_swapped;
	}
	shm_info->shm_tot = ns->shm_tot;	/* the swap attempts and successes stay 0, as in 6.1 */
	return max(ipc_get_maxidx(&shm_ids(ns)), 0);
}

/*
 * IPC_STAT (by id), SHM_STAT and SHM_STAT_ANY (by index, returning the
 * id). SHM_STAT_ANY skips the read permission check, as /proc/sysvipc
 * does. Linux: shmctl_stat()
 */
static int shmctl_stat(struct ipc_namespace *ns, int shmid, int cmd, struct shmid64_ds *tbuf)
{
	struct shmid_kernel *shp;

	memset(tbuf, 0, sizeof(*tbuf));
	if (cmd == SHM_STAT || cmd == SHM_STAT_ANY)
		shp = shm_obtain_object(ns, shmid);
	else
		shp = shm_obtain_object_check(ns, shmid);
	if (IS_ERR(shp))
		return PTR_ERR(shp);
	if (cmd != SHM_STAT_ANY && ipcperms(&shp->shm_perm, S_IRUGO))
		return -EACCES;
	if (!ipc_valid_object(&shp->shm_perm))
		return -EIDRM;
	kernel_to_ipc64_perm(&shp->shm_perm, &tbuf->shm_perm);
	tbuf->shm_segsz = shp->shm_segsz;
	tbuf->shm_atime = shp->shm_atim;
	tbuf->shm_dtime = shp->shm_dtim;
	tbuf->shm_ctime = shp->shm_ctim;
	tbuf->shm_cpid = shp->shm_cprid;
	tbuf->shm_lpid = shp->shm_lprid;
	tbuf->shm_nattch = shp->shm_nattch;
	return cmd == IPC_STAT ? 0 : shp->shm_perm.id;
}

/*
 * SHM_LOCK, SHM_UNLOCK: keep the segment's pages from eviction, shown
 * as SHM_LOCKED in its mode. Without CAP_IPC_LOCK only the owner or
 * creator may, and SHM_LOCK needs a RLIMIT_MEMLOCK above 0.
 * Locking makes the pages the segment gets from now on unevictable;
 * unlocking moves its unevictable pages back (shmem_unlock_mapping).
 * Linux: shmctl_do_lock()
 */
static int shmctl_do_lock(struct ipc_namespace *ns, int shmid, int cmd)
{
	struct shmid_kernel *shp = shm_obtain_object_check(ns, shmid);
	uid_t euid = current_euid();
	int err;

	if (IS_ERR(shp))
		return PTR_ERR(shp);
	if (!ipc_valid_object(&shp->shm_perm))
		return -EIDRM;
	if (!capable(CAP_IPC_LOCK)) {
		if (euid != shp->shm_perm.uid && euid != shp->shm_perm.cuid)
			return -EPERM;
		if (cmd == SHM_LOCK && !rlimit(RLIMIT_MEMLOCK))
			return -EPERM;
	}
	if (cmd == SHM_LOCK) {
		err = shmem_lock(shp->shm_file, 1);
		if (!err)
			shp->shm_perm.mode |= SHM_LOCKED;
		return err;
	}
	if (shp->shm_perm.mode & SHM_LOCKED) {
		shmem_lock(shp->shm_file, 0);
		shp->shm_perm.mode &= ~SHM_LOCKED;
		shmem_unlock_mapping(shp->shm_file->f_mapping);
	}
	return 0;
}

/*
 * Copy the result of IPC_INFO, SHM_INFO or a stat out: ret, or -EFAULT.
 * Linux: the copy_*_to_user() calls of ksys_shmctl()
 */
static long shmctl_copy_out(void __user *buf, const void *data, size_t len, int ret)
{
	if (ret < 0)
		return ret;
	return copy_to_user(buf, data, len) ? -EFAULT : ret;
}

/* Linux: ksys_shmctl() with IPC_64 */
long ksys_shmctl(int shmid, int cmd, struct shmid64_ds __user *buf)
{
	struct ipc_namespace *ns = &init_ipc_ns;
	struct shminfo64 shminfo;
	struct shm_info shm_info;
	struct shmid64_ds sem64;

	if (cmd < 0 || shmid < 0)
		return -EINVAL;
	switch (cmd) {
	case IPC_INFO:
		return shmctl_copy_out(buf, &shminfo, sizeof(shminfo),
				       shmctl_ipc_info(ns, &shminfo));
	case SHM_INFO:
		return shmctl_copy_out(buf, &shm_info, sizeof(shm_info),
				       shmctl_shm_info(ns, &shm_info));
	case SHM_STAT:
	case SHM_STAT_ANY:
	case IPC_STAT:
		return shmctl_copy_out(buf, &sem64, sizeof(sem64),
				       shmctl_stat(ns, shmid, cmd, &sem64));
	case IPC_SET:
		if (copy_from_user(&sem64, buf, sizeof(sem64)))
			return -EFAULT;
		return shmctl_down(ns, shmid, cmd, &sem64);
	case IPC_RMID:
		return shmctl_down(ns, shmid, cmd, &sem64);
	case SHM_LOCK:
	case SHM_UNLOCK:
		return shmctl_do_lock(ns, shmid, cmd);
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE3(shmctl, int, shmid, int, cmd, struct shmid64_ds __user *, buf)
{
	return ksys_shmctl(shmid, cmd, buf);
}

/* --- /proc/sysvipc/shm --- */

/*
 * One segment's line; rss and swap are its pages in memory and in swap,
 * in bytes. Linux: sysvipc_shm_proc_show(), shm_add_rss_swap()
 */
static int sysvipc_shm_proc_show(struct seq_file *s, void *it)
{
	struct shmid_kernel *shp = to_shmid(it);
	struct inode *inode = file_inode(shp->shm_file);
	unsigned long rss = inode->i_mapping->nrpages, swp = inode->i_shmem_swapped;

	seq_printf(s, "%10d %10d  %4o %21lu %5u %5u  %5lu %5u %5u %5u %5u %10llu %10llu %10llu "
		   "%21lu %21lu\n",
		   shp->shm_perm.key, shp->shm_perm.id, shp->shm_perm.mode, shp->shm_segsz,
		   shp->shm_cprid, shp->shm_lprid, shp->shm_nattch, shp->shm_perm.uid,
		   shp->shm_perm.gid, shp->shm_perm.cuid, shp->shm_perm.cgid,
		   (unsigned long long)shp->shm_atim, (unsigned long long)shp->shm_dtim,
		   (unsigned long long)shp->shm_ctim, rss * PAGE_SIZE, swp * PAGE_SIZE);
	return 0;
}

static const struct ipc_proc_iface sysvipc_shm_iface = {
	.header = "       key      shmid perms                  size  cpid  lpid nattch   uid   gid"
		  "  cuid  cgid      atime      dtime      ctime                   rss"
		  "                  swap\n",
	.ids = &shm_ids(&init_ipc_ns),
	.show = sysvipc_shm_proc_show,
};

static int sysvipc_shm_proc_open(struct inode *inode, struct file *file)
{
	return sysvipc_proc_open(file, &sysvipc_shm_iface);
}

/* Linux: sysvipc_proc_ops, as ipc_init_proc_interface("sysvipc/shm") registers it */
const struct file_operations sysvipc_shm_proc_fops = {
	.open = sysvipc_shm_proc_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = seq_release,
};
