// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/status, stat and statm. Linux: fs/proc/array.c
 *
 * Every line in 6.1's order and format. What Faultline does not have
 * prints what Linux prints for a process that does not use it: no
 * seccomp, one CPU and one memory node. status is one thread's (with
 * its process's Tgid, Threads and ShdPnd); stat is the whole process's
 * in /proc/<pid> (times and faults of all its threads) and one thread's
 * in /proc/<pid>/task/<tid>.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/signal.h>
#include <linux/cred.h>
#include <linux/ptrace.h>
#include <linux/fs_struct.h>
#include <linux/fdtable.h>
#include <linux/tty.h>
#include <linux/timekeeping.h>
#include "internal.h"

/* Linux: task_state_array, by the bit of the state (TASK_REPORT order). */
static const char *task_state(const struct task_struct *p)
{
	if (p->exit_state & EXIT_ZOMBIE)
		return "Z (zombie)";
	if (p->exit_state & EXIT_DEAD)
		return "X (dead)";
	if (p->__state & __TASK_STOPPED)
		return "T (stopped)";
	if (p->__state & TASK_UNINTERRUPTIBLE)
		return "D (disk sleep)";
	if (p->__state & TASK_INTERRUPTIBLE)
		return "S (sleeping)";
	if (p->flags & PF_IDLE)
		return "I (idle)";
	return "R (running)";
}

static pid_t task_ppid(const struct task_struct *p)
{
	return p->real_parent && p->real_parent != p ? p->real_parent->tgid : 0;
}

/* 16 hex digits, signal 1 in the lowest bit. Linux: render_sigset_t() */
static void render_sigset_t(struct seq_file *m, const char *header, const sigset_t *set)
{
	seq_puts(m, header);
	seq_printf(m, "%016lx\n", set->sig[0]);
}

/* The signals the process ignores and catches. Linux: collect_sigign_sigcatch() */
static void collect_sigign_sigcatch(const struct task_struct *p, sigset_t *ign,
				    sigset_t *catch)
{
	sigemptyset(ign);
	sigemptyset(catch);
	if (!p->sighand)
		return;
	for (int sig = 1; sig < _NSIG; sig++) {
		__sighandler_t h = p->sighand->action[sig - 1].sa.sa_handler;

		if (h == SIG_IGN)
			sigaddset(ign, sig);
		else if (h != SIG_DFL)
			sigaddset(catch, sig);
	}
}

static unsigned int queued_signals(const struct task_struct *p)
{
	const struct list_head *pos;
	unsigned int n = 0;

	list_for_each(pos, &p->pending.list)
		n++;
	return n;
}

/* The Uid and Gid lines: real, effective, saved, file system. */
static void task_ids(struct seq_file *m, const struct cred *cred)
{
	seq_put_decimal_ull(m, "\nUid:\t", cred->uid);
	seq_put_decimal_ull(m, "\t", cred->euid);
	seq_put_decimal_ull(m, "\t", cred->suid);
	seq_put_decimal_ull(m, "\t", cred->fsuid);
	seq_put_decimal_ull(m, "\nGid:\t", cred->gid);
	seq_put_decimal_ull(m, "\t", cred->egid);
	seq_put_decimal_ull(m, "\t", cred->sgid);
	seq_put_decimal_ull(m, "\t", cred->fsgid);
}

/* The groups, space-separated, and the trailing space 6.1 prints even for none. */
static void task_groups(struct seq_file *m, const struct group_info *gi)
{
	seq_puts(m, "\nGroups:\t");
	for (int g = 0; g < gi->ngroups; g++)
		seq_put_decimal_ull(m, g ? " " : "", gi->gid[g]);
	seq_putc(m, ' ');
}

/* Linux: task_state() */
static void task_state_lines(struct seq_file *m, struct task_struct *p)
{
	unsigned int max_fds = p->files ? p->files->fdt.max_fds : 0;

	if (p->fs)
		seq_printf(m, "Umask:\t%#04o\n", p->fs->umask);
	seq_puts(m, "State:\t");
	seq_puts(m, task_state(p));
	seq_put_decimal_ull(m, "\nTgid:\t", p->tgid);
	seq_put_decimal_ull(m, "\nNgid:\t", 0);
	seq_put_decimal_ull(m, "\nPid:\t", p->pid);
	seq_put_decimal_ull(m, "\nPPid:\t", task_ppid(p));
	seq_put_decimal_ull(m, "\nTracerPid:\t", 0);
	task_ids(m, __task_cred(p));
	seq_put_decimal_ull(m, "\nFDSize:\t", max_fds);
	task_groups(m, __task_cred(p)->group_info);
	seq_put_decimal_ull(m, "\nNStgid:\t", p->tgid);
	seq_put_decimal_ull(m, "\nNSpid:\t", p->pid);
	seq_put_decimal_ull(m, "\nNSpgid:\t", p->signal ? p->signal->pgrp : 0);
	seq_put_decimal_ull(m, "\nNSsid:\t", p->signal ? p->signal->session : 0);
	seq_putc(m, '\n');
}

