/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_NAMEI_H
#define _LINUX_NAMEI_H

#include <linux/fs.h>

/* Path lookup. Linux: include/linux/namei.h, fs/namei.c */
#define MAXSYMLINKS		40

#define LOOKUP_FOLLOW		0x0001	/* follow a symlink in the last component */
#define LOOKUP_DIRECTORY	0x0002	/* the last component must be a directory */

int kern_path(const char *name, unsigned int flags, struct path *path);
/*
 * For creating name: its parent directory in *parent (a reference) and a
 * new unlinked dentry for the last component; -EEXIST if it exists.
 */
struct dentry *kern_path_create(const char *name, struct path *parent);
void done_path_create(struct path *parent, struct dentry *dentry);
/* The existing last component and its parent, for unlink and rmdir. */
struct dentry *kern_path_locked(const char *name, struct path *parent);

/* Convenience wrappers taking a path string. */
int init_mkdir(const char *name, umode_t mode);
int init_symlink(const char *target, const char *name);
int init_unlink(const char *name);
int init_rmdir(const char *name);

#endif
