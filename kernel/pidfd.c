// SPDX-License-Identifier: GPL-2.0
/*
 * pidfds: a file descriptor that names one process, made by pidfd_open.
 * It polls readable once the process has exited, pidfd_send_signal
 * signals it without the race of a pid reused, and process_madvise and
 * process_mrelease (mm/) take it as their target.
 * Linux: kernel/pid.c pidfd_open(), kernel/fork.c pidfd_fops,
 * kernel/signal.c pidfd_send_signal()
 *
 * Faultline differs: it has no struct pid. A pidfd holds the process's
 * task_struct, which its reference keeps after the process is reaped;
 * a reaped task has no signal_struct any more (as procfs tells), which
 * is when Linux's pid has no task. And one wait queue serves every
 * pidfd (Linux: one per struct pid): an exit wakes all pollers, and
 * each poll checks its own process again.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/poll.h>
#include <linux/wait.h>
#include <linux/seq_file.h>
#include <linux/anon_inodes.h>
#include <linux/pid.h>
#include <linux/syscalls.h>

static DECLARE_WAIT_QUEUE_HEAD(pidfd_wait);
static const struct file_operations pidfd_fops;

/* Reaped: wait4 (or an ignored SIGCHLD) released it. Linux: !pid_has_task() */
static bool task_reaped(const struct task_struct *task)
{
	return !task->signal;
}

/*
 * The process exited: reaped, or a zombie with no thread left (a leader
 * that exited before its threads does not count). Linux: thread_group_exited()
 */
static bool thread_group_exited(const struct task_struct *task)
{
	return task_reaped(task) || (READ_ONCE(task->exit_state) && thread_group_empty(task));
}

/* Called as the process tells its parent it exited. Linux: do_notify_pidfd() */
void do_notify_pidfd(struct task_struct *task)
{
	wake_up_all(&pidfd_wait);
}

/* Linux: pidfd_poll(): readable once the process has exited */
static __poll_t pidfd_poll(struct file *file, struct poll_table_struct *pts)
{
	struct task_struct *task = file->private_data;

	poll_wait(file, &pidfd_wait, pts);
	return thread_group_exited(task) ? EPOLLIN | EPOLLRDNORM : 0;
}

/*
 * /proc/<pid>/fdinfo's lines for a pidfd: the pid, -1 once reaped, and
 * the same in NSpid (one pid namespace). Linux: pidfd_show_fdinfo()
 */
static void pidfd_show_fdinfo(struct seq_file *m, struct file *file)
{
	struct task_struct *task = file->private_data;
	pid_t nr = task_reaped(task) ? -1 : task->pid;

	seq_put_decimal_ll(m, "Pid:\t", nr);
	seq_put_decimal_ll(m, "\nNSpid:\t", nr);
	seq_putc(m, '\n');
}

static int pidfd_release(struct inode *inode, struct file *file)
{
	put_task_struct(file->private_data);
	file->private_data = NULL;
	return 0;
}

static const struct file_operations pidfd_fops = {
	.release = pidfd_release,
	.poll = pidfd_poll,
	.show_fdinfo = pidfd_show_fdinfo,
};

/*
 * The process a pidfd names, with a reference, and the pidfd's flags:
 * -EBADF if fd is not a pidfd, -ESRCH once the process is reaped.
 * Linux: pidfd_get_task()
 */
struct task_struct *pidfd_get_task(int pidfd, unsigned int *flags)
{
	struct file *file = pidfd >= 0 ? fget((unsigned int)pidfd) : NULL;
	struct task_struct *task;

	if (!file)
		return ERR_PTR(-EBADF);
	if (file->f_op != &pidfd_fops) {
		fput(file);
		return ERR_PTR(-EBADF);
	}
	task = file->private_data;
	*flags = file->f_flags;
	fput(file);
	if (task_reaped(task))
		return ERR_PTR(-ESRCH);
	get_task_struct(task);
	return task;
}

