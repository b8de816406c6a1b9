// SPDX-License-Identifier: GPL-2.0
/*
 * Overcommit accounting and small helpers. Linux: mm/util.c
 *
 * Private writable mappings (and brk, and stacks) are "committed": they
 * could each need a page of RAM or swap one day. Linux sums them in
 * vm_committed_as (Committed_AS in /proc/meminfo) and, in its default
 * heuristic mode (overcommit_memory=0), refuses only a single request
 * larger than all of RAM plus swap.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/fs.h>

static long vm_committed_as;		/* pages */

void vm_acct_memory(long pages)
{
	vm_committed_as += pages;
}

void vm_unacct_memory(long pages)
{
	vm_acct_memory(-pages);
}

unsigned long vm_memory_committed(void)
{
	return vm_committed_as < 0 ? 0 : (unsigned long)vm_committed_as;
}

/* Linux: __vm_enough_memory() with OVERCOMMIT_GUESS */
int __vm_enough_memory(struct mm_struct *mm, long pages)
{
	(void)mm;
	vm_committed_as += pages;
	if (pages > (long)totalram_pages) {	/* no swap yet */
		vm_unacct_memory(pages);
		return -ENOMEM;
	}
	return 0;
}

/* mmap's entry for the kernel: offset in bytes. Linux: vm_mmap() */
unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flag, unsigned long offset)
{
	unsigned long ret, populate = 0;

	if (offset + PAGE_ALIGN(len) < offset)
		return -EINVAL;
	if (offset & ~PAGE_MASK)
		return -EINVAL;
	/* Linux: vm_mmap_pgoff() holds mmap_lock for writing around do_mmap(). */
	ret = do_mmap(file, addr, len, prot, flag, offset >> PAGE_SHIFT, &populate);
	if (populate)
		mm_populate(ret, populate);
	return ret;
}

char *kstrdup(const char *s, gfp_t gfp)
{
	size_t len = strlen(s) + 1;
	char *copy = kmalloc(len, gfp);

	if (copy)
		memcpy(copy, s, len);
	return copy;
}

/*
 * For the "segfault at" and "traps:" log lines: " in prog[400000+1000]",
 * the file mapped where ip is, with the mapping's start and size.
 * Linux: mm/memory.c print_vma_addr()
 */
void print_vma_addr(const char *prefix, unsigned long ip)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	char buf[256];
	char *p;

	if (!mm)
		return;
	vma = find_vma(mm, ip);
	if (!vma || vma->vm_start > ip || !vma->vm_file)
		return;
	p = d_path(&vma->vm_file->f_path, buf, sizeof(buf));
	if (IS_ERR(p))
		p = "?";
	printk("%s%s[%lx+%lx]", prefix, kbasename(p), vma->vm_start, vma->vm_end - vma->vm_start);
}
