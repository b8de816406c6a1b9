// SPDX-License-Identifier: GPL-2.0
/*
 * The memory-mapping system calls: mmap, munmap, brk, mprotect.
 * Linux: mm/mmap.c (ksys_mmap_pgoff, SYSCALL_DEFINE1(brk)), mm/mprotect.c,
 * arch/x86/kernel/sys_x86_64.c (the x86_64 mmap, which takes bytes)
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/syscalls.h>

/* Linux: ksys_mmap_pgoff() */
static unsigned long ksys_mmap_pgoff(unsigned long addr, unsigned long len, unsigned long prot,
				     unsigned long flags, unsigned long fd, unsigned long pgoff)
{
	struct file *file = NULL;
	unsigned long retval;

	if (!(flags & MAP_ANONYMOUS)) {
		file = fget((unsigned int)fd);
		if (!file)
			return -EBADF;
	}
	retval = vm_mmap(file, addr, len, prot, flags, pgoff << PAGE_SHIFT);
	if (file)
		fput(file);
	return retval;
}

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, off)
{
	if (off & ~PAGE_MASK)
		return -EINVAL;
	return (long)ksys_mmap_pgoff(addr, len, prot, flags, fd, off >> PAGE_SHIFT);
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	return vm_munmap(addr, len);
}

/* The new break, or the old one when the move is refused (Linux returns no error). */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	return (long)do_brk(brk);
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	return do_mprotect(start, len, prot);
}