/*
 * A new close-on-exec pidfd for task, a thread-group leader.
 * Linux: pidfd_create(), __pidfd_prepare()
 */
static int pidfd_create(struct task_struct *task, unsigned int flags)
{
	int fd = get_unused_fd_flags(O_RDWR | O_CLOEXEC);
	struct file *file;

	if (fd < 0)
		return fd;
	file = anon_inode_getfile("[pidfd]", &pidfd_fops, task, (int)(flags | O_RDWR | O_CLOEXEC));
	if (IS_ERR(file)) {
		put_unused_fd((unsigned int)fd);
		return (int)PTR_ERR(file);
	}
	get_task_struct(task);	/* the file's, until pidfd_release */
	fd_install((unsigned int)fd, file);
	return fd;
}

/*
 * A pidfd for process pid (a zombie too): EINVAL for flags other than
 * PIDFD_NONBLOCK, a pid <= 0 or a thread that does not lead its group,
 * ESRCH for no such process. Linux: SYSCALL_DEFINE2(pidfd_open)
 * (Faultline differs: a number that is only a process group's or a
 * session's is ESRCH here, EINVAL in Linux, which finds its struct pid)
 */
SYSCALL_DEFINE2(pidfd_open, pid_t, pid, unsigned int, flags)
{
	struct task_struct *task;

	if (flags & ~PIDFD_NONBLOCK)
		return -EINVAL;
	if (pid <= 0)
		return -EINVAL;
	task = find_task_by_vpid(pid);
	if (!task || (task->flags & PF_IDLE))
		return -ESRCH;
	if (task->pid != task->tgid)
		return -EINVAL;
	return pidfd_create(task, flags);
}

/*
 * The siginfo pidfd_send_signal sends: kill's, or the caller's own,
 * which may claim to come from kill or tkill only when sent to the
 * caller itself (rt_sigqueueinfo's rule). Linux: the middle of
 * SYSCALL_DEFINE4(pidfd_send_signal)
 */
static int pidfd_siginfo(struct task_struct *task, int sig, const void __user *info,
			 struct kernel_siginfo *kinfo)
{
	int ret;

	if (!info) {
		prepare_kill_siginfo(sig, kinfo, SI_USER);
		return 0;
	}
	ret = copy_siginfo_from_user(kinfo, info);
	if (ret)
		return ret;
	if (sig != kinfo->si_signo)
		return -EINVAL;
	if (task != current->group_leader && (kinfo->si_code >= 0 || kinfo->si_code == SI_TKILL))
		return -EPERM;
	return 0;
}

/*
 * Signal the process a pidfd names, as kill(pid, sig) would: ESRCH once
 * it is reaped, EPERM where kill would refuse, 0 for a zombie (which
 * ignores it).
 * Linux: SYSCALL_DEFINE4(pidfd_send_signal), kill_pid_info()
 * (Faultline differs: a file of /proc/<pid> is not taken as a pidfd: EBADF)
 */
SYSCALL_DEFINE4(pidfd_send_signal, int, pidfd, int, sig, const void __user *, info,
		unsigned int, flags)
{
	struct file *file;
	struct task_struct *task;
	struct kernel_siginfo kinfo;
	long ret;

	if (flags)
		return -EINVAL;
	file = pidfd >= 0 ? fget((unsigned int)pidfd) : NULL;
	if (!file)
		return -EBADF;
	ret = -EBADF;
	if (file->f_op != &pidfd_fops)
		goto out;
	task = file->private_data;
	ret = pidfd_siginfo(task, sig, info, &kinfo);
	if (ret)
		goto out;
	ret = -ESRCH;
	if (task_reaped(task))
		goto out;
	ret = -EINVAL;
	if (!valid_signal((unsigned long)sig) || sig < 0)
		goto out;
	/* For the whole process; an exited one drops it (prepare_signal). */
	ret = group_send_sig_info(sig, &kinfo, task, PIDTYPE_TGID);
out:
	fput(file);
	return ret;
}
