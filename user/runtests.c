// SPDX-License-Identifier: GPL-2.0
/*
 * runtests: run the user-level test programs one after another and
 * report on each, from user space, so that the same binary drives them
 * on Faultline and on Linux (make difftest boots both with it):
 *
 *   runtests: begin NAME
 *   <each line the program wrote to stdout or stderr>
 *   runtests: end NAME status 0          (or: signal 11, or: timeout)
 *
 * Each program runs as kernel/utest.c runs it (and as `env -i PROG
 * 2>&1 | cat` would): no environment, cwd /, stdin /dev/null, stdout and
 * stderr one pipe, in a process group of its own, killed with its group
 * after TIMEOUT_S seconds.
 *
 *   runtests [NAME...]     the programs of /test/user, or just these
 */
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define TEST_DIR	"/test/user"
#define TIMEOUT_S	120
#define MAX_TESTS	128

static volatile sig_atomic_t timed_out;

static void on_alarm(int sig)
{
	timed_out = 1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in TEST_DIR, sorted; their count. */
static int list_tests(char **names)
{
	DIR *d = opendir(TEST_DIR);
	struct dirent *e;
	int n = 0;

	if (!d) {
		perror("runtests: " TEST_DIR);
		exit(2);
	}
	while ((e = readdir(d)) && n < MAX_TESTS)
		if (e->d_name[0] != '.')
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	return n;
}

static void child(const char *path, int out)
{
	char *argv[] = { (char *)path, NULL }, *envp[] = { NULL };
	int null = open("/dev/null", O_RDONLY);

	setpgid(0, 0);
	dup2(null, 0);
	dup2(out, 1);
	dup2(out, 2);
	if (chdir("/") < 0)
		_exit(125);
	execve(path, argv, envp);
	perror(path);
	_exit(127);
}

/* Run one program, copy its output, and say how it ended. */
static void run_one(const char *name)
{
	char path[512], buf[4096];
	int fds[2], status = 0;
	ssize_t n;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/%s", TEST_DIR, name);
	printf("runtests: begin %s\n", name);
	fflush(stdout);
	if (pipe(fds) < 0) {
		perror("runtests: pipe");
		exit(2);
	}
	pid = fork();
	if (pid == 0)
		child(path, fds[1]);
	close(fds[1]);
	timed_out = 0;
	alarm(TIMEOUT_S);
	while ((n = read(fds[0], buf, sizeof(buf))) != 0) {
		if (n > 0) {
			fwrite(buf, 1, n, stdout);
			fflush(stdout);
		} else if (timed_out) {
			kill(-pid, SIGKILL);
			break;
		}
	}
	close(fds[0]);
	waitpid(pid, &status, 0);
	alarm(0);
	kill(-pid, SIGKILL);	/* whatever it left running */
	if (timed_out)
		printf("runtests: end %s timeout\n", name);
	else if (WIFSIGNALED(status))
		printf("runtests: end %s signal %d\n", name, WTERMSIG(status));
	else
		printf("runtests: end %s status %d\n", name, WEXITSTATUS(status));
	fflush(stdout);
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_alarm };	/* no SA_RESTART: read sees EINTR */
	char *names[MAX_TESTS];
	int n;

	sigaction(SIGALRM, &sa, NULL);
	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			run_one(argv[i]);
		return 0;
	}
	n = list_tests(names);
	for (int i = 0; i < n; i++)
		run_one(names[i]);
	return 0;
}
