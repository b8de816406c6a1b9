// SPDX-License-Identifier: GPL-2.0
/*
 * Capabilities: capget and capset with each header version and every
 * bad input, capset's rules, the bounding set (PR_CAPBSET_*), keepcaps
 * and the securebits, ambient capabilities, and what exec makes of the
 * sets for root, for a non-root task, for one with ambient ones, for
 * one whose effective ids differ from its real ones (a "set-ID" exec)
 * and for one sharing its fs_struct (the program re-executes itself as
 * "report" to show its sets).
 */
#define _GNU_SOURCE
#include <sys/auxv.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include "credlib.h"

#define V1	0x19980330
#define V2	0x20071026
#define V3	0x20080522

#define CAP_KILL		5
#define CAP_SETUID		7
#define CAP_SETPCAP		8
#define CAP_NET_RAW		13
#define CAP_SYS_ADMIN		21
#define CAP_LAST_CAP		40
#define SECBIT_KEEP_CAPS	(1 << 4)
#define SECBIT_KEEP_CAPS_LOCKED	(1 << 5)

struct cap_header {
	unsigned int version;
	int pid;
};

struct cap_data {
	unsigned int effective, permitted, inheritable;
};

static long capget(struct cap_header *h, struct cap_data *d)
{
	return syscall(SYS_capget, h, d);
}

static long capset(struct cap_header *h, const struct cap_data *d)
{
	return syscall(SYS_capset, h, d);
}

/* Set our three sets (64-bit each) through a version 3 header. */
static long set_caps(unsigned long long eff, unsigned long long perm, unsigned long long inh)
{
	struct cap_header h = { V3, 0 };
	struct cap_data d[2] = {
		{ (unsigned int)eff, (unsigned int)perm, (unsigned int)inh },
		{ (unsigned int)(eff >> 32), (unsigned int)(perm >> 32), (unsigned int)(inh >> 32) },
	};

	return capset(&h, d);
}

#define FULL	0x1ffffffffffULL
#define BIT(c)	(1ULL << (c))

static void test_capget(void)
{
	struct cap_header h = { V3, 0 };
	struct cap_data d[2];

	ok_eq(0, capget(&h, d), "capget, version 3, pid 0");
	ok(d[0].effective == 0xffffffff && d[1].effective == 0x1ff && d[0].inheritable == 0 &&
	   d[0].permitted == 0xffffffff && d[1].permitted == 0x1ff && d[1].inheritable == 0,
	   "root: all 41 capabilities effective and permitted, none inheritable");
	memset(d, 0xaa, sizeof(d));
	h = (struct cap_header){ V1, 0 };
	ok_eq(0, capget(&h, d), "capget, version 1");
	ok(d[0].effective == 0xffffffff && d[1].effective == 0xaaaaaaaa,
	   "version 1 fills one block: capabilities 0-31 only");
	h = (struct cap_header){ V2, getpid() };
	ok_eq(0, capget(&h, d), "capget, version 2, our own pid");
	ok_eq(0x1ff, d[1].permitted, "version 2 fills both blocks");
	h = (struct cap_header){ 0x12345678, 0 };
	ok_errno(EINVAL, capget(&h, d), "an unknown version: EINVAL");
	ok_eq(V3, h.version, "and the preferred version written back");
	h.version = 0x12345678;
	ok_eq(0, capget(&h, NULL), "an unknown version and no data: 0, the probe libcap makes");
	ok_eq(V3, h.version, "version written back");
	h = (struct cap_header){ V3, -1 };
	ok_errno(EINVAL, capget(&h, d), "a negative pid: EINVAL");
	h = (struct cap_header){ V3, 0x3fffffff };
	ok_errno(ESRCH, capget(&h, d), "no such process: ESRCH");
	h = (struct cap_header){ V3, getppid() };
	ok_eq(0, capget(&h, d), "another process's sets");
	ok_errno(EFAULT, capget(NULL, d), "a bad header: EFAULT");
	h = (struct cap_header){ V3, 0 };
	ok_errno(EFAULT, capget(&h, (struct cap_data *)1), "a bad data pointer: EFAULT");
}

