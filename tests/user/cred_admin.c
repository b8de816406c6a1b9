// SPDX-License-Identifier: GPL-2.0
/*
 * The system-wide calls a capability guards, as 6.1 checks them and in
 * its order: sethostname (CAP_SYS_ADMIN, before the length), mount
 * (CAP_SYS_ADMIN, after the mount point is found), reboot (CAP_SYS_BOOT,
 * before the magic numbers), clock_settime (CAP_SYS_TIME, after the
 * time is checked), userfaultfd (CAP_SYS_PTRACE unless it handles user
 * faults only); and /proc/sys, whose files are judged by their mode and
 * the euid alone (test_perm); mapping below vm.mmap_min_addr
 * (CAP_SYS_RAWIO, cap_mmap_addr). Only refusals, opens and mappings are
 * tried: nothing system-wide is changed.
 */
#include "credlib.h"
#include <fcntl.h>
#include <time.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#define MNT		"/tmp/faultline-cred-mnt"
#define CAP_SYS_RAWIO	17
#define CAP_SYS_ADMIN	21
#define LOW		((void *)0x1000)	/* below Debian's vm.mmap_min_addr, 65536 */

static void as_nobody(void)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	become(NOBODY, NOGROUP);
	ok_errno(EPERM, sethostname("x", 1), "sethostname as nobody: EPERM");
	ok_errno(EPERM, sethostname("x", -1), "EPERM before a bad length's EINVAL");
	ok_errno(EPERM, mount("none", MNT, "tmpfs", 0, NULL), "mount as nobody: EPERM");
	ok_errno(ENOENT, mount("none", MNT "/missing", "tmpfs", 0, NULL),
		 "a missing mount point: ENOENT before EPERM");
	ok_errno(EPERM, syscall(SYS_reboot, 0, 0, 0, NULL), "reboot as nobody: EPERM, before the magic");
	ok_errno(EPERM, clock_settime(CLOCK_REALTIME, &now), "clock_settime as nobody: EPERM");
	now.tv_nsec = 2000000000;
	ok_errno(EINVAL, clock_settime(CLOCK_REALTIME, &now), "an invalid time: EINVAL before EPERM");
	ok_errno(EINVAL, clock_settime(CLOCK_MONOTONIC, &now), "a clock that cannot be set: EINVAL");
	ok_errno(EACCES, open("/proc/sys/vm/swappiness", O_WRONLY), "/proc/sys/vm/swappiness for writing: EACCES");
	ok(close(open("/proc/sys/vm/swappiness", O_RDONLY)) == 0, "for reading: allowed (0644)");
	ok_errno(EACCES, open("/proc/sys/vm/stat_refresh", O_RDONLY), "stat_refresh (0600): EACCES");
	ok_errno(EACCES, open("/proc/sys/vm/swappiness", O_RDONLY | O_TRUNC), "O_TRUNC asks to write: EACCES");
	ok_errno(EPERM, syscall(SYS_userfaultfd, O_CLOEXEC),
		 "userfaultfd as nobody, vm.unprivileged_userfaultfd 0: EPERM (CAP_SYS_PTRACE)");
	ok(syscall(SYS_userfaultfd, O_CLOEXEC | 1) >= 0, "with UFFD_USER_MODE_ONLY: allowed");
}

/* /proc/sys asks about the euid, not the fsuid the mode bits use elsewhere. */
static void sysctl_by_euid(void)
{
	setfsuid(1000);
	ok(close(open("/proc/sys/vm/swappiness", O_WRONLY)) == 0,
	   "root with fsuid 1000 opens swappiness for writing: its euid is 0");
	ok_errno(EACCES, open("/proc/sys/kernel/osrelease", O_WRONLY), "not a 0444 entry, though");
	setfsuid(0);
	setresgid(-1, 0, -1);
	setresuid(-1, 1000, -1);
	ok(close(open("/proc/sys/vm/swappiness", O_RDONLY)) == 0, "euid 1000, egid 0: group bits, read");
	ok_errno(EACCES, open("/proc/sys/vm/swappiness", O_WRONLY), "not write");
}

static void root_without_sys_admin(void)
{
	ok_errno(EINVAL, syscall(SYS_reboot, 0, 0, 0, NULL), "root's reboot with no magic: EINVAL");
	ok_eq(0, drop_effective(CAP_SYS_ADMIN), "root drops CAP_SYS_ADMIN from effective");
	ok_errno(EPERM, sethostname("x", 1), "then sethostname: EPERM");
	ok_errno(EPERM, mount("none", MNT, "tmpfs", 0, NULL), "and mount: EPERM");
}

static void *map_low(int flags)
{
	return mmap(LOW, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | flags, -1, 0);
}

/* MAP_FIXED below vm.mmap_min_addr needs CAP_SYS_RAWIO; a hint is raised instead. */
static void low_mappings(void)
{
	char *p;

	ok(map_low(MAP_FIXED) == LOW, "root maps page 1 with MAP_FIXED: CAP_SYS_RAWIO");
	munmap(LOW, 4096);
	ok_eq(0, drop_effective(CAP_SYS_RAWIO), "root drops CAP_SYS_RAWIO from effective");
	ok_errno(EPERM, (long)map_low(MAP_FIXED), "then MAP_FIXED at page 1: EPERM");
	ok_errno(EPERM, (long)map_low(MAP_FIXED_NOREPLACE), "MAP_FIXED_NOREPLACE too");
	p = map_low(0);
	ok(p != MAP_FAILED && p >= (char *)0x10000, "a hint there is raised to mmap_min_addr: %p", p);
	ok_errno(EPERM, (long)mremap(p, 4096, 4096, MREMAP_MAYMOVE | MREMAP_FIXED, LOW),
		 "mremap to page 1: EPERM");
	munmap(p, 4096);
	ok_eq(0, setuid(NOBODY), "then nobody");
	ok_errno(EPERM, (long)map_low(MAP_FIXED), "nobody's MAP_FIXED at page 1: EPERM");
}

int main(void)
{
	mkdir(MNT, 0755);
	in_child(as_nobody, "as_nobody");
	in_child(root_without_sys_admin, "root_without_sys_admin");
	in_child(sysctl_by_euid, "sysctl_by_euid");
	in_child(low_mappings, "low_mappings");
	rmdir(MNT);
	return tap_done();
}
