// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/fail-nth and /proc/<pid>/task/<tid>/fail-nth: write N to
 * make the task's Nth allocation from now on fail (include/linux/
 * fault-inject.h); read back 0 once the failure has happened, or how
 * many allocations are still to come. A test walks N = 1, 2, 3, ...
 * through one system call until the read says the failure never came:
 * then every allocation in it has been failed once. Neither the read nor
 * the write allocates, so neither disturbs the count (the test opens the
 * file once, before it starts).
 * Linux: fs/proc/base.c proc_fail_nth_read(), proc_fail_nth_write(),
 * Documentation/fault-injection/fault-injection.rst
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/uio.h>
#include "internal.h"

static ssize_t proc_fail_nth_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct task_struct *task = get_proc_task(file_inode(iocb->ki_filp));
	char num[16];
	size_t len, n;

	if (!task)
		return -ESRCH;
	len = (size_t)snprintf(num, sizeof(num), "%u\n", task->fail_nth);
	put_task_struct(task);
	if (iocb->ki_pos >= (loff_t)len || !iov_iter_count(to))
		return 0;
	n = copy_to_iter(num + iocb->ki_pos, len - (size_t)iocb->ki_pos, to);
	if (!n)
		return -EFAULT;
	iocb->ki_pos += (loff_t)n;
	return (ssize_t)n;
}

/*
 * As Linux's kstrtouint_from_user: at most 34 bytes are looked at (sign,
 * 32 binary digits, newline), the rest ignored; the whole count is
 * taken.
 */
static ssize_t proc_fail_nth_write(struct kiocb *iocb, struct iov_iter *from)
{
	size_t count = iov_iter_count(from), len = min(count, (size_t)34);
	struct task_struct *task;
	unsigned long n;
	char buf[35] = { 0 };
	int err;

	if (copy_from_iter(buf, len, from) != len)
		return -EFAULT;
	err = kstrtoul(buf, 0, &n);
	if (err)
		return err;
	if (n > UINT_MAX)
		return -ERANGE;
	task = get_proc_task(file_inode(iocb->ki_filp));
	if (!task)
		return -ESRCH;
	task->fail_nth = (unsigned int)n;
	put_task_struct(task);
	return (ssize_t)count;
}

const struct file_operations proc_fail_nth_operations = {
	.read_iter = proc_fail_nth_read,
	.write_iter = proc_fail_nth_write,
	.llseek = generic_file_llseek,
};
