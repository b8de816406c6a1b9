// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>: one directory per process, its files in Linux's order.
 * Linux: fs/proc/base.c
 *
 * The files that print one record (status, stat, statm, comm, mounts)
 * go through proc_single_file_operations; maps, smaps, smaps_rollup and
 * pagemap are in task_mmu.c, the fd directory in fd.c; cmdline, environ
 * and auxv read the process's memory as Linux does; exe, cwd and root
 * are magic links: following one goes to the object itself, even if it
 * was unlinked.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs_struct.h>
#include <linux/fcntl.h>
#include <linux/cred.h>
#include <linux/ptrace.h>
#include <linux/sched/coredump.h>
#include <asm/uaccess.h>
#include "internal.h"

/*
 * The task's mm with a user reference (mmput when done), or NULL for a
 * kernel thread or a process that has exited. Linux: get_task_mm()
 */
struct mm_struct *proc_mm_get(struct task_struct *task)
{
	return get_task_mm(task);
}

/*
 * The mm of the process an inode is about, pinned (mmgrab: the struct
 * stays, mmdrop when done) for a file that reads it later, if the opener
 * may inspect it in mode (PTRACE_MODE_READ or _ATTACH; with the file
 * system ids, as a file is being opened): NULL for a process without
 * one (a zombie), ERR_PTR(-ESRCH) once it is reaped, ERR_PTR(-EACCES)
 * when the opener may not look. Linux: proc_mem_open()
 */
struct mm_struct *proc_mem_open(struct inode *inode, unsigned int mode)
{
	struct task_struct *task = get_proc_task(inode);
	struct mm_struct *mm;

	if (!task)
		return ERR_PTR(-ESRCH);
	mm = mm_access(task, mode | PTRACE_MODE_FSCREDS);
	put_task_struct(task);
	if (IS_ERR(mm))
		return mm == ERR_PTR(-ESRCH) ? NULL : mm;
	mmgrab(mm);
	mmput(mm);
	return mm;
}

/*
 * Who owns a /proc/<pid> file: the task's effective ids, or root when
 * the process is not dumpable (it changed ids) or has no mm (a zombie),
 * except the directories (mode 0555), which always show the euid for
 * ps. Kernel threads are root's. Linux: task_dump_owner()
 */
void task_dump_owner(struct task_struct *task, umode_t mode, uid_t *ruid, gid_t *rgid)
{
	const struct cred *cred = __task_cred(task);

	*ruid = GLOBAL_ROOT_UID;
	*rgid = GLOBAL_ROOT_GID;
	if (task->flags & PF_KTHREAD)
		return;
	if (mode != (S_IFDIR | S_IRUGO | S_IXUGO) &&
	    (!task->mm || get_dumpable(task->mm) != SUID_DUMP_USER))
		return;
	*ruid = cred->euid;
	*rgid = cred->egid;
}

/*
 * May the opener see this file's process's secrets (the links, auxv)?
 * Linux: proc_fd_access_allowed() and the *_open()s that call __mem_open()
 */
int proc_task_access(struct inode *inode, unsigned int mode)
{
	struct mm_struct *mm = proc_mem_open(inode, mode);

	if (IS_ERR(mm))
		return (int)PTR_ERR(mm);
	if (mm)
		mmdrop(mm);
	return 0;
}

/*
 * lseek of files indexed by address (pagemap) or frame (kpage*): any
 * offset, from the start or from here. Linux: mem_lseek()
 */
loff_t mem_lseek(struct file *file, loff_t offset, int whence)
{
	switch (whence) {
	case SEEK_SET:
		file->f_pos = offset;
		break;
	case SEEK_CUR:
		file->f_pos += offset;
		break;
	default:
		return -EINVAL;
	}
	return file->f_pos;
}

/* --- the magic links --- */

static int proc_exe_link(struct task_struct *task, struct path *path)
{
	struct mm_struct *mm = proc_mm_get(task);
	int err = -ENOENT;

	if (!mm)
		return err;
	if (mm->exe_file) {
		*path = mm->exe_file->f_path;
		path_get(path);
		err = 0;
	}
	mmput(mm);
	return err;
}

