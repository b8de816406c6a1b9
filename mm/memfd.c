// SPDX-License-Identifier: GPL-2.0
/*
 * memfd_create(2) and file seals. Linux: mm/memfd.c
 *
 * A memfd is a nameless tmpfs file (a file of the internal tmpfs, as
 * shared anonymous memory is) that a program gets as a descriptor: it
 * can be written, sized, mapped and passed on like any file, and shows
 * in /proc as "/memfd:NAME (deleted)".
 *
 * Seals restrict what anyone holding the file may do to it, so that two
 * programs that do not trust each other can share one:
 *
 *   F_SEAL_SEAL          no more seals
 *   F_SEAL_SHRINK        truncate may not shrink it
 *   F_SEAL_GROW          truncate, write and fallocate may not grow it
 *   F_SEAL_WRITE         no write, no hole punching, no writable shared
 *                        mapping (sealing needs that none exists)
 *   F_SEAL_FUTURE_WRITE  as F_SEAL_WRITE, except that writable shared
 *                        mappings made before it keep writing
 *
 * Seals are only ever added. Each is enforced where the operation is
 * (mm/shmem.c, mm/shmem_fallocate.c, do_mmap); every tmpfs inode starts
 * with F_SEAL_SEAL, and only memfd_create(MFD_ALLOW_SEALING) takes it off.
 *
 * Left out from Linux: huge-page memfds (hugetlbfs), F_SEAL_EXEC and
 * MFD_EXEC/MFD_NOEXEC_SEAL (after 6.1), and memfd_wait_for_pins(), which
 * waits for pages pinned by get_user_pages() users such as O_DIRECT or
 * io_uring: Faultline has none that hold a page past the system call.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/memfd.h>
#include <linux/shmem_fs.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define F_ALL_SEALS	(F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | \
			 F_SEAL_FUTURE_WRITE)

/* Where file keeps its seals: tmpfs files only. Linux: memfd_file_seals_ptr() */
unsigned int *memfd_file_seals_ptr(struct file *file)
{
	if (shmem_file(file))
		return &file_inode(file)->i_shmem_seals;
	return NULL;
}

/*
 * F_ADD_SEALS: add seals, never take any away. F_SEAL_WRITE needs that
 * no writable shared mapping exists (-EBUSY) and from then on refuses
 * new ones. Linux: memfd_add_seals()
 */
static int memfd_add_seals(struct file *file, unsigned int seals)
{
	unsigned int *file_seals;
	int error;

	if (!(file->f_mode & FMODE_WRITE))
		return -EPERM;
	if (seals & ~(unsigned int)F_ALL_SEALS)
		return -EINVAL;
	/* Linux: inode_lock(inode) around the rest. */
	file_seals = memfd_file_seals_ptr(file);
	if (!file_seals)
		return -EINVAL;
	if (*file_seals & F_SEAL_SEAL)
		return -EPERM;
	if ((seals & F_SEAL_WRITE) && !(*file_seals & F_SEAL_WRITE)) {
		error = mapping_deny_writable(file->f_mapping);
		if (error)
			return error;
	}
	*file_seals |= seals;
	return 0;
}

/* Linux: memfd_get_seals() */
static int memfd_get_seals(struct file *file)
{
	unsigned int *seals = memfd_file_seals_ptr(file);

	return seals ? (int)*seals : -EINVAL;
}

/* fcntl's F_ADD_SEALS and F_GET_SEALS. Linux: memfd_fcntl() */
long memfd_fcntl(struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case F_ADD_SEALS:
		if (arg > UINT_MAX)
			return -EINVAL;
		return memfd_add_seals(file, (unsigned int)arg);
	case F_GET_SEALS:
		return memfd_get_seals(file);
	default:
		return -EINVAL;
	}
}

