// SPDX-License-Identifier: GPL-2.0
/*
 * Signal handlers and masks: siginfo, the signal blocked while its
 * handler runs, SA_NODEFER, SA_RESETHAND, SA_RESTART against EINTR,
 * sigprocmask and sigpending, sigsuspend, an alternate stack, the FPU
 * registers intact across a handler, timers (SIGALRM), default actions.
 */
#define _GNU_SOURCE		/* ppoll */
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <ucontext.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/wait.h>
#include "tap.h"
#include "testlib.h"

static volatile int hits, depth, max_depth;
static volatile siginfo_t info;
static volatile int usr1_blocked_inside;
static volatile double fpu_result;
static volatile uintptr_t handler_sp;

static void on_usr1(int sig, siginfo_t *si, void *ucv)
{
	sigset_t cur;

	hits++;
	info = *si;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	usr1_blocked_inside = sigismember(&cur, SIGUSR1);
}

static void nested(int sig)
{
	depth++;
	if (depth > max_depth)
		max_depth = depth;
	if (depth < 3)
		raise(sig);
	depth--;
}

static void plain(int sig)
{
	(void)sig;
	hits++;
	handler_sp = (uintptr_t)__builtin_frame_address(0);
	fpu_result = 1.0 / 3.0 * 7.0;	/* use the FPU inside the handler */
}

/* Delivery: the handler, its siginfo, its mask; blocking; no queueing. */
static void test_delivery(void)
{
	struct sigaction sa = { .sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO };
	sigset_t block, pending, old;

	sigaction(SIGUSR1, &sa, NULL);
	kill(getpid(), SIGUSR1);
	ok_eq(1, hits, "kill(getpid(), SIGUSR1) runs the handler before kill returns");
	ok(info.si_signo == SIGUSR1 && info.si_code == SI_USER && info.si_pid == getpid(),
	   "siginfo: si_signo, si_code SI_USER, si_pid");
	ok(usr1_blocked_inside, "the signal is blocked while its handler runs");
	raise(SIGUSR1);
	ok(hits == 2 && info.si_code == SI_TKILL, "raise() (tkill) gives si_code SI_TKILL");

	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, &old);
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);
	sigpending(&pending);
	ok(hits == 2 && sigismember(&pending, SIGUSR1), "a blocked signal waits, pending");
	sigprocmask(SIG_SETMASK, &old, NULL);
	ok_eq(3, hits, "unblocked, it is delivered once: standard signals do not queue");
}

/* SA_NODEFER, SA_RESETHAND, the FPU across a handler, SA_ONSTACK. */
static void test_flags(void)
{
	struct sigaction sa = { .sa_handler = nested, .sa_flags = SA_NODEFER };
	volatile double x = 2.5;
	static char altstack[65536];
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR2, &sa, NULL);
	raise(SIGUSR2);
	ok_eq(3, max_depth, "SA_NODEFER: the handler is entered again from inside itself");

	hits = 0;
	sa.sa_handler = plain;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGHUP, &sa, NULL);
	raise(SIGHUP);
	sigaction(SIGHUP, NULL, &sa);
	ok(hits == 1 && sa.sa_handler == SIG_DFL, "SA_RESETHAND: after one delivery the action is SIG_DFL");

	x = x * 3.0;
	raise(SIGWINCH);	/* ignored by default */
	signal(SIGALRM, plain);
	raise(SIGALRM);
	ok(x == 7.5 && fpu_result > 2.33 && fpu_result < 2.34,
	   "floating point registers survive a handler that uses them");

	sigaltstack(&ss, NULL);
	sa.sa_handler = plain;
	sa.sa_flags = SA_ONSTACK;
	sigaction(SIGALRM, &sa, NULL);
	raise(SIGALRM);
	ok(handler_sp > (uintptr_t)altstack && handler_sp < (uintptr_t)altstack + sizeof(altstack),
	   "SA_ONSTACK: the handler runs on the sigaltstack");
}

/* The write end of test_restart's pipe: its handler writes there. */
static int restart_wfd = -1;

static void alarm_then_data(int sig)
{
	(void)sig;
	if (hits++ == 0)
		write(restart_wfd, "k", 1);
}

/*
 * EINTR or restart, for a read on an empty pipe interrupted by SIGALRM.
 * The timer repeats until disarmed, so a read that starts late still
 * meets a signal; and the data comes from the handler itself, so that
 * nothing races with the read whatever the timing.
 */