static int proc_cwd_link(struct task_struct *task, struct path *path)
{
	if (!task->fs)
		return -ENOENT;
	*path = task->fs->pwd;
	path_get(path);
	return 0;
}

static int proc_root_link(struct task_struct *task, struct path *path)
{
	if (!task->fs)
		return -ENOENT;
	*path = task->fs->root;
	path_get(path);
	return 0;
}

/* --- comm --- */

static int proc_comm_show(struct seq_file *m, struct task_struct *task)
{
	seq_puts(m, task->comm);
	seq_putc(m, '\n');
	return 0;
}

/*
 * Only a process may rename itself; the name is cut at TASK_COMM_LEN - 1
 * bytes and the whole write is reported done. Linux: comm_write()
 */
static ssize_t proc_comm_write(struct task_struct *task, const char *buf, size_t count)
{
	if (task->tgid != current->tgid)
		return -EINVAL;
	memset(task->comm, 0, sizeof(task->comm));
	memcpy(task->comm, buf, min(count, sizeof(task->comm) - 1));
	return (ssize_t)count;
}

/* --- cmdline, environ, auxv, mem: the process's memory --- */

/*
 * Read [start, end) of the process's memory (mm, which the caller holds
 * a user reference on) at *ppos; end is cut at the first NUL past it
 * when the area's last byte was overwritten (as setproctitle() does:
 * cmdline only). Linux: get_mm_cmdline(), environ_read()
 */
static ssize_t read_mm_area(struct kiocb *iocb, struct iov_iter *to, struct mm_struct *mm,
			    bool cmdline)
{
	unsigned long start, end, pos;
	size_t count = iov_iter_count(to);
	ssize_t done = 0;
	char *page = kmalloc(PAGE_SIZE, GFP_KERNEL);

	if (!page)
		return -ENOMEM;
	start = cmdline ? mm->arg_start : mm->env_start;
	end = cmdline ? mm->arg_end : mm->env_end;
	if (cmdline && start < end) {
		char c;

		/* Overwritten past its end: a title, up to its first NUL, within a page. */
		if (access_remote_vm(mm, end - 1, &c, 1, FOLL_ANON) == 1 && c) {
			int n = access_remote_vm(mm, start, page, PAGE_SIZE, FOLL_ANON);

			end = start + strnlen(page, n);
		}
	}
	pos = (unsigned long)iocb->ki_pos;
	while (count && start < end && pos < end - start) {
		int chunk = (int)min3(count, (size_t)PAGE_SIZE, (size_t)(end - start - pos));
		int got = access_remote_vm(mm, start + pos, page, chunk, FOLL_ANON);

		if (got <= 0)
			break;
		if (copy_to_iter(page, got, to) != (size_t)got) {
			if (!done)
				done = -EFAULT;
			break;
		}
		done += got;
		pos += got;
		count -= got;
		if (got < chunk)
			break;
	}
	if (done > 0)
		iocb->ki_pos += done;
	kfree(page);
	return done;
}

/* Anyone may read a process's command line (no access check). */
static ssize_t proc_cmdline_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct task_struct *task = get_proc_task(file_inode(iocb->ki_filp));
	struct mm_struct *mm;
	ssize_t ret;

	if (!task)
		return -ESRCH;
	mm = proc_mm_get(task);
	put_task_struct(task);
	if (!mm)
		return 0;
	ret = read_mm_area(iocb, to, mm, true);
	mmput(mm);
	return ret;
}

static const struct file_operations proc_pid_cmdline_ops = {
	.read_iter = proc_cmdline_read,
	.llseek = generic_file_llseek,
};

/*
 * environ, mem and pagemap keep the mm they were opened on (pinned),
 * checked then: PTRACE_MODE_READ for environ and pagemap, _ATTACH for
 * mem. Linux: __mem_open()
 */
int __mem_open(struct inode *inode, struct file *file, unsigned int mode)
{
	struct mm_struct *mm = proc_mem_open(inode, mode);

	if (IS_ERR(mm))
		return (int)PTR_ERR(mm);
	file->private_data = mm;
	return 0;
}

int mem_release(struct inode *inode, struct file *file)
{
	struct mm_struct *mm = file->private_data;

	if (mm)
		mmdrop(mm);
	return 0;
}

