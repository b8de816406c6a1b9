// SPDX-License-Identifier: GPL-2.0
/*
 * Moving bytes between kernel memory and an iov_iter, which is either a
 * kernel buffer or a user buffer (include/linux/uio.h). Linux: lib/iov_iter.c
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/uio.h>
#include <linux/mm.h>
#include <asm/uaccess.h>

static size_t advance(struct iov_iter *i, size_t done)
{
	i->base += done;
	i->count -= done;
	return done;
}

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	bytes = min(bytes, i->count);
	if (i->type == ITER_KVEC) {
		memcpy(i->base, addr, bytes);
		return advance(i, bytes);
	}
	return advance(i, bytes - copy_to_user(i->base, addr, bytes));
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	bytes = min(bytes, i->count);
	if (i->type == ITER_KVEC) {
		memcpy(addr, i->base, bytes);
		return advance(i, bytes);
	}
	return advance(i, bytes - copy_from_user(addr, i->base, bytes));
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
	bytes = min(bytes, i->count);
	if (i->type == ITER_KVEC) {
		memset(i->base, 0, bytes);
		return advance(i, bytes);
	}
	return advance(i, bytes - clear_user(i->base, bytes));
}
