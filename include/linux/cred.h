/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/types.h>
#include <linux/sched.h>
#include <linux/capability.h>

/*
 * Credentials: who a task is, for every permission check the kernel
 * makes. Linux: include/linux/cred.h, kernel/cred.c
 *
 *   uid, gid       real: who started it; who may signal it
 *   euid, egid     effective: who it acts as (and who owns /proc/<pid>)
 *   suid, sgid     saved: an id it may switch back to (set*id rules)
 *   fsuid, fsgid   file system: who it is to inode permission checks;
 *                  follows euid/egid unless setfsuid/setfsgid moved it
 *   group_info     supplementary groups, sorted (in_group_p searches them)
 *   cap_*          capability sets (include/linux/capability.h)
 *   securebits     SECURE_KEEP_CAPS and the other SECURE_* bits
 *
 * A cred is never changed once a task uses it: to change its own, a task
 * copies (prepare_creds), edits the copy and installs it (commit_creds),
 * or drops it (abort_creds). So anyone may hold a reference and read a
 * cred without a lock (Linux: RCU for the readers, cred_guard_mutex for
 * exec; one CPU and no kernel preemption need neither here).
 *
 * A task points at two: real_cred, what others see of it (kill, ptrace
 * and /proc checks), and cred, what it acts with. They are the same but
 * while override_creds() lends the task other credentials for one
 * operation (access(2) checks with the real ids).
 *
 * Faultline has one user namespace and no keyrings or LSMs: an id is the
 * number itself (Linux's kuid_t, mapped through user_ns), and (uid_t)-1
 * is the one invalid id.
 */

struct group_info {
	int usage;
	int ngroups;
	gid_t gid[];		/* sorted ascending */
};

#define NGROUPS_MAX	65536

struct cred {
	int usage;
	uid_t uid, euid, suid, fsuid;
	gid_t gid, egid, sgid, fsgid;
	unsigned int securebits;	/* SECURE_* (include/linux/securebits.h) */
	kernel_cap_t cap_inheritable;
	kernel_cap_t cap_permitted;
	kernel_cap_t cap_effective;
	kernel_cap_t cap_bset;
	kernel_cap_t cap_ambient;
	struct group_info *group_info;
};

#define GLOBAL_ROOT_UID	((uid_t)0)
#define GLOBAL_ROOT_GID	((gid_t)0)
#define INVALID_UID	((uid_t)-1)
#define INVALID_GID	((gid_t)-1)

static inline bool uid_valid(uid_t uid)
{
	return uid != INVALID_UID;
}

static inline bool gid_valid(gid_t gid)
{
	return gid != INVALID_GID;
}

/* The securebits (Linux: include/uapi/linux/securebits.h); each has a lock bit above it. */
#define SECURE_NOROOT			0
#define SECURE_NOROOT_LOCKED		1
#define SECURE_NO_SETUID_FIXUP		2
#define SECURE_NO_SETUID_FIXUP_LOCKED	3
#define SECURE_KEEP_CAPS		4
#define SECURE_KEEP_CAPS_LOCKED		5
#define SECURE_NO_CAP_AMBIENT_RAISE	6
#define SECURE_NO_CAP_AMBIENT_RAISE_LOCKED 7
#define issecure_mask(X)	(1U << (X))
#define SECURE_ALL_BITS		(issecure_mask(SECURE_NOROOT) |			\
				 issecure_mask(SECURE_NO_SETUID_FIXUP) |	\
				 issecure_mask(SECURE_KEEP_CAPS) |		\
				 issecure_mask(SECURE_NO_CAP_AMBIENT_RAISE))
#define SECURE_ALL_LOCKS	(SECURE_ALL_BITS << 1)
#define issecure(X)		(issecure_mask(X) & current_cred()->securebits)

extern struct cred init_cred;
extern struct group_info init_groups;

/* kernel/cred.c */
void cred_init(void);
struct cred *prepare_creds(void);
struct cred *prepare_exec_creds(void);
int commit_creds(struct cred *new);
void abort_creds(struct cred *new);
const struct cred *override_creds(const struct cred *new);
void revert_creds(const struct cred *old);
void __put_cred(struct cred *cred);
void copy_creds(struct task_struct *p);
void exit_creds(struct task_struct *p);

static inline const struct cred *get_cred(const struct cred *cred)
{
	((struct cred *)cred)->usage++;
	return cred;
}

static inline void put_cred(const struct cred *cred)
{
	struct cred *c = (struct cred *)cred;

	if (c && --c->usage == 0)
		__put_cred(c);
}

/* kernel/groups.c */
struct group_info *groups_alloc(int gidsetsize);
void groups_free(struct group_info *group_info);
void groups_sort(struct group_info *group_info);
bool groups_search(const struct group_info *group_info, gid_t grp);
void set_groups(struct cred *new, struct group_info *group_info);
int set_current_groups(struct group_info *group_info);
bool in_group_p(gid_t grp);
bool in_egroup_p(gid_t grp);

static inline struct group_info *get_group_info(struct group_info *gi)
{
	gi->usage++;
	return gi;
}

static inline void put_group_info(struct group_info *gi)
{
	if (--gi->usage == 0)
		groups_free(gi);
}

/*
 * The current task's credentials, as it acts (current_cred) and as
 * others see it (current_real_cred), and a task's objective ones.
 * Linux: current_cred(), __task_cred()
 */
#define current_cred()		((const struct cred *)current->cred)
#define current_real_cred()	((const struct cred *)current->real_cred)
#define __task_cred(task)	((const struct cred *)(task)->real_cred)

#define current_uid()		(current_cred()->uid)
#define current_gid()		(current_cred()->gid)
#define current_euid()		(current_cred()->euid)
#define current_egid()		(current_cred()->egid)
#define current_suid()		(current_cred()->suid)
#define current_sgid()		(current_cred()->sgid)
#define current_fsuid()		(current_cred()->fsuid)
#define current_fsgid()		(current_cred()->fsgid)

#define task_uid(task)		(__task_cred(task)->uid)
#define task_euid(task)		(__task_cred(task)->euid)

#endif
