// SPDX-License-Identifier: GPL-2.0
/*
 * Resource limits and credentials (6.1's do_prlimit and
 * check_prlimit_permission): anyone may lower a hard limit, only
 * CAP_SYS_RESOURCE raises one; prlimit on another process needs its
 * real, effective and saved ids all to be the caller's real ones, or
 * CAP_SYS_RESOURCE. And RLIMIT_MEMLOCK, which CAP_IPC_LOCK overrides
 * (can_do_mlock and the limit check of mlock, mlockall, MAP_LOCKED).
 */
#include "credlib.h"
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>

#define CAP_IPC_LOCK		14
#define CAP_SYS_RESOURCE	24

static int get_limit(pid_t pid, struct rlimit *r)
{
	return prlimit(pid, RLIMIT_NOFILE, NULL, r);
}

static void lower_and_raise(void)
{
	struct rlimit r = { 10, 100 };

	become(NOBODY, NOGROUP);
	ok_eq(0, setrlimit(RLIMIT_NOFILE, &r), "nobody lowers its hard limit to 100");
	r.rlim_cur = 100;
	ok_eq(0, setrlimit(RLIMIT_NOFILE, &r), "raises the soft limit up to the hard one");
	r.rlim_max = 101;
	ok_errno(EPERM, setrlimit(RLIMIT_NOFILE, &r), "raising the hard limit: EPERM");
	ok_errno(EPERM, prlimit(0, RLIMIT_NOFILE, &r, NULL), "prlimit likewise");
	r = (struct rlimit){ 200, 100 };
	ok_errno(EINVAL, setrlimit(RLIMIT_NOFILE, &r), "soft above hard: EINVAL before EPERM");
	get_limit(0, &r);
	ok(r.rlim_cur == 100 && r.rlim_max == 100, "the limits stayed 100 and 100");
}

/* A child of ids (r, e, s) that waits to be killed; its pid. */
static pid_t sleeper(uid_t r, uid_t e, uid_t s)
{
	int fds[2];
	pid_t pid;

	pipe(fds);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		setresgid(NOGROUP, NOGROUP, NOGROUP);
		setresuid(r, e, s);
		write(fds[1], "r", 1);
		for (;;)
			pause();
	}
	read(fds[0], &(char){ 0 }, 1);
	close(fds[0]);
	close(fds[1]);
	return pid;
}

static void other_processes(void)
{
	pid_t same, saved, parent = getppid();
	struct rlimit r;

	setgroups(0, NULL);
	same = sleeper(NOBODY, NOBODY, NOBODY);
	saved = sleeper(NOBODY, NOBODY, 1000);
	ok_eq(0, get_limit(parent, &r), "root reads any process's limits");
	setresgid(NOGROUP, NOGROUP, NOGROUP);
	setresuid(NOBODY, NOBODY, 0);
	ok_eq(0, get_limit(same, &r), "a process whose ids are all ours");
	ok_errno(EPERM, get_limit(saved, &r), "one whose saved uid differs: EPERM");
	ok_errno(EPERM, get_limit(parent, &r), "a root process: EPERM");
	ok_eq(0, get_limit(getpid(), &r), "our own pid");
	r = (struct rlimit){ 50, 50 };
	ok_eq(0, prlimit(same, RLIMIT_NOFILE, &r, NULL), "and set another's");
	get_limit(same, &r);
	ok_eq(50, r.rlim_max, "its hard limit is 50");
	setresuid(0, 0, 0);
	kill(same, SIGKILL);
	kill(saved, SIGKILL);
	while (wait(NULL) > 0)
		;
}

static void root_without_cap(void)
{
	struct rlimit r;

	get_limit(0, &r);
	r.rlim_max += 1;
	ok_eq(0, setrlimit(RLIMIT_NOFILE, &r), "root raises its hard limit: CAP_SYS_RESOURCE");
	ok_eq(0, drop_effective(CAP_SYS_RESOURCE), "drop CAP_SYS_RESOURCE from effective");
	r.rlim_max += 1;
	ok_errno(EPERM, setrlimit(RLIMIT_NOFILE, &r), "then root may not: EPERM");
	r.rlim_max -= 2;
	ok_eq(0, setrlimit(RLIMIT_NOFILE, &r), "lowering it is still allowed");
}

/* Set our RLIMIT_MEMLOCK, soft and hard, in bytes. */
static void memlock_limit(unsigned long bytes)
{
	struct rlimit r = { bytes, bytes };

	setrlimit(RLIMIT_MEMLOCK, &r);
}

static void memlock_as_nobody(void)
{
	size_t len = 16 << 20;
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	become(NOBODY, NOGROUP);
	ok_eq(0, mlock(p, 4096), "nobody locks a page within RLIMIT_MEMLOCK (8 MiB)");
	ok_errno(ENOMEM, mlock(p, len), "16 MiB, past the limit: ENOMEM");
	ok_eq(0, munlock(p, 4096), "munlock");
	memlock_limit(0);
	ok_errno(EPERM, mlock(p, 4096), "RLIMIT_MEMLOCK 0: mlock is EPERM (can_do_mlock)");
	ok_errno(EPERM, mlockall(MCL_CURRENT), "mlockall too");
	/* The raw call: musl's mmap() turns an anonymous mapping's EPERM into ENOMEM. */
	ok_errno(EPERM, syscall(SYS_mmap, NULL, 4096, PROT_READ,
				MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED, -1, 0), "and MAP_LOCKED: EPERM");
}

static void memlock_as_root(void)
{
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	memlock_limit(0);
	ok_eq(0, mlock(p, 4096), "root locks a page with RLIMIT_MEMLOCK 0: CAP_IPC_LOCK");
	munlock(p, 4096);
	ok_eq(0, drop_effective(CAP_IPC_LOCK), "drop CAP_IPC_LOCK from effective");
	ok_errno(EPERM, mlock(p, 4096), "then mlock: EPERM");
}

int main(void)
{
	in_child(lower_and_raise, "lower_and_raise");
	in_child(other_processes, "other_processes");
	in_child(root_without_cap, "root_without_cap");
	in_child(memlock_as_nobody, "memlock_as_nobody");
	in_child(memlock_as_root, "memlock_as_root");
	return tap_done();
}
