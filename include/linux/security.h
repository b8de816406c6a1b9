/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SECURITY_H
#define _LINUX_SECURITY_H

#include <linux/types.h>
#include <linux/capability.h>

/*
 * The capability rules (security/commoncap.c). Linux calls them through
 * its LSM hooks (security_capable(), security_task_fix_setuid(), ...),
 * where AppArmor, Yama and the others may add refusals of their own;
 * Faultline has the capability rules alone and calls them directly.
 * Debian's 6.1 stacks Yama and AppArmor on them, both of which let
 * everything Faultline does through as Debian configures them (Yama's
 * ptrace_scope 0, no AppArmor profile for the programs run).
 */
struct cred;
struct task_struct;
struct linux_binprm;

/* What a set*id call changed, for cap_task_fix_setuid(). Linux: LSM_SETID_* */
#define LSM_SETID_ID	1	/* setuid */
#define LSM_SETID_RE	2	/* setreuid */
#define LSM_SETID_RES	4	/* setresuid */
#define LSM_SETID_FS	8	/* setfsuid */

int cap_capable(const struct cred *cred, int cap);
int cap_mmap_addr(unsigned long addr);
int cap_ptrace_access_check(struct task_struct *child, unsigned int mode);
int cap_capset(struct cred *new, const struct cred *old, const kernel_cap_t *effective,
	       const kernel_cap_t *inheritable, const kernel_cap_t *permitted);
int cap_task_fix_setuid(struct cred *new, const struct cred *old, int flags);
int cap_bprm_creds_from_file(struct linux_binprm *bprm);
int cap_task_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4,
		   unsigned long arg5);

#endif
