// SPDX-License-Identifier: GPL-2.0
/*
 * System V shared memory: shmget, shmat, shmdt and (ipc/shmctl.c)
 * shmctl. Linux: ipc/shm.c
 *
 * A segment is a nameless tmpfs file, "SYSV<key in hex>", of shmget's
 * size. Each shmat opens a file of its own on the segment's (an attach
 * file, whose private data is a struct shm_file_data) and maps it
 * MAP_SHARED; maps shows the segment's name, "/SYSV0000002a (deleted)",
 * with the segment's id as the inode number:
 *
 *   shmid_kernel --shm_file--> tmpfs file "SYSV..." (the pages)
 *        ^                        ^
 *        | id                     | sfd->file (a reference)
 *   shm_file_data <--private_data-- attach file <--vm_file-- VMA(s)
 *
 * shm_nattch counts the VMAs that map the segment: shm_vm_ops's open
 * (fork's copy, a split, mremap's copy) adds one, close (munmap, exit)
 * takes one away. IPC_RMID on a segment still attached only marks it
 * SHM_DEST and hides its key; the last close destroys it, and with it
 * the tmpfs file and its pages.
 *
 * Linux takes shm_ids.rwsem and the segment's lock around each step;
 * one CPU without kernel preemption needs neither. Left out: huge-page
 * segments (SHM_HUGETLB), the per-user count of locked segments
 * (ucounts), security hooks and audit.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/fs.h>
#include <linux/shmem_fs.h>
#include <linux/shm.h>
#include <linux/bug.h>
#include <linux/time64.h>
#include <linux/syscalls.h>
#include "shm.h"

struct ipc_namespace init_ipc_ns = {
	.shm_ids = { .max_idx = -1, .last_idx = -1 },
	.shm_ctlmax = SHMMAX,
	.shm_ctlall = SHMALL,
	.shm_ctlmni = SHMMNI,
	.shm_rmid_forced = 0,
};

static const struct file_operations shm_file_operations;
static const struct vm_operations_struct shm_vm_ops;

/* The segment in id's slot, whatever its sequence number (SHM_STAT). */
struct shmid_kernel *shm_obtain_object(struct ipc_namespace *ns, int id)
{
	struct kern_ipc_perm *ipcp = ipc_obtain_object_idr(&shm_ids(ns), id);

	return IS_ERR(ipcp) ? ERR_CAST(ipcp) : to_shmid(ipcp);
}

/* The segment id names, or -EINVAL. */
struct shmid_kernel *shm_obtain_object_check(struct ipc_namespace *ns, int id)
{
	struct kern_ipc_perm *ipcp = ipc_obtain_object_check(&shm_ids(ns), id);

	return IS_ERR(ipcp) ? ERR_CAST(ipcp) : to_shmid(ipcp);
}

/*
 * The segment an attach refers to, or -EINVAL if its slot is empty,
 * -EIDRM if it is being destroyed. Linux: shm_lock() (which takes the
 * segment's lock)
 */
static struct shmid_kernel *shm_lock(struct ipc_namespace *ns, int id)
{
	struct shmid_kernel *shp = shm_obtain_object(ns, id);

	if (!IS_ERR(shp) && !ipc_valid_object(&shp->shm_perm))
		return ERR_PTR(-EIDRM);
	return shp;
}

/*
 * Free the segment: out of the ids, the tmpfs file (and so its pages,
 * once no attach file holds it) released. Linux: shm_destroy()
 */
void shm_destroy(struct ipc_namespace *ns, struct shmid_kernel *shp)
{
	struct file *shm_file = shp->shm_file;

	shp->shm_file = NULL;
	ns->shm_tot -= (shp->shm_segsz + PAGE_SIZE - 1) >> PAGE_SHIFT;
	ipc_rmid(&shm_ids(ns), &shp->shm_perm);
	shmem_lock(shm_file, 0);
	fput(shm_file);
	kfree(shp);
}

