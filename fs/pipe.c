// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes and FIFOs (the ring is pictured in linux/pipe_fs_i.h).
 * Linux: fs/pipe.c
 *
 *   read   takes what is there (up to count) and returns; with nothing
 *          there it sleeps, or returns 0 (end of file) once no writer is
 *          left, or -EAGAIN with O_NONBLOCK
 *   write  sleeps for room; with no reader left the writer gets SIGPIPE
 *          and -EPIPE. A write of PIPE_BUF bytes or less goes in whole
 *          or waits; a small write is added to the last page if it fits.
 *
 * pipe(2) makes an inode of the internal pipefs with two files on it; a
 * FIFO is a tmpfs inode whose pipe exists while it is open.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/wait.h>
#include <linux/poll.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/pipe_fs_i.h>
#include <linux/statfs.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define F_SETPIPE_SZ	1031
#define F_GETPIPE_SZ	1032

static const struct super_operations pipefs_ops = {
	.statfs = simple_statfs,
};

static struct super_block pipe_sb = {
	.s_op = &pipefs_ops,
	.s_flags = SB_KERNMOUNT,
	.s_dev = MKDEV(0, 12),
	.s_magic = PIPEFS_MAGIC,
	.s_type = "pipefs",
};

static unsigned int pipe_occupancy(const struct pipe_inode_info *pipe)
{
	return pipe->head - pipe->tail;
}

static bool pipe_empty(const struct pipe_inode_info *pipe)
{
	return pipe->head == pipe->tail;
}

static bool pipe_full(const struct pipe_inode_info *pipe)
{
	return pipe_occupancy(pipe) >= pipe->ring_size;
}

static struct pipe_buffer *pipe_buf(struct pipe_inode_info *pipe, unsigned int slot)
{
	return &pipe->bufs[slot % pipe->ring_size];
}

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	pipe->ring_size = PIPE_DEF_BUFFERS;
	return pipe;
}

static void free_pipe_info(struct pipe_inode_info *pipe)
{
	for (unsigned int i = pipe->tail; i != pipe->head; i++)
		__free_page(pipe_buf(pipe, i)->page);
	kfree(pipe);
}

/* Linux: pipe_read() */
static ssize_t pipe_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *filp = iocb->ki_filp;
	struct pipe_inode_info *pipe = filp->private_data;
	size_t total_len = iov_iter_count(to);
	ssize_t ret = 0;

	if (!total_len)
		return 0;
	for (;;) {
		while (!pipe_empty(pipe) && iov_iter_count(to)) {
			struct pipe_buffer *buf = pipe_buf(pipe, pipe->tail);
			size_t chars = min((size_t)buf->len, iov_iter_count(to));
			size_t written = copy_page_to_iter(buf->page, buf->offset, chars, to);

			if (written < chars && !written) {
				if (!ret)
					ret = -EFAULT;
				break;
			}
			ret += (ssize_t)written;
			buf->offset += (unsigned int)written;
			buf->len -= (unsigned int)written;
			if (!buf->len) {
				__free_page(buf->page);
				buf->page = NULL;
				pipe->tail++;
			}
			if (written < chars)
				break;
		}
		if (ret)
			break;
		if (!pipe->writers)
			break;			/* end of file */
		if (filp->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		if (wait_event_interruptible_exclusive(pipe->rd_wait,
						       !pipe_empty(pipe) || !pipe->writers))
			return -ERESTARTSYS;
	}
	if (ret > 0) {
		wake_up_interruptible_poll(&pipe->wr_wait, EPOLLOUT | EPOLLWRNORM);
		file_inode(filp)->i_atime = current_time();
	}
	return ret;
}

/* Add to the last buffer's page, if it was filled by a write and has room. */
static size_t pipe_write_merge(struct pipe_inode_info *pipe, struct iov_iter *from)
{
	struct pipe_buffer *buf;
	unsigned int end;
	size_t chars;

	if (pipe_empty(pipe))
		return 0;
	buf = pipe_buf(pipe, pipe->head - 1);
	end = buf->offset + buf->len;
	chars = iov_iter_count(from);
	if (end + chars > PAGE_SIZE)
		return 0;
	chars = copy_page_from_iter(buf->page, end, chars, from);
	buf->len += (unsigned int)chars;
	return chars;
}

