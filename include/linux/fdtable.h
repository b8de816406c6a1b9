/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

#include <linux/types.h>

/*
 * A process's file descriptors: fd n is fdt.fd[n]. The table starts with
 * room for 64 descriptors inside files_struct and grows (doubling) up to
 * RLIMIT_NOFILE. Shared by tasks made with CLONE_FILES.
 * Linux: include/linux/fdtable.h, fs/file.c
 */
struct file;

#define NR_OPEN_DEFAULT		64	/* BITS_PER_LONG */
extern unsigned int sysctl_nr_open;	/* fs.nr_open: at most this many fds (1048576) */

struct fdtable {
	unsigned int max_fds;
	struct file **fd;
	unsigned long *close_on_exec;	/* bitmap */
	unsigned long *open_fds;	/* bitmap */
};

struct files_struct {
	int count;
	struct fdtable fdt;
	unsigned int next_fd;		/* the lowest fd that may be free */
	unsigned long close_on_exec_init[1];
	unsigned long open_fds_init[1];
	struct file *fd_array[NR_OPEN_DEFAULT];
};

extern struct files_struct init_files;

struct files_struct *dup_fd(struct files_struct *oldf, int *errorp);
void put_files_struct(struct files_struct *files);
void exit_files(struct task_struct *tsk);
void do_close_on_exec(struct files_struct *files);

int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
void fd_install(unsigned int fd, struct file *file);
int close_fd(unsigned int fd);
struct file *fget(unsigned int fd);
struct file *fget_raw(unsigned int fd);
struct file *files_lookup_fd(struct files_struct *files, unsigned int fd);
int replace_fd(unsigned int fd, struct file *file, unsigned int flags);
int f_dupfd(unsigned int from, struct file *file, unsigned int flags);
void set_close_on_exec(unsigned int fd, int flag);
bool get_close_on_exec(unsigned int fd);
bool close_on_exec(unsigned int fd, const struct fdtable *fdt);

#endif
