// SPDX-License-Identifier: GPL-2.0
/*
 * Overcommit accounting and small helpers. Linux: mm/util.c
 *
 * Private writable mappings (and brk, and stacks) are "committed": they
 * could each need a page of RAM or swap one day. Linux sums them in
 * vm_committed_as (Committed_AS in /proc/meminfo) and decides by
 * vm.overcommit_memory: in the default heuristic mode (0) it refuses only
 * a single request larger than all of RAM plus swap, in mode 1 nothing,
 * in mode 2 anything that would take the sum past CommitLimit
 * (vm_commit_limit(): overcommit_kbytes, or overcommit_ratio percent of
 * RAM, plus swap). In mode 2 MAP_NORESERVE is ignored (mm/mmap.c).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/cred.h>
#include <linux/mm.h>
#include <linux/swap.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/mman.h>
#include <linux/sysctl.h>

static long vm_committed_as;		/* pages */

int sysctl_overcommit_memory = OVERCOMMIT_GUESS;	/* vm.overcommit_memory */
int sysctl_overcommit_ratio = 50;			/* vm.overcommit_ratio: percent of RAM */
unsigned long sysctl_overcommit_kbytes;			/* vm.overcommit_kbytes: 0 uses the ratio */
unsigned long sysctl_user_reserve_kbytes;		/* set at boot (kernel/sysctl_table.c) */
unsigned long sysctl_admin_reserve_kbytes;

/*
 * vm.overcommit_memory, 0..2. Linux: overcommit_policy_handler(), which
 * also syncs its per-CPU counters when entering mode 2 (Faultline's sum
 * is always exact).
 */
int overcommit_policy_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			      loff_t *ppos)
{
	return proc_dointvec_minmax(table, write, buffer, lenp, ppos);
}

/* Setting the ratio clears overcommit_kbytes. Linux: overcommit_ratio_handler() */
int overcommit_ratio_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			     loff_t *ppos)
{
	int ret = proc_dointvec(table, write, buffer, lenp, ppos);

	if (!ret && write)
		sysctl_overcommit_kbytes = 0;
	return ret;
}

/* Setting kbytes clears the ratio. Linux: overcommit_kbytes_handler() */
int overcommit_kbytes_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			      loff_t *ppos)
{
	int ret = proc_doulongvec_minmax(table, write, buffer, lenp, ppos);

	if (!ret && write)
		sysctl_overcommit_ratio = 0;
	return ret;
}

/*
 * CommitLimit in pages: what mode 2 lets be committed, RAM by the ratio
 * plus all of swap. Faultline has no huge pages to take away.
 * Linux: vm_commit_limit()
 */
unsigned long vm_commit_limit(void)
{
	unsigned long allowed;

	if (sysctl_overcommit_kbytes)
		allowed = sysctl_overcommit_kbytes >> (PAGE_SHIFT - 10);
	else
		allowed = totalram_pages * (unsigned long)(long)sysctl_overcommit_ratio / 100;
	return allowed + (unsigned long)total_swap_pages;
}

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

/*
 * Charge pages to the commit count, or -ENOMEM (and no charge) when the
 * overcommit mode says they do not fit. In mode 2 admin_reserve_kbytes
 * are kept back from a task without CAP_SYS_ADMIN, so that root can
 * still log in, and the caller's address space keeps a reserve back (a
 * 32nd of its size, at most user_reserve_kbytes) so that a user can
 * still run a shell to recover. Linux: __vm_enough_memory()
 */
int __vm_enough_memory(struct mm_struct *mm, long pages)
{
	long allowed;

	vm_committed_as += pages;
	if (sysctl_overcommit_memory == OVERCOMMIT_ALWAYS)
		return 0;
	if (sysctl_overcommit_memory == OVERCOMMIT_GUESS) {
		if (pages > (long)totalram_pages + total_swap_pages)
			goto error;
		return 0;
	}
	allowed = (long)vm_commit_limit();
	if (!capable(CAP_SYS_ADMIN))
		allowed -= (long)(sysctl_admin_reserve_kbytes >> (PAGE_SHIFT - 10));
	if (mm)
		allowed -= min_t(long, (long)(mm->total_vm / 32),
				 (long)(sysctl_user_reserve_kbytes >> (PAGE_SHIFT - 10)));
	if (vm_committed_as < allowed)
		return 0;
error:
	vm_unacct_memory(pages);
	return -ENOMEM;
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
