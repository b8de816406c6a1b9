// SPDX-License-Identifier: GPL-2.0
/*
 * Task credentials: copy on change. Linux: kernel/cred.c
 *
 * A task changes its credentials in three steps, each set*id call,
 * capset and exec alike:
 *
 *   new = prepare_creds();      a private copy of what it acts with
 *   ...edit new, check rules... (abort_creds(new) on a refusal)
 *   commit_creds(new);          installed as both real_cred and cred
 *
 * so a cred that a task uses is never written: others (kill, ptrace,
 * /proc) read a target's real_cred while it may be changing its own.
 * fork gives the child references to the parent's creds (copy_creds).
 *
 * Left out (no need here): keyrings, user_struct and the per-user
 * process counts behind RLIMIT_NPROC, LSM blobs, RCU freeing.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/sched/coredump.h>
#include <linux/cred.h>

static struct kmem_cache *cred_jar;

struct group_info init_groups = { .usage = 2 };

/*
 * The first task's credentials, which every task starts from: root,
 * with every capability but the inheritable and ambient ones.
 * Linux: kernel/cred.c init_cred
 */
struct cred init_cred = {
	.usage = 4,
	.securebits = 0,
	.cap_inheritable = CAP_EMPTY_SET,
	.cap_permitted = CAP_FULL_SET,
	.cap_effective = CAP_FULL_SET,
	.cap_bset = CAP_FULL_SET,
	.cap_ambient = CAP_EMPTY_SET,
	.group_info = &init_groups,
};

/*
 * What a process whose credentials changed may do with a core dump and
 * its /proc files: Linux's fs.suid_dumpable sysctl, 0 by default
 * (SUID_DUMP_DISABLE: not dumpable). Faultline has no sysctl for it.
 */
int suid_dumpable = SUID_DUMP_DISABLE;

void cred_init(void)
{
	if (!cred_jar)
		cred_jar = kmem_cache_create("cred_jar", sizeof(struct cred), 0, SLAB_PANIC, NULL);
}

/* The last reference is gone. Linux: __put_cred() (there after an RCU grace period) */
void __put_cred(struct cred *cred)
{
	BUG_ON(cred == &init_cred);
	BUG_ON(cred == current->cred || cred == current->real_cred);
	put_group_info(cred->group_info);
	kmem_cache_free(cred_jar, cred);
}

/*
 * A copy of the current task's credentials (as it acts) to change and
 * commit, or NULL when memory is short. Linux: prepare_creds()
 */
struct cred *prepare_creds(void)
{
	struct cred *new;

	cred_init();
	new = kmem_cache_alloc(cred_jar, GFP_KERNEL);
	if (!new)
		return NULL;
	*new = *current->cred;
	new->usage = 1;
	get_group_info(new->group_info);
	return new;
}

/*
 * The credentials an exec starts from: the saved and file system ids
 * follow the effective ones again. Linux: prepare_exec_creds()
 */
struct cred *prepare_exec_creds(void)
{
	struct cred *new = prepare_creds();

	if (!new)
		return NULL;
	new->suid = new->fsuid = new->euid;
	new->sgid = new->fsgid = new->egid;
	return new;
}

/* Does old hold every permitted capability of new? Linux: cred_cap_issubset() */
static bool cred_cap_issubset(const struct cred *old, const struct cred *new)
{
	return cap_issubset(new->cap_permitted, old->cap_permitted);
}

/*
 * Install new (a reference from prepare_creds, which passes to the task)
 * as the current task's credentials. A change of effective or file
 * system ids, or a gain of permitted capabilities, makes the process
 * non-dumpable (fs.suid_dumpable): no core dump, /proc files owned by
 * root, no ptrace access for its old self. Always returns 0.
 * Linux: commit_creds()
 */
int commit_creds(struct cred *new)
{
	struct task_struct *task = current;
	const struct cred *old = task->real_cred;

	BUG_ON(task->cred != old);
	BUG_ON(new->usage < 1);
	if (old->euid != new->euid || old->egid != new->egid ||
	    old->fsuid != new->fsuid || old->fsgid != new->fsgid ||
	    !cred_cap_issubset(old, new)) {
		if (task->mm)
			set_dumpable(task->mm, suid_dumpable);
		task->pdeath_signal = 0;
	}
	get_cred(new);		/* the second reference: task->cred */
	task->real_cred = new;
	task->cred = new;
	put_cred(old);
	put_cred(old);
	return 0;
}

/* Drop credentials prepared but not committed. Linux: abort_creds() */
void abort_creds(struct cred *new)
{
	BUG_ON(new->usage < 1);
	put_cred(new);
}

/*
 * Act with new for a while (access(2) checks as the real ids); returns
 * the credentials to give back to revert_creds(). Others still see
 * real_cred. Linux: override_creds()
 */
const struct cred *override_creds(const struct cred *new)
{
	const struct cred *old = current->cred;

	current->cred = get_cred(new);
	return old;
}

/* Linux: revert_creds() */
void revert_creds(const struct cred *old)
{
	const struct cred *override = current->cred;

	current->cred = old;
	put_cred(override);
}

/*
 * A new task's credentials: the parent's, both references shared.
 * Faultline differs: Linux copies them for a new process (its keyrings
 * and per-user process count are the child's own) and shares them only
 * with a thread; Faultline has neither, and a cred is never written
 * once used, so sharing is the same to every reader. Linux: copy_creds()
 */
void copy_creds(struct task_struct *p)
{
	get_cred(p->real_cred);
	get_cred(p->cred);
}

/* A task is freed: its references go. Linux: exit_creds() */
void exit_creds(struct task_struct *p)
{
	const struct cred *real_cred = p->real_cred, *cred = p->cred;

	p->real_cred = NULL;
	p->cred = NULL;
	put_cred(real_cred);
	put_cred(cred);
}
