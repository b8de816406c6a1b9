// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid> and credentials, as 6.1 has them: who owns the files (the
 * process's euid, or root once it changed ids and is not dumpable), and
 * which files check ptrace_may_access when opened (environ, auxv, maps,
 * smaps, pagemap, mem with PTRACE_MODE_ATTACH, the exe/cwd/root links):
 * a nobody may look at a dumpable process of its own ids that holds no
 * capability it lacks, and at none of root's. stat hides the code and
 * stack addresses of a process the reader may not inspect.
 */
#include "credlib.h"
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>

static volatile unsigned long marker = 0x1234;

static uid_t owner(const char *path)
{
	struct stat st;

	return stat(path, &st) ? (uid_t)-1 : st.st_uid;
}

static int opens(const char *path)
{
	int fd = open(path, O_RDONLY);

	if (fd >= 0)
		close(fd);
	return fd < 0 ? -1 : 0;
}

static char pidpath[64];

static const char *of(pid_t pid, const char *file)
{
	snprintf(pidpath, sizeof(pidpath), "/proc/%d/%s", pid, file);
	return pidpath;
}

/* stat's fields 26-28 (startcode endcode startstack) and 45 (start_data) of pid. */
static void stat_fields(pid_t pid, unsigned long *f)
{
	char *p;

	read_file(of(pid, "stat"));
	p = strrchr(proc_buf, ')') + 2;		/* field 3 */
	for (int i = 3; i <= 45; i++) {
		unsigned long v = strtoul(p, &p, 10);

		if (i >= 26 && i <= 28)
			f[i - 26] = v;
		if (i == 45)
			f[3] = v;
		while (*p == ' ' || (*p >= 'A' && *p <= 'Z'))
			p++;
	}
}

/* stat's last field, 52: the exit status of a zombie, to a reader who may inspect it. */
static long stat_exit_code(pid_t pid)
{
	char *p;

	read_file(of(pid, "stat"));
	p = strrchr(proc_buf, ' ');
	return p ? strtol(p + 1, NULL, 10) : -1;
}

/* A child that becomes nobody, dumpable or not, and exits 7; it stays a zombie. */
static pid_t nobody_zombie(int dumpable)
{
	int fds[2];
	pid_t pid;

	pipe(fds);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		become(NOBODY, NOGROUP);
		prctl(PR_SET_DUMPABLE, dumpable);
		_exit(7);
	}
	close(fds[1]);
	read(fds[0], &(char){ 0 }, 1);	/* EOF: it has exited */
	close(fds[0]);
	return pid;
}

static void zombies(void)
{
	pid_t dumpable = nobody_zombie(1), nondumpable = nobody_zombie(0);

	ok_eq(7 << 8, stat_exit_code(dumpable), "root sees a zombie's exit status in stat");
	ok_eq(NOBODY, owner(of(dumpable, "")), "a nobody zombie's /proc/<pid>: still nobody's");
	ok_eq(0, owner(of(dumpable, "status")), "but its files are root's: it has no mm");
	ok_eq(0, owner(of(dumpable, "fd")), "its fd directory too");
	setgroups(0, NULL);
	setresgid(NOGROUP, NOGROUP, NOGROUP);
	setresuid(NOBODY, NOBODY, 0);
	ok_eq(7 << 8, stat_exit_code(dumpable), "nobody too, for a zombie that was a dumpable nobody");
	ok_eq(0, stat_exit_code(nondumpable), "but 0 for one that was not dumpable");
	setresuid(0, 0, 0);
	while (wait(NULL) > 0)
		;
}