static void test_capset_errors(void)
{
	struct cap_header h = { V3, getppid() };
	struct cap_data d[2] = { { 0xffffffff, 0xffffffff, 0 }, { 0x1ff, 0x1ff, 0 } };

	ok_errno(EPERM, capset(&h, d), "capset of another process: EPERM");
	h = (struct cap_header){ 7, 0 };
	ok_errno(EINVAL, capset(&h, d), "capset with an unknown version: EINVAL");
	ok_eq(V3, h.version, "the preferred version written back");
	ok_errno(EFAULT, capset(NULL, d), "a bad header: EFAULT");
	h = (struct cap_header){ V3, 0 };
	ok_errno(EFAULT, capset(&h, NULL), "no data: EFAULT");
	h = (struct cap_header){ V3, getpid() };
	d[1].effective = d[1].permitted = 0xffffffff;
	ok_eq(0, capset(&h, d), "our own pid, bits past CAP_LAST_CAP: ignored");
	ok_str("000001ffffffffff", status_line("CapPrm"), "permitted unchanged");
}

static void test_capset_rules(void)
{
	ok_eq(0, set_caps(FULL & ~BIT(CAP_SYS_ADMIN), FULL, 0), "drop CAP_SYS_ADMIN from effective");
	ok_str("000001ffffdfffff", status_line("CapEff"), "CapEff without bit 21");
	ok_eq(0, set_caps(FULL, FULL, 0), "raise it again: it is permitted");
	ok_eq(0, set_caps(FULL & ~BIT(CAP_KILL), FULL & ~BIT(CAP_KILL), 0),
	      "drop CAP_KILL from permitted");
	ok_errno(EPERM, set_caps(FULL, FULL, 0), "raising permitted again: EPERM");
	ok_errno(EPERM, set_caps(FULL & ~BIT(CAP_KILL), 0, 0), "effective beyond permitted: EPERM");
	ok_eq(0, set_caps(0, FULL & ~BIT(CAP_KILL), BIT(CAP_KILL)),
	      "with CAP_SETPCAP, inheritable may hold what is not permitted");
	ok_str("0000000000000020", status_line("CapInh"), "CapInh: CAP_KILL");
	ok_eq(0, set_caps(0, FULL & ~BIT(CAP_KILL) & ~BIT(CAP_NET_RAW), BIT(CAP_KILL)),
	      "drop CAP_NET_RAW from permitted too");
	ok_errno(EPERM, set_caps(0, FULL & ~BIT(CAP_KILL) & ~BIT(CAP_NET_RAW),
				 BIT(CAP_KILL) | BIT(CAP_NET_RAW)),
		 "without CAP_SETPCAP in effect, inheritable may not grow past permitted");
	ok_eq(0, set_caps(0, BIT(CAP_SYS_ADMIN), BIT(CAP_KILL)), "permitted down to CAP_SYS_ADMIN");
	ok_str("0000000000200000", status_line("CapPrm"), "CapPrm");
	ok_str("0000000000000000", status_line("CapEff"), "CapEff");
}

static void test_capset_v1(void)
{
	struct cap_header h = { V1, 0 };
	struct cap_data d = { 0xffffffff, 0xffffffff, 0 };

	ok_eq(0, capset(&h, &d), "capset, version 1: one block");
	ok_str("00000000ffffffff", status_line("CapPrm"), "capabilities 32-40 dropped");
}

static void test_bounding_set(void)
{
	ok_eq(1, prctl(PR_CAPBSET_READ, CAP_SYS_ADMIN), "PR_CAPBSET_READ: CAP_SYS_ADMIN is there");
	ok_errno(EINVAL, prctl(PR_CAPBSET_READ, CAP_LAST_CAP + 1), "PR_CAPBSET_READ past the last: EINVAL");
	ok_errno(EINVAL, prctl(PR_CAPBSET_DROP, 99), "PR_CAPBSET_DROP(99): EINVAL");
	ok_eq(0, prctl(PR_CAPBSET_DROP, CAP_SYS_ADMIN), "PR_CAPBSET_DROP(CAP_SYS_ADMIN)");
	ok_eq(0, prctl(PR_CAPBSET_READ, CAP_SYS_ADMIN), "no longer in the bounding set");
	ok_str("000001ffffdfffff", status_line("CapBnd"), "CapBnd");
	ok_str("000001ffffffffff", status_line("CapEff"), "but still effective until an exec");
	ok_eq(0, set_caps(FULL & ~BIT(CAP_SETPCAP), FULL, 0), "drop CAP_SETPCAP from effective");
	ok_errno(EPERM, prctl(PR_CAPBSET_DROP, CAP_KILL), "PR_CAPBSET_DROP without it: EPERM");
	ok_errno(EPERM, prctl(PR_CAPBSET_DROP, 99), "EPERM before EINVAL");
}

