/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H

/* mmap(2) and mprotect(2) flags, x86_64 values (Linux: include/uapi/asm-generic/mman*.h). */
#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4
#define PROT_SEM	0x8
#define PROT_GROWSDOWN	0x01000000
#define PROT_GROWSUP	0x02000000

#define MAP_SHARED		0x01
#define MAP_PRIVATE		0x02
#define MAP_SHARED_VALIDATE	0x03
#define MAP_TYPE		0x0f
#define MAP_FIXED		0x10
#define MAP_ANONYMOUS		0x20
#define MAP_32BIT		0x40
#define MAP_GROWSDOWN		0x0100
#define MAP_DENYWRITE		0x0800
#define MAP_EXECUTABLE		0x1000
#define MAP_LOCKED		0x2000
#define MAP_NORESERVE		0x4000
#define MAP_POPULATE		0x8000
#define MAP_NONBLOCK		0x10000
#define MAP_STACK		0x20000
#define MAP_HUGETLB		0x40000
#define MAP_SYNC		0x80000
#define MAP_FIXED_NOREPLACE	0x100000

#define MAP_UNINITIALIZED	0x4000000
#define MAP_HUGE_SHIFT		26
#define MAP_HUGE_MASK		0x3f
#define MAP_HUGE_2MB		(21 << MAP_HUGE_SHIFT)
#define MAP_HUGE_1GB		(30 << MAP_HUGE_SHIFT)

/*
 * The flags MAP_SHARED_VALIDATE accepts for any file (Linux:
 * LEGACY_MAP_MASK; a file's f_op->mmap_supported_flags add MAP_SYNC for
 * DAX, which Faultline has none of). MAP_FIXED_NOREPLACE is not among
 * them: 6.1 refuses it with MAP_SHARED_VALIDATE too.
 */
#define LEGACY_MAP_MASK	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | \
			 MAP_DENYWRITE | MAP_EXECUTABLE | MAP_UNINITIALIZED | \
			 MAP_GROWSDOWN | MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | \
			 MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB | MAP_32BIT | \
			 MAP_HUGE_2MB | MAP_HUGE_1GB)

/* vm.overcommit_memory: how mm/util.c's __vm_enough_memory() decides. */
#define OVERCOMMIT_GUESS	0	/* refuse only what could never fit */
#define OVERCOMMIT_ALWAYS	1	/* never refuse */
#define OVERCOMMIT_NEVER	2	/* refuse past CommitLimit (vm_commit_limit()) */

extern int sysctl_overcommit_memory;
extern int sysctl_overcommit_ratio;
extern unsigned long sysctl_overcommit_kbytes;
extern unsigned long sysctl_user_reserve_kbytes;
extern unsigned long sysctl_admin_reserve_kbytes;
unsigned long vm_commit_limit(void);

#endif
