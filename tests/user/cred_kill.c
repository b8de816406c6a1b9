// SPDX-License-Identifier: GPL-2.0
/*
 * Who may signal whom (6.1's check_kill_permission): a sender's real or
 * effective uid must be the target's real or saved uid, or it needs
 * CAP_KILL; SIGCONT may go anywhere in its session. The checks of kill
 * (one process, a group, -1), tkill, tgkill, rt_sigqueueinfo and
 * pidfd_send_signal, the sender's uid in siginfo, and root without
 * CAP_KILL. And process_madvise through a pidfd: the ptrace check, then
 * CAP_SYS_NICE.
 */
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include "credlib.h"

#define CAP_KILL	5

static int report_fd;
static int ctl[2];	/* targets run until its write end closes */

/* A target's handler: tell report_fd the si_uid of each SIGUSR1. */
static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	unsigned int uid = si->si_uid;

	write(report_fd, &uid, sizeof(uid));
}

/*
 * A target: a child, in a process group of its own, that takes ids
 * (r, e, s) and lives until end_targets(); a nobody sender could not
 * kill all of them.
 */
static pid_t target(uid_t r, uid_t e, uid_t s, int fds[2])
{
	struct sigaction sa = { .sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO };
	pid_t pid;
	char c;

	if (!ctl[1])
		pipe(ctl);
	pipe(fds);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		report_fd = fds[1];
		close(ctl[1]);
		sigaction(SIGUSR1, &sa, NULL);
		setpgid(0, 0);
		setgroups(0, NULL);
		setresgid(NOGROUP, NOGROUP, NOGROUP);
		setresuid(r, e, s);
		prctl(PR_SET_DUMPABLE, 1);	/* open to the ptrace check of its uid */
		write(fds[1], "r", 1);
		while (read(ctl[0], &c, 1) != 0)
			;
		_exit(0);
	}
	close(fds[1]);
	read(fds[0], &c, 1);	/* it has its ids */
	return pid;
}

static void end_targets(void)
{
	close(ctl[1]);
	while (wait(NULL) > 0)
		;
}

static void as_nobody(void)
{
	int fds_same[2], fds_saved[2], fds_other[2];
	pid_t same = target(NOBODY, NOBODY, NOBODY, fds_same);
	pid_t saved = target(1000, 1000, NOBODY, fds_saved);
	pid_t other = target(1000, NOBODY, 1000, fds_other);
	pid_t parent = getppid(), zombie;
	unsigned int sender_uid = 0;

	setpgid(0, 0);		/* out of the parent's group, which is then all root's */
	zombie = fork();	/* root's, a zombie soon (or still running: EPERM either way) */
	if (zombie == 0)
		_exit(0);
	become(NOBODY, NOGROUP);
	ok_eq(0, kill(getpid(), 0), "nobody may signal itself");
	ok_errno(EPERM, kill(parent, 0), "signal 0 to a root process: EPERM");
	ok_errno(EPERM, kill(parent, SIGUSR2), "SIGUSR2 to it: EPERM");
	ok_errno(EPERM, kill(1, SIGTERM), "SIGTERM to init: EPERM");
	ok_errno(EPERM, kill(zombie, SIGTERM), "a root zombie: EPERM all the same");
	ok_errno(ESRCH, kill(0x3fffffff, 0), "no such process: ESRCH");
	ok_eq(0, kill(same, SIGUSR1), "a process of the same uid: allowed");
	read(fds_same[0], &sender_uid, sizeof(sender_uid));
	ok_eq(NOBODY, sender_uid, "its si_uid is the sender's real uid");
	ok_eq(0, kill(saved, 0), "one whose saved uid is ours: allowed");
	ok_errno(EPERM, kill(other, 0), "one whose effective uid only is ours: EPERM");
	ok_eq(0, kill(parent, SIGCONT), "SIGCONT to a root process of our session: allowed");
	ok_errno(EPERM, syscall(SYS_tkill, parent, SIGUSR2), "tkill to a root process: EPERM");
	ok_errno(EPERM, syscall(SYS_tgkill, parent, parent, SIGUSR2), "tgkill likewise");
	ok_errno(EPERM, sigqueue(parent, SIGUSR2, (union sigval){ 0 }), "sigqueue likewise");
	ok_errno(EPERM, kill(-getpgid(parent), 0), "a group of root processes: EPERM");
	ok_eq(0, kill(-getpgid(same), 0), "a group with one of ours: allowed");
	ok_eq(0, kill(-1, 0), "kill(-1): refusals do not make it fail");
	end_targets();
}

