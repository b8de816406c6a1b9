/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_ANON_INODES_H
#define _LINUX_ANON_INODES_H

#include <linux/fs.h>

/* fs/anon_inodes.c: files with no name (pidfd, userfaultfd). Linux: include/linux/anon_inodes.h */
#define ANON_INODE_FS_MAGIC	0x09041934

void anon_inode_init(void);
struct file *anon_inode_getfile(const char *name, const struct file_operations *fops,
				void *priv, int flags);
struct file *anon_inode_getfile_secure(const char *name, const struct file_operations *fops,
				       void *priv, int flags);
int anon_inode_getfd_secure(const char *name, const struct file_operations *fops, void *priv,
			    int flags);

#endif
