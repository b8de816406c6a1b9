// SPDX-License-Identifier: GPL-2.0
/*
 * Exception fixups: a fault at an instruction listed in __ex_table resumes
 * at its fixup address. Linux: arch/x86/mm/extable.c, kernel/extable.c
 *
 * The table is small (one entry per nofault or user-copy instruction), so
 * a linear search is enough; Linux sorts it and binary-searches.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <asm/extable.h>
#include <asm/ptrace.h>

extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

static unsigned long ex_insn_addr(const struct exception_table_entry *e)
{
	return (unsigned long)&e->insn + e->insn;
}

static unsigned long ex_fixup_addr(const struct exception_table_entry *e)
{
	return (unsigned long)&e->fixup + e->fixup;
}

const struct exception_table_entry *search_exception_tables(unsigned long addr)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if (ex_insn_addr(e) == addr)
			return e;
	return NULL;
}

/*
 * Returns 1 when the fault was expected and regs now resume at the fixup.
 * The fault is remembered in current->thread, as Linux's signal path does,
 * so a caller (or a test) can see what the CPU reported.
 */
int fixup_exception(struct pt_regs *regs, int trapnr, unsigned long error_code,
		    unsigned long fault_addr)
{
	const struct exception_table_entry *e = search_exception_tables(regs->ip);

	if (!e)
		return 0;
	current->thread.trap_nr = trapnr;
	current->thread.error_code = error_code;
	current->thread.cr2 = fault_addr;
	regs->ip = ex_fixup_addr(e);
	return 1;
}
