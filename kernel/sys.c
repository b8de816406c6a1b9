// SPDX-License-Identifier: GPL-2.0
/*
 * Process attributes and system information: ids, process groups and
 * sessions, resource limits and usage, uname, sysinfo, prctl, reboot.
 * Linux: kernel/sys.c, kernel/reboot.c, kernel/sched/core.c (sched_yield)
 *
 * The uid and gid calls are in kernel/cred_syscalls.c, the groups in
 * kernel/groups.c.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/mm.h>
#include <linux/swap.h>
#include <linux/vmstat.h>
#include <linux/utsname.h>
#include <linux/timekeeping.h>
#include <linux/fdtable.h>
#include <linux/cred.h>
#include <linux/security.h>
#include <linux/prctl.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>
#include <asm/reboot.h>

SYSCALL_DEFINE0(getpid)
{
	return task_tgid_nr(current);
}

SYSCALL_DEFINE0(gettid)
{
	return task_pid_nr(current);
}

/* The parent's pid, as the child sees it (init's pid after an orphaning). */
SYSCALL_DEFINE0(getppid)
{
	return current->real_parent->tgid;
}

static struct task_struct *find_process(pid_t pid)
{
	struct task_struct *p = pid ? find_task_by_vpid(pid) : current;

	return p && !(p->flags & PF_KTHREAD) && p->signal ? p : NULL;
}

/*
 * Move process pid into group pgid (0: its own pid). Only our process or
 * a child (of any of our threads) that has not exec'ed; not a session
 * leader; within one session.
 * Linux: sys_setpgid()
 */
SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *p, *g;

	if (!pid)
		pid = current->tgid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	p = find_process(pid);
	if (!p)
		return -ESRCH;
	if (!thread_group_leader(p))
		return -EINVAL;		/* a thread's tid: groups are of processes */
	if (!same_thread_group(p, current)) {
		if (!same_thread_group(p->real_parent, current))
			return -ESRCH;
		if (p->signal->session != current->signal->session)
			return -EPERM;
		if (!(p->flags & PF_FORKNOEXEC))
			return -EACCES;
	}
	if (p->signal->leader)
		return -EPERM;
	if (pgid != pid) {
		bool found = false;

		for_each_process(g)
			if (g->signal && g->signal->pgrp == pgid && !g->exit_state &&
			    g->signal->session == current->signal->session)
				found = true;
		if (!found)
			return -EPERM;
	}
	p->signal->pgrp = pgid;
	return 0;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	struct task_struct *p = find_process(pid);

	return p ? p->signal->pgrp : -ESRCH;
}

SYSCALL_DEFINE0(getpgrp)
{
	return current->signal->pgrp;
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	struct task_struct *p = find_process(pid);

	return p ? p->signal->session : -ESRCH;
}

/* A new session and group, led by us, with no terminal. Linux: ksys_setsid() */
SYSCALL_DEFINE0(setsid)
{
	struct signal_struct *sig = current->signal;
	pid_t sid = current->tgid;
	struct task_struct *p;

	for_each_process(p)
		if (p->signal && p->signal->pgrp == sid && !p->exit_state)
			return -EPERM;	/* already a group leader */
	sig->leader = true;
	sig->session = sid;
	sig->pgrp = sid;
	sig->tty = NULL;
	return sid;
}

/* --- limits --- */

/*
 * Read and/or set one limit of tsk's process. Raising a hard limit
 * takes CAP_SYS_RESOURCE; lowering one is for anyone, and cannot be
 * undone without it. Linux: do_prlimit()
 */
static int do_prlimit(struct task_struct *tsk, unsigned int resource,
		      const struct rlimit *new_rlim, struct rlimit *old_rlim)
{
	struct rlimit *rlim;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_rlim) {
		if (new_rlim->rlim_cur > new_rlim->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new_rlim->rlim_max > sysctl_nr_open)
			return -EPERM;
	}
	rlim = tsk->signal->rlim + resource;
	if (new_rlim && new_rlim->rlim_max > rlim->rlim_max && !capable(CAP_SYS_RESOURCE))
		return -EPERM;
	if (old_rlim)
		*old_rlim = *rlim;
	if (new_rlim)
		*rlim = *new_rlim;
	return 0;
}

/*
 * May we read or set another process's limits? Only one whose real,
 * effective and saved ids all equal our real ids, or with
 * CAP_SYS_RESOURCE. Linux: check_prlimit_permission()
 */
static int check_prlimit_permission(struct task_struct *task)
{
	const struct cred *cred = current_cred(), *tcred;

	if (task == current)
		return 0;
	tcred = __task_cred(task);
	if (cred->uid == tcred->euid && cred->uid == tcred->suid && cred->uid == tcred->uid &&
	    cred->gid == tcred->egid && cred->gid == tcred->sgid && cred->gid == tcred->gid)
		return 0;
	return capable(CAP_SYS_RESOURCE) ? 0 : -EPERM;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit value;
	int ret = do_prlimit(current, resource, NULL, &value);

	if (!ret && copy_to_user(rlim, &value, sizeof(value)))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit new_rlim;

	if (copy_from_user(&new_rlim, rlim, sizeof(*rlim)))
		return -EFAULT;
	return do_prlimit(current, resource, &new_rlim, NULL);
}

SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit __user *, new_rlim, struct rlimit __user *, old_rlim)
{
	struct rlimit old, new;
	struct task_struct *tsk;
	int ret;

	if (new_rlim && copy_from_user(&new, new_rlim, sizeof(new)))
		return -EFAULT;
	tsk = find_process(pid);
	if (!tsk)
		return -ESRCH;
	ret = check_prlimit_permission(tsk);
	if (ret)
		return ret;
	ret = do_prlimit(tsk, resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	if (!ret && old_rlim && copy_to_user(old_rlim, &old, sizeof(old)))
		ret = -EFAULT;
	return ret;
}

/* --- resource usage --- */

static struct __kernel_old_timeval ns_to_timeval(u64 ns)
{
	struct __kernel_old_timeval tv = {
		.tv_sec = (long)(ns / NSEC_PER_SEC),
		.tv_usec = (long)(ns % NSEC_PER_SEC / NSEC_PER_USEC),
	};

	return tv;
}

/* One thread's switches and faults, added to r. Linux: accumulate_thread_rusage() */
static void accumulate_thread_rusage(struct task_struct *t, struct rusage *r)
{
	r->ru_nvcsw += (long)t->nvcsw;
	r->ru_nivcsw += (long)t->nivcsw;
	r->ru_minflt += (long)t->min_flt;
	r->ru_majflt += (long)t->maj_flt;
}

/*
 * RUSAGE_SELF (every thread of p's process, those gone too),
 * RUSAGE_THREAD (p alone), RUSAGE_CHILDREN (reaped children and their
 * reaped children), or RUSAGE_BOTH. ru_maxrss is the peak RSS in KiB.
 * Linux: getrusage()
 */
void getrusage(struct task_struct *p, int who, struct rusage *r)
{
	struct signal_struct *sig = p->signal;
	unsigned long maxrss = 0;
	u64 utime = 0, stime = 0, tgutime, tgstime;
	struct task_struct *t;

	memset(r, 0, sizeof(*r));
	if (who != RUSAGE_SELF) {
		utime = sig->cutime;
		stime = sig->cstime;
		r->ru_nvcsw = (long)sig->cnvcsw;
		r->ru_nivcsw = (long)sig->cnivcsw;
		r->ru_minflt = (long)sig->cmin_flt;
		r->ru_majflt = (long)sig->cmaj_flt;
		maxrss = sig->cmaxrss;
	}
	if (who == RUSAGE_THREAD) {
		utime = p->utime;
		stime = p->stime;
		accumulate_thread_rusage(p, r);
		maxrss = sig->maxrss;
	} else if (who != RUSAGE_CHILDREN) {
		thread_group_cputime(p, &tgutime, &tgstime);
		utime += tgutime;
		stime += tgstime;
		r->ru_nvcsw += (long)sig->nvcsw;
		r->ru_nivcsw += (long)sig->nivcsw;
		r->ru_minflt += (long)sig->min_flt;
		r->ru_majflt += (long)sig->maj_flt;
		for_each_thread(p, t)
			accumulate_thread_rusage(t, r);
		maxrss = max(maxrss, sig->maxrss);
	}
	if (who != RUSAGE_CHILDREN && p->mm)
		maxrss = max(maxrss, get_mm_hiwater_rss(p->mm));
	r->ru_utime = ns_to_timeval(utime);
	r->ru_stime = ns_to_timeval(stime);
	r->ru_maxrss = (long)(maxrss * (PAGE_SIZE / 1024));
}

SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct rusage r;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	getrusage(current, who, &r);
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

struct tms {
	long tms_utime, tms_stime, tms_cutime, tms_cstime;
};

#define USER_HZ		100

static long ns_to_clock_t(u64 ns)
{
	return (long)(ns / (NSEC_PER_SEC / USER_HZ));
}

/* Clock ticks (USER_HZ) of the process's CPU time, and since boot. Linux: sys_times() */
SYSCALL_DEFINE1(times, struct tms __user *, tbuf)
{
	u64 utime, stime;

	thread_group_cputime(current, &utime, &stime);
	if (tbuf) {
		struct tms tmp = {
			.tms_utime = ns_to_clock_t(utime),
			.tms_stime = ns_to_clock_t(stime),
			.tms_cutime = ns_to_clock_t(current->signal->cutime),
			.tms_cstime = ns_to_clock_t(current->signal->cstime),
		};

		if (copy_to_user(tbuf, &tmp, sizeof(tmp)))
			return -EFAULT;
	}
	/* Linux starts this count 5 minutes before 0 to catch wrap bugs. */
	return ns_to_clock_t(ktime_get_ns()) + (long)((unsigned int)(-300 * USER_HZ));
}

/* --- the system --- */

struct new_utsname init_utsname = {
	.sysname = UTS_SYSNAME,
	.nodename = "(none)",
	.release = UTS_RELEASE,
	.version = "#1 Faultline " FAULTLINE_VERSION,
	.machine = "x86_64",
	.domainname = "(none)",
};

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	return copy_to_user(name, &init_utsname, sizeof(init_utsname)) ? -EFAULT : 0;
}