/*
 * Destroy now? Only with no attach left, and if removed (IPC_RMID) or
 * if kernel.shm_rmid_forced says a segment goes when unused.
 * Linux: shm_may_destroy()
 */
bool shm_may_destroy(struct ipc_namespace *ns, struct shmid_kernel *shp)
{
	return shp->shm_nattch == 0 && (ns->shm_rmid_forced || (shp->shm_perm.mode & SHM_DEST));
}

/*
 * IPC_RMID: destroy the segment, or, while it is attached, mark it
 * SHM_DEST and make its key IPC_PRIVATE so that no shmget finds it.
 * Linux: do_shm_rmid()
 */
void do_shm_rmid(struct ipc_namespace *ns, struct shmid_kernel *shp)
{
	if (shp->shm_nattch) {
		shp->shm_perm.mode |= SHM_DEST;
		ipc_set_key_private(&shm_ids(ns), &shp->shm_perm);
	} else {
		shm_destroy(ns, shp);
	}
}

/* --- attaches: the VMA operations --- */

/*
 * One more VMA maps the segment: count it, and note when and who.
 * -EINVAL if the id now names another segment. Linux: __shm_open()
 */
static int __shm_open(struct shm_file_data *sfd)
{
	struct shmid_kernel *shp = shm_lock(&init_ipc_ns, sfd->id);

	if (IS_ERR(shp))
		return PTR_ERR(shp);
	if (shp->shm_file != sfd->file)
		return -EINVAL;	/* the id was reused */
	shp->shm_atim = ktime_get_real_seconds();
	shp->shm_lprid = task_tgid_nr(current);
	shp->shm_nattch++;
	return 0;
}

/* A copy of an attach VMA: fork, a split, mremap. Linux: shm_open() */
static void shm_open(struct vm_area_struct *vma)
{
	struct shm_file_data *sfd = shm_file_data(vma->vm_file);

	if (sfd->vm_ops->open)
		sfd->vm_ops->open(vma);
	WARN_ON_ONCE(__shm_open(sfd));
}

/*
 * One VMA less maps the segment; the last one of a removed segment
 * destroys it. Linux: __shm_close()
 */
static void __shm_close(struct shm_file_data *sfd)
{
	struct ipc_namespace *ns = &init_ipc_ns;
	struct shmid_kernel *shp = shm_lock(ns, sfd->id);

	if (WARN_ON_ONCE(IS_ERR(shp)))
		return;
	shp->shm_lprid = task_tgid_nr(current);
	shp->shm_dtim = ktime_get_real_seconds();
	shp->shm_nattch--;
	if (shm_may_destroy(ns, shp))
		shm_destroy(ns, shp);
}

/* An attach VMA goes: munmap, shmdt, exit. Linux: shm_close() */
static void shm_close(struct vm_area_struct *vma)
{
	struct shm_file_data *sfd = shm_file_data(vma->vm_file);

	if (sfd->vm_ops->close)
		sfd->vm_ops->close(vma);
	__shm_close(sfd);
}

/* The segment's tmpfs fault handler serves the attach. Linux: shm_fault() */
static vm_fault_t shm_fault(struct vm_fault *vmf)
{
	struct shm_file_data *sfd = shm_file_data(vmf->vma->vm_file);

	return sfd->vm_ops->fault(vmf);
}

/*
 * Linux's shm_vm_ops has no map_pages: a fault on an attach maps only
 * its own page, never its cached neighbours (no fault-around).
 */
static const struct vm_operations_struct shm_vm_ops = {
	.open = shm_open,
	.close = shm_close,
	.fault = shm_fault,
};

/*
 * mmap of an attach file (from shmat): count the attach, let tmpfs set
 * the VMA up, then put shm_vm_ops in front of tmpfs's. Linux: shm_mmap()
 */
static int shm_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct shm_file_data *sfd = shm_file_data(file);
	int ret = __shm_open(sfd);

	if (ret)
		return ret;
	ret = sfd->file->f_op->mmap(sfd->file, vma);
	if (ret) {
		__shm_close(sfd);
		return ret;
	}
	sfd->vm_ops = vma->vm_ops;
	WARN_ON(!sfd->vm_ops->fault);
	vma->vm_ops = &shm_vm_ops;
	return 0;
}

