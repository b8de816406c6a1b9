// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/pagemap: one 64-bit entry per virtual page, the frame and
 * what kind of page maps it, read from the page tables by the walker
 * (empty stretches as holes). Linux: fs/proc/task_mmu.c (the pagemap_*
 * functions), Documentation/admin-guide/mm/pagemap.rst
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/pagewalk.h>
#include <linux/swapops.h>
#include <asm/pgtable.h>
#include <linux/ptrace.h>
#include <linux/cred.h>
#include "internal.h"

#define PM_ENTRY_BYTES		8
#define PM_PFRAME_MASK		((1ULL << 55) - 1)
#define PM_SOFT_DIRTY		(1ULL << 55)
#define PM_MMAP_EXCLUSIVE	(1ULL << 56)
#define PM_UFFD_WP		(1ULL << 57)
#define PM_FILE			(1ULL << 61)
#define PM_SWAP			(1ULL << 62)
#define PM_PRESENT		(1ULL << 63)
#define PAGEMAP_WALK_SIZE	PMD_SIZE

struct pagemapread {
	u64 *buf;
	int pos;		/* entries filled */
	bool show_pfn;		/* the opener had CAP_SYS_ADMIN: frames shown */
};

/*
 * The entry of one PTE of vma; the frame number only for an opener with
 * CAP_SYS_ADMIN (since 4.2: frames help Rowhammer attacks), else 0 with
 * the flags intact. Linux: pte_to_pagemap_entry()
 */
static u64 pte_to_pagemap_entry(const struct pagemapread *pm, const struct vm_area_struct *vma,
				unsigned long addr, pte_t pte)
{
	struct page *page = NULL;
	u64 frame = 0, flags = 0;

	if (pte_present(pte)) {
		if (pm->show_pfn)
			frame = pte_pfn(pte);
		flags |= PM_PRESENT;
		page = vm_normal_page((struct vm_area_struct *)vma, addr, pte);
		if (pte_soft_dirty(pte))
			flags |= PM_SOFT_DIRTY;
		if (pte_uffd_wp(pte))
			flags |= PM_UFFD_WP;
	} else if (is_swap_pte(pte)) {
		swp_entry_t entry = pte_to_swp_entry(pte);

		if (pte_swp_soft_dirty(pte))
			flags |= PM_SOFT_DIRTY;
		if (pte_swp_uffd_wp(pte))
			flags |= PM_UFFD_WP;
		/* the area in bits 0-4, the slot above: swp_type | offset << 5 */
		if (pm->show_pfn)
			frame = swp_type(entry) | ((u64)swp_offset(entry) << MAX_SWAPFILES_SHIFT);
		flags |= PM_SWAP;
	}
	if (page && !PageAnon(page))
		flags |= PM_FILE;
	if (page && page_mapcount(page) == 1)
		flags |= PM_MMAP_EXCLUSIVE;
	if (vma->vm_flags & VM_SOFTDIRTY)
		flags |= PM_SOFT_DIRTY;
	return (frame & PM_PFRAME_MASK) | flags;
}

/*
 * A stretch with no PTE table (or in no VMA, depth -1): entries of 0,
 * with the soft-dirty bit in a VMA that is new since the last clear.
 * Linux: pagemap_pte_hole()
 */
static int pagemap_pte_hole(unsigned long addr, unsigned long end, int depth,
			    struct mm_walk *walk)
{
	struct pagemapread *pm = walk->private;
	struct vm_area_struct *vma = walk->vma;
	u64 hole = vma && (vma->vm_flags & VM_SOFTDIRTY) ? PM_SOFT_DIRTY : 0;

	for (; addr < end; addr += PAGE_SIZE)
		pm->buf[pm->pos++] = hole;
	return 0;
}

/* Linux: pagemap_pmd_range(), one PTE at a time */
static int pagemap_pte_entry(pte_t *pte, unsigned long addr, unsigned long next,
			     struct mm_walk *walk)
{
	struct pagemapread *pm = walk->private;

	pm->buf[pm->pos++] = pte_to_pagemap_entry(pm, walk->vma, addr, *pte);
	return 0;
}

static const struct mm_walk_ops pagemap_ops = {
	.pte_entry = pagemap_pte_entry,
	.pte_hole = pagemap_pte_hole,
};

/* The entries for [addr, end) into buf; returns how many. */
static int pagemap_fill(struct mm_struct *mm, unsigned long addr, unsigned long end, u64 *buf,
			bool show_pfn)
{
	struct pagemapread pm = { .buf = buf, .show_pfn = show_pfn };

	walk_page_range(mm, addr, end, &pagemap_ops, &pm);
	return pm.pos;
}

/* Linux: pagemap_read() */
static ssize_t pagemap_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct mm_struct *mm = iocb->ki_filp->private_data;
	bool show_pfn = file_ns_capable(iocb->ki_filp, CAP_SYS_ADMIN);
	size_t count = iov_iter_count(to), copied = 0;
	unsigned long start_vaddr, end_vaddr, svpfn;
	loff_t pos = iocb->ki_pos;
	ssize_t ret = 0;
	u64 *buf;

	if (!mm || !mmget_not_zero(mm))
		return 0;
	/* Linux: mmap_read_lock_killable() around each chunk's walk_page_range(). */
	ret = -EINVAL;
	if ((pos % PM_ENTRY_BYTES) || (count % PM_ENTRY_BYTES))
		goto out_mm;
	ret = 0;
	if (!count)
		goto out_mm;
	ret = -ENOMEM;
	buf = kmalloc((PAGEMAP_WALK_SIZE >> PAGE_SHIFT) * PM_ENTRY_BYTES, GFP_KERNEL);
	if (!buf)
		goto out_mm;
	svpfn = (unsigned long)pos / PM_ENTRY_BYTES;
	end_vaddr = mm->task_size;
	start_vaddr = end_vaddr;
	if (svpfn <= (ULONG_MAX >> PAGE_SHIFT))
		start_vaddr = svpfn << PAGE_SHIFT;
	if (start_vaddr > mm->task_size)
		start_vaddr = end_vaddr;
	ret = 0;
	while (count && start_vaddr < end_vaddr) {
		unsigned long end = (start_vaddr + PAGEMAP_WALK_SIZE) & ~(PAGEMAP_WALK_SIZE - 1);
		size_t len;
		int n;

		if (end < start_vaddr || end > end_vaddr)
			end = end_vaddr;
		n = pagemap_fill(mm, start_vaddr, end, buf, show_pfn);
		start_vaddr = end;
		len = min(count, (size_t)n * PM_ENTRY_BYTES);
		if (copy_to_iter(buf, len, to) != len) {
			ret = -EFAULT;
			break;
		}
		copied += len;
		count -= len;
	}
	kfree(buf);
	if (!ret) {
		iocb->ki_pos += copied;
		ret = (ssize_t)copied;
	}
out_mm:
	mmput(mm);
	return ret;
}

/*
 * The mm, held (mmgrab) while the file is open, if the opener may
 * inspect the process. Linux: pagemap_open(), pagemap_release()
 */
static int pagemap_open(struct inode *inode, struct file *file)
{
	return __mem_open(inode, file, PTRACE_MODE_READ);
}

const struct file_operations proc_pagemap_operations = {
	.open = pagemap_open,
	.read_iter = pagemap_read,
	.llseek = mem_lseek,
	.release = mem_release,
};
