/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RESOURCE_H
#define _LINUX_RESOURCE_H

/* Resource limits (Linux: include/uapi/asm-generic/resource.h). */
#define RLIMIT_CPU		0
#define RLIMIT_FSIZE		1
#define RLIMIT_DATA		2
#define RLIMIT_STACK		3
#define RLIMIT_CORE		4
#define RLIMIT_RSS		5
#define RLIMIT_NPROC		6
#define RLIMIT_NOFILE		7
#define RLIMIT_MEMLOCK		8
#define RLIMIT_AS		9
#define RLIMIT_LOCKS		10
#define RLIMIT_SIGPENDING	11
#define RLIMIT_MSGQUEUE		12
#define RLIMIT_NICE		13
#define RLIMIT_RTPRIO		14
#define RLIMIT_RTTIME		15
#define RLIM_NLIMITS		16

#define RLIM_INFINITY		(~0UL)

/* getrusage(2) (Linux: include/uapi/linux/resource.h). */
#define RUSAGE_SELF		0
#define RUSAGE_CHILDREN		(-1)
#define RUSAGE_THREAD		1	/* the calling thread alone */
#define RUSAGE_BOTH		(-2)	/* kernel-internal: self and children */

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

struct rusage {
	struct __kernel_old_timeval ru_utime;
	struct __kernel_old_timeval ru_stime;
	long ru_maxrss;			/* KiB */
	long ru_ixrss, ru_idrss, ru_isrss;
	long ru_minflt;			/* faults served without I/O */
	long ru_majflt;
	long ru_nswap;
	long ru_inblock, ru_oublock;
	long ru_msgsnd, ru_msgrcv, ru_nsignals;
	long ru_nvcsw;			/* voluntary context switches */
	long ru_nivcsw;
};

struct task_struct;
void getrusage(struct task_struct *p, int who, struct rusage *ru);

struct rlimit {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};

/* The defaults a booting Linux gives init (Linux: INIT_RLIMITS). */
#define _STK_LIM		(8UL << 20)
#define MLOCK_LIMIT		(8UL << 20)

#endif
