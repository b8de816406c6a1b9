// SPDX-License-Identifier: GPL-2.0
/*
 * poll, ppoll, select, pselect6: wait until one of several files is
 * ready. Linux: fs/select.c
 *
 * One pass asks every file's poll method what is ready and, the first
 * time, queues an entry on each wait queue it names. If nothing is
 * ready, the task sleeps; any of those queues (or the timeout, or a
 * signal) wakes it, and it asks again. The entries are dequeued at the end.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/poll.h>
#include <linux/fdtable.h>
#include <linux/timer.h>
#include <linux/time64.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

struct poll_table_entry {
	struct file *filp;
	struct wait_queue_entry wait;
	struct wait_queue_head *wait_address;
};

/* The waits of one poll call (Linux: struct poll_wqueues, simplified). */
struct poll_wqueues {
	poll_table pt;
	struct task_struct *polling_task;
	bool triggered;
	int error;
	int nr_entries, max_entries;
	struct poll_table_entry *entries;
};

static int pollwake(struct wait_queue_entry *wait, unsigned int mode, int sync, void *key)
{
	struct poll_wqueues *pwq = wait->private;

	pwq->triggered = true;
	return wake_up_process(pwq->polling_task);
}

static void __pollwait(struct file *filp, struct wait_queue_head *wait_address, poll_table *p)
{
	struct poll_wqueues *pwq = container_of(p, struct poll_wqueues, pt);
	struct poll_table_entry *entry;

	if (pwq->nr_entries == pwq->max_entries) {
		int n = pwq->max_entries ? 2 * pwq->max_entries : 16;
		struct poll_table_entry *e = kcalloc((size_t)n, sizeof(*e), GFP_KERNEL);

		if (!e) {
			pwq->error = -ENOMEM;
			return;
		}
		/* Entries are on wait queues: move them by re-queueing. */
		for (int i = 0; i < pwq->nr_entries; i++) {
			remove_wait_queue(pwq->entries[i].wait_address, &pwq->entries[i].wait);
			e[i] = pwq->entries[i];
			INIT_LIST_HEAD(&e[i].wait.entry);
			add_wait_queue(e[i].wait_address, &e[i].wait);
		}
		kfree(pwq->entries);
		pwq->entries = e;
		pwq->max_entries = n;
	}
	entry = &pwq->entries[pwq->nr_entries++];
	entry->filp = get_file(filp);
	entry->wait_address = wait_address;
	entry->wait.flags = 0;
	entry->wait.private = pwq;
	entry->wait.func = pollwake;
	INIT_LIST_HEAD(&entry->wait.entry);
	add_wait_queue(wait_address, &entry->wait);
}

static void poll_initwait(struct poll_wqueues *pwq)
{
	memset(pwq, 0, sizeof(*pwq));
	pwq->pt._qproc = __pollwait;
	pwq->polling_task = current;
}

static void poll_freewait(struct poll_wqueues *pwq)
{
	for (int i = 0; i < pwq->nr_entries; i++) {
		remove_wait_queue(pwq->entries[i].wait_address, &pwq->entries[i].wait);
		fput(pwq->entries[i].filp);
	}
	kfree(pwq->entries);
}

/*
 * Sleep until woken or the deadline (monotonic ns, 0: none) passes.
 * Returns false when the time is up. Linux: poll_schedule_timeout()
 */
static bool poll_schedule_timeout(struct poll_wqueues *pwq, u64 deadline)
{
	long timeout = MAX_SCHEDULE_TIMEOUT;

	if (deadline) {
		u64 now = ktime_get_ns();

		if (now >= deadline)
			return false;
		timeout = (long)nsecs_to_jiffies(deadline - now);
	}
	set_current_state(TASK_INTERRUPTIBLE);
	if (!pwq->triggered)
		schedule_timeout(timeout);
	__set_current_state(TASK_RUNNING);
	pwq->triggered = false;
	return true;
}

struct pollfd {
	int fd;
	short events;
	short revents;
};

/* One descriptor's ready events, masked by what was asked. Linux: do_pollfd() */
static __poll_t do_pollfd(struct pollfd *pollfd, poll_table *pwait)
{
	__poll_t mask, filter = (__poll_t)(u16)pollfd->events | EPOLLERR | EPOLLHUP;
	struct file *f;

	if (pollfd->fd < 0)
		return 0;
	f = fget((unsigned int)pollfd->fd);
	if (!f)
		return EPOLLNVAL;
	if (pwait)
		pwait->_key = filter;
	mask = vfs_poll(f, pwait) & filter;
	fput(f);
	return mask;
}

