/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_ENTRY_COMMON_H
#define _LINUX_ENTRY_COMMON_H

struct pt_regs;

/* kernel/entry_common.c: the work before returning to user mode. */
void syscall_exit_to_user_mode(struct pt_regs *regs);
void irqentry_exit_to_user_mode(struct pt_regs *regs);
/* A return to user mode would IRET to a non-canonical rip: the user's #GP (traps.c). */
void fixup_bad_iret(struct pt_regs *regs);

/* arch/x86_64/kernel/syscall_64.c: called from entry_SYSCALL_64. */
bool do_syscall_64(struct pt_regs *regs);

#endif