/* Linux: pipe_write() */
static ssize_t pipe_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *filp = iocb->ki_filp;
	struct pipe_inode_info *pipe = filp->private_data;
	size_t total_len = iov_iter_count(from);
	ssize_t ret = 0;

	if (!total_len)
		return 0;
	if (!pipe->readers) {		/* before anything merges into the last page */
		send_sig(SIGPIPE, current, 0);
		return -EPIPE;
	}
	ret = (ssize_t)pipe_write_merge(pipe, from);
	while (iov_iter_count(from)) {
		if (!pipe->readers) {
			send_sig(SIGPIPE, current, 0);
			if (!ret)
				ret = -EPIPE;
			break;
		}
		if (!pipe_full(pipe)) {
			struct pipe_buffer *buf = pipe_buf(pipe, pipe->head);
			struct page *page = alloc_page(GFP_HIGHUSER);
			size_t copied;

			if (!page) {
				if (!ret)
					ret = -ENOMEM;
				break;
			}
			copied = copy_page_from_iter(page, 0, PAGE_SIZE, from);
			if (!copied) {
				__free_page(page);
				if (!ret)
					ret = -EFAULT;
				break;
			}
			*buf = (struct pipe_buffer){ .page = page, .offset = 0,
						     .len = (unsigned int)copied };
			pipe->head++;
			ret += (ssize_t)copied;
			wake_up_interruptible_poll(&pipe->rd_wait, EPOLLIN | EPOLLRDNORM);
			continue;
		}
		if (filp->f_flags & O_NONBLOCK) {
			if (!ret)
				ret = -EAGAIN;
			break;
		}
		if (wait_event_interruptible_exclusive(pipe->wr_wait,
						       !pipe_full(pipe) || !pipe->readers)) {
			if (!ret)
				ret = -ERESTARTSYS;
			break;
		}
	}
	if (ret > 0) {
		wake_up_interruptible_poll(&pipe->rd_wait, EPOLLIN | EPOLLRDNORM);
		file_inode(filp)->i_mtime = file_inode(filp)->i_ctime = current_time();
	}
	return ret;
}

/*
 * The atomicity promise: a write of at most PIPE_BUF bytes waits until
 * it fits whole (into the last page or a free slot), so writers never
 * interleave inside it. Larger writes may be split.
 */
static ssize_t pipe_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *filp = iocb->ki_filp;
	struct pipe_inode_info *pipe = filp->private_data;
	size_t len = iov_iter_count(from);

	while (len && len <= PIPE_BUF && pipe->readers && pipe_full(pipe)) {
		struct pipe_buffer *last = pipe_buf(pipe, pipe->head - 1);

		if (last->offset + last->len + len <= PAGE_SIZE)
			break;
		if (filp->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible_exclusive(pipe->wr_wait,
						       !pipe_full(pipe) || !pipe->readers))
			return -ERESTARTSYS;
	}
	return pipe_write(iocb, from);
}

static __poll_t pipe_poll(struct file *filp, poll_table *wait)
{
	struct pipe_inode_info *pipe = filp->private_data;
	__poll_t mask = 0;

	if (filp->f_mode & FMODE_READ)
		poll_wait(filp, &pipe->rd_wait, wait);
	if (filp->f_mode & FMODE_WRITE)
		poll_wait(filp, &pipe->wr_wait, wait);
	if (filp->f_mode & FMODE_READ) {
		if (!pipe_empty(pipe))
			mask |= EPOLLIN | EPOLLRDNORM;
		if (!pipe->writers && filp->f_pos != pipe->w_counter)
			mask |= EPOLLHUP;
	}
	if (filp->f_mode & FMODE_WRITE) {
		if (!pipe_full(pipe))
			mask |= EPOLLOUT | EPOLLWRNORM;
		if (!pipe->readers)
			mask |= EPOLLERR;
	}
	return mask;
}

#define FIONREAD	0x541B

