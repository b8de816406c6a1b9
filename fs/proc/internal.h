/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

/*
 * procfs's own declarations. Linux: fs/proc/internal.h
 *
 * Every name in /proc is an entry of a static table: the system files
 * of /proc (root.c), and the files of each /proc/<pid> (base.c). Their
 * dentries are made by ->lookup when a path names them and are never
 * kept in the dcache after their last user goes, so /proc always shows
 * the processes that exist now. The inode of a per-process file holds a
 * reference to its task; once the task is reaped its files read -ESRCH
 * and its dentries fail d_revalidate.
 */
#include <linux/fs.h>
#include <linux/seq_file.h>

struct task_struct;
struct mm_struct;

struct proc_entry {
	const char *name;
	umode_t mode;			/* S_IFREG | 0444 and so on */
	const struct file_operations *fop;	/* a file's own operations, or */
	/* a file of one record, printed whole (fop: proc_single_file_operations) */
	int (*show)(struct seq_file *m, struct task_struct *task);
	/* a magic link: the path it stands for (a reference) */
	int (*get_link)(struct task_struct *task, struct path *path);
	/* a file that can be written (comm): fop: proc_single_file_operations */
	ssize_t (*write)(struct task_struct *task, const char *buf, size_t count);
	/* a plain symbolic link: what it reads as (/proc/mounts -> self/mounts) */
	const char *target;
	/* a directory (S_IFDIR): its inode operations, fop its readdir */
	const struct inode_operations *iop;
	/* a file of one record only the process's inspectors may open (PTRACE_MODE_*) */
	unsigned int ptrace_mode;
};

/* What a procfs inode is: in inode->i_private. Linux: struct proc_inode */
struct proc_inode {
	struct task_struct *task;	/* /proc/<pid>/...: referenced; else NULL */
	const struct proc_entry *entry;	/* NULL for the root and /proc/<pid> */
	struct ctl_table *sysctl;	/* /proc/sys/...: the entry shown; else NULL */
	int fd;				/* /proc/<pid>/fd/N and fdinfo/N: N */
};

static inline struct proc_inode *PROC_I(const struct inode *inode)
{
	return inode->i_private;
}

/* inode.c */
struct inode *proc_get_inode(struct super_block *sb, umode_t mode, struct task_struct *task,
			     const struct proc_entry *entry);
struct task_struct *get_proc_task(const struct inode *inode);
bool proc_task_alive(const struct task_struct *task);
int proc_setattr(struct dentry *dentry, struct iattr *attr);
extern const struct dentry_operations pid_dentry_operations;
extern const struct file_operations proc_single_file_operations;
int proc_fill_entry(struct dentry *dentry, struct task_struct *task,
		    const struct proc_entry *entry);
bool proc_emit_dots(struct file *file, struct dir_context *ctx);
bool proc_emit_entries(struct dir_context *ctx, const struct proc_entry *ents, int n,
		       loff_t first);
const struct proc_entry *proc_find_entry(const struct proc_entry *ents, int n,
					 const struct dentry *dentry);

/* proc_sysctl.c: /proc/sys */
struct ctl_table;
extern const struct inode_operations proc_sys_dir_operations;
extern const struct file_operations proc_sys_dir_file_operations;

/* fd.c: /proc/<pid>/fdinfo */
extern const struct inode_operations proc_fdinfo_inode_operations;
extern const struct file_operations proc_fdinfo_operations;

/* sysvipc.c: /proc/sysvipc */
extern const struct inode_operations proc_sysvipc_inode_operations;
extern const struct file_operations proc_sysvipc_operations;

/* root.c */
extern const struct inode_operations proc_root_inode_operations;
extern const struct file_operations proc_root_operations;

/* base.c: /proc/<pid> */
int name_to_int(const char *name, unsigned int len);
int proc_pid_lookup(struct dentry *dentry, const char *name, unsigned int len);
int proc_pid_readdir(struct dir_context *ctx, loff_t first);
int proc_pident_lookup(struct inode *dir, struct dentry *dentry,
		       const struct proc_entry *ents, int n);
