/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_FUTEX_H
#define _ASM_X86_FUTEX_H

#include <linux/errno.h>
#include <linux/futex.h>
#include <asm/uaccess.h>

/*
 * FUTEX_WAKE_OP's operation on the user word: *uaddr = *uaddr op oparg,
 * the old value in *oval. An operation x86 has no instruction for is
 * -ENOSYS, a word user space could not write -EFAULT (and unchanged).
 *
 * Linux: arch/x86/include/asm/futex.h, a locked xchg/xadd or a cmpxchg
 * loop with page faults disabled (-EFAULT tells the caller to fault the
 * page in and retry). Faultline differs: one CPU and a kernel that is
 * not preempted make a read and a write atomic enough, and
 * get_user/put_user fault the page in themselves (a fault does not sleep).
 */
static inline int arch_futex_atomic_op_inuser(unsigned int op, int oparg, int *oval,
					      u32 __user *uaddr)
{
	u32 old, new;

	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	if (op > FUTEX_OP_XOR)
		return -ENOSYS;
	if (get_user(old, uaddr))
		return -EFAULT;
	switch (op) {
	case FUTEX_OP_SET:
		new = (u32)oparg;
		break;
	case FUTEX_OP_ADD:
		new = old + (u32)oparg;
		break;
	case FUTEX_OP_OR:
		new = old | (u32)oparg;
		break;
	case FUTEX_OP_ANDN:
		new = old & ~(u32)oparg;
		break;
	default:
		new = old ^ (u32)oparg;		/* FUTEX_OP_XOR */
		break;
	}
	if (put_user(new, uaddr))
		return -EFAULT;
	*oval = (int)old;
	return 0;
}

#endif
