/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_STATFS_H
#define _LINUX_STATFS_H

#include <linux/types.h>

/*
 * What a file system says of itself (statfs(2)). Counts are in f_bsize
 * units; a file system without limits (procfs, sysfs) leaves them 0.
 * Linux: include/linux/statfs.h
 */
struct kstatfs {
	long f_type;			/* the magic number: TMPFS_MAGIC ... */
	long f_bsize;
	u64 f_blocks;
	u64 f_bfree;
	u64 f_bavail;
	u64 f_files;
	u64 f_ffree;
	int f_fsid[2];
	long f_namelen;
	long f_frsize;
	long f_flags;			/* ST_* */
	long f_spare[4];
};

/* f_flags: the mount's flags as statvfs(3) knows them. */
#define ST_RDONLY	0x0001
#define ST_NOSUID	0x0002
#define ST_NODEV	0x0004
#define ST_NOEXEC	0x0008
#define ST_SYNCHRONOUS	0x0010
#define ST_VALID	0x0020		/* f_flags is filled in */
#define ST_MANDLOCK	0x0040
#define ST_NOATIME	0x0400
#define ST_NODIRATIME	0x0800
#define ST_RELATIME	0x1000
#define ST_NOSYMFOLLOW	0x2000

/* The magic numbers (Linux: include/uapi/linux/magic.h) */
#define TMPFS_MAGIC	0x01021994
#define SYSFS_MAGIC	0x62656572
#define PIPEFS_MAGIC	0x50495045

struct dentry;
int simple_statfs(struct dentry *dentry, struct kstatfs *buf);

#endif
