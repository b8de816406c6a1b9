// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/pagetable: the process's page tables as the MMU sees them,
 * one line per present entry, each level indented one more (as xv6's
 * vmprint). A line says the entry's index and raw value, what it points
 * at (the next table, or for a PTE the page frame), its flags, and the
 * user addresses it covers:
 *
 *   pgd 0x7fd5000
 *    pgd[  0] 0x0000000007fd4067 pud 0x7fd4000 [P W U A]       0000000000000000-0000007fffffffff
 *     pud[  1] 0x0000000007fd3067 pmd 0x7fd3000 [P W U A]      0000000040000000-000000007fffffff
 *      pmd[  0] 0x0000000007fd2067 pte 0x7fd2000 [P W U A]     0000000040000000-00000000401fffff
 *       pte[  1] 0x8000000001234867 pfn 0x1234 [P W U A D SD NX] 0000000040001000
 *
 * Only the user half (the kernel's half is the same in every process).
 * Faultline's own: Linux has no such file (its ptdump is in debugfs and
 * shows the kernel's tables).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <asm/pgtable.h>
#include "internal.h"

/* The entry's flags by name, Intel's meaning first, then Linux's software bits. */
static void show_flags(struct seq_file *m, u64 val, bool leaf)
{
	static const struct { u64 bit; const char *name; } flags[] = {
		{ _PAGE_PRESENT, "P" }, { _PAGE_RW, "W" }, { _PAGE_USER, "U" },
		{ _PAGE_PWT, "PWT" }, { _PAGE_PCD, "PCD" }, { _PAGE_ACCESSED, "A" },
		{ _PAGE_DIRTY, "D" }, { _PAGE_PSE, "PS" }, { _PAGE_GLOBAL, "G" },
		{ _PAGE_SPECIAL, "SP" }, { _PAGE_UFFD_WP, "UW" }, { _PAGE_SOFT_DIRTY, "SD" },
		{ _PAGE_NX, "NX" },
	};
	const char *sep = "[";

	for (size_t i = 0; i < ARRAY_SIZE(flags); i++) {
		/* In a table entry D and PS are not a page's; SP, UW and SD are unused. */
		if (!leaf && (flags[i].bit & (_PAGE_DIRTY | _PAGE_SPECIAL | _PAGE_UFFD_WP |
					      _PAGE_SOFT_DIRTY)))
			continue;
		if (val & flags[i].bit) {
			seq_printf(m, "%s%s", sep, flags[i].name);
			sep = " ";
		}
	}
	seq_puts(m, *sep == '[' ? "[]" : "]");
}

/* One entry: depth 0..3 is pgd..pte; its index; what it covers. */
static void show_entry(struct seq_file *m, int depth, unsigned int index, u64 val,
		       unsigned long start, unsigned long size)
{
	static const char *const level[] = { "pgd", "pud", "pmd", "pte" };
	u64 paddr = val & PTE_PFN_MASK;

	seq_printf(m, "%*s%s[%3u] 0x%016llx ", depth + 1, "", level[depth], index,
		   (unsigned long long)val);
	if (depth < 3)
		seq_printf(m, "%s 0x%llx ", level[depth + 1], (unsigned long long)paddr);
	else
		seq_printf(m, "pfn 0x%llx ", (unsigned long long)(paddr >> PAGE_SHIFT));
	show_flags(m, val, depth == 3);
	if (size == PAGE_SIZE)
		seq_printf(m, " %016lx\n", start);
	else
		seq_printf(m, " %016lx-%016lx\n", start, start + size - 1);
}

/* LAB pagetable: vmprint BEGIN */
static void show_pte_table(struct seq_file *m, pmd_t pmd, unsigned long base)
{
	pte_t *pte = (pte_t *)pmd_page_vaddr(pmd);

	for (unsigned int i = 0; i < PTRS_PER_PTE; i++)
		if (pte_present(pte[i]))
			show_entry(m, 3, i, pte_val(pte[i]), base + ((unsigned long)i << PAGE_SHIFT),
				   PAGE_SIZE);
}

static void show_pmd_table(struct seq_file *m, pud_t pud, unsigned long base)
{
	pmd_t *pmd = pud_pgtable(pud);

	for (unsigned int i = 0; i < PTRS_PER_PMD; i++) {
		unsigned long start = base + ((unsigned long)i << PMD_SHIFT);

		if (pmd_none(pmd[i]))
			continue;
		show_entry(m, 2, i, pmd_val(pmd[i]), start, PMD_SIZE);
		show_pte_table(m, pmd[i], start);
	}
}

static void show_pud_table(struct seq_file *m, p4d_t p4d, unsigned long base)
{
	pud_t *pud = p4d_pgtable(p4d);

	for (unsigned int i = 0; i < PTRS_PER_PUD; i++) {
		unsigned long start = base + ((unsigned long)i << PUD_SHIFT);

		if (pud_none(pud[i]))
			continue;
		show_entry(m, 1, i, pud_val(pud[i]), start, PUD_SIZE);
		show_pmd_table(m, pud[i], start);
	}
}

/*
 * The user half of mm's page tables, level by level, skipping every
 * empty entry. With four levels the p4d is the pgd entry itself.
 * Linux: none (xv6: vmprint)
 */
static void vmprint(struct seq_file *m, struct mm_struct *mm)
{
	seq_printf(m, "pgd 0x%lx\n", __pa(mm->pgd));
	for (unsigned int i = 0; i < PTRS_PER_PGD / 2; i++) {
		unsigned long start = (unsigned long)i << PGDIR_SHIFT;
		pgd_t *pgd = mm->pgd + i;

		if (pgd_none(*pgd))
			continue;
		show_entry(m, 0, i, pgd_val(*pgd), start, PGDIR_SIZE);
		show_pud_table(m, *p4d_offset(pgd, start), start);
	}
}
/* LAB pagetable: vmprint END */

int proc_pid_pagetable(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = proc_mm_get(task);

	if (!mm)
		return 0;
	vmprint(m, mm);
	mmput(mm);
	return 0;
}
