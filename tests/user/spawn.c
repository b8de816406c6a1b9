// SPDX-License-Identifier: GPL-2.0
/*
 * posix_spawn, popen and system, as musl builds them: clone with
 * CLONE_VM|CLONE_VFORK, the child running on a stack of its own inside
 * the parent's memory until it execs, the parent asleep until then. An
 * exec that fails in the child reaches the parent as posix_spawn's error.
 */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include "tap.h"

extern char **environ;

int main(void)
{
	char *true_argv[] = { "true", NULL }, *nope_argv[] = { "nope", NULL };
	char line[64] = "";
	pid_t pid;
	int status = -1, err;
	FILE *p;

	err = posix_spawn(&pid, "/bin/true", NULL, NULL, true_argv, environ);
	ok_eq(0, err, "posix_spawn of /bin/true succeeds");
	ok(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "and the child exits with status 0");
	err = posix_spawn(&pid, "/no/such/program", NULL, NULL, nope_argv, environ);
	ok_eq(ENOENT, err, "posix_spawn of a missing file reports the child's exec error, ENOENT");

	p = popen("echo popen works", "r");
	ok(p && fgets(line, sizeof(line), p) && !strcmp(line, "popen works\n"),
	   "popen reads what the command wrote");
	ok(p && pclose(p) == 0, "pclose returns the command's status, 0");
	status = system("exit 3");
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 3, "system returns the shell's status, 3");
	return tap_done();
}
