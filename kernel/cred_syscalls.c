// SPDX-License-Identifier: GPL-2.0
/*
 * The user and group id system calls. Linux: kernel/sys.c (getuid ..
 * setfsgid)
 *
 * Each set*id call follows the same steps: check the ids are valid
 * (-1, the one invalid id, is EINVAL, or "leave as is" where the call
 * takes -1 so), check the rule (CAP_SETUID or CAP_SETGID allows any
 * change; without it a task may only move among the ids it has), change
 * a copy of the credentials, let the capability sets follow the uids
 * (cap_task_fix_setuid), commit. The saved id follows the effective one
 * as POSIX's saved-set-ID rules say; the fs id always follows it.
 *
 * Faultline differs: Linux's set_user() also moves the process to the
 * new uid's user_struct (per-user process counts for RLIMIT_NPROC,
 * PF_NPROC_EXCEEDED); Faultline keeps no per-user counts.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/cred.h>
#include <linux/security.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

SYSCALL_DEFINE0(getuid)
{
	return current_uid();
}

SYSCALL_DEFINE0(geteuid)
{
	return current_euid();
}

SYSCALL_DEFINE0(getgid)
{
	return current_gid();
}

SYSCALL_DEFINE0(getegid)
{
	return current_egid();
}

/* Commit new, with the capabilities fixed up for a uid change of kind flags. */
static long commit_setuid(struct cred *new, const struct cred *old, int flags)
{
	int retval = cap_task_fix_setuid(new, old, flags);

	if (retval < 0) {
		abort_creds(new);
		return retval;
	}
	return commit_creds(new);
}

/*
 * With CAP_SETUID: real, effective, saved and fs uid all become uid.
 * Without: the effective (and fs) uid may become the real or saved uid.
 * Linux: __sys_setuid()
 */
SYSCALL_DEFINE1(setuid, uid_t, uid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (!uid_valid(uid))
		return -EINVAL;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable(CAP_SETUID)) {
		new->suid = new->uid = uid;
	} else if (uid != old->uid && uid != old->suid) {
		abort_creds(new);
		return -EPERM;
	}
	new->fsuid = new->euid = uid;
	return commit_setuid(new, old, LSM_SETID_ID);
}

/*
 * BSD's: the real uid may become the effective one, the effective uid
 * the real or saved one (anything with CAP_SETUID). Setting the real uid,
 * or an effective uid other than the old real one, sets the saved uid to
 * the new effective uid. -1 leaves an id as it is. Linux: __sys_setreuid()
 */
SYSCALL_DEFINE2(setreuid, uid_t, ruid, uid_t, euid)
{
	const struct cred *old = current_cred();
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	if (ruid != INVALID_UID) {
		new->uid = ruid;
		if (ruid != old->uid && ruid != old->euid && !capable(CAP_SETUID))
			goto error;
	}
	if (euid != INVALID_UID) {
		new->euid = euid;
		if (euid != old->uid && euid != old->euid && euid != old->suid &&
		    !capable(CAP_SETUID))
			goto error;
	}
	if (ruid != INVALID_UID || (euid != INVALID_UID && euid != old->uid))
		new->suid = new->euid;
	new->fsuid = new->euid;
	return commit_setuid(new, old, LSM_SETID_RE);
error:
	abort_creds(new);
	return -EPERM;
}

/* Is id one of the task's three (a move among them needs no capability)? */
static bool id_among(uid_t id, uid_t a, uid_t b, uid_t c)
{
	return id == a || id == b || id == c;
}

/*
 * Any of real, effective and saved uid (-1: unchanged), each to a value
 * among the three old ones, or anything with CAP_SETUID. A call that
 * changes nothing succeeds at once. Linux: __sys_setresuid()
 */
SYSCALL_DEFINE3(setresuid, uid_t, ruid, uid_t, euid, uid_t, suid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if ((ruid == INVALID_UID || ruid == old->uid) &&
	    (euid == INVALID_UID || (euid == old->euid && euid == old->fsuid)) &&
	    (suid == INVALID_UID || suid == old->suid))
		return 0;
	if (((ruid != INVALID_UID && !id_among(ruid, old->uid, old->euid, old->suid)) ||
	     (euid != INVALID_UID && !id_among(euid, old->uid, old->euid, old->suid)) ||
	     (suid != INVALID_UID && !id_among(suid, old->uid, old->euid, old->suid))) &&
	    !capable(CAP_SETUID))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (ruid != INVALID_UID)
		new->uid = ruid;
	if (euid != INVALID_UID)
		new->euid = euid;
	if (suid != INVALID_UID)
		new->suid = suid;
	new->fsuid = new->euid;
	return commit_setuid(new, old, LSM_SETID_RES);
}

