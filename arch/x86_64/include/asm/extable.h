/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_EXTABLE_H
#define _ASM_X86_EXTABLE_H

#include <linux/types.h>

/*
 * The exception table: pairs (instruction, fixup) for the few instructions
 * that may fault on purpose (user copies, nofault probes). When one of them
 * faults, the handler resumes at its fixup instead of oopsing.
 * Addresses are stored relative to the entry, as Linux does, so the table
 * is position independent. Linux: arch/x86/include/asm/extable.h, asm.h
 */
struct exception_table_entry {
	int insn, fixup;
};

#define _ASM_EXTABLE(from, to)					\
	" .pushsection __ex_table, \"a\"\n"			\
	" .balign 4\n"						\
	" .long (" #from ") - .\n"				\
	" .long (" #to ") - .\n"				\
	" .popsection\n"

struct pt_regs;

const struct exception_table_entry *search_exception_tables(unsigned long addr);
int fixup_exception(struct pt_regs *regs, int trapnr, unsigned long error_code,
		    unsigned long fault_addr);

#endif