static void test_securebits(void)
{
	ok_eq(0, prctl(PR_GET_SECUREBITS), "no securebits");
	ok_eq(0, prctl(PR_SET_SECUREBITS, SECBIT_KEEP_CAPS), "PR_SET_SECUREBITS(SECBIT_KEEP_CAPS)");
	ok_eq(1, prctl(PR_GET_KEEPCAPS), "PR_GET_KEEPCAPS reads the same bit");
	ok_errno(EPERM, prctl(PR_SET_SECUREBITS, 1 << 30), "an unknown bit: EPERM");
	ok_eq(0, prctl(PR_SET_SECUREBITS, SECBIT_KEEP_CAPS_LOCKED), "lock keepcaps off");
	ok_errno(EPERM, prctl(PR_SET_KEEPCAPS, 1), "then PR_SET_KEEPCAPS: EPERM");
	ok_errno(EPERM, prctl(PR_SET_SECUREBITS, 0), "and no unlocking: EPERM");
	ok_eq(SECBIT_KEEP_CAPS_LOCKED, prctl(PR_GET_SECUREBITS), "securebits: the lock");
}

static void test_ambient(void)
{
	ok_eq(0, prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, 0), "nothing ambient");
	ok_errno(EPERM, prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0),
		 "raising one not inheritable: EPERM");
	ok_eq(0, set_caps(FULL, FULL, BIT(CAP_NET_RAW)), "make CAP_NET_RAW inheritable");
	ok_eq(0, prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0), "raise it ambient");
	ok_eq(1, prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, 0), "it is set");
	ok_str("0000000000002000", status_line("CapAmb"), "CapAmb");
	ok_errno(EINVAL, prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_LAST_CAP + 1, 0, 0),
		 "past the last capability: EINVAL");
	ok_errno(EINVAL, prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 1, 0),
		 "a nonzero unused argument: EINVAL");
	ok_errno(EINVAL, prctl(PR_CAP_AMBIENT, 9, CAP_NET_RAW, 0, 0), "an unknown operation: EINVAL");
	ok_errno(EINVAL, prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 1, 0, 0),
		 "CLEAR_ALL with an argument: EINVAL");
	ok_eq(0, set_caps(FULL, FULL, 0), "no longer inheritable");
	ok_str("0000000000000000", status_line("CapAmb"), "so no longer ambient");
	set_caps(FULL, FULL, BIT(CAP_NET_RAW));
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0);
	ok_eq(0, prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_LOWER, CAP_NET_RAW, 0, 0), "LOWER");
	ok_eq(0, prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, 0), "gone");
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0);
	ok_eq(0, prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0), "CLEAR_ALL");
	ok_str("0000000000000000", status_line("CapAmb"), "none");
}

/*
 * Give ourselves a sibling process that shares our fs_struct (clone
 * CLONE_FS), alive until our exec closes the pipe it waits on.
 */
static void share_fs_until_exec(void)
{
	int hold[2];

	pipe2(hold, O_CLOEXEC);
	if (syscall(SYS_clone, CLONE_FS | SIGCHLD, 0, 0, 0, 0) == 0) {
		close(hold[1]);
		read(hold[0], &(char){ 0 }, 1);
		_exit(0);
	}
	close(hold[0]);
}

/*
 * Execute ourselves as what ("report": the sets as exec left them;
 * "stack": the stack limit; "ids": the uids) with stdout on a pipe,
 * while sharing our fs_struct if shared_fs; the line it printed.
 */
