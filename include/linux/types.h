/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

/*
 * Basic types. The compiler's own freestanding headers give size_t, bool
 * and the fixed-width integers; the kernel is built -nostdinc with only
 * those (as Linux is), and the same headers work in host unit tests.
 */
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

/* As Linux's int-ll64.h: u64 is unsigned long long, printed with %llu. */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;

typedef long ssize_t;
typedef u64 phys_addr_t;	/* a physical address, in bytes */
typedef unsigned long pgoff_t;	/* an offset in a file, in pages */
typedef unsigned int gfp_t;	/* allocation flags, __GFP_* */
typedef int pid_t;
typedef long long loff_t;		/* a byte offset in a file */
typedef long off_t;
typedef int clockid_t;
typedef unsigned short umode_t;		/* file type and permission bits */
typedef unsigned int fmode_t;
typedef unsigned int dev_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

typedef struct {
	long long counter;
} atomic64_t;

/* A node of a circular doubly linked list (include/linux/list.h). */
struct list_head {
	struct list_head *next, *prev;
};

#endif