static int environ_open(struct inode *inode, struct file *file)
{
	return __mem_open(inode, file, PTRACE_MODE_READ);
}

static ssize_t proc_environ_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct mm_struct *mm = iocb->ki_filp->private_data;
	ssize_t ret;

	if (!mm || !mm->env_end || !mmget_not_zero(mm))
		return 0;
	ret = read_mm_area(iocb, to, mm, false);
	mmput(mm);
	return ret;
}

static const struct file_operations proc_environ_operations = {
	.open = environ_open,
	.read_iter = proc_environ_read,
	.llseek = generic_file_llseek,
	.release = mem_release,
};

/* --- mem: the process's memory at its addresses --- */

/*
 * The mm, held (mmgrab) while the file is open, if the opener may
 * change the process's memory (PTRACE_MODE_ATTACH). Linux: mem_open()
 */
static int mem_open(struct inode *inode, struct file *file)
{
	int err = __mem_open(inode, file, PTRACE_MODE_ATTACH);

	if (err)
		return err;
	/* Addresses: offsets up to 2^64 - 1. */
	file->f_mode |= FMODE_UNSIGNED_OFFSET;
	return 0;
}

/*
 * Copy between the caller and the process's memory at the file offset
 * (the address), a page at a time, forced as ptrace is: a write into a
 * read-only private mapping goes into a private copy (COW), as in Linux.
 * EIO if not even the first byte can be reached. Linux: mem_rw()
 */
static ssize_t mem_rw(struct kiocb *iocb, struct iov_iter *iter, bool write)
{
	struct mm_struct *mm = iocb->ki_filp->private_data;
	unsigned int flags = FOLL_FORCE | (write ? FOLL_WRITE : 0);
	unsigned long addr = (unsigned long)iocb->ki_pos;
	size_t count = iov_iter_count(iter);
	ssize_t copied = 0;
	char *page;

	if (!mm)
		return 0;
	page = (char *)__get_free_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	if (!mmget_not_zero(mm))
		goto free;
	while (count > 0) {
		int this_len = (int)min(count, (size_t)PAGE_SIZE);

		if (write && copy_from_iter(page, this_len, iter) != (size_t)this_len) {
			copied = -EFAULT;
			break;
		}
		this_len = access_remote_vm(mm, addr, page, this_len, flags);
		if (!this_len) {
			if (!copied)
				copied = -EIO;
			break;
		}
		if (!write && copy_to_iter(page, this_len, iter) != (size_t)this_len) {
			copied = -EFAULT;
			break;
		}
		addr += this_len;
		copied += this_len;
		count -= this_len;
	}
	iocb->ki_pos = (loff_t)addr;
	mmput(mm);
free:
	free_page((unsigned long)page);
	return copied;
}

static ssize_t mem_read(struct kiocb *iocb, struct iov_iter *to)
{
	return mem_rw(iocb, to, false);
}

static ssize_t mem_write(struct kiocb *iocb, struct iov_iter *from)
{
	return mem_rw(iocb, from, true);
}

static const struct file_operations proc_mem_operations = {
	.open = mem_open,
	.read_iter = mem_read,
	.write_iter = mem_write,
	.llseek = mem_lseek,
	.release = mem_release,
};

/* The saved auxiliary vector, pairs up to and with AT_NULL. Linux: proc_pid_auxv() */
static int proc_pid_auxv(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = proc_mm_get(task);
	unsigned int nwords = 0;

	if (!mm)
		return 0;
	do {
		nwords += 2;
	} while (mm->saved_auxv[nwords - 2] != 0 && nwords < AT_VECTOR_SIZE);
	seq_write(m, mm->saved_auxv, nwords * sizeof(mm->saved_auxv[0]));
	mmput(mm);
	return 0;
}

static int proc_pid_mounts(struct seq_file *m, struct task_struct *task)
{
	return mounts_show(m, NULL);
}

#define REG(name, mode, fops)	{ name, S_IFREG | (mode), fops }
#define ONE(name, mode, show)	{ name, S_IFREG | (mode), &proc_single_file_operations, show }
#define ONE_CHECKED(name, mode, show, check)	\
	{ name, S_IFREG | (mode), &proc_single_file_operations, show, .ptrace_mode = (check) }
