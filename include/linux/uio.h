/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_UIO_H
#define _LINUX_UIO_H

#include <linux/types.h>
#include <linux/compiler.h>

struct page;
struct file;

/*
 * Where a read puts its bytes or a write finds them: a kernel buffer
 * (ITER_KVEC), one user buffer (ITER_UBUF) or readv/writev's array of
 * them (ITER_IOVEC). User memory is copied with copy_to_user and
 * friends, so a bad user pointer gives a short count, never an oops.
 * File systems see only this, so one read_iter serves read(2), readv(2)
 * and the kernel's own reads. Linux: include/linux/uio.h (with more kinds).
 */
enum iter_type {
	ITER_KVEC,
	ITER_UBUF,
	ITER_IOVEC,
};

/* readv/writev's segments (Linux: include/uapi/linux/uio.h). */
struct iovec {
	void *iov_base;			/* user address */
	size_t iov_len;
};

#define UIO_MAXIOV	1024

#define READ	0	/* the iterator receives data */
#define WRITE	1	/* the iterator supplies data */

struct iov_iter {
	enum iter_type type;
	char *base;		/* next byte (KVEC, UBUF: kernel or user address) */
	size_t count;		/* bytes left */
	const struct iovec *iov;	/* IOVEC: the current segment, */
	unsigned long nr_segs;		/* segments left from it, */
	size_t iov_offset;		/* bytes of it done */
};

static inline void iov_iter_kvec(struct iov_iter *i, int direction, void *buf, size_t count)
{
	(void)direction;
	i->type = ITER_KVEC;
	i->base = buf;
	i->count = count;
}

static inline void iov_iter_ubuf(struct iov_iter *i, int direction, void *ubuf, size_t count)
{
	(void)direction;
	i->type = ITER_UBUF;
	i->base = ubuf;
	i->count = count;
}

static inline void iov_iter_init(struct iov_iter *i, int direction, const struct iovec *iov,
				 unsigned long nr_segs, size_t count)
{
	(void)direction;
	i->type = ITER_IOVEC;
	i->iov = iov;
	i->nr_segs = nr_segs;
	i->iov_offset = 0;
	i->count = count;
}

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

/* Each returns the bytes moved, short only if a user address faulted. */
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t copy_page_to_iter(struct page *page, size_t offset, size_t bytes, struct iov_iter *i);
size_t copy_page_from_iter(struct page *page, size_t offset, size_t bytes, struct iov_iter *i);
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);
/* fs/read_write.c: a user iovec array into *iovp (kfree it) and iter. */
long import_iovec(const struct iovec __user *uvec, unsigned long nr_segs, struct iovec **iovp,
		  struct iov_iter *iter);

/* An I/O request: the file and where in it (Linux: struct kiocb). */
#define IOCB_APPEND	0x1

struct kiocb {
	struct file *ki_filp;
	long long ki_pos;
	int ki_flags;
};

#endif
