// SPDX-License-Identifier: GPL-2.0
/*
 * Threads made with clone(2) and clone3(2) directly, no thread library:
 * the flags pthread_create passes (CLONE_VM | CLONE_FS | CLONE_FILES |
 * CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS |
 * CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID), what a thread shares
 * with its creator and what is its own (getpid is the process's,
 * gettid its own), the tid words set and cleared, a thread that is
 * nobody's child, and the flag combinations Linux refuses.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "tap.h"
#include "threadlib.h"

#define ARCH_GET_FS	0x1003

static struct raw_thread t1, t2;
static volatile long seen_pid, seen_tid, seen_ppid, seen_fs, child_settid;
static volatile int shared_word, seen_fd_ok, cwd_changed;
static volatile long seen_setpgid;
static int pipe_fds[2];

/* rt_sigaction(sig, SIG_IGN), as the kernel takes it (no libc). */
static void sys4_sigaction_ignore(int sig)
{
	struct { void *handler; unsigned long flags; void *restorer; unsigned long mask; } act = {
		.handler = SIG_IGN,
	};

	sys6(SYS_rt_sigaction, sig, (long)&act, 0, 8, 0, 0);
}

/* What a thread sees of itself; it also changes what it shares. */
static int report(void *arg)
{
	char c = 'x';

	seen_pid = sys0(SYS_getpid);
	seen_tid = sys_gettid();
	seen_ppid = sys0(SYS_getppid);
	sys2(SYS_arch_prctl, ARCH_GET_FS, &seen_fs);
	shared_word = 42;		/* CLONE_VM: the creator sees it */
	/* CLONE_FILES: the creator's descriptors are ours */
	seen_fd_ok = sys3(SYS_write, pipe_fds[1], &c, 1) == 1;
	cwd_changed = sys1(SYS_chdir, "/proc") == 0;	/* CLONE_FS: for the creator too */
	/* setpgid(0, 0) names the process (the group it leads already) */
	seen_setpgid = sys2(SYS_setpgid, 0, 0);
	/* CLONE_SIGHAND: ignoring SIGUSR2 ignores it for the creator too. */
	sys4_sigaction_ignore(SIGUSR2);
	return (int)(long)arg;
}

static int just_exit(void *arg)
{
	return 0;
}

static void test_thread_ids(void)
{
	struct sigaction old;
	char cwd[64], c;
	long tid;

	pipe(pipe_fds);
	tid = thread_start(&t1, 0, report, (void *)7);
	ok(tid > 0, "clone with pthread_create's flags makes a thread");
	thread_join(&t1);
	ok_eq(getpid(), seen_pid, "the thread's getpid is the process's pid");
	ok_eq(tid, seen_tid, "its gettid is the id clone returned");
	ok(seen_tid != getpid(), "which is not the process's pid");
	ok_eq(getppid(), seen_ppid, "its getppid is the process's parent");
	ok_eq(0, t1.tid, "CLONE_CHILD_CLEARTID: the tid word is 0 once it has exited");
	ok_eq(42, shared_word, "CLONE_VM: its write to memory is ours");
	ok(seen_fd_ok && read(pipe_fds[0], &c, 1) == 1 && c == 'x',
	   "CLONE_FILES: it wrote to our pipe through our descriptor");
	ok(cwd_changed && getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/proc"),
	   "CLONE_FS: its chdir moved us too");
	ok(sigaction(SIGUSR2, NULL, &old) == 0 && old.sa_handler == SIG_IGN,
	   "CLONE_SIGHAND: it made SIGUSR2 ignored for us too");
	/* 0, or EPERM for a session leader (as a runner may start us): the same for both */
	ok_eq(setpgid(0, 0) ? -errno : 0, seen_setpgid,
	      "setpgid(0, 0) in a thread acts on its process, as in the leader");
	chdir("/");
	close(pipe_fds[0]);
	close(pipe_fds[1]);
}

static volatile int go;

static int wait_for_go(void *arg)
{
	event_wait(&go, FUTEX_PRIVATE_FLAG);
	return 0;
}

/* CLONE_CHILD_SETTID and CLONE_CHILD_CLEARTID share one word: set at start, 0 at exit. */
static void test_tid_words(void)
{
	long tid;

	t1.tid = -1;
	go = 0;
	tid = raw_clone((THREAD_FLAGS & ~CLONE_PARENT_SETTID) | CLONE_CHILD_SETTID,
			t1.stack + THREAD_STACK, NULL, &t1.tid, 0, wait_for_go, NULL);
	while (__atomic_load_n(&t1.tid, __ATOMIC_SEQ_CST) == -1)
		sched_yield();
	ok_eq(tid, t1.tid, "CLONE_CHILD_SETTID: the thread stores its tid in its word");
	ok_errno(EINVAL, setpgid((pid_t)tid, 0), "setpgid of a thread's tid: EINVAL");
	ok_eq(getpgid(0), getpgid((pid_t)tid), "getpgid of a thread's tid: its process's group");
	event_set(&go, FUTEX_PRIVATE_FLAG);
	thread_join(&t1);
	ok_eq(0, t1.tid, "and CLONE_CHILD_CLEARTID clears the same word when it exits");
}