/* The attach file's last reference: drop the segment file's. Linux: shm_release() */
static int shm_release(struct inode *inode, struct file *file)
{
	struct shm_file_data *sfd = shm_file_data(file);

	fput(sfd->file);
	file->private_data = NULL;
	kfree(sfd);
	return 0;
}

static const struct file_operations shm_file_operations = {
	.mmap = shm_mmap,
	.release = shm_release,
	.llseek = noop_llseek,
};

/* Is this VMA a System V attach? (shmdt's test) */
static bool vma_is_shm(const struct vm_area_struct *vma)
{
	return vma->vm_ops == &shm_vm_ops;
}

/* --- shmget --- */

/*
 * Make a segment of params->size bytes: EINVAL outside [SHMMIN,
 * shm_ctlmax], ENOSPC past shm_ctlall pages in all or shm_ctlmni
 * segments, ENOMEM past the commit limit. Its id, or -errno.
 * Linux: newseg()
 */
static int newseg(struct ipc_namespace *ns, struct ipc_params *params)
{
	size_t size = params->size, numpages = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	int shmflg = params->flg, error;
	unsigned long acctflag = 0;
	struct shmid_kernel *shp;
	struct file *file;
	char name[13];

	if (size < SHMMIN || size > ns->shm_ctlmax)
		return -EINVAL;
	if (numpages << PAGE_SHIFT < size)
		return -ENOSPC;
	if (ns->shm_tot + numpages < ns->shm_tot || ns->shm_tot + numpages > ns->shm_ctlall)
		return -ENOSPC;
	if (shmflg & SHM_HUGETLB)
		return -ENOMEM;	/* Linux: no huge page reserved for it (Faultline has none) */
	shp = kzalloc(sizeof(*shp), GFP_KERNEL);
	if (!shp)
		return -ENOMEM;
	shp->shm_perm.key = params->key;
	shp->shm_perm.mode = shmflg & S_IRWXUGO;

	snprintf(name, sizeof(name), "SYSV%08x", (unsigned int)params->key);
	/* Linux: not when vm.overcommit_memory is 2 (never). */
	if ((shmflg & SHM_NORESERVE) && sysctl_overcommit_memory != OVERCOMMIT_NEVER)
		acctflag = VM_NORESERVE;
	file = shmem_file_setup(name, (loff_t)size, acctflag);
	if (IS_ERR(file)) {
		kfree(shp);
		return PTR_ERR(file);
	}
	shp->shm_cprid = task_tgid_nr(current);
	shp->shm_ctim = ktime_get_real_seconds();
	shp->shm_segsz = size;
	shp->shm_file = file;
	shp->shm_creator = current;
	error = ipc_addid(&shm_ids(ns), &shp->shm_perm, ns->shm_ctlmni);
	if (error < 0) {
		fput(file);
		kfree(shp);
		return error;
	}
	/* The id is the inode number maps shows (ps-style tools read it there). */
	file_inode(file)->i_ino = (unsigned long)shp->shm_perm.id;
	ns->shm_tot += numpages;
	return shp->shm_perm.id;
}

/* An existing segment smaller than asked for: EINVAL. Linux: shm_more_checks() */
static int shm_more_checks(struct kern_ipc_perm *ipcp, struct ipc_params *params)
{
	return to_shmid(ipcp)->shm_segsz < params->size ? -EINVAL : 0;
}

long ksys_shmget(key_t key, size_t size, int shmflg)
{
	static const struct ipc_ops shm_ops = {
		.getnew = newseg,
		.more_checks = shm_more_checks,
	};
	struct ipc_params params = { .key = key, .flg = shmflg, .size = size };

	return ipcget(&init_ipc_ns, &shm_ids(&init_ipc_ns), &shm_ops, &params);
}

