// SPDX-License-Identifier: GPL-2.0
/*
 * The user id calls, each rule of 6.1's kernel/sys.c: what root may do
 * (CAP_SETUID: anything), what a task without it may do (move among its
 * real, effective and saved uids), how the saved uid and the fs uid
 * follow, how the capability sets follow the uids, and the errors.
 * Each case runs in a child that starts as root. ids are printed as
 * "real effective saved fs".
 */
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include "credlib.h"

#define FULL		"000001ffffffffff"
#define NONE		"0000000000000000"
/* FULL without CAP_FS_SET: CHOWN, DAC_*, FOWNER, FSETID, LINUX_IMMUTABLE, MKNOD, MAC_OVERRIDE */
#define FULL_NO_FS	"000001fef7fffde0"

static void root_setuid(void)
{
	ok_eq(0, getuid(), "root: getuid 0");
	ok_eq(0, geteuid(), "root: geteuid 0");
	ok_errno(EINVAL, setuid(-1), "setuid(-1): EINVAL, the one invalid uid");
	ok_eq(0, setuid(0), "root: setuid(0) changes nothing");
	ok_eq(1, prctl(PR_GET_DUMPABLE), "and leaves the process dumpable");
	ok_eq(0, setuid(1000), "root: setuid(1000)");
	ok_str("1000 1000 1000 1000", uids(), "sets all four uids");
	ok_str(NONE, status_line("CapPrm"), "and empties the permitted set");
	ok_str(NONE, status_line("CapEff"), "and the effective set");
	ok_str(FULL, status_line("CapBnd"), "but not the bounding set");
	ok_str("1000\t1000\t1000\t1000", status_line("Uid"), "status shows the four uids");
	ok_eq(0, prctl(PR_GET_DUMPABLE), "the process is no longer dumpable");
	ok_errno(EPERM, setuid(0), "and cannot become root again: EPERM");
	ok_eq(0, setuid(1000), "setuid to its own uid: allowed");
}

static void pdeathsig_cleared(void)
{
	int sig = -1;

	prctl(PR_SET_PDEATHSIG, SIGUSR1);
	setuid(1000);
	prctl(PR_GET_PDEATHSIG, &sig);
	ok_eq(0, sig, "a change of euid clears the parent-death signal");
}

static void root_setreuid(void)
{
	ok_eq(0, setreuid(1000, 1001), "root: setreuid(1000, 1001)");
	ok_str("1000 1001 1001 1001", uids(), "a new real uid sets saved to the new effective");
	ok_str(NONE, status_line("CapPrm"), "no uid 0 left: no permitted capabilities");
}

static void root_seteuid_keeps_saved(void)
{
	ok_eq(0, setreuid(-1, 1001), "root: setreuid(-1, 1001)");
	ok_str("0 1001 1001 1001", uids(), "an effective uid other than the real one sets saved too");
	ok_str(FULL, status_line("CapPrm"), "real uid 0 still: permitted kept");
	ok_str(NONE, status_line("CapEff"), "effective uid not 0: effective empty");
	ok_eq(0, setreuid(-1, -1), "setreuid(-1, -1) changes nothing");
	ok_str("0 1001 1001 1001", uids(), "the ids are as they were");
	ok_eq(0, setreuid(-1, 0), "back to euid 0 (the real uid)");
	ok_str("0 0 1001 0", uids(), "euid back to the real uid: saved stays, fs follows");
	ok_str(FULL, status_line("CapEff"), "euid 0 again: effective is permitted again");
}

static void seteuid_and_back(void)
{
	ok_eq(0, setresuid(-1, 1000, -1), "root: seteuid(1000) as setresuid(-1, 1000, -1)");
	ok_str("0 1000 0 1000", uids(), "only the effective and fs uids change");
	ok_str(FULL, status_line("CapPrm"), "permitted kept");
	ok_str(NONE, status_line("CapEff"), "effective emptied");
	ok_errno(EPERM, setuid(2000), "without CAP_SETUID in effect, setuid(2000): EPERM");
	ok_eq(0, setresuid(-1, 0, -1), "seteuid(0): 0 is the real and saved uid");
	ok_str(FULL, status_line("CapEff"), "effective raised to permitted");
}

/* From real 1000, effective 1000, saved 0: the saved uid lets it back. */
static void saved_root(void)
{
	ok_eq(0, setresuid(1000, 1000, 0), "root: setresuid(1000, 1000, 0)");
	ok_str("1000 1000 0 1000", uids(), "all three as asked");
	ok_str(FULL, status_line("CapPrm"), "saved uid 0: permitted kept");
	ok_eq(0, setuid(0), "setuid(0): allowed as the saved uid");
	ok_str("1000 0 0 0", uids(), "without CAP_SETUID only effective and fs change");
	ok_eq(0, setuid(2000), "euid 0 again: CAP_SETUID, setuid(2000) sets all");
	ok_str("2000 2000 2000 2000", uids(), "real, effective, saved and fs");
}

