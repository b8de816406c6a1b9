/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FCNTL_H
#define _LINUX_FCNTL_H

/* open(2) flags, x86_64 values (Linux: include/uapi/asm-generic/fcntl.h). */
#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_EXCL		00000200
#define O_NOCTTY	00000400
#define O_TRUNC		00001000
#define O_APPEND	00002000
#define O_NONBLOCK	00004000
#define O_DSYNC		00010000
#define O_DIRECT	00040000
#define O_LARGEFILE	00100000
#define O_DIRECTORY	00200000
#define O_NOFOLLOW	00400000
#define O_NOATIME	01000000
#define O_CLOEXEC	02000000
#define O_PATH		010000000

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#define SEEK_DATA	3	/* the next data at or after the offset */
#define SEEK_HOLE	4	/* the next hole at or after it */
#define SEEK_MAX	SEEK_HOLE

/*
 * File seals (memfd_create(2) files), fcntl's F_ADD_SEALS/F_GET_SEALS.
 * Linux: include/uapi/linux/fcntl.h
 */
#define F_ADD_SEALS	1033
#define F_GET_SEALS	1034
#define F_SEAL_SEAL	0x0001	/* no more seals may be added */
#define F_SEAL_SHRINK	0x0002	/* the size may not shrink */
#define F_SEAL_GROW	0x0004	/* the size may not grow */
#define F_SEAL_WRITE	0x0008	/* the data may not change */
#define F_SEAL_FUTURE_WRITE 0x0010	/* no new writers; mappings already writable stay so */

#endif