/* CLONE_SETTLS: the thread's fs base is the tls argument. */
static void test_settls(void)
{
	static char tls_block[256] __attribute__((aligned(64)));
	long tid;

	seen_fs = 0;
	tid = raw_clone(THREAD_FLAGS | CLONE_SETTLS, t1.stack + THREAD_STACK, &t1.tid, &t1.tid,
			(unsigned long)tls_block, report, NULL);
	thread_join(&t1);
	ok(tid > 0 && seen_fs == (long)tls_block, "CLONE_SETTLS sets the thread's fs base");
	ok_eq(-EPERM, raw_clone(THREAD_FLAGS | CLONE_SETTLS, t1.stack + THREAD_STACK, &t1.tid,
				&t1.tid, 1UL << 47, report, NULL),
	      "CLONE_SETTLS with a base above user space: EPERM");
}

static void test_not_a_child(void)
{
	long tid = thread_start(&t1, 0, just_exit, NULL);

	thread_join(&t1);
	ok_errno(ECHILD, waitpid((pid_t)tid, NULL, __WALL), "a thread is not our child: ECHILD");
	ok_errno(ECHILD, waitpid(-1, NULL, WNOHANG | __WALL), "nor any child at all");
}

static void test_bad_flags(void)
{
	ok_eq(-EINVAL, raw_clone(CLONE_VM | CLONE_THREAD, t1.stack + THREAD_STACK, NULL, NULL, 0,
				 just_exit, NULL),
	      "CLONE_THREAD without CLONE_SIGHAND: EINVAL");
	ok_eq(-EINVAL, raw_clone(CLONE_SIGHAND, t1.stack + THREAD_STACK, NULL, NULL, 0,
				 just_exit, NULL),
	      "CLONE_SIGHAND without CLONE_VM: EINVAL");
	ok_eq(-EINVAL, raw_clone(CLONE_THREAD | CLONE_SIGHAND, t1.stack + THREAD_STACK, NULL,
				 NULL, 0, just_exit, NULL),
	      "CLONE_THREAD | CLONE_SIGHAND without CLONE_VM: EINVAL");
}

/*
 * long raw_clone3(args, size, fn, arg): clone3, the child calling
 * fn(arg) on the stack clone3 gave it and exiting with its value.
 */
long raw_clone3(struct clone_args *args, size_t size, int (*fn)(void *), void *arg);
__asm__(".text\n"
	".globl raw_clone3\n"
	"raw_clone3:\n"
	"	push %r12\n"
	"	push %r13\n"
	"	mov %rdx, %r12\n"		/* the child keeps our registers */
	"	mov %rcx, %r13\n"
	"	mov $435, %eax\n"
	"	syscall\n"
	"	test %rax, %rax\n"
	"	jnz 1f\n"
	"	xor %ebp, %ebp\n"
	"	mov %r13, %rdi\n"
	"	call *%r12\n"
	"	mov %eax, %edi\n"
	"	mov $60, %eax\n"
	"	syscall\n"
	"	hlt\n"
	"1:	pop %r13\n"
	"	pop %r12\n"
	"	ret\n");

static int note_tid(void *arg)
{
	seen_tid = sys_gettid();
	return 0;
}

/* clone3: the same thread, its stack given as base and size. */
static void test_clone3(void)
{
	struct clone_args args = {
		.flags = THREAD_FLAGS,
		.child_tid = (unsigned long)&t2.tid,
		.parent_tid = (unsigned long)&t2.tid,
		.stack = (unsigned long)t2.stack,
		.stack_size = THREAD_STACK,
	};
	long tid;

	seen_tid = 0;
	tid = raw_clone3(&args, sizeof(args), note_tid, NULL);
	thread_join(&t2);
	ok(tid > 0 && seen_tid == tid, "clone3 with CLONE_THREAD makes a thread on the stack given");
	args.exit_signal = SIGCHLD;
	ok_eq(-EINVAL, raw_clone3(&args, sizeof(args), note_tid, NULL),
	      "clone3: CLONE_THREAD with an exit signal: EINVAL");
	args.exit_signal = 0;
	args.flags |= CLONE_DETACHED;
	ok_eq(-EINVAL, raw_clone3(&args, sizeof(args), note_tid, NULL),
	      "clone3: CLONE_DETACHED: EINVAL");
	args.flags &= ~(unsigned long long)CLONE_DETACHED;
	args.stack_size = 0;
	ok_eq(-EINVAL, raw_clone3(&args, sizeof(args), note_tid, NULL),
	      "clone3: a stack of size 0: EINVAL");
	args.stack_size = THREAD_STACK;
	ok_eq(-EINVAL, raw_clone3(&args, 32, note_tid, NULL),
	      "clone3: a struct smaller than version 0: EINVAL");
}

int main(void)
{
	test_thread_ids();
	test_tid_words();
	test_settls();
	test_not_a_child();
	test_bad_flags();
	test_clone3();
	return tap_done();
}