SYSCALL_DEFINE3(shmget, key_t, key, size_t, size, int, shmflg)
{
	return ksys_shmget(key, size, shmflg);
}

/* --- shmat --- */

/*
 * Where an attach goes: *addr 0 for "anywhere", else *addr (rounded
 * down with SHM_RND); -EINVAL for an address not page aligned, or
 * SHM_REMAP without an address. Linux: the start of do_shmat()
 */
static int shmat_addr(unsigned long *addr, int shmflg)
{
	if (!*addr)
		return (shmflg & SHM_REMAP) ? -EINVAL : 0;
	if (*addr & (SHMLBA - 1)) {
		if (!(shmflg & SHM_RND))
			return -EINVAL;
		*addr &= ~(SHMLBA - 1);
		if (!*addr && (shmflg & SHM_REMAP))
			return -EINVAL;
	}
	return 0;
}

/*
 * An attach file of the segment's tmpfs file, opened for reading (and
 * writing), its shm_file_data naming the segment. Linux: the middle of
 * do_shmat(), alloc_file_clone()
 */
static struct file *shm_attach_file(struct shmid_kernel *shp, int f_flags)
{
	struct shm_file_data *sfd = kzalloc(sizeof(*sfd), GFP_KERNEL);
	struct file *file;

	if (!sfd)
		return ERR_PTR(-ENOMEM);
	file = alloc_file(&shp->shm_file->f_path, f_flags, &shm_file_operations);
	if (IS_ERR(file)) {
		kfree(sfd);
		return file;
	}
	sfd->id = shp->shm_perm.id;
	sfd->file = get_file(shp->shm_file);
	file->private_data = sfd;
	return file;
}

/* Map the attach file at addr (0: anywhere). Linux: the end of do_shmat() */
static long shm_map(struct file *file, unsigned long addr, unsigned long size,
		    unsigned long prot, int shmflg)
{
	unsigned long flags = MAP_SHARED | (addr ? MAP_FIXED : 0), populate = 0;
	unsigned long ret;

	/* Linux: mmap_lock for writing. */
	if (addr && !(shmflg & SHM_REMAP)) {
		if (addr + size < addr)
			return -EINVAL;
		if (find_vma_intersection(current->mm, addr, addr + size))
			return -EINVAL;
	}
	ret = do_mmap(file, addr, size, prot, flags, 0, &populate);
	if (IS_ERR_VALUE(ret))
		return (long)ret;
	if (populate)
		mm_populate(ret, populate);
	return (long)ret;
}

/*
 * Attach segment shmid at shmaddr: the address, or -errno (EINVAL for
 * a bad id or address, EACCES without the permission asked for). The
 * segment is counted attached while the mapping is made, so that it
 * outlives a failed mapping (in Linux, also an IPC_RMID from another
 * thread meanwhile). Linux: do_shmat()
 */
long do_shmat(int shmid, unsigned long shmaddr, int shmflg)
{
	struct ipc_namespace *ns = &init_ipc_ns;
	unsigned long prot = PROT_READ | PROT_WRITE, size;
	int acc_mode = S_IRUGO | S_IWUGO, f_flags = O_RDWR;
	long err = shmid < 0 ? -EINVAL : shmat_addr(&shmaddr, shmflg);
	struct shmid_kernel *shp;
	struct file *file;

	if (err)
		return err;
	if (shmflg & SHM_RDONLY) {
		prot = PROT_READ;
		acc_mode = S_IRUGO;
		f_flags = O_RDONLY;
	}
	if (shmflg & SHM_EXEC) {
		prot |= PROT_EXEC;
		acc_mode |= S_IXUGO;
	}
	shp = shm_obtain_object_check(ns, shmid);
	if (IS_ERR(shp))
		return PTR_ERR(shp);
	if (ipcperms(&shp->shm_perm, (short)acc_mode))
		return -EACCES;
	if (!ipc_valid_object(&shp->shm_perm))
		return -EIDRM;

	shp->shm_nattch++;
	size = (unsigned long)i_size_read(file_inode(shp->shm_file));
	file = shm_attach_file(shp, f_flags);
	err = IS_ERR(file) ? PTR_ERR(file) : shm_map(file, shmaddr, size, prot, shmflg);
	if (!IS_ERR(file))
		fput(file);	/* the VMA holds its own reference */
	shp->shm_nattch--;
	if (shm_may_destroy(ns, shp))
		shm_destroy(ns, shp);
	return err;
}

