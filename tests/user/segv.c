// SPDX-License-Identifier: GPL-2.0
/*
 * Bad memory accesses from user mode become SIGSEGV, as Linux sends it:
 * si_code SEGV_MAPERR where nothing is mapped, SEGV_ACCERR where the
 * mapping forbids the access, si_addr the address touched, and in the
 * signal frame's context the page-fault error code (P W U I bits) and
 * trap number 14. A handler that repairs the mapping and returns makes
 * the access run again; a blocked or ignored SIGSEGV still kills.
 * (SIGBUS past the end of a file: filemap.c.)
 */
#define _GNU_SOURCE		/* REG_ERR, REG_TRAPNO */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <ucontext.h>
#include "tap.h"

#define P 4096

/* The page-fault error code's bits (Linux: X86_PF_*). */
#define PF_PROT		0x1
#define PF_WRITE	0x2
#define PF_USER		0x4
#define PF_INSTR	0x10

static sigjmp_buf env;
static volatile int signo, code;
static volatile uintptr_t addr;
static volatile long err, trapno;
static volatile char *fixable;
static volatile int armed;	/* env holds touch()'s frame */

static void on_fault(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	signo = sig;
	code = si->si_code;
	addr = (uintptr_t)si->si_addr;
	err = uc->uc_mcontext.gregs[REG_ERR];
	trapno = uc->uc_mcontext.gregs[REG_TRAPNO];
	if (fixable && (uintptr_t)si->si_addr - (uintptr_t)fixable < P) {
		mprotect((void *)fixable, P, PROT_READ | PROT_WRITE);
		return;		/* the write runs again, and now succeeds */
	}
	if (!armed) {
		printf("# unexpected signal %d at %p\n", sig, si->si_addr);
		_exit(2);
	}
	armed = 0;
	siglongjmp(env, 1);
}

enum access { READ, WRITE, EXEC };

/* Touch p; 1 when a signal came (its details in signo, code, ...). */
static int touch(volatile char *p, enum access how)
{
	signo = code = 0;
	addr = err = trapno = 0;
	if (sigsetjmp(env, 1))
		return 1;
	armed = 1;
	if (how == READ)
		(void)*p;
	else if (how == WRITE)
		*p = 1;
	else
		((void (*)(void))p)();
	armed = 0;
	return 0;
}

/* Check that touching p gave SIGSEGV with si_code want_code and error code want_err. */
static void expect_segv(volatile char *p, enum access how, int want_code, long want_err,
			const char *what)
{
	int faulted = touch(p, how);

	ok(faulted && signo == SIGSEGV && code == want_code && addr == (uintptr_t)p,
	   "%s: SIGSEGV, si_code %s, si_addr the address", what,
	   want_code == SEGV_MAPERR ? "SEGV_MAPERR" : "SEGV_ACCERR");
	if (!(faulted && signo == SIGSEGV && code == want_code && addr == (uintptr_t)p))
		printf("#     want: signal %d code %d addr %p\n#     got:  signal %d code %d addr %#lx\n",
		       SIGSEGV, want_code, (void *)p, signo, code, (unsigned long)addr);
	ok(err == want_err && trapno == 14, "%s: error code %#lx, trap 14 in the context", what,
	   want_err);
	if (!(err == want_err && trapno == 14))
		printf("#     want: err %#lx trapno 14\n#     got:  err %#lx trapno %ld\n",
		       want_err, err, trapno);
}

/* How a child that makes a NULL read ends, after setup(). */
static int child_status(void (*setup)(void))
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		setup();
		(void)*(volatile char *)0;
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return status;
}

static void nothing(void)
{
	signal(SIGSEGV, SIG_DFL);
}

static void block_segv(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGSEGV);
	sigprocmask(SIG_BLOCK, &set, NULL);
}

static void ignore_segv(void)
{
	signal(SIGSEGV, SIG_IGN);
}

int main(void)
{
	struct sigaction sa = { .sa_sigaction = on_fault, .sa_flags = SA_SIGINFO };
	volatile char *m = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status;

	sigaction(SIGSEGV, &sa, NULL);

	expect_segv(NULL, READ, SEGV_MAPERR, PF_USER, "a NULL read");
	munmap((void *)(m + P), P);
	expect_segv(m + P, READ, SEGV_MAPERR, PF_USER, "a read of an unmapped page");
	expect_segv(m + P + 123, WRITE, SEGV_MAPERR, PF_USER | PF_WRITE,
		    "a write into an unmapped page");

	mprotect((void *)(m + 2 * P), P, PROT_READ);
	(void)m[2 * P];	/* now present: the write below is a protection fault */
	expect_segv(m + 2 * P + 8, WRITE, SEGV_ACCERR, PF_USER | PF_WRITE | PF_PROT,
		    "a write to a read-only page it has read");
	mprotect((void *)(m + 3 * P), P, PROT_NONE);
	expect_segv(m + 3 * P, READ, SEGV_ACCERR, PF_USER, "a read of a PROT_NONE page");
	expect_segv(m + 2 * P, EXEC, SEGV_ACCERR, PF_USER | PF_INSTR | PF_PROT,
		    "running code in a readable, not executable page");
	expect_segv((volatile char *)(uintptr_t)main, WRITE, SEGV_ACCERR,
		    PF_USER | PF_WRITE | PF_PROT, "a write to the program's own code");
	expect_segv((volatile char *)0xffffffff81000000UL, READ, SEGV_MAPERR, PF_USER | PF_PROT,
		    "a read of a kernel address");
	/* At or above TASK_SIZE, Linux reports every fault as a protection fault. */
	expect_segv((volatile char *)0x7ffffffff000UL, READ, SEGV_MAPERR, PF_USER | PF_PROT,
		    "a read at TASK_SIZE, just above the stack");

	fixable = m;
	mprotect((void *)m, P, PROT_READ);
	signo = 0;
	m[5] = 42;
	ok(signo == SIGSEGV && m[5] == 42,
	   "a handler that mprotects the page and returns: the write runs again and succeeds");
	fixable = NULL;

	status = child_status(nothing);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV && !WCOREDUMP(status),
	   "default action: killed by SIGSEGV (RLIMIT_CORE 0: no core bit)");
	status = child_status(block_segv);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	   "SIGSEGV blocked: the fault kills all the same");
	status = child_status(ignore_segv);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	   "SIGSEGV ignored: the fault kills all the same");

	munmap((void *)m, 4 * P);
	return tap_done();
}
