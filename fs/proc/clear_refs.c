// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/clear_refs: forget what the process has touched, so that
 * a tracker can see what it touches next. Linux: fs/proc/task_mmu.c
 * (clear_refs_write), Documentation/admin-guide/mm/soft-dirty.rst
 *
 *   1  clear the referenced state of every page (young bits, PG_referenced:
 *      smaps' Referenced starts again from 0)
 *   2  ...of anonymous pages only        3  ...of file pages only
 *   4  clear soft-dirty: every PTE loses its soft-dirty bit and is
 *      write-protected, and every VMA loses VM_SOFTDIRTY (shared writable
 *      ones then map new pages read-only), so the next write to each page
 *      faults and sets the bit again (pagemap bit 55)
 *   5  reset the peak RSS (VmHWM) to the current RSS
 *
 * Left out: swap entries' soft-dirty bit (no swap yet), huge pages.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/pagewalk.h>
#include <linux/swapops.h>
#include <asm/tlbflush.h>
#include "internal.h"

enum clear_refs_types {
	CLEAR_REFS_ALL = 1,
	CLEAR_REFS_ANON,
	CLEAR_REFS_MAPPED,
	CLEAR_REFS_SOFT_DIRTY,
	CLEAR_REFS_MM_HIWATER_RSS,
	CLEAR_REFS_LAST,
};

/* Linux: clear_soft_dirty() */
static void clear_soft_dirty(pte_t *pte)
{
	if (pte_present(*pte))
		set_pte(pte, pte_clear_soft_dirty(pte_wrprotect(*pte)));
	else if (!pte_none(*pte))
		set_pte(pte, pte_swp_clear_soft_dirty(*pte));
}

/* Linux: clear_refs_pte_range(), one PTE at a time */
static int clear_refs_pte(pte_t *pte, unsigned long addr, unsigned long next, struct mm_walk *walk)
{
	enum clear_refs_types type = (enum clear_refs_types)(unsigned long)walk->private;
	struct page *page;

	(void)next;
	if (type == CLEAR_REFS_SOFT_DIRTY) {
		clear_soft_dirty(pte);
		return 0;
	}
	if (!pte_present(*pte))
		return 0;
	page = vm_normal_page(walk->vma, addr, *pte);
	if (!page)
		return 0;
	set_pte(pte, pte_mkold(*pte));
	ClearPageReferenced(page);
	return 0;
}

/* Which VMAs a type looks at. Linux: clear_refs_test_walk() */
static int clear_refs_test_walk(unsigned long start, unsigned long end, struct mm_walk *walk)
{
	enum clear_refs_types type = (enum clear_refs_types)(unsigned long)walk->private;
	struct vm_area_struct *vma = walk->vma;

	(void)start;
	(void)end;
	if (vma->vm_flags & VM_PFNMAP)
		return 1;
	if (type == CLEAR_REFS_ANON && vma->vm_file)
		return 1;
	if (type == CLEAR_REFS_MAPPED && !vma->vm_file)
		return 1;
	return 0;
}

static const struct mm_walk_ops clear_refs_walk_ops = {
	.pte_entry = clear_refs_pte,
	.test_walk = clear_refs_test_walk,
};

/* Turn soft-dirty tracking on for every VMA (its flag off). */
static void clear_vmas_soft_dirty(struct mm_struct *mm)
{
	for (struct vm_area_struct *vma = mm->mmap; vma; vma = vma->vm_next) {
		if (!(vma->vm_flags & VM_SOFTDIRTY))
			continue;
		vma->vm_flags &= ~VM_SOFTDIRTY;
		vma_set_page_prot(vma);
	}
}

/* Linux: clear_refs_write() under mmap_lock (for writing for types 4 and 5) */
static void clear_refs_mm(struct mm_struct *mm, enum clear_refs_types type)
{
	if (type == CLEAR_REFS_MM_HIWATER_RSS) {
		mm->hiwater_rss = get_mm_rss(mm);	/* Linux: reset_mm_hiwater_rss() */
		return;
	}
	if (type == CLEAR_REFS_SOFT_DIRTY)
		clear_vmas_soft_dirty(mm);
	walk_page_range(mm, 0, TASK_SIZE, &clear_refs_walk_ops, (void *)(unsigned long)type);
	flush_tlb_mm(mm);
}

/*
 * "N" with optional blanks around it, as kstrtoint(strstrip()) takes it;
 * only the first 12 bytes of a write are looked at, and the write takes
 * that many, as in Linux (PROC_NUMBUF). Linux: clear_refs_write()
 */
static ssize_t clear_refs_write(struct kiocb *iocb, struct iov_iter *from)
{
	size_t count = min(iov_iter_count(from), (size_t)12);
	struct task_struct *task;
	struct mm_struct *mm;
	char buf[13] = { 0 }, *s = buf, *e;
	unsigned long type;
	int err;

	if (copy_from_iter(buf, count, from) != count)
		return -EFAULT;
	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	for (e = s + strlen(s); e > s && (e[-1] == ' ' || (e[-1] >= '\t' && e[-1] <= '\r'));)
		*--e = 0;
	if (*s == '+')
		s++;
	err = kstrtoul(s, 10, &type);
	if (err)
		return err;
	if (type < CLEAR_REFS_ALL || type >= CLEAR_REFS_LAST)
		return -EINVAL;
	task = get_proc_task(file_inode(iocb->ki_filp));
	if (!task)
		return -ESRCH;
	mm = proc_mm_get(task);
	put_task_struct(task);
	if (mm) {
		clear_refs_mm(mm, (enum clear_refs_types)type);
		mmput(mm);
	}
	return (ssize_t)count;
}

const struct file_operations proc_clear_refs_operations = {
	.write_iter = clear_refs_write,
	.llseek = generic_file_llseek,
};
