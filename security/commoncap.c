// SPDX-License-Identifier: GPL-2.0
/*
 * The capability rules: what a task may do to its capability sets, and
 * how the sets follow its uids through set*id calls and exec. Linux:
 * security/commoncap.c
 *
 * Root (uid 0) is special only through these rules: a task that is
 * root gets every capability in the bounding set when it execs, loses
 * them all when it gives up uid 0 in its real, effective and saved uids
 * (unless it asked to keep them, PR_SET_KEEPCAPS), and loses the file
 * system ones while its fsuid is not 0.
 *
 * Left out: file capabilities (the security.capability xattr: Faultline
 * has no xattrs) and set-user-ID and set-group-ID programs (an exec
 * never changes the ids itself; it is "set-ID" only when the task's
 * effective ids already differ from its real ones), no_new_privs and
 * ptrace (Faultline has neither).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/cred.h>
#include <linux/security.h>
#include <linux/ptrace.h>
#include <linux/binfmts.h>
#include <linux/prctl.h>
#include <linux/mm.h>

/*
 * Mapping below vm.mmap_min_addr (only MAP_FIXED, mremap's new_addr or
 * brk get there) needs CAP_SYS_RAWIO. 0 or -EPERM. Linux: cap_mmap_addr(),
 * without PF_SUPERPRIV (process accounting's flag)
 */
int cap_mmap_addr(unsigned long addr)
{
	if (addr < dac_mmap_min_addr)
		return cap_capable(current_cred(), CAP_SYS_RAWIO);
	return 0;
}

/*
 * Does cred have cap in effect? 0 or -EPERM. With one user namespace
 * this is the effective set alone. Linux: cap_capable()
 */
int cap_capable(const struct cred *cred, int cap)
{
	return cap_raised(cred->cap_effective, cap) ? 0 : -EPERM;
}

/*
 * The capability half of ptrace_may_access(): the target's permitted
 * set must be within ours (effective for a /proc file check, permitted
 * for a system call), unless we have CAP_SYS_PTRACE.
 * Linux: cap_ptrace_access_check()
 */
int cap_ptrace_access_check(struct task_struct *child, unsigned int mode)
{
	const struct cred *cred = current_cred(), *child_cred = __task_cred(child);
	kernel_cap_t caller_caps = (mode & PTRACE_MODE_FSCREDS) ? cred->cap_effective
								: cred->cap_permitted;

	if (cap_issubset(child_cred->cap_permitted, caller_caps))
		return 0;
	if (capable(CAP_SYS_PTRACE))
		return 0;
	return -EPERM;
}

/*
 * capset's rules, applied to new: inheritable may grow only within the
 * old permitted set (any, with CAP_SETPCAP) and never past the bounding
 * set; permitted may only shrink; effective must lie within the new
 * permitted set. Ambient capabilities no longer both permitted and
 * inheritable go. Linux: cap_capset()
 */
int cap_capset(struct cred *new, const struct cred *old, const kernel_cap_t *effective,
	       const kernel_cap_t *inheritable, const kernel_cap_t *permitted)
{
	if (cap_capable(old, CAP_SETPCAP) &&
	    !cap_issubset(*inheritable, cap_combine(old->cap_inheritable, old->cap_permitted)))
		return -EPERM;
	if (!cap_issubset(*inheritable, cap_combine(old->cap_inheritable, old->cap_bset)))
		return -EPERM;
	if (!cap_issubset(*permitted, old->cap_permitted))
		return -EPERM;
	if (!cap_issubset(*effective, *permitted))
		return -EPERM;
	new->cap_effective = *effective;
	new->cap_inheritable = *inheritable;
	new->cap_permitted = *permitted;
	new->cap_ambient = cap_intersect(new->cap_ambient, cap_intersect(*permitted, *inheritable));
	return 0;
}

/*
 * A real, effective or saved uid changed: leaving uid 0 in all three
 * clears permitted and effective (not with SECURE_KEEP_CAPS) and always
 * ambient; leaving euid 0 clears effective; becoming euid 0 again
 * raises effective to permitted. Linux: cap_emulate_setxuid()
 */
