/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_NAMEI_H
#define _LINUX_NAMEI_H

#include <linux/fs.h>

/* Path lookup. Linux: include/linux/namei.h, fs/namei.c */
#define MAXSYMLINKS		40

#define LOOKUP_FOLLOW		0x0001	/* follow a symlink in the last component */
#define LOOKUP_DIRECTORY	0x0002	/* the last component must be a directory */
#define LOOKUP_EMPTY		0x4000	/* "" names the starting directory (AT_EMPTY_PATH) */

/* The *at system calls' dirfd and flags (Linux: include/uapi/linux/fcntl.h). */
#define AT_FDCWD		-100	/* relative to the working directory */
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_EACCESS		0x200
#define AT_REMOVEDIR		0x200
#define AT_SYMLINK_FOLLOW	0x400
#define AT_EMPTY_PATH		0x1000

/* The kinds of last component (Linux: LAST_NORM and friends). */
enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

struct dentry *lookup_one_qstr(struct dentry *dir, const struct qstr *name);
int filename_lookup(int dfd, const char *name, unsigned int flags, struct path *path);
int kern_path(const char *name, unsigned int flags, struct path *path);
int user_path_at(int dfd, const char __user *name, unsigned int flags, struct path *path);
char *getname(const char __user *filename);
void putname(char *name);

/*
 * For creating name: its parent directory in *parent (a reference) and a
 * new negative dentry for the last component; -EEXIST if it exists.
 */
struct dentry *filename_create(int dfd, const char *name, struct path *parent,
			       unsigned int lookup_flags);
struct dentry *kern_path_create(const char *name, struct path *parent);
void done_path_create(struct path *parent, struct dentry *dentry);
int filename_parentat(int dfd, const char *name, struct path *parent, struct qstr *last,
		      int *type, bool *trailing_slash);
/* The existing last component and its parent, for unlink and rmdir. */
struct dentry *kern_path_locked(const char *name, struct path *parent);

/* fs/init.c: the same operations for kernel code, taking path strings. */
int init_mkdir(const char *name, umode_t mode);
int init_mknod(const char *name, umode_t mode, dev_t dev);
int init_symlink(const char *target, const char *name);
int init_unlink(const char *name);
int init_rmdir(const char *name);

#endif
