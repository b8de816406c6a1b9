// SPDX-License-Identifier: GPL-2.0
/*
 * The ptrace access check, which /proc makes before it shows what a
 * process keeps private: its memory, environment, mappings, open files.
 * Faultline has no ptrace(2) (no tracing, no PTRACE_ATTACH): only the
 * check. Linux: kernel/ptrace.c
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/coredump.h>
#include <linux/cred.h>
#include <linux/security.h>
#include <linux/ptrace.h>

/*
 * Is the target still dumpable, or may we look anyway (CAP_SYS_PTRACE)?
 * A process that changed its ids is not: its old self may not look into
 * what it holds now. A zombie is as its mm was when it exited; a kernel
 * thread is not. Linux: task_still_dumpable()
 */
static bool task_still_dumpable(struct task_struct *task)
{
	if (task->mm ? get_dumpable(task->mm) == SUID_DUMP_USER : task->user_dumpable)
		return true;
	return capable(CAP_SYS_PTRACE);
}

/*
 * 0 if the current task may inspect task in mode (PTRACE_MODE_*):
 * always its own process; else its uid (fsuid with FSCREDS, the real
 * uid with REALCREDS) must equal the target's real, effective and saved
 * uids, and its gid the three gids, or it needs CAP_SYS_PTRACE; then the
 * target must be dumpable and hold no capability we lack
 * (cap_ptrace_access_check). -EPERM otherwise.
 * Linux: __ptrace_may_access() (the LSMs after the capability check:
 * Yama, whose ptrace_scope Debian leaves at 0, and AppArmor, unconfined)
 */
static int __ptrace_may_access(struct task_struct *task, unsigned int mode)
{
	const struct cred *cred = current_cred(), *tcred;
	uid_t caller_uid;
	gid_t caller_gid;

	if (WARN_ON(!(mode & PTRACE_MODE_FSCREDS) == !(mode & PTRACE_MODE_REALCREDS)))
		return -EPERM;	/* a caller must say which ids */
	if (task->tgid == current->tgid)
		return 0;
	caller_uid = (mode & PTRACE_MODE_FSCREDS) ? cred->fsuid : cred->uid;
	caller_gid = (mode & PTRACE_MODE_FSCREDS) ? cred->fsgid : cred->gid;
	tcred = __task_cred(task);
	if (!(caller_uid == tcred->euid && caller_uid == tcred->suid &&
	      caller_uid == tcred->uid && caller_gid == tcred->egid &&
	      caller_gid == tcred->sgid && caller_gid == tcred->gid) &&
	    !capable(CAP_SYS_PTRACE))
		return -EPERM;
	if (!task_still_dumpable(task))
		return -EPERM;
	return cap_ptrace_access_check(task, mode);
}

/* Linux: ptrace_may_access() */
bool ptrace_may_access(struct task_struct *task, unsigned int mode)
{
	return __ptrace_may_access(task, mode) == 0;
}
