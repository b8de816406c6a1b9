// SPDX-License-Identifier: GPL-2.0
/*
 * Copying to and from user space (the rules are in asm/uaccess.h).
 * Linux: arch/x86/lib/copy_user_64.S, usercopy_64.c, getuser.S, putuser.S
 *
 * Copies move 8 bytes at a time ("rep movsq") and the last n % 8 bytes
 * one by one ("rep movsb"). A copy that faults must still report exactly
 * how many bytes it did not copy, as Linux's does, and a quadword that
 * straddles the end of a mapping holds bytes that could have been copied.
 * So a fault in the quadword loop does not stop the copy: the fixup turns
 * the quadwords left into bytes and resumes with "rep movsb", which copies
 * up to the faulting byte and faults again there. A fault in "rep movsb"
 * ends the copy with %rcx = the bytes left.
 *
 *	 n = 8 * quads + tail       %rcx = quads, %edx = tail
 *	 1: rep movsq     --fault-->  3: %rcx = 8 * %rcx + %rdx; goto 2
 *	    %ecx = tail
 *	 2: rep movsb     --fault-->  4: done, %rcx = bytes not copied
 *	 4:
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/uaccess.h>
#include <asm/smap.h>

/*
 * Copy n bytes with SMAP open; returns the bytes not copied.
 * Linux: arch/x86/lib/copy_user_64.S copy_user_generic_unrolled and
 * copy_user_handle_tail (an unrolled loop of 64 bytes there).
 */
static unsigned long raw_copy(void *to, const void *from, unsigned long n)
{
	unsigned long tail;

	stac();
	__asm__ __volatile__("	movl	%%ecx, %%edx\n"
			     "	andl	$7, %%edx\n"
			     "	shrq	$3, %%rcx\n"
			     "1:	rep movsq\n"
			     "	movl	%%edx, %%ecx\n"
			     "2:	rep movsb\n"
			     "	jmp	4f\n"
			     "3:	leaq	(%%rdx, %%rcx, 8), %%rcx\n"
			     "	jmp	2b\n"
			     "4:\n"
			     _ASM_EXTABLE(1b, 3b)
			     _ASM_EXTABLE(2b, 4b)
			     : "+c"(n), "+D"(to), "+S"(from), "=&d"(tail)
			     :
			     : "memory");
	clac();
	return n;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return raw_copy(to, from, n);
}

/* On a fault the rest of `to` is zeroed, so no stale kernel data leaks. */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = raw_copy(to, from, n);
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	stac();
	__asm__ __volatile__("1:	rep stosb\n"
			     "2:\n"
			     _ASM_EXTABLE(1b, 2b)
			     : "+c"(n), "+D"(to)
			     : "a"(0)
			     : "memory");
	clac();
	return n;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long i;

	for (i = 0; i < count; i++) {
		u8 c;

		if (__get_user_1(&c, src + i))
			return -EFAULT;
		dst[i] = (char)c;
		if (!c)
			return i;
	}
	return count;
}

#define DEFINE_GET_USER(bits, type, insn, constraint)				\
int __get_user_##bits(type *val, const void __user *ptr)			\
{										\
	type v = 0;								\
	int err = 0;								\
										\
	if (!access_ok(ptr, sizeof(type)))					\
		return -EFAULT;							\
	stac();									\
	__nofault_asm(insn " (%[addr]), %[v]", err, constraint, v, ptr);	\
	clac();									\
	*val = err ? 0 : v;							\
	return err;								\
}

#define DEFINE_PUT_USER(bits, type, insn, constraint)				\
int __put_user_##bits(type val, void __user *ptr)				\
{										\
	int err = 0;								\
										\
	if (!access_ok(ptr, sizeof(type)))					\
		return -EFAULT;							\
	stac();									\
	__nofault_asm(insn " %[v], (%[addr])", err, constraint, val, ptr);	\
	clac();									\
	return err;								\
}

DEFINE_GET_USER(1, u8, "movb", "+q")
DEFINE_GET_USER(2, u16, "movw", "+r")
DEFINE_GET_USER(4, u32, "movl", "+r")
DEFINE_GET_USER(8, u64, "movq", "+r")
DEFINE_PUT_USER(1, u8, "movb", "+q")
DEFINE_PUT_USER(2, u16, "movw", "+r")
DEFINE_PUT_USER(4, u32, "movl", "+r")
DEFINE_PUT_USER(8, u64, "movq", "+r")

/*
 * The size of a user string including its NUL, a number above n if it
 * is longer than n, or 0 if it faults. Linux: strnlen_user()
 */
long strnlen_user(const char __user *str, long n)
{
	for (long i = 0; i <= n; i++) {
		u8 c;

		if (__get_user_1(&c, str + i))
			return 0;
		if (!c)
			return i + 1;
	}
	return n + 1;
}