/* Linux: task_sig() */
static void task_sig(struct seq_file *m, struct task_struct *p)
{
	sigset_t ign, catch, shared;

	sigemptyset(&shared);
	if (p->signal)
		shared = p->signal->shared_pending.signal;
	collect_sigign_sigcatch(p, &ign, &catch);
	seq_put_decimal_ull(m, "Threads:\t", p->signal ? p->signal->nr_threads : 0);
	seq_put_decimal_ull(m, "\nSigQ:\t", queued_signals(p));
	seq_put_decimal_ull(m, "/", p->signal ? p->signal->rlim[RLIMIT_SIGPENDING].rlim_cur : 0);
	seq_putc(m, '\n');
	render_sigset_t(m, "SigPnd:\t", &p->pending.signal);
	render_sigset_t(m, "ShdPnd:\t", &shared);
	render_sigset_t(m, "SigBlk:\t", &p->blocked);
	render_sigset_t(m, "SigIgn:\t", &ign);
	render_sigset_t(m, "SigCgt:\t", &catch);
}

/* 16 hex digits, capability 0 in the lowest bit. Linux: render_cap_t() */
static void render_cap_t(struct seq_file *m, const char *header, kernel_cap_t cap)
{
	seq_printf(m, "%s%016llx\n", header, cap.val);
}

/* Linux: task_cap() */
static void task_cap(struct seq_file *m, const struct cred *cred)
{
	render_cap_t(m, "CapInh:\t", cred->cap_inheritable);
	render_cap_t(m, "CapPrm:\t", cred->cap_permitted);
	render_cap_t(m, "CapEff:\t", cred->cap_effective);
	render_cap_t(m, "CapBnd:\t", cred->cap_bset);
	render_cap_t(m, "CapAmb:\t", cred->cap_ambient);
}

/*
 * No seccomp; and the speculation lines as 6.1 prints them for QEMU's
 * TCG CPU, which has neither bug. Linux: task_seccomp()
 */
static void task_seccomp(struct seq_file *m)
{
	seq_puts(m, "NoNewPrivs:\t0\n"
		    "Seccomp:\t0\n"
		    "Seccomp_filters:\t0\n"
		    "Speculation_Store_Bypass:\tnot vulnerable\n"
		    "SpeculationIndirectBranch:\talways enabled\n");
}

/* One CPU; one memory node of Debian's MAX_NUMNODES (1024). Linux: task_cpus_allowed() */
static void task_cpus_allowed(struct seq_file *m)
{
	seq_puts(m, "Cpus_allowed:\t1\nCpus_allowed_list:\t0\nMems_allowed:\t");
	for (int i = 0; i < 31; i++)
		seq_puts(m, "00000000,");
	seq_puts(m, "00000001\nMems_allowed_list:\t0\n");
}

int proc_pid_status(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = proc_mm_get(task);

	seq_puts(m, "Name:\t");
	seq_puts(m, task->comm);
	seq_putc(m, '\n');
	task_state_lines(m, task);
	if (mm) {
		task_mem(m, mm);
		seq_puts(m, "CoreDumping:\t0\n");
		seq_puts(m, "THP_enabled:\t1\n");
		mmput(mm);
	}
	task_sig(m, task);
	task_cap(m, __task_cred(task));
	task_seccomp(m);
	task_cpus_allowed(m);
	seq_put_decimal_ull(m, "voluntary_ctxt_switches:\t", task->nvcsw);
	seq_put_decimal_ull(m, "\nnonvoluntary_ctxt_switches:\t", task->nivcsw);
	seq_putc(m, '\n');
	return 0;
}

/* ns to clock ticks (USER_HZ, 100 a second). Linux: nsec_to_clock_t() */
static unsigned long long nsec_to_clock_t(u64 ns)
{
	return ns / (NSEC_PER_SEC / 100);
}

/* The controlling terminal's device number, encoded as stat's tty_nr. */
static unsigned int task_tty_nr(const struct task_struct *p)
{
	const struct tty_struct *tty = p->signal ? p->signal->tty : NULL;

	/* ttyS<n> is (4, 64 + n); new_encode_dev() for small numbers. */
	return tty ? (4U << 8) | (64U + (unsigned int)tty->index) : 0;
}

