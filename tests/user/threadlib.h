/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FAULTLINE_TESTS_USER_THREADLIB_H
#define FAULTLINE_TESTS_USER_THREADLIB_H

/*
 * Threads without a thread library, for the tests of clone, futex and
 * thread groups: raw_clone() starts fn(arg) on a stack of its own with
 * the flags given, and the sys_*() calls here are plain syscall
 * instructions, so a thread that shares its creator's TLS (no
 * CLONE_SETTLS) never touches libc's per-thread state (errno, locks).
 * A thread reports through globals and ends with sys_exit; its creator
 * waits for it on the CLONE_CHILD_CLEARTID word (thread_join).
 */
#include <fcntl.h>
#include <sched.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

/*
 * The kernel's ABI that musl's headers leave out (it ships no kernel
 * headers): futex(2)'s operations and words, the robust list, clone3's
 * arguments. Linux: include/uapi/linux/futex.h, sched.h
 */
#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_FD		2
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAKE_OP		5
#define FUTEX_LOCK_PI		6
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_BITSET_MATCH_ANY	0xffffffff
#define FUTEX_WAITERS		0x80000000
#define FUTEX_OWNER_DIED	0x40000000
#define FUTEX_TID_MASK		0x3fffffff
#define FUTEX_OP(op, oparg, cmp, cmparg) \
	((((op) & 0xf) << 28) | (((cmp) & 0xf) << 24) | (((oparg) & 0xfff) << 12) | ((cmparg) & 0xfff))
#define FUTEX_OP_SET		0
#define FUTEX_OP_ADD		1
#define FUTEX_OP_OR		2
#define FUTEX_OP_ANDN		3
#define FUTEX_OP_XOR		4
#define FUTEX_OP_OPARG_SHIFT	8
#define FUTEX_OP_CMP_EQ		0
#define FUTEX_OP_CMP_NE		1
#define FUTEX_OP_CMP_LT		2
#define FUTEX_OP_CMP_LE		3
#define FUTEX_OP_CMP_GT		4
#define FUTEX_OP_CMP_GE		5

struct robust_list {
	struct robust_list *next;
};

struct robust_list_head {
	struct robust_list list;
	long futex_offset;
	struct robust_list *list_op_pending;
};

struct clone_args {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
	uint64_t set_tid, set_tid_size, cgroup;
};

#ifndef CLONE_DETACHED
#define CLONE_DETACHED		0x00400000
#endif

#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
			 CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

static inline long sys6(long n, long a, long b, long c, long d, long e, long f)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long ret;

	__asm__ volatile("syscall" : "=a"(ret)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

#define sys0(n)			sys6(n, 0, 0, 0, 0, 0, 0)
#define sys1(n, a)		sys6(n, (long)(a), 0, 0, 0, 0, 0)
#define sys2(n, a, b)		sys6(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define sys3(n, a, b, c)	sys6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)

static inline long sys_gettid(void)
{
	return sys0(SYS_gettid);
}

static inline __attribute__((noreturn)) void sys_exit(int code)
{
	for (;;)
		sys1(SYS_exit, code);
}

/* futex(2) without errno: the raw result (-errno on failure). */
static inline long sys_futex(volatile int *uaddr, int op, int val, const void *timeout,
			     volatile int *uaddr2, int val3)
{
	return sys6(SYS_futex, (long)uaddr, op, val, (long)timeout, (long)uaddr2, val3);
}

/*
 * long raw_clone(flags, stack_top, ptid, ctid, tls, fn, arg): the child
 * starts on stack_top with fn and arg pushed, calls fn(arg) and exits
 * with its return value; the parent gets the tid or -errno.
 */
long raw_clone(unsigned long flags, void *stack_top, int *ptid, int *ctid, unsigned long tls,
	       int (*fn)(void *), void *arg);
__asm__(".text\n"
	".globl raw_clone\n"
	"raw_clone:\n"
	"	mov 8(%rsp), %rax\n"		/* arg, the seventh argument */
	"	and $-16, %rsi\n"
	"	sub $16, %rsi\n"
	"	mov %r9, 0(%rsi)\n"		/* fn, popped first by the child */
	"	mov %rax, 8(%rsi)\n"
	"	mov %rcx, %r10\n"		/* clone(flags, stack, ptid, ctid, tls) */
	"	mov $56, %eax\n"
	"	syscall\n"
	"	test %rax, %rax\n"
	"	jnz 1f\n"
	"	xor %ebp, %ebp\n"
	"	pop %rax\n"
	"	pop %rdi\n"
	"	call *%rax\n"
	"	mov %eax, %edi\n"
	"	mov $60, %eax\n"		/* exit: this thread only */
	"	syscall\n"
	"	hlt\n"
	"1:	ret\n");

#define THREAD_STACK	(64 * 1024)

struct raw_thread {
	int tid;			/* CLONE_PARENT_SETTID's, cleared at exit (CLEARTID) */
	char stack[THREAD_STACK] __attribute__((aligned(16)));
};

/* Start fn(arg) as a thread of ours (extra flags added); the tid or -errno. */
static inline long thread_start(struct raw_thread *t, unsigned long extra, int (*fn)(void *),
				void *arg)
{
	t->tid = -1;
	return raw_clone(THREAD_FLAGS | extra, t->stack + THREAD_STACK, &t->tid, &t->tid, 0,
			 fn, arg);
}

/* Wait until the thread has exited: the kernel zeroes the tid word and wakes us. */
static inline void thread_join(struct raw_thread *t)
{
	int tid;

	while ((tid = __atomic_load_n(&t->tid, __ATOMIC_SEQ_CST)) != 0)
		sys_futex(&t->tid, FUTEX_WAIT, tid, NULL, NULL, 0);
}

/*
 * Wait until the task whose stat file is at path sleeps ('S'), or is a
 * zombie or gone: a waiter has entered its futex wait. From a thread
 * that may use libc.
 */
static inline void wait_until_sleeping(const char *path)
{
	char buf[256], *state;
	int fd, n;

	for (;;) {
		fd = open(path, O_RDONLY);
		n = fd < 0 ? -1 : (int)read(fd, buf, sizeof(buf) - 1);
		if (fd >= 0)
			close(fd);
		if (n <= 0)
			return;		/* gone already */
		buf[n] = 0;
		state = strrchr(buf, ')');
		if (state && (state[2] == 'S' || state[2] == 'Z'))
			return;
		sched_yield();
	}
}

/* ... thread tid of ours. */
static inline void thread_wait_sleeping(long tid)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/self/task/%ld/stat", tid);
	wait_until_sleeping(path);
}

/*
 * Wait until thread tid of ours is gone from /proc (released): the
 * kernel clears the CLEARTID word before that, so thread_join returns
 * while /proc may still count the thread.
 */
static inline void thread_wait_gone(long tid)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/self/task/%ld", tid);
	while (access(path, F_OK) == 0)
		sched_yield();
}

/* A one-shot event between threads or processes: wait until it is set. */
static inline void event_wait(volatile int *ev, int op_flags)
{
	while (!__atomic_load_n(ev, __ATOMIC_SEQ_CST))
		sys_futex(ev, FUTEX_WAIT | op_flags, 0, NULL, NULL, 0);
}

static inline void event_set(volatile int *ev, int op_flags)
{
	__atomic_store_n(ev, 1, __ATOMIC_SEQ_CST);
	sys_futex(ev, FUTEX_WAKE | op_flags, 1 << 30, NULL, NULL, 0);
}

#endif
