// SPDX-License-Identifier: GPL-2.0
/*
 * execve: the new program replaces the old in the same process; what it
 * keeps (pid, open files, ignored signals, the mask) and what it loses
 * (close-on-exec files, handlers); "#!" scripts; the errors.
 */
#define _GNU_SOURCE		/* clone */
#include <elf.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "tap.h"

#define SCRIPT "/tmp/faultline-exec-script"
#define JUNK "/tmp/faultline-exec-junk"
#define PATCHED "/tmp/faultline-exec-patched"

static void handler(int sig)
{
	(void)sig;
}

/* The program again, as the exec'ed image: report what it inherited. */
static int second_life(int argc, char **argv, char **envp)
{
	sigset_t mask;
	struct sigaction sa;
	char buf[8] = "";

	printf("# exec'ed: argc %d, argv[1] %s, argv[2] %s, env %s\n", argc, argv[1], argv[2],
	       envp[0] ? envp[0] : "(none)");
	sigprocmask(SIG_BLOCK, NULL, &mask);
	sigaction(SIGUSR1, NULL, &sa);
	printf("# pid kept: %s\n", atoi(argv[3]) == getpid() ? "yes" : "no");
	printf("# fd 5 open: %s, fd 6 (close-on-exec) open: %s\n",
	       fcntl(5, F_GETFD) >= 0 ? "yes" : "no", fcntl(6, F_GETFD) >= 0 ? "yes" : "no");
	printf("# SIGUSR1 handler reset to default: %s\n", sa.sa_handler == SIG_DFL ? "yes" : "no");
	sigaction(SIGUSR2, NULL, &sa);
	printf("# SIGUSR2 still ignored: %s\n", sa.sa_handler == SIG_IGN ? "yes" : "no");
	printf("# SIGINT still blocked: %s\n", sigismember(&mask, SIGINT) ? "yes" : "no");
	if (read(5, buf, 3) == 3)
		printf("# read through the inherited fd: %.3s\n", buf);
	return 7;
}

/* Run path with argv in a child; its exit status, or -errno of the exec. */
static int run(const char *path, char *const argv[])
{
	int pipefd[2], err = 0, status;
	pid_t pid;

	pipe2(pipefd, O_CLOEXEC);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char *envp[] = { "FROM=exec-test", NULL };

		execve(path, argv, envp);
		err = errno;
		write(pipefd[1], &err, sizeof(err));
		_exit(127);
	}
	close(pipefd[1]);
	if (read(pipefd[0], &err, sizeof(err)) == sizeof(err)) {
		waitpid(pid, &status, 0);
		close(pipefd[0]);
		return -err;
	}
	close(pipefd[0]);
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1000 + WTERMSIG(status);
}

