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

/*
 * Anonymous MAP_HUGETLB: the huge page size its flags ask for (0 for the
 * default, 2 MiB, or 1 GiB: the sizes 6.1 knows on x86_64), else -EINVAL.
 * The pages must come from the hugetlb pool, which is empty here as on a
 * Linux that reserved none (vm.nr_hugepages 0): -ENOMEM. Faultline
 * differs with MAP_NORESERVE, where Linux maps the area and the first
 * touch is SIGBUS; Faultline has no hugetlbfs to map and says -ENOMEM.
 * Linux: ksys_mmap_pgoff() -> hugetlb_file_setup() -> hugetlb_reserve_pages()
 */
static long mmap_hugetlb_anon(unsigned long flags)
{
	unsigned long size_log = (flags >> MAP_HUGE_SHIFT) & MAP_HUGE_MASK;

	if (size_log != 0 && size_log != 21 && size_log != 30)
		return -EINVAL;
	return -ENOMEM;
}

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
		/* No file here is on hugetlbfs. */
		if (flags & MAP_HUGETLB) {
			fput(file);
			return -EINVAL;
		}
	} else if (flags & MAP_HUGETLB) {
		return mmap_hugetlb_anon(flags);
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