static const char *exec_report_how(const char *what, int shared_fs)
{
	static char buf[256];
	int fds[2], status;
	ssize_t n;

	pipe(fds);
	fflush(stdout);
	if (fork() == 0) {
		dup2(fds[1], 1);
		if (shared_fs)
			share_fs_until_exec();
		execl("/proc/self/exe", "cred_caps", what, NULL);
		_exit(127);
	}
	close(fds[1]);
	n = read(fds[0], buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = 0;
	close(fds[0]);
	wait(&status);
	return buf;
}

static const char *exec_report_arg(const char *what)
{
	return exec_report_how(what, 0);
}

static const char *exec_report(void)
{
	return exec_report_arg("report");
}

static char **start_envp;

/*
 * AT_SECURE as the kernel gave it, from the auxiliary vector past the
 * environment: glibc's getauxval(AT_SECURE) is its own view, which also
 * counts ids that differ.
 */
static unsigned long at_secure(void)
{
	char **p = start_envp;

	while (*p)
		p++;
	for (unsigned long *av = (unsigned long *)(p + 1); av[0] != AT_NULL; av += 2)
		if (av[0] == AT_SECURE)
			return av[1];
	return -1UL;
}

static void report(void)
{
	const char *names[] = { "CapInh", "CapPrm", "CapEff", "CapAmb" };

	for (int i = 0; i < 4; i++)
		printf("%s %s ", names[i], status_line(names[i]));
	printf("keepcaps %d secure %lu", prctl(PR_GET_KEEPCAPS), at_secure());
}

static void exec_as_root(void)
{
	prctl(PR_CAPBSET_DROP, CAP_SYS_ADMIN);
	set_caps(0, BIT(CAP_KILL), 0);
	prctl(PR_SET_KEEPCAPS, 1);
	ok_str("CapInh 0000000000000000 CapPrm 000001ffffdfffff CapEff 000001ffffdfffff "
	       "CapAmb 0000000000000000 keepcaps 0 secure 0", exec_report(),
	       "root's exec: permitted and effective are the bounding set; keepcaps cleared");
}

static void exec_as_nobody(void)
{
	prctl(PR_SET_KEEPCAPS, 1);
	setuid(NOBODY);
	ok_str("000001ffffffffff", status_line("CapPrm"), "nobody with keepcaps: permitted kept");
	ok_str("CapInh 0000000000000000 CapPrm 0000000000000000 CapEff 0000000000000000 "
	       "CapAmb 0000000000000000 keepcaps 0 secure 0", exec_report(),
	       "but an exec as nobody leaves none");
}

static void exec_with_ambient(void)
{
	prctl(PR_SET_KEEPCAPS, 1);
	set_caps(FULL, FULL, BIT(CAP_NET_RAW));
	setresuid(NOBODY, NOBODY, NOBODY);
	set_caps(BIT(CAP_NET_RAW), FULL, BIT(CAP_NET_RAW));
	ok_eq(0, prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0),
	      "nobody with keepcaps raises CAP_NET_RAW ambient");
	ok_str("CapInh 0000000000002000 CapPrm 0000000000002000 CapEff 0000000000002000 "
	       "CapAmb 0000000000002000 keepcaps 0 secure 0", exec_report(),
	       "an exec keeps the ambient set, in permitted and effective");
}

static void exec_setuid_root(void)
{
	ok_eq(0, setreuid(1000, -1), "real uid 1000, effective 0");
	ok_str("CapInh 0000000000000000 CapPrm 000001ffffffffff CapEff 000001ffffffffff "
	       "CapAmb 0000000000000000 keepcaps 0 secure 1", exec_report(),
	       "an exec with euid 0 gets every capability, and AT_SECURE");
}

/*
 * An exec whose effective ids differ from its real ones is "set-ID" to
 * 6.1 even with no set-ID bit on the file: it loses the ambient set and
 * gets AT_SECURE, whatever its uid (commoncap.c: is_setid).
 */
static void exec_euid_differs(void)
{
	set_caps(FULL, FULL, BIT(CAP_NET_RAW));
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0);
	ok_eq(0, setresuid(0, 1000, 0), "root takes euid 1000, keeping uid 0 and suid 0");
	ok_str("CapInh 0000000000002000 CapPrm 000001ffffffffff CapEff 0000000000000000 "
	       "CapAmb 0000000000000000 keepcaps 0 secure 1", exec_report(),
	       "its exec: ambient cleared, nothing effective, AT_SECURE");
}

static void exec_egid_differs(void)
{
	set_caps(FULL, FULL, BIT(CAP_NET_RAW));
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0);
	ok_eq(0, setresgid(0, 1000, 0), "root takes egid 1000");
	ok_str("CapInh 0000000000002000 CapPrm 000001ffffffffff CapEff 000001ffffffffff "
	       "CapAmb 0000000000000000 keepcaps 0 secure 1", exec_report(),
	       "its exec: ambient cleared and AT_SECURE too");
}

static void exec_nonroot_setid(void)
{
	ok_eq(0, setresgid(1000, 1000, 1000), "gids 1000");
	ok_eq(0, setresuid(1000, 1001, 1001), "uid 1000, euid and suid 1001");
	ok_str("CapInh 0000000000000000 CapPrm 0000000000000000 CapEff 0000000000000000 "
	       "CapAmb 0000000000000000 keepcaps 0 secure 1", exec_report(),
	       "no capabilities, but AT_SECURE: the ids differ");
}

