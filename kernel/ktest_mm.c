// SPDX-License-Identifier: GPL-2.0
/*
 * Support for ktests that need an address space (include/linux/ktest_mm.h).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/ktest_mm.h>

struct mm_struct *ktest_mm_create(void)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	arch_pick_mmap_layout(mm);
	kthread_use_mm(mm);
	return mm;
}

/* Returns the mm audit's errors in mm, found as it goes, and in the mms left. */
int ktest_mm_destroy(struct mm_struct *mm)
{
	unsigned long before = mm_audit_errors();

	mmgrab(mm);
	kthread_unuse_mm(mm);
	mmput(mm);
	mmdrop(mm);
	return (int)(mm_audit_errors() - before) + mm_audit();
}

struct vm_area_struct *ktest_find_exact(unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(current->mm, start);

	if (vma && vma->vm_start == start && vma->vm_end == end)
		return vma;
	return NULL;
}

pte_t *ktest_pte(unsigned long addr)
{
	pmd_t *pmd = mm_find_pmd(current->mm, addr);

	return pmd ? pte_offset_kernel(pmd, addr) : NULL;
}

enum fault_case ktest_last_fault_case(unsigned long since)
{
	const struct fault_record *r = fault_log_recent(0);

	if (!r || fault_log_total() == since)
		return FAULT_CASE_NONE;
	return r->fault_case;
}

unsigned long ktest_mmap_file(const char *path, int open_flags, unsigned long addr,
			      unsigned long len, unsigned long prot, unsigned long flags,
			      unsigned long offset)
{
	struct file *file = filp_open(path, open_flags, 0);
	unsigned long ret;

	if (IS_ERR(file))
		return (unsigned long)PTR_ERR(file);
	ret = vm_mmap(file, addr, len, prot, flags, offset);
	fput(file);		/* the VMA holds its own reference */
	return ret;
}
