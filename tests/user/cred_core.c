// SPDX-License-Identifier: GPL-2.0
/*
 * Core dumps and credentials, as 6.1's do_coredump has them: a process
 * that changed its ids is not dumpable and leaves no core; one made
 * dumpable again (PR_SET_DUMPABLE) dumps into a file of its fsuid,
 * named by core_pattern's %u and %g (its real uid and gid). The pattern
 * is put back at the end.
 */
#include "credlib.h"
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

#define DIR		"/tmp/faultline-cred-core"
#define PATTERN		"/proc/sys/kernel/core_pattern"
#define CORE		DIR "/core.65534.65534"

static void set_pattern(const char *pattern)
{
	int fd = open(PATTERN, O_WRONLY);

	write(fd, pattern, strlen(pattern));
	close(fd);
}

/* A nobody child, dumpable or not, that dies of SIGSEGV in DIR; its wait status. */
static int crash_as_nobody(int dumpable)
{
	struct rlimit unlimited = { RLIM_INFINITY, RLIM_INFINITY };
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		setrlimit(RLIMIT_CORE, &unlimited);
		become(NOBODY, NOGROUP);
		prctl(PR_SET_DUMPABLE, dumpable);
		chdir(DIR);
		signal(SIGSEGV, SIG_DFL);
		*(volatile int *)0 = 1;
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return status;
}

int main(void)
{
	char saved[128] = { 0 };
	struct stat st;
	int fd = open(PATTERN, O_RDONLY), status;

	read(fd, saved, sizeof(saved) - 1);
	close(fd);
	mkdir(DIR, 0777);
	chmod(DIR, 0777);
	set_pattern("core.%u.%g");
	status = crash_as_nobody(0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV && !WCOREDUMP(status),
	   "nobody after setuid, not dumpable: killed, no core");
	ok_errno(ENOENT, stat(CORE, &st), "and no core file");
	status = crash_as_nobody(1);
	ok(WIFSIGNALED(status) && WCOREDUMP(status), "made dumpable again: it dumps core");
	ok_eq(0, stat(CORE, &st), "into core.%%u.%%g: core.65534.65534");
	ok(st.st_uid == NOBODY && st.st_gid == NOGROUP && (st.st_mode & 0777) == 0600,
	   "a 0600 file of nobody's (%u:%u %o)", st.st_uid, st.st_gid, st.st_mode & 0777);
	unlink(CORE);
	rmdir(DIR);
	saved[strcspn(saved, "\n")] = 0;
	set_pattern(saved);
	return tap_done();
}