#define LNK(name, get)		{ name, S_IFLNK | 0777, NULL, NULL, get }
#define DIR(name, mode, iops, fops)	{ name, S_IFDIR | (mode), fops, .iop = iops }

/*
 * The files of one task, in Linux's order (tgid_base_stuff after "task",
 * and tid_base_stuff: of the files Faultline has, the two list the same
 * names in the same order), stat being the process's in /proc/<pid> and
 * the thread's in /proc/<pid>/task/<tid>.
 */
#define TASK_FILES(stat_show)							\
	DIR("fd", 0500, &proc_fd_inode_operations, &proc_fd_operations),	\
	DIR("fdinfo", 0555, &proc_fdinfo_inode_operations, &proc_fdinfo_operations), \
	REG("environ", 0400, &proc_environ_operations),				\
	ONE_CHECKED("auxv", 0400, proc_pid_auxv, PTRACE_MODE_READ_FSCREDS),	\
	ONE("status", 0444, proc_pid_status),					\
	{ "comm", S_IFREG | 0644, &proc_single_file_operations, proc_comm_show,	\
	  NULL, proc_comm_write },						\
	REG("cmdline", 0444, &proc_pid_cmdline_ops),				\
	ONE("stat", 0444, stat_show),						\
	ONE("statm", 0444, proc_pid_statm),					\
	REG("maps", 0444, &proc_pid_maps_operations),				\
	REG("mem", 0600, &proc_mem_operations),					\
	LNK("cwd", proc_cwd_link),						\
	LNK("root", proc_root_link),						\
	LNK("exe", proc_exe_link),						\
	ONE("mounts", 0444, proc_pid_mounts),					\
	REG("clear_refs", 0200, &proc_clear_refs_operations),			\
	REG("smaps", 0444, &proc_pid_smaps_operations),				\
	REG("smaps_rollup", 0444, &proc_pid_smaps_rollup_operations),		\
	REG("pagemap", 0400, &proc_pagemap_operations),				\
	ONE("oom_score", 0444, proc_oom_score),					\
	{ "oom_adj", S_IFREG | 0644, &proc_single_file_operations, proc_oom_adj_show, \
	  NULL, proc_oom_adj_write },						\
	{ "oom_score_adj", S_IFREG | 0644, &proc_single_file_operations,	\
	  proc_oom_score_adj_show, NULL, proc_oom_score_adj_write },		\
	REG("fail-nth", 0644, &proc_fail_nth_operations),			\
	/* Faultline's own (fs/proc/faulttrace.c, pagetable.c): not in Linux */	\
	{ "faulttrace", S_IFREG | 0644, &proc_single_file_operations, faulttrace_show, \
	  NULL, faulttrace_write },						\
	ONE_CHECKED("pagetable", 0400, proc_pid_pagetable, PTRACE_MODE_READ_FSCREDS)

static const struct proc_entry tgid_base_stuff[] = {
	DIR("task", 0555, &proc_task_inode_operations, &proc_task_operations),
	TASK_FILES(proc_tgid_stat),
};

/* /proc/<pid>/task/<tid>: the same files, of one thread. */
static const struct proc_entry tid_base_stuff[] = {
	TASK_FILES(proc_tid_stat),
};

#define NR_TID_ENTRIES		((int)ARRAY_SIZE(tid_base_stuff))

/* The entry of ents dentry names, made for dir's task. Linux: proc_pident_lookup() */
int proc_pident_lookup(struct inode *dir, struct dentry *dentry,
		       const struct proc_entry *ents, int n)
{
	const struct proc_entry *e = proc_find_entry(ents, n, dentry);
	struct task_struct *task;
	int err;

	if (!e)
		return -ENOENT;
	task = get_proc_task(dir);
	if (!task)
		return -ENOENT;
	err = proc_fill_entry(dentry, task, e);
	put_task_struct(task);
	return err;
}