static int do_poll(struct pollfd *fds, unsigned int nfds, struct poll_wqueues *wait,
		   u64 deadline, bool no_wait)
{
	poll_table *pt = &wait->pt;
	int count;

	for (;;) {
		count = 0;
		for (unsigned int i = 0; i < nfds; i++) {
			fds[i].revents = (short)do_pollfd(&fds[i], pt);
			if (fds[i].revents)
				count++;
		}
		pt->_qproc = NULL;	/* queued once is enough */
		if (count || wait->error)
			break;
		/* Nothing ready: a pending signal wins, even with a zero timeout. */
		if (signal_pending(current))
			return -ERESTARTNOHAND;
		if (no_wait)
			break;
		if (!poll_schedule_timeout(wait, deadline))
			break;
	}
	return wait->error ? wait->error : count;
}

/* deadline: monotonic ns to give up at (0: never); no_wait for a zero timeout. */
static int do_sys_poll(struct pollfd __user *ufds, unsigned int nfds, u64 deadline,
		       bool no_wait)
{
	struct poll_wqueues table;
	struct pollfd *fds;
	int fdcount;

	if (nfds > rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	fds = kcalloc(nfds ? nfds : 1, sizeof(*fds), GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	if (copy_from_user(fds, ufds, nfds * sizeof(*fds))) {
		kfree(fds);
		return -EFAULT;
	}
	poll_initwait(&table);
	fdcount = do_poll(fds, nfds, &table, deadline, no_wait);
	poll_freewait(&table);
	for (unsigned int i = 0; fdcount >= 0 && i < nfds; i++)
		if (put_user(fds[i].revents, &ufds[i].revents))
			fdcount = -EFAULT;
	kfree(fds);
	return fdcount;
}

static u64 deadline_after(u64 ns)
{
	return ktime_get_ns() + ns;
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds, int, timeout_msecs)
{
	u64 deadline = 0;

	if (timeout_msecs > 0)
		deadline = deadline_after((u64)timeout_msecs * NSEC_PER_MSEC);
	return do_sys_poll(ufds, nfds, deadline, timeout_msecs == 0);
}

/*
 * Replace the signal mask for the duration (ppoll, pselect6); if the
 * call is interrupted, the old mask comes back only after the handler's
 * frame is built (restore_sigmask), so the handler runs under the
 * temporary one. Linux: set_user_sigmask() / poll_select_finish()
 */
static int set_user_sigmask(const sigset_t __user *umask, size_t sigsetsize)
{
	sigset_t kmask;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&kmask, umask, sizeof(sigset_t)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	current->restore_sigmask = true;
	set_current_blocked(&kmask);
	return 0;
}

/*
 * Interrupted (-ERESTARTNOHAND): the temporary mask stays until the
 * handler's frame is built; otherwise it goes now. Linux writes the time
 * left back into the caller's timeout; here a restarted call (no handler
 * ran) starts its timeout afresh.
 */
static long poll_select_finish(long ret)
{
	if (ret != -ERESTARTNOHAND)
		restore_saved_sigmask();
	return ret;
}

/* A timespec timeout: its deadline, or an error for a bad one. */
static int timespec_deadline(const struct __kernel_timespec __user *tsp, u64 *deadline,
			     bool *no_wait)
{
	struct __kernel_timespec ts;
	struct timespec64 t;

	*deadline = 0;
	*no_wait = false;
	if (!tsp)
		return 0;
	if (copy_from_user(&ts, tsp, sizeof(ts)))
		return -EFAULT;
	t.tv_sec = ts.tv_sec;
	t.tv_nsec = (long)ts.tv_nsec;
	if (!timespec64_valid(&t))
		return -EINVAL;
	if (!t.tv_sec && !t.tv_nsec)
		*no_wait = true;
	else
		*deadline = deadline_after((u64)timespec64_to_ns(&t));
	return 0;
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		struct __kernel_timespec __user *, tsp, const sigset_t __user *, sigmask,
		size_t, sigsetsize)
{
	u64 deadline;
	bool no_wait;
	int ret = timespec_deadline(tsp, &deadline, &no_wait);

	if (ret)
		return ret;
	ret = set_user_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	return poll_select_finish(do_sys_poll(ufds, nfds, deadline, no_wait));
}

/* --- select --- */

#define __NFDBITS	64
#define POLLIN_SET	(EPOLLRDNORM | EPOLLRDBAND | EPOLLIN | EPOLLHUP | EPOLLERR)
#define POLLOUT_SET	(EPOLLWRBAND | EPOLLWRNORM | EPOLLOUT | EPOLLERR)
#define POLLEX_SET	(EPOLLPRI)

struct fd_sets {
	unsigned long *in, *out, *ex, *res_in, *res_out, *res_ex;
};

static bool fd_isset(const unsigned long *set, int fd)
{
	return set[fd / __NFDBITS] & (1UL << (fd % __NFDBITS));
}

static void fd_set_bit(unsigned long *set, int fd)
{
	set[fd / __NFDBITS] |= 1UL << (fd % __NFDBITS);
}

/* One pass over the descriptors in the sets; the number found ready. */
static int select_pass(int n, struct fd_sets *fds, poll_table *pt)
{
	int retval = 0;

	for (int fd = 0; fd < n; fd++) {
		bool in = fd_isset(fds->in, fd), out = fd_isset(fds->out, fd);
		bool ex = fd_isset(fds->ex, fd);
		struct file *f;
		__poll_t mask;

		if (!in && !out && !ex)
			continue;
		f = fget((unsigned int)fd);
		if (!f)
			return -EBADF;
		if (pt)
			pt->_key = (in ? POLLIN_SET : 0) | (out ? POLLOUT_SET : 0) |
				   (ex ? POLLEX_SET : 0);
		mask = vfs_poll(f, pt);
		fput(f);
		if (in && (mask & POLLIN_SET)) {
			fd_set_bit(fds->res_in, fd);
			retval++;
		}
		if (out && (mask & POLLOUT_SET)) {
			fd_set_bit(fds->res_out, fd);
			retval++;
		}
		if (ex && (mask & POLLEX_SET)) {
			fd_set_bit(fds->res_ex, fd);
			retval++;
		}
	}
	return retval;
}

static int do_select(int n, struct fd_sets *fds, u64 deadline, bool no_wait)
{
	struct poll_wqueues table;
	poll_table *pt = &table.pt;
	int retval;

	poll_initwait(&table);
	for (;;) {
		retval = select_pass(n, fds, pt);
		pt->_qproc = NULL;
		if (retval || table.error)
			break;
		if (signal_pending(current)) {	/* before the zero timeout, as Linux */
			retval = -ERESTARTNOHAND;
			break;
		}
		if (no_wait)
			break;
		if (!poll_schedule_timeout(&table, deadline))
			break;
	}
	poll_freewait(&table);
	return table.error ? table.error : retval;
}

/* Linux: core_sys_select() */
static int core_sys_select(int n, unsigned long __user *inp, unsigned long __user *outp,
			   unsigned long __user *exp, u64 deadline, bool no_wait)
{
	size_t size, words;
	struct fd_sets fds;
	unsigned long *bits;
	int ret;

	if (n < 0)
		return -EINVAL;
	if ((unsigned long)n > current->files->fdt.max_fds)
		n = (int)current->files->fdt.max_fds;
	words = DIV_ROUND_UP((size_t)n, __NFDBITS);
	size = words * sizeof(unsigned long);
	bits = kzalloc(6 * size + 1, GFP_KERNEL);
	if (!bits)
		return -ENOMEM;
	fds.in = bits;
	fds.out = bits + words;
	fds.ex = bits + 2 * words;
	fds.res_in = bits + 3 * words;
	fds.res_out = bits + 4 * words;
	fds.res_ex = bits + 5 * words;
	ret = -EFAULT;
	if ((inp && copy_from_user(fds.in, inp, size)) ||
	    (outp && copy_from_user(fds.out, outp, size)) ||
	    (exp && copy_from_user(fds.ex, exp, size)))
		goto out;
	ret = do_select(n, &fds, deadline, no_wait);
	if (ret < 0)
		goto out;
	if ((inp && copy_to_user(inp, fds.res_in, size)) ||
	    (outp && copy_to_user(outp, fds.res_out, size)) ||
	    (exp && copy_to_user(exp, fds.res_ex, size)))
		ret = -EFAULT;
out:
	kfree(bits);
	return ret;
}

SYSCALL_DEFINE5(select, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct __kernel_old_timeval __user *, tvp)
{
	struct __kernel_old_timeval tv;
	u64 deadline = 0;
	bool no_wait = false;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
			return -EINVAL;
		if (!tv.tv_sec && !tv.tv_usec)
			no_wait = true;
		else
			deadline = deadline_after((u64)tv.tv_sec * NSEC_PER_SEC +
						  (u64)tv.tv_usec * NSEC_PER_USEC);
	}
	return core_sys_select(n, inp, outp, exp, deadline, no_wait);
}

/* pselect6's last argument: { const sigset_t *ss; size_t ss_len; }. */
struct sigset_argpack {
	sigset_t __user *p;
	size_t size;
};

SYSCALL_DEFINE6(pselect6, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct __kernel_timespec __user *, tsp,
		void __user *, sig)
{
	struct sigset_argpack x = { NULL, 0 };
	u64 deadline;
	bool no_wait;
	int ret = timespec_deadline(tsp, &deadline, &no_wait);

	if (ret)
		return ret;
	if (sig && copy_from_user(&x, sig, sizeof(x)))
		return -EFAULT;
	ret = set_user_sigmask(x.p, x.size);
	if (ret)
		return ret;
	return poll_select_finish(core_sys_select(n, inp, outp, exp, deadline, no_wait));
}