/* A copy of this program with its ELF header changed by patch(). */
static void write_patched(const char *self, void (*patch)(Elf64_Ehdr *))
{
	static char image[4 << 20];
	int fd = open(self, O_RDONLY);
	ssize_t n = read(fd, image, sizeof(image));

	close(fd);
	patch((Elf64_Ehdr *)image);
	fd = open(PATCHED, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	write(fd, image, n);
	close(fd);
}

static void entry_noncanonical(Elf64_Ehdr *eh)
{
	eh->e_entry = 0x800000000000UL;
}

static char clone_stack[65536] __attribute__((aligned(16)));

static int exec_true(void *arg)
{
	char *argv[] = { "true", NULL }, *envp[] = { NULL };

	execve("/bin/true", argv, envp);
	return 127;
}

/* A bad entry point, exec's limits and sharing (more ELF checks: elf_limits.c). */
static void test_limits(char **argv)
{
	static char *many[1000001];
	char *args[3] = { argv[0], "patched", NULL };	/* if it ran: status 99, no tests */
	int status;
	pid_t pid;

	for (int i = 0; i < 1000000; i++)
		many[i] = "";
	ok_eq(-E2BIG, run(argv[0], many), "a million empty arguments (8 MB of pointers): E2BIG");
	write_patched(argv[0], entry_noncanonical);
	ok_eq(1000 + SIGSEGV, run(PATCHED, args),
	      "an entry point above user space: past the point of no return, SIGSEGV");
	unlink(PATCHED);
	fflush(stdout);
	pid = clone(exec_true, clone_stack + sizeof(clone_stack), CLONE_VM | CLONE_SIGHAND | SIGCHLD,
		    NULL);
	ok(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "exec in a child that shared our memory and handlers (CLONE_VM|CLONE_SIGHAND)");
}

int main(int argc, char **argv, char **envp)
{
	char pidstr[16], *args[8];
	static char big[200000];
	int fd;

	if (argc > 1 && !strcmp(argv[1], "again"))
		return second_life(argc, argv, envp);
	/* Run by the kernel for "#!this-program from-script": (interpreter, arg, script). */
	if (argc == 3 && !strcmp(argv[1], "from-script"))
		return !strcmp(argv[2], SCRIPT) ? 9 : 8;
	if (argc != 1)
		return 99;	/* never run the tests again from a child */
	/* What the new image should inherit. */
	fd = open("/dev/zero", O_RDONLY);
	dup2(fd, 5);
	dup2(fd, 6);
	fcntl(6, F_SETFD, FD_CLOEXEC);
	close(fd);
	fd = open("/tmp/faultline-exec-data", O_RDWR | O_CREAT | O_TRUNC, 0600);
	write(fd, "abc", 3);
	lseek(fd, 0, SEEK_SET);
	dup2(fd, 5);
	close(fd);
	signal(SIGUSR1, handler);
	signal(SIGUSR2, SIG_IGN);
	{
		sigset_t m;

		sigemptyset(&m);
		sigaddset(&m, SIGINT);
		sigprocmask(SIG_BLOCK, &m, NULL);
	}
	snprintf(pidstr, sizeof(pidstr), "%d", getpid());
	fflush(stdout);
	if (fork() == 0) {
		char *a[] = { argv[0], "again", "x y", NULL, NULL };

		snprintf(pidstr, sizeof(pidstr), "%d", getpid());
		a[3] = pidstr;
		execv(argv[0], a);
		_exit(127);
	}
	{
		int status;

		wait(&status);
		ok_eq(7, WEXITSTATUS(status), "the exec'ed image ran and its exit status came back");
	}
	args[0] = argv[0];
	args[1] = NULL;
	ok_eq(-ENOENT, run("/tmp/faultline-no-such-program", args), "a missing program: ENOENT");
	ok_eq(-EACCES, run("/tmp", args), "a directory: EACCES");
	fd = open(JUNK, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	write(fd, "this is not a program\n", 22);
	close(fd);
	ok_eq(-ENOEXEC, run(JUNK, args), "an executable file that is no program: ENOEXEC");
	chmod(JUNK, 0644);
	ok_eq(-EACCES, run(JUNK, args), "a file without an execute bit: EACCES");
	fd = open(JUNK, O_WRONLY);
	ok_eq(-ETXTBSY, (close(fd), fd = open(argv[0], O_WRONLY), fd < 0 ? -errno : 0),
	      "the running program cannot be opened for writing: ETXTBSY");
	memset(big, 'x', sizeof(big) - 1);
	args[1] = big;
	args[2] = NULL;
	ok_eq(-E2BIG, run(argv[0], args), "an argument over 128 KiB: E2BIG");
	fd = open(SCRIPT, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	dprintf(fd, "#!%s from-script\necho not reached\n", argv[0]);
	close(fd);
	args[0] = SCRIPT;
	args[1] = NULL;
	ok_eq(9, run(SCRIPT, args), "a #! script runs its interpreter with the script's path");
	unlink(SCRIPT);
	test_limits(argv);
	unlink(JUNK);
	unlink("/tmp/faultline-exec-data");
	return tap_done();
}