/* The PF_* bits that mean what Linux's do, at Linux's values. */
#define PF_SHOWN	(PF_EXITING | PF_FORKNOEXEC | PF_SIGNALED | PF_KTHREAD)

/* stat fields 1-9: pid (comm) state ppid pgrp session tty_nr tpgid flags */
static void stat_ids(struct seq_file *m, struct task_struct *task)
{
	const struct signal_struct *sig = task->signal;

	seq_put_decimal_ull(m, "", task->pid);
	seq_puts(m, " (");
	seq_puts(m, task->comm);
	seq_puts(m, ") ");
	seq_putc(m, task_state(task)[0]);
	seq_put_decimal_ll(m, " ", task_ppid(task));
	seq_put_decimal_ll(m, " ", sig ? sig->pgrp : 0);
	seq_put_decimal_ll(m, " ", sig ? sig->session : 0);
	seq_put_decimal_ll(m, " ", task_tty_nr(task));
	seq_put_decimal_ll(m, " ", sig && sig->tty ? sig->tty->pgrp : -1);
	seq_put_decimal_ull(m, " ", task->flags & PF_SHOWN);
}

/* Faults and CPU time of one thread, or (whole) of its whole process. */
struct task_usage {
	unsigned long min_flt, maj_flt;
	u64 utime, stime;
};

static void task_usage(struct task_struct *task, bool whole, struct task_usage *u)
{
	struct task_struct *t;

	u->min_flt = task->min_flt;
	u->maj_flt = task->maj_flt;
	u->utime = task->utime;
	u->stime = task->stime;
	if (!whole || !task->signal)
		return;
	u->min_flt = task->signal->min_flt;
	u->maj_flt = task->signal->maj_flt;
	for_each_thread(task, t) {
		u->min_flt += t->min_flt;
		u->maj_flt += t->maj_flt;
	}
	thread_group_cputime(task, &u->utime, &u->stime);
}

/*
 * stat fields 10-22: minflt cminflt majflt cmajflt utime stime cutime
 * cstime priority nice num_threads itrealvalue starttime
 */
static void stat_faults_and_times(struct seq_file *m, struct task_struct *task, bool whole)
{
	const struct signal_struct *sig = task->signal;
	struct task_usage u;

	task_usage(task, whole, &u);
	seq_put_decimal_ull(m, " ", u.min_flt);
	seq_put_decimal_ull(m, " ", sig ? sig->cmin_flt : 0);
	seq_put_decimal_ull(m, " ", u.maj_flt);
	seq_put_decimal_ull(m, " ", sig ? sig->cmaj_flt : 0);
	seq_put_decimal_ull(m, " ", nsec_to_clock_t(u.utime));
	seq_put_decimal_ull(m, " ", nsec_to_clock_t(u.stime));
	seq_put_decimal_ll(m, " ", (long long)nsec_to_clock_t(sig ? sig->cutime : 0));
	seq_put_decimal_ll(m, " ", (long long)nsec_to_clock_t(sig ? sig->cstime : 0));
	seq_put_decimal_ll(m, " ", 20);		/* priority: nice 0 */
	seq_put_decimal_ll(m, " ", 0);		/* nice */
	seq_put_decimal_ll(m, " ", sig ? sig->nr_threads : 0);
	seq_put_decimal_ull(m, " ", 0);		/* itrealvalue, always 0 */
	seq_put_decimal_ull(m, " ", nsec_to_clock_t(task->start_time));
}

/*
 * stat fields 23-29: vsize rss rsslim startcode endcode startstack
 * kstkesp kstkeip. A reader that may not inspect the process (permitted:
 * ptrace_may_access) sees 1 for the code addresses and 0 for the stack.
 */
static void stat_memory(struct seq_file *m, struct task_struct *task, struct mm_struct *mm,
			bool permitted)
{
	const struct signal_struct *sig = task->signal;

	seq_put_decimal_ull(m, " ", mm ? mm->total_vm << PAGE_SHIFT : 0);
	seq_put_decimal_ull(m, " ", mm ? get_mm_rss(mm) : 0);
	seq_put_decimal_ull(m, " ", sig ? sig->rlim[RLIMIT_RSS].rlim_cur : 0);
	seq_put_decimal_ull(m, " ", mm ? (permitted ? mm->start_code : 1) : 0);
	seq_put_decimal_ull(m, " ", mm ? (permitted ? mm->end_code : 1) : 0);
	seq_put_decimal_ull(m, " ", mm && permitted ? mm->start_stack : 0);
	seq_put_decimal_ull(m, " ", 0);		/* kstkesp: only while dumping core */
	seq_put_decimal_ull(m, " ", 0);		/* kstkeip */
}