static void three_uids(void)
{
	ok_eq(0, setresuid(1000, 1001, 1002), "root: setresuid(1000, 1001, 1002)");
	ok_str("1000 1001 1002 1001", uids(), "fs follows the effective uid");
	ok_str(NONE, status_line("CapPrm"), "no uid 0: capabilities gone");
	ok_errno(EPERM, setreuid(1002, -1), "setreuid: the real uid may not become the saved one");
	ok_errno(EPERM, setreuid(-1, 7), "nor the effective uid a stranger");
	ok_errno(EPERM, setuid(1001), "setuid: only to the real or saved uid");
	ok_eq(0, setreuid(-1, 1002), "setreuid(-1, saved)");
	ok_str("1000 1002 1002 1002", uids(), "effective differs from real: saved follows it");
	ok_eq(0, setresuid(1002, 1000, 1002), "setresuid among its own uids");
	ok_str("1002 1000 1002 1000", uids(), "in any order");
	ok_errno(EPERM, setresuid(-1, -1, 7), "setresuid to a stranger: EPERM");
	ok_str("1002 1000 1002 1000", uids(), "and nothing changed");
	ok_eq(0, setreuid(1000, -1), "setreuid(effective, -1)");
	ok_str("1000 1000 1000 1000", uids(), "a new real uid: saved becomes the effective");
}

static void nobody(void)
{
	ok_eq(0, become(NOBODY, NOGROUP), "root becomes nobody");
	ok_str("65534 65534 65534 65534", uids(), "all four uids 65534");
	ok_eq(0, setuid(NOBODY), "setuid to itself");
	ok_errno(EPERM, setuid(0), "setuid(0): EPERM");
	ok_errno(EPERM, setreuid(0, -1), "setreuid(0, -1): EPERM");
	ok_errno(EPERM, setreuid(-1, 0), "setreuid(-1, 0): EPERM");
	ok_errno(EPERM, setresuid(-1, -1, 0), "setresuid(-1, -1, 0): EPERM");
	ok_eq(0, setresuid(-1, -1, -1), "setresuid(-1, -1, -1): nothing to do");
	ok_eq(0, setresuid(NOBODY, NOBODY, NOBODY), "setresuid to the same three");
	ok_errno(EINVAL, setuid(-1), "setuid(-1): EINVAL before EPERM");
	ok_eq(NOBODY, setfsuid(0), "setfsuid(0) returns the old fs uid");
	ok_eq(NOBODY, setfsuid(-1), "and did not change it");
}

static void fsuid(void)
{
	ok_eq(0, setfsuid(1000), "root: setfsuid(1000) returns the old fs uid, 0");
	ok_str("0 0 0 1000", uids(), "only the fs uid moved");
	ok_str(FULL_NO_FS, status_line("CapEff"), "the file system capabilities left the effective set");
	ok_str(FULL, status_line("CapPrm"), "permitted kept them");
	ok_eq(0, prctl(PR_GET_DUMPABLE), "a new fs uid: not dumpable");
	ok_eq(1000, setfsuid(0), "setfsuid(0)");
	ok_str(FULL, status_line("CapEff"), "fs uid 0 again: they are back");
	ok_eq(0, setresuid(1000, 1001, 1002), "setresuid(1000, 1001, 1002)");
	ok_eq(1001, setfsuid(1002), "setfsuid to the saved uid: allowed");
	ok_eq(1002, setfsuid(1000), "to the real uid");
	ok_eq(1000, setfsuid(7), "to a stranger: refused, the old fs uid returned");
	ok_eq(1000, setfsuid(-1), "it stayed");
	ok_str("1000 1001 1002 1000", uids(), "and the other uids with it");
}

static void keepcaps(void)
{
	ok_eq(0, prctl(PR_GET_KEEPCAPS), "PR_GET_KEEPCAPS: 0");
	ok_errno(EINVAL, prctl(PR_SET_KEEPCAPS, 2), "PR_SET_KEEPCAPS 2: EINVAL");
	ok_eq(0, prctl(PR_SET_KEEPCAPS, 1), "PR_SET_KEEPCAPS 1");
	ok_eq(1, prctl(PR_GET_KEEPCAPS), "PR_GET_KEEPCAPS: 1");
	ok_eq(0, setuid(1000), "setuid(1000) with keepcaps");
	ok_str(FULL, status_line("CapPrm"), "permitted kept");
	ok_str(NONE, status_line("CapEff"), "effective emptied all the same");
	ok_errno(EPERM, setuid(0), "and with no effective CAP_SETUID, setuid(0): EPERM");
}

static void bad_pointers(void)
{
	uid_t u;

	ok_errno(EFAULT, getresuid(NULL, &u, &u), "getresuid with a bad pointer: EFAULT");
	ok_errno(EFAULT, syscall(SYS_getresuid, &u, &u, (void *)1), "a bad third pointer: EFAULT");
}

int main(void)
{
	in_child(root_setuid, "root_setuid");
	in_child(pdeathsig_cleared, "pdeathsig_cleared");
	in_child(root_setreuid, "root_setreuid");
	in_child(root_seteuid_keeps_saved, "root_seteuid_keeps_saved");
	in_child(seteuid_and_back, "seteuid_and_back");
	in_child(saved_root, "saved_root");
	in_child(three_uids, "three_uids");
	in_child(nobody, "nobody");
	in_child(fsuid, "fsuid");
	in_child(keepcaps, "keepcaps");
	bad_pointers();
	return tap_done();
}
