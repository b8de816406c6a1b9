// SPDX-License-Identifier: GPL-2.0
/*
 * fcntl and dup: descriptor flags, file status flags, duplicates.
 * Linux: fs/fcntl.c, fs/file.c (dup2, dup3)
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/pipe_fs_i.h>
#include <linux/memfd.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_GETLK		5
#define F_SETLK		6
#define F_SETLKW	7
#define F_DUPFD_CLOEXEC	1030
#define F_SETPIPE_SZ	1031
#define F_GETPIPE_SZ	1032
#define FD_CLOEXEC	1
#define F_UNLCK		2

/* The status flags fcntl(F_SETFL) may change. Linux: SETFL_MASK */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME)

struct flock {
	short l_type;
	short l_whence;
	loff_t l_start;
	loff_t l_len;
	pid_t l_pid;
};

/* O_NOATIME is for the file's owner (or CAP_FOWNER) only. Linux: setfl() */
static long setfl(struct file *filp, unsigned long arg)
{
	if ((arg & O_NOATIME) && !(filp->f_flags & O_NOATIME) &&
	    !inode_owner_or_capable(file_inode(filp)))
		return -EPERM;
	filp->f_flags = (filp->f_flags & ~SETFL_MASK) | ((unsigned int)arg & SETFL_MASK);
	return 0;
}

/*
 * Record locks are always granted and never conflict: there are no
 * other lockers to wait for in the programs Faultline runs yet. F_GETLK
 * says nothing is locked.
 */
static long do_lock(unsigned int cmd, struct flock __user *l)
{
	struct flock flock;

	if (copy_from_user(&flock, l, sizeof(flock)))
		return -EFAULT;
	if (cmd != F_GETLK)
		return 0;
	flock.l_type = F_UNLCK;
	return copy_to_user(l, &flock, sizeof(flock)) ? -EFAULT : 0;
}

static long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg, struct file *filp)
{
	switch (cmd) {
	case F_DUPFD:
		return f_dupfd((unsigned int)arg, filp, 0);
	case F_DUPFD_CLOEXEC:
		return f_dupfd((unsigned int)arg, filp, O_CLOEXEC);
	case F_GETFD:
		return get_close_on_exec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return filp->f_flags;
	case F_SETFL:
		return setfl(filp, arg);
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
		return do_lock(cmd, (struct flock __user *)arg);
	case F_SETPIPE_SZ:
	case F_GETPIPE_SZ:
		return pipe_fcntl(filp, cmd, (unsigned int)arg);
	case F_ADD_SEALS:
	case F_GET_SEALS:
		return memfd_fcntl(filp, cmd, arg);
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *filp = fget_raw(fd);
	long err;

	if (!filp)
		return -EBADF;
	err = -EBADF;
	if (!(filp->f_mode & FMODE_PATH) || cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC ||
	    cmd == F_GETFD || cmd == F_SETFD || cmd == F_GETFL)
		err = do_fcntl(fd, cmd, arg, filp);
	fput(filp);
	return err;
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	struct file *file = fget_raw(fildes);
	int fd;

	if (!file)
		return -EBADF;
	fd = get_unused_fd_flags(0);
	if (fd >= 0)
		fd_install((unsigned int)fd, get_file(file));
	fput(file);
	return fd;
}

/* Linux: ksys_dup3() */
static long ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *file;
	long ret;

	if ((flags & ~O_CLOEXEC) != 0)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	file = fget_raw(oldfd);
	if (!file)
		return -EBADF;
	ret = replace_fd(newfd, file, (unsigned int)flags);
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	return ksys_dup3(oldfd, newfd, flags);
}

SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	if (oldfd == newfd) {
		struct file *file = fget_raw(oldfd);

		if (!file)
			return -EBADF;
		fput(file);
		return newfd;
	}
	return ksys_dup3(oldfd, newfd, 0);
}