static void cap_emulate_setxuid(struct cred *new, const struct cred *old)
{
	if ((old->uid == 0 || old->euid == 0 || old->suid == 0) &&
	    (new->uid != 0 && new->euid != 0 && new->suid != 0)) {
		if (!issecure(SECURE_KEEP_CAPS)) {
			cap_clear(&new->cap_permitted);
			cap_clear(&new->cap_effective);
		}
		cap_clear(&new->cap_ambient);
	}
	if (old->euid == 0 && new->euid != 0)
		cap_clear(&new->cap_effective);
	if (old->euid != 0 && new->euid == 0)
		new->cap_effective = new->cap_permitted;
}

/*
 * Make the capability sets follow a set*id call's change (flags says
 * which: LSM_SETID_*). The fsuid moving off 0 drops the file system
 * capabilities (CAP_FS_SET) from effective; back to 0 raises them
 * again as far as permitted. Linux: cap_task_fix_setuid()
 */
int cap_task_fix_setuid(struct cred *new, const struct cred *old, int flags)
{
	switch (flags) {
	case LSM_SETID_RE:
	case LSM_SETID_ID:
	case LSM_SETID_RES:
		if (!issecure(SECURE_NO_SETUID_FIXUP))
			cap_emulate_setxuid(new, old);
		return 0;
	case LSM_SETID_FS:
		if (issecure(SECURE_NO_SETUID_FIXUP))
			return 0;
		if (old->fsuid == 0 && new->fsuid != 0)
			new->cap_effective = cap_drop_fs_set(new->cap_effective);
		if (old->fsuid != 0 && new->fsuid == 0)
			new->cap_effective = cap_raise_fs_set(new->cap_effective,
							      new->cap_permitted);
		return 0;
	default:
		return -EINVAL;
	}
}

/*
 * Root's exec: with uid or euid 0 the new permitted set is the bounding
 * set and the inheritable one; with euid 0 it is effective too. Nothing
 * under SECURE_NOROOT. Linux: handle_privileged_root()
 */
static void handle_privileged_root(struct linux_binprm *bprm, bool *effective)
{
	const struct cred *old = current_cred();
	struct cred *new = bprm->cred;

	if (issecure(SECURE_NOROOT))
		return;
	if (new->euid == 0 || new->uid == 0)
		new->cap_permitted = cap_combine(old->cap_bset, old->cap_inheritable);
	if (new->euid == 0)
		*effective = true;
}

/*
 * The capability sets after exec, in bprm->cred (a copy of ours):
 *
 *   pP' = (bounding | pI, if uid or euid is 0) | pA
 *   pE' = euid 0 ? pP' : pA
 *   pA' = pA, or empty for a set-ID exec; pI' = pI
 *
 * (with no file capabilities, Linux's fP and fI are empty). The exec is
 * set-ID when the effective uid or gid differs from the real one (as
 * after setreuid; Faultline has no set-ID files to make it so). A
 * set-ID or capability-gaining exec while another process shares our
 * fs_struct (LSM_UNSAFE_SHARE) keeps only the old permitted set and,
 * without CAP_SETUID, falls back to the real ids. KEEP_CAPS does not
 * survive an exec. AT_SECURE for a set-ID exec, and for a task that is
 * not root gaining effective or non-ambient permitted capabilities.
 * Linux: cap_bprm_creds_from_file()
 */
int cap_bprm_creds_from_file(struct linux_binprm *bprm)
{
	const struct cred *old = current_cred();
	struct cred *new = bprm->cred;
	bool effective = false, is_setid;

	cap_clear(&new->cap_permitted);
	handle_privileged_root(bprm, &effective);
	is_setid = new->euid != old->uid || new->egid != old->gid;
	if ((is_setid || !cap_issubset(new->cap_permitted, old->cap_permitted)) &&
	    (bprm->unsafe & LSM_UNSAFE_SHARE)) {
		if (!capable(CAP_SETUID)) {
			new->euid = new->uid;
			new->egid = new->gid;
		}
		new->cap_permitted = cap_intersect(new->cap_permitted, old->cap_permitted);
	}
	new->suid = new->fsuid = new->euid;
	new->sgid = new->fsgid = new->egid;
	if (is_setid)
		cap_clear(&new->cap_ambient);
	new->cap_permitted = cap_combine(new->cap_permitted, new->cap_ambient);
	new->cap_effective = effective ? new->cap_permitted : new->cap_ambient;
	new->securebits &= ~issecure_mask(SECURE_KEEP_CAPS);
	if (is_setid || (new->uid != 0 &&
			 (effective || !cap_issubset(new->cap_permitted, new->cap_ambient))))
		bprm->secureexec = true;
	return 0;
}

