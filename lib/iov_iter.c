// SPDX-License-Identifier: GPL-2.0
/*
 * Moving bytes between kernel memory and an iov_iter: a kernel buffer,
 * a user buffer, or an array of user buffers (include/linux/uio.h).
 * Linux: lib/iov_iter.c
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/uio.h>
#include <linux/mm.h>
#include <asm/uaccess.h>

enum iter_op {
	TO_ITER,	/* kernel buffer -> iterator */
	FROM_ITER,	/* iterator -> kernel buffer */
	ZERO_ITER,	/* zeros -> iterator */
};

/* One contiguous piece; returns the bytes NOT moved (a user fault). */
static size_t move_piece(enum iter_op op, bool user, char *it, char *kaddr, size_t n)
{
	switch (op) {
	case TO_ITER:
		if (!user) {
			memcpy(it, kaddr, n);
			return 0;
		}
		return copy_to_user(it, kaddr, n);
	case FROM_ITER:
		if (!user) {
			memcpy(kaddr, it, n);
			return 0;
		}
		return copy_from_user(kaddr, it, n);
	default:
		if (!user) {
			memset(it, 0, n);
			return 0;
		}
		return clear_user(it, n);
	}
}

/* Walk readv's segments; a short copy ends the walk. */
static size_t iterate_iovec(struct iov_iter *i, enum iter_op op, char *kaddr, size_t bytes)
{
	size_t done = 0;

	while (done < bytes && i->nr_segs) {
		size_t n = min(i->iov->iov_len - i->iov_offset, bytes - done);
		char *base = (char *)i->iov->iov_base + i->iov_offset;
		size_t left = n ? move_piece(op, true, base, kaddr ? kaddr + done : NULL, n) : 0;

		done += n - left;
		i->iov_offset += n - left;
		if (left)
			break;
		if (i->iov_offset == i->iov->iov_len) {
			i->iov++;
			i->nr_segs--;
			i->iov_offset = 0;
		}
	}
	i->count -= done;
	return done;
}

static size_t iterate(struct iov_iter *i, enum iter_op op, char *kaddr, size_t bytes)
{
	size_t done;

	bytes = min(bytes, i->count);
	if (i->type == ITER_IOVEC)
		return iterate_iovec(i, op, kaddr, bytes);
	done = bytes - move_piece(op, i->type == ITER_UBUF, i->base, kaddr, bytes);
	i->base += done;
	i->count -= done;
	return done;
}

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	return iterate(i, TO_ITER, (char *)addr, bytes);
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	return iterate(i, FROM_ITER, addr, bytes);
}

size_t copy_page_to_iter(struct page *page, size_t offset, size_t bytes, struct iov_iter *i)
{
	return copy_to_iter((char *)page_address(page) + offset, bytes, i);
}

size_t copy_page_from_iter(struct page *page, size_t offset, size_t bytes, struct iov_iter *i)
{
	return copy_from_iter((char *)page_address(page) + offset, bytes, i);
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	return iterate(i, ZERO_ITER, NULL, bytes);
}