/* ".", "..", then the entries. Linux: proc_pident_readdir() */
int proc_pident_readdir(struct file *file, struct dir_context *ctx,
			const struct proc_entry *ents, int n)
{
	struct task_struct *task = get_proc_task(file_inode(file));

	if (!task)
		return -ENOENT;
	put_task_struct(task);
	if (proc_emit_dots(file, ctx))
		proc_emit_entries(ctx, ents, n, 2);
	return 0;
}

static int proc_tgid_base_lookup(struct inode *dir, struct dentry *dentry)
{
	return proc_pident_lookup(dir, dentry, tgid_base_stuff, (int)ARRAY_SIZE(tgid_base_stuff));
}

static int proc_tgid_base_readdir(struct file *file, struct dir_context *ctx)
{
	return proc_pident_readdir(file, ctx, tgid_base_stuff, (int)ARRAY_SIZE(tgid_base_stuff));
}

static int proc_tid_base_lookup(struct inode *dir, struct dentry *dentry)
{
	return proc_pident_lookup(dir, dentry, tid_base_stuff, NR_TID_ENTRIES);
}

static int proc_tid_base_readdir(struct file *file, struct dir_context *ctx)
{
	return proc_pident_readdir(file, ctx, tid_base_stuff, NR_TID_ENTRIES);
}

const struct inode_operations proc_tid_base_inode_operations = {
	.lookup = proc_tid_base_lookup,
	.setattr = proc_setattr,
};

const struct file_operations proc_tid_base_operations = {
	.iterate_shared = proc_tid_base_readdir,
	.llseek = generic_file_llseek,
};

static const struct inode_operations proc_tgid_base_inode_operations = {
	.lookup = proc_tgid_base_lookup,
	.setattr = proc_setattr,
};

static const struct file_operations proc_tgid_base_operations = {
	.iterate_shared = proc_tgid_base_readdir,
	.llseek = generic_file_llseek,
};

/*
 * A pid or fd as /proc names it: decimal, no sign, no leading zero; -1
 * for anything else. Linux: fs/proc/util.c name_to_int()
 */
int name_to_int(const char *name, unsigned int len)
{
	unsigned long n = 0;

	if (!len || len > 9 || (name[0] == '0' && len > 1))
		return -1;
	for (unsigned int i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		n = n * 10 + (unsigned long)(name[i] - '0');
	}
	return (int)n;
}

/* /proc/<pid>: the directory of a process (or thread) that exists. Linux: proc_pid_lookup() */
int proc_pid_lookup(struct dentry *dentry, const char *name, unsigned int len)
{
	int pid = name_to_int(name, len);
	struct task_struct *task = pid > 0 ? find_task_by_vpid(pid) : NULL;
	struct inode *inode;

	if (!task || !proc_task_alive(task) || (task->flags & PF_IDLE))
		return -ENOENT;
	inode = proc_get_inode(dentry->d_sb, S_IFDIR | 0555, task, NULL);
	if (!inode)
		return -ENOMEM;
	inode->i_op = &proc_tgid_base_inode_operations;
	inode->i_fop = &proc_tgid_base_operations;
	dentry->d_op = &pid_dentry_operations;
	d_instantiate(dentry, inode);
	return 0;
}

/* The smallest thread-group id at least from, or -1. Linux: next_tgid() */
static int next_tgid(int from)
{
	struct task_struct *p;
	int best = -1;

	for_each_process(p)
		if (p->pid == p->tgid && p->tgid >= from && (best < 0 || p->tgid < best) &&
		    proc_task_alive(p))
			best = p->tgid;
	return best;
}

/* The processes, at positions first + pid. Linux: proc_pid_readdir() */
int proc_pid_readdir(struct dir_context *ctx, loff_t first)
{
	char name[12];
	int tgid;

	if (ctx->pos < first)
		return 0;
	for (tgid = next_tgid((int)(ctx->pos - first)); tgid > 0; tgid = next_tgid(tgid + 1)) {
		int len = snprintf(name, sizeof(name), "%d", tgid);

		ctx->pos = first + tgid;
		if (!ctx->actor(ctx, name, len, ctx->pos, 2 + ctx->pos, DT_DIR))
			return 0;
	}
	ctx->pos = first + (1L << 22) + 1;	/* past PID_MAX_LIMIT: the end */
	return 0;
}