static void test_restart(void)
{
	struct sigaction sa = { .sa_handler = plain };
	struct itimerval it = { .it_value = { 0, 20000 }, .it_interval = { 0, 20000 } },
			 off = { 0 };
	int pipefd[2];
	char c;

	pipe(pipefd);
	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
	ok_errno(EINTR, read(pipefd[0], &c, 1), "a handler without SA_RESTART: the read fails with EINTR");
	setitimer(ITIMER_REAL, &off, NULL);
	restart_wfd = pipefd[1];
	sa.sa_handler = alarm_then_data;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGALRM, &sa, NULL);
	hits = 0;
	setitimer(ITIMER_REAL, &it, NULL);
	ok(read(pipefd[0], &c, 1) == 1 && c == 'k' && hits >= 1,
	   "SA_RESTART: the handler runs and the read goes on to get the data");
	setitimer(ITIMER_REAL, &off, NULL);
	signal(SIGALRM, SIG_IGN);
	close(pipefd[0]);
	close(pipefd[1]);
}

/* sigsuspend: wait with a temporary mask for the one signal it lets in. */
static void test_sigsuspend(void)
{
	sigset_t block, old, waitmask, pending;

	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, &old);
	hits = 0;
	kill(getpid(), SIGUSR1);
	sigemptyset(&waitmask);
	ok(sigsuspend(&waitmask) == -1 && errno == EINTR && hits == 0 + (info.si_signo == SIGUSR1),
	   "sigsuspend returns EINTR once the pending signal was handled");
	sigprocmask(SIG_BLOCK, NULL, &pending);
	ok(sigismember(&pending, SIGUSR1), "and the old mask is back afterwards");
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* ppoll/pselect with a mask that lets a pending signal in: EINTR, even with a zero timeout. */
static void test_ppoll_mask(void)
{
	struct timespec zero = { 0, 0 };
	sigset_t block, empty, old;

	signal(SIGUSR1, plain);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigemptyset(&empty);
	sigprocmask(SIG_BLOCK, &block, &old);
	hits = 0;
	raise(SIGUSR1);
	ok_errno(EINTR, ppoll(NULL, 0, &zero, &empty), "ppoll, zero timeout, a signal let in: EINTR");
	raise(SIGUSR1);
	ok_errno(EINTR, pselect(0, NULL, NULL, NULL, &zero, &empty), "pselect likewise: EINTR");
	ok(hits == 2 && ppoll(NULL, 0, &zero, &empty) == 0,
	   "each ran its handler; with nothing pending ppoll returns 0");
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static void test_errors(void)
{
	struct sigaction sa = { .sa_handler = plain };

	ok_errno(EINVAL, sigaction(SIGKILL, &sa, NULL), "SIGKILL cannot be caught: EINVAL");
	ok_errno(EINVAL, kill(getpid(), 65), "signal 65 does not exist: EINVAL");
	ok_errno(ESRCH, kill(999999, 0), "kill of a pid nobody has: ESRCH");
	ok_eq(0, kill(getpid(), 0), "kill with signal 0 only checks that the process exists");
}

static void test_default_actions(void)
{
	int status;
	pid_t pid;

	signal(SIGUSR1, SIG_DFL);	/* on_usr1 would catch it */
	pid = fork_pausing_child();
	kill(pid, SIGUSR1);
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1, "SIGUSR1's default action kills");
	pid = fork_pausing_child();
	kill(pid, SIGCHLD);
	kill(pid, SIGWINCH);
	usleep(10000);
	ok_eq(0, waitpid(pid, &status, WNOHANG), "SIGCHLD and SIGWINCH are ignored by default");
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
}

/*
 * RLIMIT_SIGPENDING bounds the queued real-time signals: past it,
 * sigqueue fails with EAGAIN, and kill still works but its signal
 * carries no info of its own (it merges with those queued).
 */
static void test_queue_limit(void)
{
	struct rlimit old, small = { 64, 64 };
	union sigval v = { .sival_int = 1 };
	sigset_t block, prev;
	int queued = 0;

	getrlimit(RLIMIT_SIGPENDING, &old);
	setrlimit(RLIMIT_SIGPENDING, &small);
	signal(SIGRTMIN, plain);
	sigemptyset(&block);
	sigaddset(&block, SIGRTMIN);
	sigprocmask(SIG_BLOCK, &block, &prev);
	while (queued < 1000 && sigqueue(getpid(), SIGRTMIN, v) == 0)
		queued++;
	/* The limit counts all of root's queued signals: on a busy machine some are not ours. */
	ok(queued > 0 && queued <= 64, "with RLIMIT_SIGPENDING 64, at most 64 real-time signals queue");
	ok_errno(EAGAIN, sigqueue(getpid(), SIGRTMIN, v), "one more sigqueue: EAGAIN");
	ok_eq(0, kill(getpid(), SIGRTMIN), "kill past the limit still succeeds");
	hits = 0;
	sigprocmask(SIG_SETMASK, &prev, NULL);
	ok(hits > 0 && hits <= 64, "unblocked: the queued signals are delivered, kill's merged with them");
	setrlimit(RLIMIT_SIGPENDING, &old);
	signal(SIGRTMIN, SIG_DFL);
}