static long pipe_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = filp->private_data;
	int count = 0;

	if (cmd != FIONREAD)
		return -ENOIOCTLCMD;
	for (unsigned int i = pipe->tail; i != pipe->head; i++)
		count += (int)pipe_buf(pipe, i)->len;
	return put_user(count, (int __user *)arg);
}

/* The last file of a pipe frees it. Linux: put_pipe_info() */
static void put_pipe_info(struct inode *inode, struct pipe_inode_info *pipe)
{
	if (--pipe->files == 0) {
		inode->i_pipe = NULL;
		free_pipe_info(pipe);
	}
}

/* The last close of an end wakes the other side. */
static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;

	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	wake_up_interruptible_all(&pipe->rd_wait);
	wake_up_interruptible_all(&pipe->wr_wait);
	put_pipe_info(inode, pipe);
	return 0;
}

/* F_GETPIPE_SZ reports the capacity; resizing is not supported (Linux's F_SETPIPE_SZ). */
long pipe_fcntl(struct file *file, unsigned int cmd, unsigned int arg)
{
	struct pipe_inode_info *pipe = file->private_data;

	if (file->f_op != &pipefifo_fops || !pipe)
		return -EBADF;
	if (cmd == F_GETPIPE_SZ)
		return (long)(pipe->ring_size * PAGE_SIZE);
	if (cmd == F_SETPIPE_SZ)
		return arg <= pipe->ring_size * PAGE_SIZE ? (long)(pipe->ring_size * PAGE_SIZE) :
							     -EPERM;
	return -EINVAL;
}

/*
 * Opening a FIFO: a reader waits for a writer and a writer for a reader
 * (unless O_NONBLOCK: then a lone writer gets -ENXIO). Linux: fifo_open()
 */
static int fifo_open(struct inode *inode, struct file *filp)
{
	struct pipe_inode_info *pipe = inode->i_pipe;
	int ret = 0;

	if (!pipe) {
		pipe = alloc_pipe_info();
		if (!pipe)
			return -ENOMEM;
		inode->i_pipe = pipe;
	}
	filp->private_data = pipe;
	pipe->files++;
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	switch (filp->f_mode & (FMODE_READ | FMODE_WRITE)) {
	case FMODE_READ: {
		unsigned int w = pipe->w_counter;

		pipe->r_counter++;
		pipe->readers++;
		wake_up_interruptible_all(&pipe->wr_wait);
		if (pipe->writers)
			break;
		if (filp->f_flags & O_NONBLOCK)
			filp->f_pos = w;	/* no EPOLLHUP until a writer has come */
		else if (wait_event_interruptible(pipe->rd_wait, pipe->w_counter != w))
			ret = -ERESTARTSYS;
		break;
	}
	case FMODE_WRITE: {
		unsigned int r = pipe->r_counter;

		if (!pipe->readers && (filp->f_flags & O_NONBLOCK)) {
			put_pipe_info(inode, pipe);	/* counted as no writer */
			return -ENXIO;
		}
		pipe->w_counter++;
		pipe->writers++;
		wake_up_interruptible_all(&pipe->rd_wait);
		if (!pipe->readers &&
		    wait_event_interruptible(pipe->wr_wait, pipe->r_counter != r))
			ret = -ERESTARTSYS;
		break;
	}
	default:
		pipe->readers++;
		pipe->writers++;
		pipe->r_counter++;
		pipe->w_counter++;
		wake_up_interruptible_all(&pipe->rd_wait);
		wake_up_interruptible_all(&pipe->wr_wait);
		break;
	}
	if (ret)
		pipe_release(inode, filp);
	return ret;
}

const struct file_operations pipefifo_fops = {
	.open = fifo_open,
	.llseek = no_llseek,
	.read_iter = pipe_read,
	.write_iter = pipe_write_iter,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
};

/*
 * A pipe's inode, with its pipe counting one reader and one writer (the
 * two files create_pipe_files makes), or NULL. Linux: get_pipe_inode()
 */
static struct inode *get_pipe_inode(void)
{
	struct inode *inode = new_inode(&pipe_sb);
	struct pipe_inode_info *pipe = alloc_pipe_info();

