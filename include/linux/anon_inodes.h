/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_ANON_INODES_H
#define _LINUX_ANON_INODES_H

/* fs/anon_inodes.c. Linux: include/linux/anon_inodes.h */
struct file;
struct file_operations;

void anon_inode_init(void);
struct file *anon_inode_getfile(const char *name, const struct file_operations *fops,
				void *priv, int flags);

#endif