/* A secure exec (AT_SECURE) cuts a soft stack limit over 8 MiB to 8 MiB. */
static void exec_secure_stack_limit(void)
{
	struct rlimit rl = { 64UL << 20, RLIM_INFINITY };

	ok_eq(0, setrlimit(RLIMIT_STACK, &rl), "soft stack limit 64 MiB");
	ok_str("stack 67108864 secure 0", exec_report_arg("stack"),
	       "an ordinary exec keeps it");
	ok_eq(0, setreuid(1000, -1), "real uid 1000, effective 0");
	ok_str("stack 8388608 secure 1", exec_report_arg("stack"),
	       "a secure exec cuts it to 8 MiB");
}

/*
 * While another process shares our fs_struct, an exec that would gain
 * capabilities keeps only the permitted ones it had, and a set-ID one
 * without CAP_SETUID runs with the real ids (6.1: LSM_UNSAFE_SHARE).
 */
static void exec_shared_fs_gains_nothing(void)
{
	ok_eq(0, set_caps(BIT(CAP_KILL), BIT(CAP_KILL), 0), "root keeps only CAP_KILL");
	ok_str("CapInh 0000000000000000 CapPrm 0000000000000020 CapEff 0000000000000020 "
	       "CapAmb 0000000000000000 keepcaps 0 secure 0", exec_report_how("report", 1),
	       "an exec sharing its fs_struct: CAP_KILL still, not the bounding set");
	ok_str("CapInh 0000000000000000 CapPrm 000001ffffffffff CapEff 000001ffffffffff "
	       "CapAmb 0000000000000000 keepcaps 0 secure 0", exec_report_how("report", 0),
	       "alone: the bounding set");
}

static void exec_shared_fs_setid(void)
{
	ok_eq(0, setresuid(0, 1000, 0), "root takes euid 1000");
	ok_str("ids 0 0 0 0 CapEff 0000000000000000 secure 1", exec_report_how("ids", 1),
	       "an exec sharing its fs_struct falls back to the real uid, with nothing effective");
	ok_str("ids 0 1000 1000 1000 CapEff 0000000000000000 secure 1", exec_report_how("ids", 0),
	       "alone: euid 1000, and the saved uid follows it");
}

static void setuid_clears_ambient(void)
{
	set_caps(FULL, FULL, BIT(CAP_NET_RAW));
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0);
	prctl(PR_SET_KEEPCAPS, 1);
	setuid(1000);
	ok_str("0000000000000000", status_line("CapAmb"), "leaving uid 0 clears ambient, keepcaps or not");
	ok_str("000001ffffffffff", status_line("CapPrm"), "while keepcaps keeps permitted");
}

static void no_cap_setuid(void)
{
	ok_eq(0, set_caps(FULL & ~BIT(CAP_SETUID), FULL, 0), "root drops CAP_SETUID from effective");
	ok_errno(EPERM, setuid(1000), "setuid(1000): EPERM, for all its uid 0");
	ok_eq(0, setuid(0), "setuid(0) is still its own uid");
}

int main(int argc, char **argv, char **envp)
{
	start_envp = envp;
	if (argc > 1 && !strcmp(argv[1], "report")) {
		report();
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "ids")) {
		printf("ids %s CapEff %s", uids(), status_line("CapEff"));
		printf(" secure %lu", at_secure());
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "stack")) {
		struct rlimit rl;

		getrlimit(RLIMIT_STACK, &rl);
		printf("stack %lu secure %lu", (unsigned long)rl.rlim_cur, at_secure());
		return 0;
	}
	in_child(test_capget, "capget");
	in_child(test_capset_errors, "capset_errors");
	in_child(test_capset_rules, "capset_rules");
	in_child(test_capset_v1, "capset_v1");
	in_child(test_bounding_set, "bounding_set");
	in_child(test_securebits, "securebits");
	in_child(test_ambient, "ambient");
	in_child(exec_as_root, "exec_as_root");
	in_child(exec_as_nobody, "exec_as_nobody");
	in_child(exec_with_ambient, "exec_with_ambient");
	in_child(exec_setuid_root, "exec_setuid_root");
	in_child(exec_euid_differs, "exec_euid_differs");
	in_child(exec_egid_differs, "exec_egid_differs");
	in_child(exec_nonroot_setid, "exec_nonroot_setid");
	in_child(exec_secure_stack_limit, "exec_secure_stack_limit");
	in_child(exec_shared_fs_gains_nothing, "exec_shared_fs_gains_nothing");
	in_child(exec_shared_fs_setid, "exec_shared_fs_setid");
	in_child(setuid_clears_ambient, "setuid_clears_ambient");
	in_child(no_cap_setuid, "no_cap_setuid");
	return tap_done();
}