/*
 * stat fields 31-44: the legacy signal masks (in decimal: status has
 * them whole), wchan nswap cnswap exit_signal processor rt_priority
 * policy delayacct_blkio_ticks guest_time cguest_time
 */
static void stat_signals_and_sched(struct seq_file *m, struct task_struct *task)
{
	sigset_t ign, catch;

	collect_sigign_sigcatch(task, &ign, &catch);
	seq_put_decimal_ull(m, " ", task->pending.signal.sig[0] & 0x7fffffffUL);
	seq_put_decimal_ull(m, " ", task->blocked.sig[0] & 0x7fffffffUL);
	seq_put_decimal_ull(m, " ", ign.sig[0] & 0x7fffffffUL);
	seq_put_decimal_ull(m, " ", catch.sig[0] & 0x7fffffffUL);
	seq_put_decimal_ull(m, " ", 0);		/* wchan */
	seq_put_decimal_ull(m, " ", 0);		/* nswap */
	seq_put_decimal_ull(m, " ", 0);		/* cnswap */
	seq_put_decimal_ll(m, " ", task->exit_signal);
	seq_put_decimal_ll(m, " ", 0);		/* processor */
	seq_put_decimal_ull(m, " ", 0);		/* rt_priority */
	seq_put_decimal_ull(m, " ", 0);		/* policy: SCHED_NORMAL */
	seq_put_decimal_ull(m, " ", 0);		/* delayacct_blkio_ticks */
	seq_put_decimal_ull(m, " ", 0);		/* guest_time */
	seq_put_decimal_ll(m, " ", 0);		/* cguest_time */
}

/*
 * The 52 fields of /proc/<pid>/stat (whole: the process's) or of
 * /proc/<pid>/task/<tid>/stat (the thread's). Linux: do_task_stat()
 */
static int do_task_stat(struct seq_file *m, struct task_struct *task, bool whole)
{
	struct mm_struct *mm = proc_mm_get(task);
	bool permitted = ptrace_may_access(task, PTRACE_MODE_READ_FSCREDS | PTRACE_MODE_NOAUDIT);
	int exit_code = task->exit_state ? task->exit_code : 0;

	/* Linux keeps a group stop's signal in group_exit_code too. */
	if (whole && task->signal && (task->signal->flags & SIGNAL_GROUP_EXIT))
		exit_code = task->signal->group_exit_code;
	else if (whole && task->signal && (task->signal->flags & SIGNAL_STOP_STOPPED))
		exit_code = task->signal->stop_code;
	stat_ids(m, task);
	stat_faults_and_times(m, task, whole);
	stat_memory(m, task, mm, permitted);
	stat_signals_and_sched(m, task);
	/* fields 45-51: start_data end_data start_brk arg_start arg_end env_start env_end */
	if (mm && permitted) {
		seq_put_decimal_ull(m, " ", mm->start_data);
		seq_put_decimal_ull(m, " ", mm->end_data);
		seq_put_decimal_ull(m, " ", mm->start_brk);
		seq_put_decimal_ull(m, " ", mm->arg_start);
		seq_put_decimal_ull(m, " ", mm->arg_end);
		seq_put_decimal_ull(m, " ", mm->env_start);
		seq_put_decimal_ull(m, " ", mm->env_end);
	} else {
		seq_puts(m, " 0 0 0 0 0 0 0");
	}
	if (mm)
		mmput(mm);
	/* field 52: the exit status, once it has exited (the process's, if whole) */
	seq_put_decimal_ll(m, " ", permitted ? exit_code : 0);
	seq_putc(m, '\n');
	return 0;
}

int proc_tgid_stat(struct seq_file *m, struct task_struct *task)
{
	return do_task_stat(m, task, true);
}

int proc_tid_stat(struct seq_file *m, struct task_struct *task)
{
	return do_task_stat(m, task, false);
}

/* size resident shared text lib data dt, in pages. Linux: proc_pid_statm() */
int proc_pid_statm(struct seq_file *m, struct task_struct *task)
{
	unsigned long size = 0, resident = 0, shared = 0, text = 0, data = 0;
	struct mm_struct *mm = proc_mm_get(task);

	if (mm) {
		size = task_statm(mm, &shared, &text, &data, &resident);
		mmput(mm);
	}
	seq_put_decimal_ull(m, "", size);
	seq_put_decimal_ull(m, " ", resident);
	seq_put_decimal_ull(m, " ", shared);
	seq_put_decimal_ull(m, " ", text);
	seq_put_decimal_ull(m, " ", 0);
	seq_put_decimal_ull(m, " ", data);
	seq_put_decimal_ull(m, " ", 0);
	seq_putc(m, '\n');
	return 0;
}