/* sigaltstack: the padding of the old stack_t comes back zeroed; a frame that does not fit kills. */
static void recurse_on_altstack(int sig)
{
	raise(sig);
}

static void test_altstack_limits(void)
{
	static char small[4096];
	stack_t old, ss = { .ss_sp = small, .ss_size = sizeof(small) };
	struct sigaction sa = { .sa_handler = recurse_on_altstack, .sa_flags = SA_ONSTACK | SA_NODEFER };
	int status;
	pid_t pid;

	memset(&old, 0xff, sizeof(old));
	sigaltstack(NULL, &old);
	ok(((unsigned char *)&old)[12] == 0 && ((unsigned char *)&old)[15] == 0,
	   "sigaltstack's old stack_t: its padding comes back zeroed");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		sigaltstack(&ss, NULL);
		sigaction(SIGUSR2, &sa, NULL);
		raise(SIGUSR2);		/* frames pile up until the next cannot fit */
		_exit(0);
	}
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	   "a signal frame that would overflow the sigaltstack: SIGSEGV");
}

/* SS_AUTODISARM: the sigaltstack is disarmed while a handler runs on it. */
static volatile int frame_ss_flags, inside_ss_flags;
static volatile size_t inside_ss_size;

static void look_at_altstack(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	stack_t now;

	frame_ss_flags = uc->uc_stack.ss_flags;
	sigaltstack(NULL, &now);
	inside_ss_flags = now.ss_flags;
	inside_ss_size = now.ss_size;
}

static void test_autodisarm(void)
{
	static char stack[65536];
	stack_t ss = { .ss_sp = stack, .ss_size = sizeof(stack), .ss_flags = SS_AUTODISARM }, now;
	struct sigaction sa = { .sa_sigaction = look_at_altstack, .sa_flags = SA_SIGINFO | SA_ONSTACK };

	ok_eq(0, sigaltstack(&ss, NULL), "sigaltstack with SS_AUTODISARM");
	sigaltstack(NULL, &now);
	ok_eq((int)SS_AUTODISARM, now.ss_flags, "and it reads back so");
	sigaction(SIGUSR2, &sa, NULL);
	raise(SIGUSR2);
	ok_eq((int)SS_AUTODISARM, frame_ss_flags, "the frame's uc_stack keeps the flags as set");
	ok(inside_ss_flags == SS_DISABLE && inside_ss_size == 0,
	   "inside the handler the stack is disarmed (SS_DISABLE, size 0)");
	sigaltstack(NULL, &now);
	ok(now.ss_flags == (int)SS_AUTODISARM && now.ss_size == sizeof(stack),
	   "the handler's return re-arms it from the frame");
	ss.ss_flags = SS_DISABLE;
	sigaltstack(&ss, NULL);
}

/*
 * Timers, checked by order and count only: a loaded host stalls the
 * guest while its clock runs on, so no bound on elapsed time would hold.
 */
static void test_timers(void)
{
	struct itimerval it = { .it_value = { 0, 10000 } }, far = { .it_value = { 1000, 0 } },
			 off = { 0 }, left;
	long long left_us;

	signal(SIGALRM, plain);
	hits = 0;
	setitimer(ITIMER_REAL, &it, NULL);
	while (!hits)
		pause();
	ok_eq(1, hits, "setitimer: one SIGALRM, taken while pause waits");
	getitimer(ITIMER_REAL, &left);
	ok(!left.it_value.tv_sec && !left.it_value.tv_usec, "a one-shot timer is disarmed after it fires");
	setitimer(ITIMER_REAL, &far, NULL);
	getitimer(ITIMER_REAL, &left);
	left_us = left.it_value.tv_sec * 1000000LL + left.it_value.tv_usec;
	ok(left_us > 0 && left_us <= 1000000000LL, "an armed timer counts down from what it was set to");
	setitimer(ITIMER_REAL, &off, NULL);
	ok_eq(0, alarm(5), "alarm with no alarm pending returns 0");
	ok_eq(5, alarm(0), "and cancelling it returns the seconds left (5)");
}

int main(void)
{
	test_delivery();
	test_flags();
	test_restart();
	test_sigsuspend();
	test_ppoll_mask();
	test_errors();
	test_default_actions();
	test_timers();
	test_queue_limit();
	test_altstack_limits();
	test_autodisarm();
	return tap_done();
}