#define MFD_NAME_PREFIX		"memfd:"
#define MFD_NAME_PREFIX_LEN	(sizeof(MFD_NAME_PREFIX) - 1)
#define MFD_NAME_MAX_LEN	(NAME_MAX - MFD_NAME_PREFIX_LEN)
#define MFD_ALL_FLAGS		(MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_HUGETLB)

/* The flags memfd_create() knows: with MFD_HUGETLB, a huge page size too. */
static bool memfd_flags_valid(unsigned int flags)
{
	unsigned int known = MFD_ALL_FLAGS;

	if (flags & MFD_HUGETLB)
		known |= MFD_HUGE_MASK << MFD_HUGE_SHIFT;
	return !(flags & ~known);
}

/*
 * "memfd:" and the user's name, as the file's dentry name: NULL with
 * *err set to -EFAULT (a bad pointer, or the name changed under us),
 * -EINVAL (longer than MFD_NAME_MAX_LEN) or -ENOMEM.
 */
static char *memfd_get_name(const char __user *uname, int *err)
{
	long len = strnlen_user(uname, MFD_NAME_MAX_LEN + 1);	/* with the NUL */
	char *name;

	*err = -EFAULT;
	if (len <= 0)
		return NULL;
	*err = -EINVAL;
	if (len > (long)MFD_NAME_MAX_LEN + 1)
		return NULL;
	*err = -ENOMEM;
	name = kmalloc(len + MFD_NAME_PREFIX_LEN, GFP_KERNEL);
	if (!name)
		return NULL;
	memcpy(name, MFD_NAME_PREFIX, MFD_NAME_PREFIX_LEN);
	*err = -EFAULT;
	if (copy_from_user(&name[MFD_NAME_PREFIX_LEN], uname, len) ||
	    name[len + MFD_NAME_PREFIX_LEN - 1]) {
		kfree(name);
		return NULL;
	}
	return name;
}

/*
 * MFD_HUGETLB. A huge page size 6.1 does not know on x86_64 (not 2 MiB or
 * 1 GiB) is -ENODEV, as there. Faultline differs for the others: it has
 * no hugetlbfs to put the file on, and answers -EINVAL, as a kernel
 * without huge-page memfds does, where 6.1 makes the file.
 * Linux: hugetlb_file_setup() (its get_hstate_idx() check)
 */
static int memfd_hugetlb_setup(unsigned int flags)
{
	unsigned int size_log = (flags >> MFD_HUGE_SHIFT) & MFD_HUGE_MASK;

	if (size_log != 0 && size_log != 21 && size_log != 30)
		return -ENODEV;
	return -EINVAL;
}

/*
 * A new sealable (MFD_ALLOW_SEALING) or sealed nameless tmpfs file, on
 * a new descriptor. Its pages are committed as they are allocated
 * (VM_NORESERVE), as a mounted tmpfs's are. Linux: sys_memfd_create()
 */
SYSCALL_DEFINE2(memfd_create, const char __user *, uname, unsigned int, flags)
{
	struct file *file;
	int fd, error;
	char *name;

	if (!memfd_flags_valid(flags))
		return -EINVAL;
	name = memfd_get_name(uname, &error);
	if (!name)
		return error;
	fd = get_unused_fd_flags((flags & MFD_CLOEXEC) ? O_CLOEXEC : 0);
	if (fd < 0) {
		error = fd;
		goto err_name;
	}
	if (flags & MFD_HUGETLB)
		file = ERR_PTR(memfd_hugetlb_setup(flags));
	else
		file = shmem_file_setup(name, 0, VM_NORESERVE);
	if (IS_ERR(file)) {
		error = (int)PTR_ERR(file);
		goto err_fd;
	}
	file->f_mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	file->f_flags |= O_LARGEFILE;
	if (flags & MFD_ALLOW_SEALING)
		file_inode(file)->i_shmem_seals &= ~F_SEAL_SEAL;
	fd_install((unsigned int)fd, file);
	kfree(name);
	return fd;

err_fd:
	put_unused_fd((unsigned int)fd);
err_name:
	kfree(name);
	return error;
}