static void own_files(void)
{
	become(NOBODY, NOGROUP);
	ok_eq(0, prctl(PR_GET_DUMPABLE), "nobody after setuid: not dumpable");
	ok_eq(NOBODY, owner("/proc/self"), "its /proc/<pid> directory: nobody's, for ps");
	ok_eq(0, owner("/proc/self/status"), "its status file: root's");
	ok_eq(0, owner("/proc/self/environ"), "its environ: root's");
	ok_errno(EACCES, open("/proc/self/environ", O_RDONLY), "so even its own environ: EACCES");
	ok_eq(0, opens("/proc/self/maps"), "its maps (0444): readable");
	ok(readlink("/proc/self/exe", pidpath, sizeof(pidpath)) > 0, "its exe link: its own");
	ok_eq(0, owner("/proc/self/fd"), "its fd directory (0500): root's");
	ok_eq(0, opens("/proc/self/fd"), "but a process may always list its own");
	ok(readlink("/proc/self/fd/1", pidpath, sizeof(pidpath)) > 0, "and read its links");
	ok_eq(0, opens("/proc/self/fdinfo/1"), "and its fdinfo");
	ok_eq(0, prctl(PR_SET_DUMPABLE, 1), "PR_SET_DUMPABLE 1");
	ok_eq(NOBODY, owner("/proc/self/status"), "now its files are nobody's");
	ok_eq(0, opens("/proc/self/environ"), "and its environ opens");
	ok_eq(0, opens("/proc/self/auxv"), "auxv too");
	ok_eq(0, opens("/proc/self/pagemap"), "and pagemap");
}

static void roots_files(void)
{
	pid_t root = getppid();
	unsigned long f[4];

	become(NOBODY, NOGROUP);
	ok_eq(0, owner(of(root, "")), "a root process's directory: root's");
	ok_eq(0, opens(of(root, "status")), "its status (0444): readable");
	ok_eq(0, opens(of(root, "cmdline")), "its cmdline: readable, no check");
	ok_errno(EACCES, open(of(root, "environ"), O_RDONLY), "its environ (0400): EACCES");
	ok_errno(EACCES, open(of(root, "auxv"), O_RDONLY), "auxv: EACCES");
	ok_errno(EACCES, open(of(root, "mem"), O_RDONLY), "mem (0600): EACCES");
	ok_errno(EACCES, open(of(root, "pagemap"), O_RDONLY), "pagemap: EACCES");
	ok_errno(EACCES, open(of(root, "maps"), O_RDONLY), "maps is 0444, but the ptrace check: EACCES");
	ok_errno(EACCES, open(of(root, "smaps"), O_RDONLY), "smaps: EACCES");
	ok_errno(EACCES, open(of(root, "smaps_rollup"), O_RDONLY), "smaps_rollup: EACCES");
	ok_errno(EACCES, readlink(of(root, "exe"), pidpath, sizeof(pidpath)), "readlink exe: EACCES");
	ok_errno(EACCES, readlink(of(root, "cwd"), pidpath, sizeof(pidpath)), "readlink cwd: EACCES");
	ok_errno(EACCES, open(of(root, "root/"), O_RDONLY), "following root: EACCES");
	ok_errno(EACCES, open(of(root, "fd"), O_RDONLY), "its fd directory (0500): EACCES");
	ok_errno(EACCES, readlink(of(root, "fd/1"), pidpath, sizeof(pidpath)), "a link in it: EACCES");
	ok_errno(EACCES, open(of(root, "fdinfo/1"), O_RDONLY), "its fdinfo (0555, 0444): EACCES");
	stat_fields(root, f);
	ok(f[0] == 1 && f[1] == 1 && f[2] == 0 && f[3] == 0,
	   "its stat shows start and end of code as 1, stack and data as 0 (%lu %lu %lu %lu)",
	   f[0], f[1], f[2], f[3]);
	stat_fields(getpid(), f);
	ok(f[0] > 1 && f[1] > f[0] && f[2] != 0, "its own stat shows them");
}

/* A child of uid (group nogroup) that is dumpable (or not) and holds caps (or not); its pid. */
static pid_t sibling_of(uid_t uid, int dumpable, int keep_caps)
{
	int fds[2];
	pid_t pid;

	pipe(fds);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		prctl(PR_SET_KEEPCAPS, keep_caps);
		become(uid, NOGROUP);
		prctl(PR_SET_DUMPABLE, dumpable);
		marker = 0x5678;
		write(fds[1], "r", 1);
		for (;;)
			pause();
	}
	read(fds[0], &(char){ 0 }, 1);
	close(fds[0]);
	close(fds[1]);
	return pid;
}

