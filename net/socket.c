// SPDX-License-Identifier: GPL-2.0
/*
 * The socket system calls and sockfs: a socket is a file (an inode of
 * the internal sockfs, "socket:[N]") whose reads, writes, polls and
 * close go to its family's proto_ops. Linux: net/socket.c
 *
 * Faultline has AF_UNIX only, and only its connected pairs: socketpair,
 * read/write, sendto/recvfrom without addresses, shutdown. socket(2),
 * bind, connect and the rest of the API come when something needs them;
 * until then they are ENOSYS, and any other family is EAFNOSUPPORT.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/net.h>
#include <linux/poll.h>
#include <linux/statfs.h>
#include <linux/uio.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define SOCKFS_MAGIC	0x534F434B

/* net/unix/af_unix.c */
int unix_socketpair_create(int type, struct socket *a, struct socket *b);

static const struct super_operations sockfs_ops = {
	.statfs = simple_statfs,
};

static struct super_block sock_sb = {
	.s_op = &sockfs_ops,
	.s_flags = SB_KERNMOUNT,
	.s_dev = MKDEV(0, 8),
	.s_magic = SOCKFS_MAGIC,
	.s_type = "sockfs",
};

static const struct file_operations socket_file_ops;

struct socket *sock_from_file(struct file *file)
{
	return file->f_op == &socket_file_ops ? file->private_data : NULL;
}

static ssize_t sock_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct socket *sock = iocb->ki_filp->private_data;
	int flags = (iocb->ki_filp->f_flags & O_NONBLOCK) ? MSG_DONTWAIT : 0;

	if (!iov_iter_count(to))
		return 0;
	return sock->ops->recvmsg(sock, to, flags);
}

static ssize_t sock_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct socket *sock = iocb->ki_filp->private_data;
	int flags = (iocb->ki_filp->f_flags & O_NONBLOCK) ? MSG_DONTWAIT : 0;

	return sock->ops->sendmsg(sock, from, flags);
}

static __poll_t sock_poll(struct file *file, poll_table *wait)
{
	struct socket *sock = file->private_data;

	return sock->ops->poll(file, sock, wait);
}

/* The last close of the file releases the socket. Linux: sock_close() */
static int sock_close(struct inode *inode, struct file *file)
{
	struct socket *sock = file->private_data;

	(void)inode;
	sock->ops->release(sock);
	kfree(sock);
	return 0;
}

static const struct file_operations socket_file_ops = {
	.read_iter = sock_read_iter,
	.write_iter = sock_write_iter,
	.poll = sock_poll,
	.release = sock_close,
};

/*
 * A socket's file: an inode of sockfs named "socket:[ino]", read-write.
 * Linux: sock_alloc() and sock_alloc_file()
 */
static struct file *sock_alloc_file(struct socket *sock, int flags)
{
	struct inode *inode = new_inode(&sock_sb);
	char name[32];
	struct qstr qname = { name, 0 };
	struct path path;
	struct file *file;

	if (!inode)
		return ERR_PTR(-ENFILE);
	inode->i_ino = get_next_ino();
	inode->i_mode = S_IFSOCK | 0777;
	inode->i_nlink = 0;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time();
	qname.len = (unsigned int)snprintf(name, sizeof(name), "socket:[%lu]", inode->i_ino);
	path.dentry = d_alloc_pseudo(&sock_sb, &qname);
	if (!path.dentry) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	d_instantiate(path.dentry, inode);
	file = alloc_file(&path, O_RDWR | (flags & O_NONBLOCK), &socket_file_ops);
	path_put(&path);
	if (IS_ERR(file))
		return file;
	file->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	file->private_data = sock;
	sock->file = file;
	return file;
}

/* The family and type checks of sock_create(), for AF_UNIX. */
static int socketpair_check(int family, int type, int protocol)
{
	if (family < 0 || family >= AF_MAX)
		return -EAFNOSUPPORT;
	if (type < 0 || type >= SOCK_MAX)
		return -EINVAL;
	if (family != AF_UNIX)
		return -EAFNOSUPPORT;	/* Faultline has no other family */
	if (protocol && protocol != PF_UNIX)
		return -EPROTONOSUPPORT;
	switch (type) {
	case SOCK_STREAM: case SOCK_DGRAM: case SOCK_RAW: case SOCK_SEQPACKET:
		return 0;
	}
	return -ESOCKTNOSUPPORT;
}

