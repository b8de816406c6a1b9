// SPDX-License-Identifier: GPL-2.0
/*
 * CPU exceptions in user mode become the signals Linux sends: #UD is
 * SIGILL (ILL_ILLOPN), #DE is SIGFPE (FPE_INTDIV), both with si_addr the
 * faulting instruction; int3 is SIGTRAP (SI_KERNEL) and the handler
 * returns past it; #GP (a non-canonical address, a privileged
 * instruction, a return to a non-canonical rip) is SIGSEGV with si_code
 * SI_KERNEL and si_addr 0. By default each of them kills the process.
 */
#define _GNU_SOURCE		/* REG_RIP, REG_TRAPNO */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/wait.h>
#include <ucontext.h>
#include "tap.h"

/* Each faulting instruction at a label, so the test knows its address. */
void do_ud2(void), ud2_insn(void);
void do_div0(void), div0_insn(void);
void do_int3(void), after_int3(void);
void do_noncanonical(void);
void do_hlt(void);
asm(".text\n"
    "do_ud2:\n"
    "ud2_insn: ud2\n"
    "	ret\n"
    "do_div0:\n"
    "	xor %ecx, %ecx\n"
    "	mov $1, %eax\n"
    "	cltd\n"
    "div0_insn: idiv %ecx\n"
    "	ret\n"
    "do_int3:\n"
    "	int3\n"
    "after_int3: ret\n"
    "do_noncanonical:\n"
    "	movabs $0x800000000000, %rax\n"
    "	mov (%rax), %rax\n"
    "	ret\n"
    "do_hlt:\n"
    "	hlt\n"
    "	ret\n");

static sigjmp_buf env;
static volatile int signo, code, armed;
static volatile uintptr_t addr, rip;
static volatile long trapno;

static void on_signal(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	signo = sig;
	code = si->si_code;
	addr = (uintptr_t)si->si_addr;
	rip = uc->uc_mcontext.gregs[REG_RIP];
	trapno = uc->uc_mcontext.gregs[REG_TRAPNO];
	if (sig == SIGTRAP)
		return;		/* int3 is a trap: rip is already past it */
	if (!armed) {
		printf("# unexpected signal %d at %p\n", sig, si->si_addr);
		_exit(2);
	}
	armed = 0;
	siglongjmp(env, 1);
}

/* Run fn; 1 when a signal ended it. */
static int run(void (*fn)(void))
{
	signo = code = 0;
	addr = rip = trapno = 0;
	if (sigsetjmp(env, 1))
		return 1;
	armed = 1;
	fn();
	armed = 0;
	return 0;
}

/* How a child running fn with default signal actions ends. */
static int child_status(void (*fn)(void))
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		signal(SIGILL, SIG_DFL);
		signal(SIGFPE, SIG_DFL);
		signal(SIGSEGV, SIG_DFL);
		signal(SIGTRAP, SIG_DFL);
		fn();
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return status;
}

/* A SIGUSR1 handler that makes its return go to a non-canonical rip. */
static void return_to_noncanonical(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	uc->uc_mcontext.gregs[REG_RIP] = 0x800000000000L;
}

static void do_bad_sigreturn(void)
{
	raise(SIGUSR1);
}

static int killed_by(int status, int sig)
{
	return WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

int main(void)
{
	struct sigaction sa = { .sa_sigaction = on_signal, .sa_flags = SA_SIGINFO };
	int faulted;

	sigaction(SIGILL, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGTRAP, &sa, NULL);

	faulted = run(do_ud2);
	ok(faulted && signo == SIGILL && code == ILL_ILLOPN, "ud2: SIGILL, si_code ILL_ILLOPN");
	ok(addr == (uintptr_t)ud2_insn && rip == addr && trapno == 6,
	   "ud2: si_addr and rip the instruction, trap 6");

	faulted = run(do_div0);
	ok(faulted && signo == SIGFPE && code == FPE_INTDIV, "idiv by zero: SIGFPE, si_code FPE_INTDIV");
	ok(addr == (uintptr_t)div0_insn && rip == addr && trapno == 0,
	   "idiv by zero: si_addr and rip the instruction, trap 0");

	faulted = run(do_int3);
	ok(!faulted && signo == SIGTRAP && code == SI_KERNEL, "int3: SIGTRAP, si_code SI_KERNEL");
	ok(rip == (uintptr_t)after_int3 && trapno == 3,
	   "int3: the handler sees rip past it, trap 3, and returns there");

	faulted = run(do_noncanonical);
	ok(faulted && signo == SIGSEGV && code == SI_KERNEL && addr == 0,
	   "a non-canonical address: SIGSEGV, si_code SI_KERNEL, si_addr 0");
	ok_eq(13, trapno, "a non-canonical address: a general protection fault (trap 13)");

	faulted = run(do_hlt);
	ok(faulted && signo == SIGSEGV && code == SI_KERNEL && trapno == 13,
	   "hlt (privileged): SIGSEGV, si_code SI_KERNEL, trap 13");

	/* rt_sigreturn cannot return with sysret there: iret, whose #GP is the user's. */
	sa.sa_sigaction = return_to_noncanonical;
	sigaction(SIGUSR1, &sa, NULL);
	faulted = run(do_bad_sigreturn);
	ok(faulted && signo == SIGSEGV && code == SI_KERNEL && rip == 0x800000000000UL,
	   "a handler returning to a non-canonical rip: SIGSEGV, SI_KERNEL, that rip in the frame");

	ok(killed_by(child_status(do_ud2), SIGILL), "by default SIGILL kills");
	ok(killed_by(child_status(do_div0), SIGFPE), "by default SIGFPE kills");
	ok(killed_by(child_status(do_int3), SIGTRAP), "by default SIGTRAP kills");
	ok(killed_by(child_status(do_noncanonical), SIGSEGV), "by default the #GP's SIGSEGV kills");
	return tap_done();
}
