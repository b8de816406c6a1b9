// SPDX-License-Identifier: GPL-2.0
/*
 * The /proc directory: the system files, "self", "thread-self", and a directory for
 * every process. Linux: fs/proc/root.c, fs/proc/generic.c (the entries),
 * fs/proc/self.c, fs/proc/base.c (proc_pid_readdir)
 *
 * readdir lists, as Linux does: ".", "..", the system files (Linux keeps
 * them in a tree ordered by name length, then name), "self", "thread-self", then the
 * processes by pid. A process's position is its pid plus a fixed offset,
 * so a listing read in several batches neither repeats nor skips a
 * process when others come and go in between.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/swap.h>
#include "internal.h"

#define REG	(S_IFREG | 0444)

/* In Linux's order: by name length, then by name. */
static const struct proc_entry proc_root_entries[] = {
	{ "sys", S_IFDIR | 0555, &proc_sys_dir_file_operations, .iop = &proc_sys_dir_operations },
	{ "stat", REG, &proc_single_file_operations, show_stat },
	{ "mounts", S_IFLNK | 0777, .target = "self/mounts" },
	{ "uptime", REG, &proc_single_file_operations, uptime_proc_show },
	{ "vmstat", REG, &proc_single_file_operations, vmstat_show },
	{ "cmdline", REG, &proc_single_file_operations, cmdline_proc_show },
	{ "cpuinfo", REG, &proc_single_file_operations, cpuinfo_show },
	{ "loadavg", REG, &proc_single_file_operations, loadavg_proc_show },
	{ "meminfo", REG, &proc_single_file_operations, meminfo_proc_show },
	{ "sysvipc", S_IFDIR | 0555, &proc_sysvipc_operations, .iop = &proc_sysvipc_inode_operations },
	{ "version", REG, &proc_single_file_operations, version_proc_show },
	{ "slabinfo", S_IFREG | 0400, &proc_single_file_operations, slabinfo_show },
	{ "zoneinfo", REG, &proc_single_file_operations, zoneinfo_show },
	{ "buddyinfo", REG, &proc_single_file_operations, buddyinfo_show },
	{ "kpagecount", S_IFREG | 0400, &proc_kpagecount_operations },
	{ "kpageflags", S_IFREG | 0400, &proc_kpageflags_operations },
	{ "filesystems", REG, &proc_single_file_operations, filesystems_proc_show },
	{ "swaps", REG, &proc_single_file_operations, swaps_proc_show },
	/* Faultline's own, last (fs/proc/faulttrace.c): not in Linux */
	{ "faulttrace", S_IFREG | 0644, &proc_single_file_operations, faulttrace_show,
	  NULL, faulttrace_write },
};

#define NR_ROOT_ENTRIES		((int)ARRAY_SIZE(proc_root_entries))
#define FIRST_ENTRY		2			/* after "." and ".." */
#define SELF_POS		(FIRST_ENTRY + NR_ROOT_ENTRIES)
#define THREAD_SELF_POS		(SELF_POS + 1)
#define TGID_OFFSET		(SELF_POS + 2)		/* a process's position: its pid + this */

/* /proc/self: the reader's own directory. Linux: proc_self_get_link() */
static int proc_self_get_link(struct dentry *dentry, char *buf, int buflen, struct path *jump)
{
	snprintf(buf, buflen, "%d", task_tgid_nr(current));
	return 0;
}

static const struct inode_operations proc_self_inode_operations = {
	.get_link = proc_self_get_link,
	.setattr = proc_setattr,
};

/* /proc/thread-self: the reader's thread. Linux: proc_thread_self_get_link() */
static int proc_thread_self_get_link(struct dentry *dentry, char *buf, int buflen,
				     struct path *jump)
{
	snprintf(buf, buflen, "%d/task/%d", task_tgid_nr(current), task_pid_nr(current));
	return 0;
}

static const struct inode_operations proc_thread_self_inode_operations = {
	.get_link = proc_thread_self_get_link,
	.setattr = proc_setattr,
};

/*
 * A link of /proc whose target depends on who reads it. Linux:
 * proc_setup_self(), proc_setup_thread_self() (made once, at mount)
 */
static int proc_fill_self_link(struct dentry *dentry, const struct inode_operations *iop)
{
	struct inode *inode = proc_get_inode(dentry->d_sb, S_IFLNK | 0777, NULL, NULL);

	if (!inode)
		return -ENOMEM;
	inode->i_op = iop;
	d_instantiate(dentry, inode);
	return 0;
}

/* Does dentry name exactly name? */
static bool dentry_is(const struct dentry *dentry, const char *name)
{
	return dentry->d_name.len == strlen(name) &&
	       !memcmp(dentry->d_name.name, name, dentry->d_name.len);
}

static int proc_root_lookup(struct inode *dir, struct dentry *dentry)
{
	const struct proc_entry *e = proc_find_entry(proc_root_entries, NR_ROOT_ENTRIES, dentry);

	if (e)
		return proc_fill_entry(dentry, NULL, e);
	if (dentry_is(dentry, "self"))
		return proc_fill_self_link(dentry, &proc_self_inode_operations);
	if (dentry_is(dentry, "thread-self"))
		return proc_fill_self_link(dentry, &proc_thread_self_inode_operations);
	return proc_pid_lookup(dentry, dentry->d_name.name, dentry->d_name.len);
}

static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 0, d_inode(file->f_path.dentry)->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 1, d_inode(file->f_path.dentry)->i_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	if (!proc_emit_entries(ctx, proc_root_entries, NR_ROOT_ENTRIES, FIRST_ENTRY))
		return 0;
	if (ctx->pos == SELF_POS) {
		if (!ctx->actor(ctx, "self", 4, ctx->pos, 2 + ctx->pos, DT_LNK))
			return 0;
		ctx->pos = THREAD_SELF_POS;
	}
	if (ctx->pos == THREAD_SELF_POS) {
		if (!ctx->actor(ctx, "thread-self", 11, ctx->pos, 2 + ctx->pos, DT_LNK))
			return 0;
		ctx->pos = TGID_OFFSET;
	}
	return proc_pid_readdir(ctx, TGID_OFFSET);
}

const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
	.setattr = proc_setattr,
};

const struct file_operations proc_root_operations = {
	.iterate_shared = proc_root_readdir,
	.llseek = generic_file_llseek,
};