int proc_pident_readdir(struct file *file, struct dir_context *ctx,
			const struct proc_entry *ents, int n);

/* pagetable.c */
int proc_pid_pagetable(struct seq_file *m, struct task_struct *task);

/* faulttrace.c */
int faulttrace_show(struct seq_file *m, struct task_struct *task);
ssize_t faulttrace_write(struct task_struct *task, const char *buf, size_t count);

/* fd.c: /proc/<pid>/fd */
extern const struct inode_operations proc_fd_inode_operations;
extern const struct file_operations proc_fd_operations;

/* fail_nth.c, task.c */
extern const struct file_operations proc_fail_nth_operations;
extern const struct inode_operations proc_task_inode_operations;
extern const struct file_operations proc_task_operations;
extern const struct inode_operations proc_tid_base_inode_operations;
extern const struct file_operations proc_tid_base_operations;
struct mm_struct *proc_mm_get(struct task_struct *task);
struct mm_struct *proc_mem_open(struct inode *inode, unsigned int mode);
int proc_task_access(struct inode *inode, unsigned int mode);
int __mem_open(struct inode *inode, struct file *file, unsigned int mode);
int mem_release(struct inode *inode, struct file *file);
void task_dump_owner(struct task_struct *task, umode_t mode, uid_t *ruid, gid_t *rgid);
loff_t mem_lseek(struct file *file, loff_t offset, int whence);

/* array.c */
int proc_pid_status(struct seq_file *m, struct task_struct *task);
int proc_tgid_stat(struct seq_file *m, struct task_struct *task);
int proc_tid_stat(struct seq_file *m, struct task_struct *task);
int proc_pid_statm(struct seq_file *m, struct task_struct *task);
/* oom.c */
int proc_oom_score(struct seq_file *m, struct task_struct *task);
int proc_oom_adj_show(struct seq_file *m, struct task_struct *task);
int proc_oom_score_adj_show(struct seq_file *m, struct task_struct *task);
ssize_t proc_oom_adj_write(struct task_struct *task, const char *buf, size_t count);
ssize_t proc_oom_score_adj_write(struct task_struct *task, const char *buf, size_t count);

/* task_mmu.c */
extern const struct file_operations proc_pid_maps_operations;
extern const struct file_operations proc_pid_smaps_operations;
extern const struct file_operations proc_pid_smaps_rollup_operations;
extern const struct file_operations proc_pagemap_operations;
extern const struct file_operations proc_clear_refs_operations;
void task_mem(struct seq_file *m, struct mm_struct *mm);
unsigned long task_statm(struct mm_struct *mm, unsigned long *shared, unsigned long *text,
			 unsigned long *data, unsigned long *resident);

/* the system files */
int meminfo_proc_show(struct seq_file *m, struct task_struct *task);
int vmstat_show(struct seq_file *m, struct task_struct *task);
int buddyinfo_show(struct seq_file *m, struct task_struct *task);
int zoneinfo_show(struct seq_file *m, struct task_struct *task);
int slabinfo_show(struct seq_file *m, struct task_struct *task);
int uptime_proc_show(struct seq_file *m, struct task_struct *task);
int loadavg_proc_show(struct seq_file *m, struct task_struct *task);
int show_stat(struct seq_file *m, struct task_struct *task);
int cpuinfo_show(struct seq_file *m, struct task_struct *task);
int version_proc_show(struct seq_file *m, struct task_struct *task);
int cmdline_proc_show(struct seq_file *m, struct task_struct *task);
int filesystems_proc_show(struct seq_file *m, struct task_struct *task);
int mounts_show(struct seq_file *m, struct task_struct *task);
extern const struct file_operations proc_kpagecount_operations;
extern const struct file_operations proc_kpageflags_operations;

#endif
