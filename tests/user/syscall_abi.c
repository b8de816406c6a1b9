// SPDX-License-Identifier: GPL-2.0
/*
 * The system-call ABI itself, with raw `syscall` instructions: the number
 * in rax, arguments in rdi rsi rdx r10 r8 r9, the result (or -errno) in
 * rax; rcx and r11 are the only other registers the instruction may
 * change (it puts rip and rflags there). An unknown number is -ENOSYS
 * (and Faultline's log names it once: tests/user.sh checks that).
 */
#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "tap.h"

#define UNKNOWN_NR	999

static long raw_syscall3(long nr, long a, long b, long c)
{
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return ret;
}

/*
 * getppid with every register that must survive set to a known value;
 * 1 when all came back unchanged.
 */
static int registers_survive(void)
{
	uint64_t out[8];

	__asm__ volatile(
		"push %%rbx\n\tpush %%rbp\n\tpush %%r12\n\tpush %%r13\n\tpush %%r14\n\tpush %%r15\n\t"
		"mov $0x1111, %%rbx\n\tmov $0x2222, %%rbp\n\tmov $0x3333, %%r12\n\t"
		"mov $0x4444, %%r13\n\tmov $0x5555, %%r14\n\tmov $0x6666, %%r15\n\t"
		"mov $0x7777, %%r8\n\tmov $0x8888, %%r9\n\t"
		"mov %[nr], %%eax\n\tsyscall\n\t"
		"mov %%rbx, 0(%[out])\n\tmov %%rbp, 8(%[out])\n\tmov %%r12, 16(%[out])\n\t"
		"mov %%r13, 24(%[out])\n\tmov %%r14, 32(%[out])\n\tmov %%r15, 40(%[out])\n\t"
		"mov %%r8, 48(%[out])\n\tmov %%r9, 56(%[out])\n\t"
		"pop %%r15\n\tpop %%r14\n\tpop %%r13\n\tpop %%r12\n\tpop %%rbp\n\tpop %%rbx"
		: : [out] "D"(out), [nr] "i"(SYS_getppid)
		: "rax", "rcx", "rdx", "rsi", "r8", "r9", "r10", "r11", "memory");
	for (int i = 0; i < 8; i++)
		if (out[i] != 0x1111u * (i + 1))
			return 0;
	return 1;
}

int main(void)
{
	ok_eq(-ENOSYS, raw_syscall3(UNKNOWN_NR, 0, 0, 0), "an unknown system call number: -ENOSYS in rax");
	ok_eq(-ENOSYS, raw_syscall3(UNKNOWN_NR, 0, 0, 0), "and again (the log names it only once)");
	ok_eq(-ENOSYS, raw_syscall3(-1, 0, 0, 0), "number -1: -ENOSYS");
	ok_eq(-EBADF, raw_syscall3(SYS_close, -1, 0, 0), "close(-1): -EBADF in rax, no errno in between");
	ok_eq(getpid(), raw_syscall3(SYS_getpid, 0, 0, 0), "getpid by hand agrees with libc's");
	ok_eq(3, raw_syscall3(SYS_write, 1, (long)"# \n", 3), "write(1, buf, 3) takes its three arguments");
	ok(registers_survive(), "rbx rbp r12-r15 r8 r9 come back unchanged from a system call");
	return tap_done();
}
