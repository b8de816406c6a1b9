// SPDX-License-Identifier: GPL-2.0
/*
 * Copies of kernel memory that return -EFAULT instead of oopsing when an
 * address is not mapped (or not writable): for debugging output and for
 * tests that fault on purpose. Linux: mm/maccess.c
 *
 * As in Linux, user addresses are refused (-ERANGE): these are for kernel
 * memory only; user memory goes through copy_from_user.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <asm/pgtable.h>
#include <asm/uaccess.h>

static bool kernel_nofault_allowed(const void *addr, size_t size)
{
	unsigned long a = (unsigned long)addr;

	return a >= TASK_SIZE_MAX + PAGE_SIZE && a + size >= a;
}

long copy_from_kernel_nofault(void *dst, const void *src, size_t size)
{
	u8 *d = dst;
	const u8 *s = src;

	if (!kernel_nofault_allowed(src, size))
		return -ERANGE;
	for (size_t i = 0; i < size; i++)
		if (__get_kernel_nofault_u8(&d[i], &s[i]))
			return -EFAULT;
	return 0;
}

long copy_to_kernel_nofault(void *dst, const void *src, size_t size)
{
	u8 *d = dst;
	const u8 *s = src;

	if (!kernel_nofault_allowed(dst, size))
		return -ERANGE;
	for (size_t i = 0; i < size; i++)
		if (__put_kernel_nofault_u8(&d[i], s[i]))
			return -EFAULT;
	return 0;
}
