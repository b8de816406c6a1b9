// SPDX-License-Identifier: GPL-2.0
/*
 * msync(2): write a shared file mapping's changes back to its file.
 * Linux: mm/msync.c
 *
 * Faultline's files live in RAM (tmpfs and the initramfs), so there is
 * nothing to write: MS_SYNC's fsync of the range succeeds at once, as
 * Linux's does on tmpfs. What is left is the part every program sees,
 * kept as 6.1 has it: the argument checks, EBUSY for MS_INVALIDATE of a
 * locked range, and ENOMEM for a range with holes (after doing the
 * mapped parts; MS_ASYNC alone stops at the first hole).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/syscalls.h>

/* Linux: SYSCALL_DEFINE3(msync) */
int do_msync(unsigned long start, size_t len, int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int unmapped_error = 0;
	unsigned long end;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = (len + ~PAGE_MASK) & PAGE_MASK;
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;
	/* Linux: mmap_lock for reading, dropped around each fsync. */
	for (vma = find_vma(mm, start);; vma = find_vma(mm, start)) {
		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start) {
			if (flags == MS_ASYNC)
				return -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				return -ENOMEM;
			unmapped_error = -ENOMEM;
		}
		if ((flags & MS_INVALIDATE) && (vma->vm_flags & VM_LOCKED))
			return -EBUSY;
		/* MS_SYNC of a shared file range: vfs_fsync_range(), nothing to do here. */
		start = vma->vm_end;
		if (start >= end)
			return unmapped_error;
	}
}

SYSCALL_DEFINE3(msync, unsigned long, start, size_t, len, int, flags)
{
	return do_msync(start, len, flags);
}