/* The three ids into user memory, in order, stopping at the first fault. */
static long put_three_ids(unsigned int a, unsigned int __user *pa, unsigned int b,
			  unsigned int __user *pb, unsigned int c, unsigned int __user *pc)
{
	if (put_user(a, pa) || put_user(b, pb) || put_user(c, pc))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresuid, uid_t __user *, ruidp, uid_t __user *, euidp, uid_t __user *, suidp)
{
	const struct cred *cred = current_cred();

	return put_three_ids(cred->uid, ruidp, cred->euid, euidp, cred->suid, suidp);
}

/*
 * The fs uid, to one of the real, effective, saved or current fs uid
 * (anything with CAP_SETUID). Returns the old fs uid whatever happens:
 * the only way to read it, and the only report of a refusal.
 * Linux: __sys_setfsuid()
 */
SYSCALL_DEFINE1(setfsuid, uid_t, uid)
{
	const struct cred *old = current_cred();
	uid_t old_fsuid = old->fsuid;
	struct cred *new;

	if (!uid_valid(uid))
		return old_fsuid;
	new = prepare_creds();
	if (!new)
		return old_fsuid;
	if ((id_among(uid, old->uid, old->euid, old->suid) || uid == old->fsuid ||
	     capable(CAP_SETUID)) && uid != old->fsuid) {
		new->fsuid = uid;
		if (cap_task_fix_setuid(new, old, LSM_SETID_FS) == 0) {
			commit_creds(new);
			return old_fsuid;
		}
	}
	abort_creds(new);
	return old_fsuid;
}

/* --- the group ids: the same rules with CAP_SETGID, and no capability fix-up --- */

/* Linux: __sys_setgid() */
SYSCALL_DEFINE1(setgid, gid_t, gid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (!gid_valid(gid))
		return -EINVAL;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable(CAP_SETGID)) {
		new->gid = new->egid = new->sgid = new->fsgid = gid;
	} else if (gid == old->gid || gid == old->sgid) {
		new->egid = new->fsgid = gid;
	} else {
		abort_creds(new);
		return -EPERM;
	}
	return commit_creds(new);
}

/* Linux: __sys_setregid() */
SYSCALL_DEFINE2(setregid, gid_t, rgid, gid_t, egid)
{
	const struct cred *old = current_cred();
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	if (rgid != INVALID_GID) {
		if (rgid != old->gid && rgid != old->egid && !capable(CAP_SETGID))
			goto error;
		new->gid = rgid;
	}
	if (egid != INVALID_GID) {
		if (egid != old->gid && egid != old->egid && egid != old->sgid &&
		    !capable(CAP_SETGID))
			goto error;
		new->egid = egid;
	}
	if (rgid != INVALID_GID || (egid != INVALID_GID && egid != old->gid))
		new->sgid = new->egid;
	new->fsgid = new->egid;
	return commit_creds(new);
error:
	abort_creds(new);
	return -EPERM;
}

/* Linux: __sys_setresgid() */
SYSCALL_DEFINE3(setresgid, gid_t, rgid, gid_t, egid, gid_t, sgid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if ((rgid == INVALID_GID || rgid == old->gid) &&
	    (egid == INVALID_GID || (egid == old->egid && egid == old->fsgid)) &&
	    (sgid == INVALID_GID || sgid == old->sgid))
		return 0;
	if (((rgid != INVALID_GID && !id_among(rgid, old->gid, old->egid, old->sgid)) ||
	     (egid != INVALID_GID && !id_among(egid, old->gid, old->egid, old->sgid)) ||
	     (sgid != INVALID_GID && !id_among(sgid, old->gid, old->egid, old->sgid))) &&
	    !capable(CAP_SETGID))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (rgid != INVALID_GID)
		new->gid = rgid;
	if (egid != INVALID_GID)
		new->egid = egid;
	if (sgid != INVALID_GID)
		new->sgid = sgid;
	new->fsgid = new->egid;
	return commit_creds(new);
}

SYSCALL_DEFINE3(getresgid, gid_t __user *, rgidp, gid_t __user *, egidp, gid_t __user *, sgidp)
{
	const struct cred *cred = current_cred();

	return put_three_ids(cred->gid, rgidp, cred->egid, egidp, cred->sgid, sgidp);
}

/* Linux: __sys_setfsgid() */
SYSCALL_DEFINE1(setfsgid, gid_t, gid)
{
	const struct cred *old = current_cred();
	gid_t old_fsgid = old->fsgid;
	struct cred *new;

	if (!gid_valid(gid))
		return old_fsgid;
	new = prepare_creds();
	if (!new)
		return old_fsgid;
	if ((id_among(gid, old->gid, old->egid, old->sgid) || gid == old->fsgid ||
	     capable(CAP_SETGID)) && gid != old->fsgid) {
		new->fsgid = gid;
		commit_creds(new);
		return old_fsgid;
	}
	abort_creds(new);
	return old_fsgid;
}