/* A sender whose effective uid is the target's: that is enough. */
static void effective_sender(void)
{
	int fds[2];
	pid_t t = target(NOBODY, NOBODY, NOBODY, fds);

	setresuid(1000, NOBODY, 1000);
	ok_eq(0, kill(t, 0), "sender's effective uid is the target's real uid: allowed");
	setresuid(1000, 1000, 1000);
	ok_errno(EPERM, kill(t, 0), "none of the sender's uids matches: EPERM");
	end_targets();
}

static void root_without_cap_kill(void)
{
	int fds[2];
	pid_t t = target(NOBODY, NOBODY, NOBODY, fds);

	ok_eq(0, kill(t, 0), "root may signal nobody: CAP_KILL");
	ok_eq(0, drop_effective(CAP_KILL), "drop CAP_KILL from effective");
	ok_errno(EPERM, kill(t, 0), "then root may not: EPERM");
	ok_errno(EPERM, syscall(SYS_tkill, t, 0), "tkill likewise");
	end_targets();
}

/*
 * A process group whose only member is a zombie still exists until the
 * zombie is reaped: kill(-pgid) checks and "signals" it, as kill(pid)
 * does the zombie itself.
 */
static void zombie_group(void)
{
	char path[64];
	pid_t pid = fork();

	if (pid == 0) {
		setpgid(0, 0);
		_exit(0);
	}
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	do		/* until it is a zombie (state Z) */
		sched_yield();
	while (read_file(path) < 0 || !strstr(proc_buf, ") Z "));
	ok_eq(0, kill(-pid, 0), "a group of one zombie: signal 0 succeeds");
	ok_eq(0, kill(-pid, SIGTERM), "SIGTERM too");
	ok_eq(0, sigqueue(pid, SIGUSR1, (union sigval){ 0 }), "sigqueue to the zombie itself");
	setresuid(NOBODY, NOBODY, 0);
	ok_errno(EPERM, kill(-pid, 0), "to nobody, a root zombie's group: EPERM");
	ok_errno(EPERM, sigqueue(pid, SIGUSR1, (union sigval){ 0 }), "and sigqueue to it: EPERM");
	setresuid(0, 0, 0);
	waitpid(pid, NULL, 0);
	ok_errno(ESRCH, kill(-pid, 0), "reaped, the group is gone: ESRCH");
}

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif
#ifndef SYS_process_madvise
#define SYS_process_madvise 440
#endif
#define MADV_COLD_	20

static char some_memory[4096] __attribute__((aligned(4096)));

static long advise(int pidfd)
{
	struct iovec iov = { some_memory, sizeof(some_memory) };

	return syscall(SYS_process_madvise, pidfd, &iov, 1, MADV_COLD_, 0);
}

static void pidfds(void)
{
	int fds[2];
	pid_t same = target(NOBODY, NOBODY, NOBODY, fds);
	int root_fd = (int)syscall(SYS_pidfd_open, getppid(), 0);
	int same_fd = (int)syscall(SYS_pidfd_open, same, 0);

	some_memory[0] = 1;
	ok_eq(sizeof(some_memory), advise(same_fd), "root: process_madvise of nobody's memory");
	setgroups(0, NULL);
	setresgid(NOGROUP, NOGROUP, NOGROUP);
	setresuid(NOBODY, NOBODY, 0);	/* nobody, with a way back */
	ok_errno(EPERM, syscall(SYS_pidfd_send_signal, root_fd, 0, NULL, 0),
		 "pidfd_send_signal to a root process: EPERM");
	ok_eq(0, syscall(SYS_pidfd_send_signal, same_fd, 0, NULL, 0), "to one of ours: allowed");
	ok_errno(EACCES, advise(root_fd), "process_madvise of a root process: EACCES, the ptrace check");
	ok_errno(EPERM, advise(same_fd), "of one of ours: EPERM, no CAP_SYS_NICE");
	setresuid(0, 0, 0);
	end_targets();
}

int main(void)
{
	in_child(as_nobody, "as_nobody");
	in_child(effective_sender, "effective_sender");
	in_child(root_without_cap_kill, "root_without_cap_kill");
	in_child(zombie_group, "zombie_group");
	in_child(pidfds, "pidfds");
	return tap_done();
}