SYSCALL_DEFINE3(shmat, int, shmid, char __user *, shmaddr, int, shmflg)
{
	return do_shmat(shmid, (unsigned long)shmaddr, shmflg);
}

/* --- shmdt --- */

/*
 * Is vma a piece of the attach that started at addr? A piece that
 * mprotect or munmap cut off still sits at its page offset from the
 * attach's start. Linux: the test in ksys_shmdt()
 */
static bool shm_piece_of(const struct vm_area_struct *vma, unsigned long addr)
{
	return vma_is_shm(vma) && (vma->vm_start - addr) / PAGE_SIZE == vma->vm_pgoff;
}

/*
 * Detach the attach that starts at shmaddr: the first attach VMA at or
 * above it whose offset matches, then every other piece of the same
 * segment within the segment's size from shmaddr. EINVAL if none.
 * Linux: ksys_shmdt()
 */
long ksys_shmdt(unsigned long addr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *next;
	struct file *file = NULL;
	loff_t size = 0;

	if (addr & ~PAGE_MASK)
		return -EINVAL;
	/* Linux: mmap_lock for writing. */
	for (vma = find_vma(mm, addr); vma; vma = vma->vm_next) {
		if (shm_piece_of(vma, addr)) {
			unsigned long end = vma->vm_end;

			file = vma->vm_file;
			size = i_size_read(file_inode(file));
			do_munmap(mm, vma->vm_start, vma->vm_end - vma->vm_start);
			vma = find_vma(mm, end);
			break;
		}
	}
	if (!file)
		return -EINVAL;
	size = PAGE_ALIGN(size);
	while (vma && (loff_t)(vma->vm_end - addr) <= size) {
		next = vma->vm_next;
		if (shm_piece_of(vma, addr) && vma->vm_file == file) {
			unsigned long end = vma->vm_end;

			do_munmap(mm, vma->vm_start, vma->vm_end - vma->vm_start);
			next = find_vma(mm, end);
		}
		vma = next;
	}
	return 0;
}

SYSCALL_DEFINE1(shmdt, char __user *, shmaddr)
{
	return ksys_shmdt((unsigned long)shmaddr);
}

/* --- exit --- */

/*
 * The caller exits: it created no segment any more. With
 * kernel.shm_rmid_forced its segments that nothing maps go now.
 * Linux: exit_shm() (Faultline differs: no list of a task's segments;
 * the walk over all, at most shm_ctlmni, runs only while any exist)
 */
void exit_shm(struct task_struct *task)
{
	struct ipc_namespace *ns = &init_ipc_ns;
	struct kern_ipc_perm *ipcp;

	for (int idx = 0; (ipcp = ipc_get_next(&shm_ids(ns), &idx)); idx++) {
		struct shmid_kernel *shp = to_shmid(ipcp);

		if (shp->shm_creator != task)
			continue;
		shp->shm_creator = NULL;
		if (ns->shm_rmid_forced && shm_may_destroy(ns, shp))
			shm_destroy(ns, shp);
	}
}

/*
 * kernel.shm_rmid_forced was set: destroy now the unused segments whose
 * creator has exited. Linux: shm_destroy_orphaned()
 */
void shm_destroy_orphaned(void)
{
	struct ipc_namespace *ns = &init_ipc_ns;
	struct kern_ipc_perm *ipcp;

	for (int idx = 0; (ipcp = ipc_get_next(&shm_ids(ns), &idx)); idx++) {
		struct shmid_kernel *shp = to_shmid(ipcp);

		if (!shp->shm_creator && shm_may_destroy(ns, shp))
			shm_destroy(ns, shp);
	}
}