	if (!inode || !pipe) {
		kfree(pipe);
		if (inode) {
			inode->i_nlink = 0;
			iput(inode);
		}
		return NULL;
	}
	inode->i_ino = get_next_ino();
	inode->i_mode = S_IFIFO | 0600;
	inode->i_nlink = 0;
	inode->i_pipe = pipe;
	inode->i_fop = &pipefifo_fops;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time();
	pipe->readers = pipe->writers = 1;
	pipe->r_counter = pipe->w_counter = 1;
	pipe->files = 2;
	return inode;
}

/* A pipe's name in /proc/<pid>/fd: "pipe:[INO]". Linux: pipefs_dname() */
static char *pipefs_dname(struct dentry *dentry, char *buf, int buflen)
{
	char name[32];
	int len = snprintf(name, sizeof(name), "pipe:[%lu]", d_inode(dentry)->i_ino);

	if (len >= buflen)
		return ERR_PTR(-ENAMETOOLONG);
	memcpy(buf + buflen - len - 1, name, (size_t)len + 1);
	return buf + buflen - len - 1;
}

static const struct dentry_operations pipefs_dentry_operations = {
	.d_dname = pipefs_dname,
};

/*
 * The two ends of a new pipe. Each file points at the pipe
 * (private_data) as soon as it exists, so that the fput of the first
 * when the second cannot be had finds the pipe to release; the pipe
 * counts two files from the start, and the one that never came is put
 * by hand. Linux: create_pipe_files()
 */
int create_pipe_files(struct file **res, int flags)
{
	struct inode *inode = get_pipe_inode();
	struct pipe_inode_info *pipe;
	char name[32];
	struct qstr qname = { name, 0 };
	struct path path;
	int err;

	if (!inode)
		return -ENOMEM;
	pipe = inode->i_pipe;
	qname.len = (unsigned int)snprintf(name, sizeof(name), "pipe:[%lu]", inode->i_ino);
	path.dentry = d_alloc_pseudo(&pipe_sb, &qname);
	if (!path.dentry) {
		inode->i_pipe = NULL;
		free_pipe_info(pipe);
		iput(inode);
		return -ENOMEM;
	}
	path.dentry->d_op = &pipefs_dentry_operations;
	d_instantiate(path.dentry, inode);
	res[0] = alloc_file(&path, O_RDONLY | (flags & O_NONBLOCK), &pipefifo_fops);
	if (IS_ERR(res[0])) {
		err = (int)PTR_ERR(res[0]);
		goto out_free_pipe;
	}
	res[0]->private_data = pipe;
	res[1] = alloc_file(&path, O_WRONLY | (flags & O_NONBLOCK), &pipefifo_fops);
	if (IS_ERR(res[1])) {
		err = (int)PTR_ERR(res[1]);
		goto out_put_reader;
	}
	res[1]->private_data = pipe;
	path_put(&path);
	for (int i = 0; i < 2; i++)
		res[i]->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;

out_put_reader:
	pipe->writers--;
	put_pipe_info(inode, pipe);	/* the writer's share: the reader's fput frees the pipe */
	fput(res[0]);
	path_put(&path);
	return err;
out_free_pipe:
	inode->i_pipe = NULL;
	free_pipe_info(pipe);
	path_put(&path);		/* the dentry's iput frees the inode */
	return err;
}

/* Linux: do_pipe2() */
static long do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2];
	long error;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	error = create_pipe_files(files, flags);
	if (error)
		return error;
	fd[0] = get_unused_fd_flags((unsigned int)flags);
	if (fd[0] < 0) {
		error = fd[0];
		goto err_files;
	}
	fd[1] = get_unused_fd_flags((unsigned int)flags);
	if (fd[1] < 0) {
		error = fd[1];
		put_unused_fd((unsigned int)fd[0]);
		goto err_files;
	}
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		put_unused_fd((unsigned int)fd[0]);
		put_unused_fd((unsigned int)fd[1]);
		error = -EFAULT;
		goto err_files;
	}
	fd_install((unsigned int)fd[0], files[0]);
	fd_install((unsigned int)fd[1], files[1]);
	return 0;
err_files:
	fput(files[0]);
	fput(files[1]);
	return error;
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return do_pipe2(fildes, 0);
}
