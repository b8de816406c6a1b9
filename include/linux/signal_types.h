/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SIGNAL_TYPES_H
#define _LINUX_SIGNAL_TYPES_H

#include <linux/types.h>
#include <linux/list.h>

/*
 * Signals as the x86_64 ABI defines them: numbers, sets, sigaction and
 * siginfo with Linux's layouts, so they are copied to and from user
 * space as they are. Linux: include/uapi/asm-generic/signal.h,
 * arch/x86/include/uapi/asm/signal.h, include/uapi/asm-generic/siginfo.h
 */
#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPWR		30
#define SIGSYS		31
#define SIGRTMIN	32
#define SIGRTMAX	64
#define _NSIG		64

typedef struct {
	unsigned long sig[1];		/* bit n-1 is signal n */
} sigset_t;

#define SA_NOCLDSTOP	0x00000001u
#define SA_NOCLDWAIT	0x00000002u
#define SA_SIGINFO	0x00000004u
#define SA_RESTORER	0x04000000u
#define SA_ONSTACK	0x08000000u
#define SA_RESTART	0x10000000u
#define SA_NODEFER	0x40000000u
#define SA_RESETHAND	0x80000000u

#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

typedef void __signalfn_t(int);
typedef __signalfn_t *__sighandler_t;
typedef void __restorefn_t(void);
typedef __restorefn_t *__sigrestore_t;

#define SIG_DFL		((__sighandler_t)0)
#define SIG_IGN		((__sighandler_t)1)

/* rt_sigaction's struct, as x86_64 user space passes it. */
struct sigaction {
	__sighandler_t sa_handler;
	unsigned long sa_flags;
	__sigrestore_t sa_restorer;
	sigset_t sa_mask;
};

struct k_sigaction {
	struct sigaction sa;
};

typedef union sigval {
	int sival_int;
	void *sival_ptr;
} sigval_t;

/*
 * siginfo: 128 bytes in user space; the kernel fills the first 48 and
 * clears the rest when copying out. Linux: kernel_siginfo / siginfo_t
 */
struct kernel_siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		struct {			/* kill, tkill, SIGCHLD's sender */
			pid_t _pid;
			uid_t _uid;
			int _status;		/* SIGCHLD: exit code or signal */
			long _utime, _stime;	/* SIGCHLD: clock ticks */
		} _sigchld;
		struct {			/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
			void *_addr;
			short _addr_lsb;
		} _sigfault;
		struct {			/* POSIX timers, sigqueue */
			int _tid;
			int _overrun;
			sigval_t _sigval;
		} _timer;
	} _sifields;
};

#define SI_MAX_SIZE	128

#define si_pid		_sifields._sigchld._pid
#define si_uid		_sifields._sigchld._uid
#define si_status	_sifields._sigchld._status
#define si_utime	_sifields._sigchld._utime
#define si_stime	_sifields._sigchld._stime
#define si_addr		_sifields._sigfault._addr

/* si_code: who sent it (<= 0 from user space) or why (> 0 from the kernel). */
#define SI_USER		0
#define SI_KERNEL	0x80
#define SI_QUEUE	-1
#define SI_TIMER	-2
#define SI_TKILL	-6
#define ILL_ILLOPC	1
#define ILL_ILLOPN	2
#define FPE_INTDIV	1
#define FPE_INTOVF	2
#define FPE_FLTDIV	3
#define FPE_FLTOVF	4
#define FPE_FLTUND	5
#define FPE_FLTRES	6
#define FPE_FLTINV	7
#define FPE_FLTSUB	8
#define SEGV_MAPERR	1
#define SEGV_ACCERR	2
#define BUS_ADRALN	1
#define BUS_ADRERR	2
#define TRAP_BRKPT	1
#define TRAP_TRACE	2
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

/* A queued signal: one per pending standard signal, any number for RT. */
struct sigqueue {
	struct list_head list;
	struct kernel_siginfo info;
};

struct sigpending {
	struct list_head list;		/* of struct sigqueue */
	sigset_t signal;
};

/* sigaltstack's struct (Linux: stack_t). */
typedef struct sigaltstack {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

#define SS_ONSTACK	1
#define SS_DISABLE	2
#define SS_AUTODISARM	(1U << 31)	/* disarm the stack while a handler runs on it */
#define SS_FLAG_BITS	SS_AUTODISARM

#endif
