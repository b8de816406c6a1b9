/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FUTEX_H
#define _LINUX_FUTEX_H

#include <linux/types.h>
#include <linux/compiler.h>

/*
 * futex(2): its operations and flags, the bits of a lock word user space
 * shares with the kernel, and the robust list. Linux: include/uapi/linux/futex.h,
 * include/linux/futex.h (the key)
 */
#define FUTEX_WAIT		0	/* sleep if *uaddr == val */
#define FUTEX_WAKE		1	/* wake up to val sleepers */
#define FUTEX_FD		2	/* gone since 2.6.26: ENOSYS */
#define FUTEX_REQUEUE		3	/* wake val, move val2 to uaddr2 */
#define FUTEX_CMP_REQUEUE	4	/* the same, if *uaddr == val3 */
#define FUTEX_WAKE_OP		5	/* change *uaddr2; wake on uaddr, and on uaddr2 if asked */
#define FUTEX_LOCK_PI		6
#define FUTEX_UNLOCK_PI		7
#define FUTEX_TRYLOCK_PI	8
#define FUTEX_WAIT_BITSET	9	/* FUTEX_WAIT with a bitset and an absolute timeout */
#define FUTEX_WAKE_BITSET	10	/* FUTEX_WAKE of the sleepers whose bitset meets val3 */
#define FUTEX_WAIT_REQUEUE_PI	11
#define FUTEX_CMP_REQUEUE_PI	12
#define FUTEX_LOCK_PI2		13

#define FUTEX_PRIVATE_FLAG	128	/* only this process's threads use the word */
#define FUTEX_CLOCK_REALTIME	256	/* the timeout is on CLOCK_REALTIME */
#define FUTEX_CMD_MASK		~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)

#define FUTEX_BITSET_MATCH_ANY	0xffffffff

/*
 * A robust lock word: the owner's tid in the low bits, FUTEX_WAITERS
 * when someone sleeps on it, FUTEX_OWNER_DIED set by the kernel when its
 * owner exited holding it.
 *
 *    31        30            29 ............................ 0
 *  +---------+-------------+---+------------------------------+
 *  | WAITERS | OWNER_DIED  | 0 |  owner's tid (FUTEX_TID_MASK) |
 *  +---------+-------------+---+------------------------------+
 */
#define FUTEX_WAITERS		0x80000000
#define FUTEX_OWNER_DIED	0x40000000
#define FUTEX_TID_MASK		0x3fffffff

/*
 * FUTEX_WAKE_OP's val3: an operation on *uaddr2 and a comparison of its
 * old value, each with a 12-bit signed argument.
 *
 *    31  30..28  27..24  23 .......... 12  11 ........... 0
 *  +---+-------+-------+----------------+----------------+
 *  |   |  op   |  cmp  |     oparg      |     cmparg     |
 *  +---+-------+-------+----------------+----------------+
 *   op 8 (FUTEX_OP_OPARG_SHIFT) set: oparg is a shift, 1 << oparg
 */
#define FUTEX_OP_SET		0	/* uaddr2 = oparg */
#define FUTEX_OP_ADD		1	/* uaddr2 += oparg */
#define FUTEX_OP_OR		2	/* uaddr2 |= oparg */
#define FUTEX_OP_ANDN		3	/* uaddr2 &= ~oparg */
#define FUTEX_OP_XOR		4	/* uaddr2 ^= oparg */
#define FUTEX_OP_OPARG_SHIFT	8

#define FUTEX_OP_CMP_EQ		0	/* wake on uaddr2 if oldval == cmparg */
#define FUTEX_OP_CMP_NE		1
#define FUTEX_OP_CMP_LT		2
#define FUTEX_OP_CMP_LE		3
#define FUTEX_OP_CMP_GT		4
#define FUTEX_OP_CMP_GE		5

/*
 * The robust list: each thread's locks it holds, linked through user
 * memory, which the kernel walks when the thread exits.
 *
 *   head.list.next -> lock A's robust_list -> lock B's -> ... -> &head.list
 *   (each lock word sits futex_offset bytes from its robust_list entry;
 *    bit 0 of a pointer marks a PI futex)
 */
struct robust_list {
	struct robust_list __user *next;
};

struct robust_list_head {
	struct robust_list list;
	long futex_offset;
	struct robust_list __user *list_op_pending;	/* a lock being taken or released */
};

#define ROBUST_LIST_LIMIT	2048	/* entries walked at most (a loop guard) */

/*
 * What a futex is, whatever address it is reached by: for a private
 * futex or an anonymous page, the address space and the address; for
 * a page of a file (tmpfs, shared anonymous memory), the file's inode
 * and the page's offset in it. The low bits of offset say which
 * (FUT_OFF_*); the rest is the word's offset in its page.
 * Linux: include/linux/futex.h union futex_key
 */
union futex_key {
	struct {
		u64 i_seq;		/* inode_sequence_number(): never reused */
		unsigned long pgoff;
		unsigned int offset;
	} shared;
	struct {
		union {
			struct mm_struct *mm;
			u64 __tmp;
		};
		unsigned long address;	/* of the page */
		unsigned int offset;
	} private;
	struct {
		u64 ptr;
		unsigned long word;
		unsigned int offset;
	} both;
};

#define FUT_OFF_INODE		1	/* a file page: shared.i_seq, shared.pgoff */
#define FUT_OFF_MMSHARED	2	/* a shared futex on an anonymous page */

struct task_struct;

/* kernel/futex/ */
long do_futex(u32 __user *uaddr, int op, u32 val, u64 *timeout, u32 __user *uaddr2, u32 val2,
	      u32 val3);
void futex_exit_release(struct task_struct *tsk);
void futex_exec_release(struct task_struct *tsk);
void futex_init(void);

#endif