/* Two files for a connected pair, or -errno with nothing left over. */
static int socketpair_files(int type, int flags, struct file **files)
{
	struct socket *socks[2] = { kzalloc(sizeof(struct socket), GFP_KERNEL),
				    kzalloc(sizeof(struct socket), GFP_KERNEL) };
	int err = -ENOMEM;

	if (!socks[0] || !socks[1])
		goto out_free;
	err = unix_socketpair_create(type, socks[0], socks[1]);
	if (err)
		goto out_free;
	files[0] = sock_alloc_file(socks[0], flags);
	if (IS_ERR(files[0])) {
		err = (int)PTR_ERR(files[0]);
		socks[0]->ops->release(socks[0]);
		socks[1]->ops->release(socks[1]);
		goto out_free;
	}
	files[1] = sock_alloc_file(socks[1], flags);
	if (IS_ERR(files[1])) {
		err = (int)PTR_ERR(files[1]);
		socks[1]->ops->release(socks[1]);
		kfree(socks[1]);
		fput(files[0]);		/* releases and frees socks[0] */
		return err;
	}
	return 0;
out_free:
	kfree(socks[0]);
	kfree(socks[1]);
	return err;
}

/* Linux: __sys_socketpair() */
static long do_socketpair(int family, int type, int protocol, int __user *usockvec)
{
	int flags = type & ~SOCK_TYPE_MASK, fd[2];
	struct file *files[2] = { NULL, NULL };
	long err;

	if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;
	type &= SOCK_TYPE_MASK;
	fd[0] = get_unused_fd_flags((unsigned int)(flags & SOCK_CLOEXEC));
	if (fd[0] < 0)
		return fd[0];
	fd[1] = get_unused_fd_flags((unsigned int)(flags & SOCK_CLOEXEC));
	if (fd[1] < 0) {
		put_unused_fd((unsigned int)fd[0]);
		return fd[1];
	}
	err = copy_to_user(usockvec, fd, sizeof(fd)) ? -EFAULT : 0;
	if (!err)
		err = socketpair_check(family, type, protocol);
	if (!err)
		err = socketpair_files(type, flags, files);
	if (err) {
		put_unused_fd((unsigned int)fd[0]);
		put_unused_fd((unsigned int)fd[1]);
		return err;
	}
	fd_install((unsigned int)fd[0], files[0]);
	fd_install((unsigned int)fd[1], files[1]);
	return 0;
}

SYSCALL_DEFINE4(socketpair, int, family, int, type, int, protocol, int __user *, usockvec)
{
	return do_socketpair(family, type, protocol, usockvec);
}

/* The socket behind fd: EBADF, or ENOTSOCK for another kind of file. */
static struct socket *sockfd_lookup(int fd, struct file **filep, int *err)
{
	struct file *file = fget((unsigned int)fd);
	struct socket *sock;

	*err = -EBADF;
	if (!file)
		return NULL;
	sock = sock_from_file(file);
	if (!sock) {
		fput(file);
		*err = -ENOTSOCK;
		return NULL;
	}
	*filep = file;
	return sock;
}

/*
 * send/sendto on a connected socket (an address is ignored, as AF_UNIX
 * ignores it on a connected stream; Faultline has no unconnected ones).
 * Linux: __sys_sendto()
 */
SYSCALL_DEFINE6(sendto, int, fd, void __user *, buff, size_t, len, unsigned int, flags,
		void __user *, addr, int, addr_len)
{
	struct socket *sock;
	struct iov_iter from;
	struct file *file;
	int err;

	(void)addr;
	(void)addr_len;
	if (len > INT_MAX)
		len = INT_MAX;
	if (!access_ok(buff, len))
		return -EFAULT;
	sock = sockfd_lookup(fd, &file, &err);
	if (!sock)
		return err;
	if (file->f_flags & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	iov_iter_ubuf(&from, WRITE, buff, len);
	err = sock->ops->sendmsg(sock, &from, (int)flags);
	fput(file);
	return err;
}

/* recv/recvfrom; no address comes back (the peer has none). Linux: __sys_recvfrom() */
SYSCALL_DEFINE6(recvfrom, int, fd, void __user *, ubuf, size_t, size, unsigned int, flags,
		void __user *, addr, int __user *, addr_len)
{
	struct socket *sock;
	struct iov_iter to;
	struct file *file;
	int err;

	if (size > INT_MAX)
		size = INT_MAX;
	if (!access_ok(ubuf, size))
		return -EFAULT;
	sock = sockfd_lookup(fd, &file, &err);
	if (!sock)
		return err;
	if (file->f_flags & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	iov_iter_ubuf(&to, READ, ubuf, size);
	err = sock->ops->recvmsg(sock, &to, (int)flags);
	if (err >= 0 && addr && addr_len && put_user(0, addr_len))
		err = -EFAULT;
	fput(file);
	return err;
}

/* Linux: __sys_shutdown() */
SYSCALL_DEFINE2(shutdown, int, fd, int, how)
{
	struct socket *sock;
	struct file *file;
	int err;

	sock = sockfd_lookup(fd, &file, &err);
	if (!sock)
		return err;
	err = sock->ops->shutdown(sock, how);
	fput(file);
	return err;
}
