// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl: the few requests the VFS answers for every file, then the
 * driver's own (terminals). Linux: fs/ioctl.c
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define FIONREAD	0x541B
#define FIONBIO		0x5421
#define FIONCLEX	0x5450
#define FIOCLEX		0x5451
#define FIOASYNC	0x5452

static long do_vfs_ioctl(struct file *filp, unsigned int fd, unsigned int cmd,
			 unsigned long arg)
{
	struct inode *inode = file_inode(filp);
	int on;

	switch (cmd) {
	case FIOCLEX:
		set_close_on_exec(fd, 1);
		return 0;
	case FIONCLEX:
		set_close_on_exec(fd, 0);
		return 0;
	case FIONBIO:
		if (get_user(on, (int __user *)arg))
			return -EFAULT;
		if (on)
			filp->f_flags |= O_NONBLOCK;
		else
			filp->f_flags &= ~O_NONBLOCK;
		return 0;
	case FIOASYNC:
		return 0;
	case FIONREAD:
		if (!S_ISREG(inode->i_mode))
			break;
		return put_user((int)max_t(loff_t, 0, i_size_read(inode) - filp->f_pos),
				(int __user *)arg);
	}
	return -ENOIOCTLCMD;
}

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *filp = fget(fd);
	long error;

	if (!filp)
		return -EBADF;
	error = -EBADF;
	if (filp->f_mode & FMODE_PATH)
		goto out;
	error = do_vfs_ioctl(filp, fd, cmd, arg);
	if (error == -ENOIOCTLCMD) {
		error = -ENOTTY;	/* "not a typewriter": no such request here */
		if (filp->f_op && filp->f_op->unlocked_ioctl)
			error = filp->f_op->unlocked_ioctl(filp, cmd, arg);
		if (error == -ENOIOCTLCMD)
			error = -ENOTTY;
	}
out:
	fput(filp);
	return error;
}