static pid_t sibling(int dumpable, int keep_caps)
{
	return sibling_of(NOBODY, dumpable, keep_caps);
}

static void same_uid(void)
{
	pid_t dumpable = sibling(1, 0), nondumpable = sibling(0, 0), capable = sibling(1, 1);
	pid_t stranger = sibling_of(1000, 1, 0);
	unsigned long value = 0;
	int fd;

	setgroups(0, NULL);
	setresgid(NOGROUP, NOGROUP, NOGROUP);
	setresuid(NOBODY, NOBODY, 0);	/* nobody, with a way back to kill the others */
	ok_eq(0, opens(of(dumpable, "environ")), "nobody reads a dumpable nobody's environ");
	ok_eq(0, opens(of(dumpable, "maps")), "and its maps");
	fd = open(of(dumpable, "mem"), O_RDONLY);
	ok(fd >= 0, "and opens its mem");
	ok_eq(sizeof(value), pread(fd, &value, sizeof(value), (off_t)(unsigned long)&marker),
	      "reads a word of its memory");
	ok_eq(0x5678, value, "its value, not ours");
	ok_errno(EIO, pread(fd, &value, sizeof(value), 0), "an address it has not mapped: EIO");
	close(fd);
	ok(readlink(of(dumpable, "fd/1"), pidpath, sizeof(pidpath)) > 0, "and reads its fd links");
	ok_errno(EACCES, open(of(nondumpable, "fd"), O_RDONLY), "a non-dumpable nobody's fd: EACCES");
	ok_eq(1000, owner(of(stranger, "fd")), "uid 1000's fd directory is its own");
	ok_errno(EACCES, open(of(stranger, "fd"), O_RDONLY), "so nobody may not list it");
	ok_eq(0, owner(of(nondumpable, "environ")), "a non-dumpable nobody's files are root's");
	ok_errno(EACCES, open(of(nondumpable, "maps"), O_RDONLY), "its maps: EACCES");
	ok_errno(EACCES, open(of(capable, "maps"), O_RDONLY),
		 "a nobody still holding capabilities (keepcaps): EACCES");
	ok_eq(0, opens(of(capable, "fd")), "its fd directory is nobody's: it lists");
	ok_errno(EACCES, readlink(of(capable, "fd/1"), pidpath, sizeof(pidpath)),
		 "but its links need the ptrace check: EACCES");
	ok_errno(EACCES, open(of(capable, "fdinfo/1"), O_RDONLY), "its fdinfo too");
	ok_eq(0, opens(of(dumpable, "fdinfo/1")), "a dumpable nobody's fdinfo: readable");
	ok_eq(1000, owner(of(stranger, "maps")), "a dumpable uid 1000's maps are its own");
	ok_errno(EACCES, open(of(stranger, "maps"), O_RDONLY),
		 "another uid, dumpable, no capabilities: EACCES all the same");
	setresuid(0, 0, 0);
	kill(stranger, SIGKILL);
	kill(dumpable, SIGKILL);
	kill(nondumpable, SIGKILL);
	kill(capable, SIGKILL);
	while (wait(NULL) > 0)
		;
}

static void root_looks(void)
{
	pid_t nondumpable = sibling(0, 0);

	ok_eq(0, opens(of(nondumpable, "maps")), "root reads a non-dumpable process's maps");
	ok_eq(0, opens(of(nondumpable, "mem")), "and its mem: CAP_SYS_PTRACE");
	kill(nondumpable, SIGKILL);
	wait(NULL);
}

int main(void)
{
	in_child(own_files, "own_files");
	in_child(roots_files, "roots_files");
	in_child(same_uid, "same_uid");
	in_child(root_looks, "root_looks");
	in_child(zombies, "zombies");
	return tap_done();
}
