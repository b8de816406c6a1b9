/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KTEST_MM_H
#define _LINUX_KTEST_MM_H

#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/fault_trace.h>

/*
 * Helpers for ktests that run inside an address space of their own: the
 * test (running as the idle task) adopts a fresh mm the way a kernel
 * thread would (kthread_use_mm), so that do_mmap, brk and copy_to_user
 * act on it, and the real fault path serves its faults.
 */
struct mm_struct *ktest_mm_create(void);
/* Leave and free the mm; returns the mm audit's verdict (0: clean). */
int ktest_mm_destroy(struct mm_struct *mm);

/* A VMA of current->mm covering exactly [start, end), or NULL. */
struct vm_area_struct *ktest_find_exact(unsigned long start, unsigned long end);
/* The PTE for addr in current->mm, or NULL if no table maps it. */
pte_t *ktest_pte(unsigned long addr);
/* The case the last fault took (FAULT_CASE_NONE if none since `since`). */
enum fault_case ktest_last_fault_case(unsigned long since);

/* Map a file of the root file system, opened with open_flags. */
unsigned long ktest_mmap_file(const char *path, int open_flags, unsigned long addr,
			      unsigned long len, unsigned long prot, unsigned long flags,
			      unsigned long offset);

#endif