/* PR_CAPBSET_DROP: CAP_SETPCAP drops cap from our bounding set. Linux: cap_prctl_drop() */
static int cap_prctl_drop(unsigned long cap)
{
	struct cred *new;

	if (!capable(CAP_SETPCAP))
		return -EPERM;
	if (!cap_valid(cap))
		return -EINVAL;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	cap_lower(new->cap_bset, cap);
	return commit_creds(new);
}

/*
 * PR_SET_SECUREBITS: no change to a locked bit, no unlocking, no unknown
 * bit, and CAP_SETPCAP for any of it. Linux: cap_task_prctl()
 */
static int cap_prctl_set_securebits(unsigned long bits)
{
	unsigned int old = current_cred()->securebits;
	struct cred *new;

	if ((((old & SECURE_ALL_LOCKS) >> 1) & (old ^ bits)) ||
	    (old & SECURE_ALL_LOCKS & ~bits) ||
	    (bits & ~(unsigned long)(SECURE_ALL_LOCKS | SECURE_ALL_BITS)) ||
	    cap_capable(current_cred(), CAP_SETPCAP))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	new->securebits = (unsigned int)bits;
	return commit_creds(new);
}

/* PR_SET_KEEPCAPS: keep permitted capabilities when leaving uid 0. */
static int cap_prctl_set_keepcaps(unsigned long keep)
{
	struct cred *new;

	if (keep > 1)
		return -EINVAL;
	if (issecure(SECURE_KEEP_CAPS_LOCKED))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (keep)
		new->securebits |= issecure_mask(SECURE_KEEP_CAPS);
	else
		new->securebits &= ~issecure_mask(SECURE_KEEP_CAPS);
	return commit_creds(new);
}

/*
 * PR_CAP_AMBIENT: IS_SET, RAISE (only what is both permitted and
 * inheritable), LOWER, CLEAR_ALL. Unused arguments must be 0.
 */
static int cap_prctl_ambient(unsigned long op, unsigned long cap, unsigned long arg4,
			     unsigned long arg5)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (op == PR_CAP_AMBIENT_CLEAR_ALL) {
		if (cap | arg4 | arg5)
			return -EINVAL;
	} else if (!cap_valid(cap) || arg4 || arg5) {
		return -EINVAL;
	} else if (op == PR_CAP_AMBIENT_IS_SET) {
		return cap_raised(old->cap_ambient, cap);
	} else if (op != PR_CAP_AMBIENT_RAISE && op != PR_CAP_AMBIENT_LOWER) {
		return -EINVAL;
	} else if (op == PR_CAP_AMBIENT_RAISE &&
		   (!cap_raised(old->cap_permitted, cap) || !cap_raised(old->cap_inheritable, cap) ||
		    issecure(SECURE_NO_CAP_AMBIENT_RAISE))) {
		return -EPERM;
	}
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (op == PR_CAP_AMBIENT_CLEAR_ALL)
		cap_clear(&new->cap_ambient);
	else if (op == PR_CAP_AMBIENT_RAISE)
		cap_raise(new->cap_ambient, cap);
	else
		cap_lower(new->cap_ambient, cap);
	return commit_creds(new);
}

/*
 * The prctl options about capabilities; -ENOSYS for any other, which
 * sys_prctl then handles itself. Linux: cap_task_prctl()
 */
int cap_task_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4,
		   unsigned long arg5)
{
	switch (option) {
	case PR_CAPBSET_READ:
		if (!cap_valid(arg2))
			return -EINVAL;
		return cap_raised(current_cred()->cap_bset, arg2);
	case PR_CAPBSET_DROP:
		return cap_prctl_drop(arg2);
	case PR_SET_SECUREBITS:
		return cap_prctl_set_securebits(arg2);
	case PR_GET_SECUREBITS:
		return (int)current_cred()->securebits;
	case PR_GET_KEEPCAPS:
		return !!issecure(SECURE_KEEP_CAPS);
	case PR_SET_KEEPCAPS:
		return cap_prctl_set_keepcaps(arg2);
	case PR_CAP_AMBIENT:
		return cap_prctl_ambient(arg2, arg3, arg4, arg5);
	default:
		return -ENOSYS;
	}
}