/* CAP_SYS_ADMIN only, asked first. Linux: sys_sethostname() */
SYSCALL_DEFINE2(sethostname, char __user *, name, int, len)
{
	char tmp[sizeof(init_utsname.nodename)] = "";

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (len < 0 || len > 64)
		return -EINVAL;
	if (copy_from_user(tmp, name, (unsigned long)len))
		return -EFAULT;		/* and the old name stays */
	memcpy(init_utsname.nodename, tmp, sizeof(tmp));
	return 0;
}

struct sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram, freeram, sharedram, bufferram;
	unsigned long totalswap, freeswap;
	unsigned short procs, pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
	char _f[20 - 2 * sizeof(long) - sizeof(int)];
};

/* Linux: do_sysinfo() */
SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo val;

	memset(&val, 0, sizeof(val));
	val.uptime = (long)(ktime_get_ns() / NSEC_PER_SEC) + 1;
	for (int i = 0; i < 3; i++)
		val.loads[i] = avenrun[i] << (16 - FSHIFT);	/* SI_LOAD_SHIFT */
	val.totalram = totalram_pages * PAGE_SIZE;
	val.freeram = global_zone_page_state(NR_FREE_PAGES) * PAGE_SIZE;
	val.sharedram = global_node_page_state(NR_SHMEM) * PAGE_SIZE;
	val.totalswap = (unsigned long)total_swap_pages * PAGE_SIZE;
	val.freeswap = get_nr_swap_pages() * PAGE_SIZE;
	val.procs = (unsigned short)nr_processes();
	val.mem_unit = 1;
	return copy_to_user(info, &val, sizeof(val)) ? -EFAULT : 0;
}

SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	char comm[TASK_COMM_LEN];
	int error = cap_task_prctl(option, arg2, arg3, arg4, arg5);

	if (error != -ENOSYS)
		return error;
	switch (option) {
	case PR_SET_NAME:
		memset(comm, 0, sizeof(comm));
		if (strncpy_from_user(comm, (const char __user *)arg2, sizeof(comm) - 1) < 0)
			return -EFAULT;
		memcpy(current->comm, comm, sizeof(comm));
		return 0;
	case PR_GET_NAME:
		memcpy(comm, current->comm, sizeof(comm));
		return copy_to_user((void __user *)arg2, comm, sizeof(comm)) ? -EFAULT : 0;
	case PR_GET_DUMPABLE:
		return current->mm ? current->mm->dumpable : 0;
	case PR_SET_DUMPABLE:
		if (arg2 > 1)
			return -EINVAL;
		if (current->mm)
			current->mm->dumpable = (int)arg2;
		return 0;
	case PR_SET_PDEATHSIG:
		if (!valid_signal(arg2))
			return -EINVAL;
		current->pdeath_signal = (int)arg2;
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user(current->pdeath_signal, (int __user *)arg2);
	case PR_SET_CHILD_SUBREAPER:
		current->signal->is_child_subreaper = !!arg2;
		return 0;
	case PR_GET_CHILD_SUBREAPER:
		return put_user((int)current->signal->is_child_subreaper, (int __user *)arg2);
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

/* One CPU: the mask has bit 0. Returns the bytes of mask written. */
SYSCALL_DEFINE3(sched_getaffinity, pid_t, pid, unsigned int, len, unsigned long __user *,
		user_mask_ptr)
{
	unsigned long mask = 1;

	if (len < sizeof(mask) || (len & (sizeof(unsigned long) - 1)))
		return -EINVAL;
	if (pid && !find_task_by_vpid(pid))
		return -ESRCH;
	if (clear_user(user_mask_ptr, len) || put_user(mask, user_mask_ptr))
		return -EFAULT;
	return sizeof(mask);
}

#define LINUX_REBOOT_MAGIC1		0xfee1dead
#define LINUX_REBOOT_MAGIC2		672274793
#define LINUX_REBOOT_MAGIC2A		85072278
#define LINUX_REBOOT_MAGIC2B		369367448
#define LINUX_REBOOT_MAGIC2C		537993216
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xCDEF0123
#define LINUX_REBOOT_CMD_CAD_ON		0x89ABCDEF
#define LINUX_REBOOT_CMD_CAD_OFF	0x00000000
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321FEDC

/* CAP_SYS_BOOT only, asked before the magic numbers. Linux: sys_reboot() */
SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd, void __user *, arg)
{
	if (!capable(CAP_SYS_BOOT))
		return -EPERM;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
		machine_restart();
	case LINUX_REBOOT_CMD_HALT:
	case LINUX_REBOOT_CMD_POWER_OFF:
		machine_power_off();
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	default:
		return -EINVAL;
	}
}
