// SPDX-License-Identifier: GPL-2.0
/*
 * The user-test runner: with utest=all (or utest=name,...) on the command
 * line, pid 1 runs the programs in /test/user one after another, before
 * any init, and reports on each:
 *
 *   utest: begin NAME
 *   utest| <each line the program wrote to stdout or stderr>
 *   utest: end NAME status 0          (or: signal 11)
 *   utest: NAME leaked 0 pages
 *
 * Each program runs as `env -i /test/user/NAME` would: no environment,
 * stdin /dev/null, stdout and stderr one pipe (as on Linux with 2>&1 into
 * a pipe, so its stdio buffers the same way), in a session of its own.
 * When it and everything it started are gone, the free page count must
 * be back where it was: a page missing is a leak. A program that runs
 * longer than utest_timeout= seconds (120) is killed with its process group.
 *
 * tests/user.sh boots this, and compares each program's lines with the
 * same binary's output on this machine's Linux.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/timer.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/fdtable.h>
#include <linux/namei.h>
#include <linux/binfmts.h>
#include <linux/utest.h>
#include <linux/pipe_fs_i.h>

/* TCG on a slow machine: generous. utest_timeout=S for programs that wait on a disk under -icount. */
static unsigned long utest_timeout_secs = 120;
#define MAX_UTESTS	128	/* as user/runtests's MAX_TESTS */
#define UTEST_LINE	512

static char utest_filter[256];
/* Where the programs are: make test's, or a lab's (utest_dir=/test/labs/NAME). */
static char utest_dir[128] = "/test/user";

static int __init utest_setup(char *str)
{
	strlcpy(utest_filter, str, sizeof(utest_filter));
	return 1;
}
__setup("utest=", utest_setup);

static int __init utest_timeout_setup(char *str)
{
	unsigned long secs;

	if (!kstrtoul(str, 10, &secs) && secs)
		utest_timeout_secs = secs;
	return 1;
}
__setup("utest_timeout=", utest_timeout_setup);

static int __init utest_dir_setup(char *str)
{
	strlcpy(utest_dir, str, sizeof(utest_dir));
	return 1;
}
__setup("utest_dir=", utest_dir_setup);

static bool selected(const char *name)
{
	const char *p = utest_filter;
	size_t len = strlen(name);

	if (!strcmp(utest_filter, "all"))
		return true;
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);

		if (n == len && !strncmp(p, name, n))
			return true;
		p += n + (comma ? 1 : 0);
	}
	return false;
}

struct utest_names {
	struct dir_context ctx;
	char *names[MAX_UTESTS];
	int n;
};

static bool collect_name(struct dir_context *ctx, const char *name, int len, loff_t pos,
			 u64 ino, unsigned int d_type)
{
	struct utest_names *u = container_of(ctx, struct utest_names, ctx);
	char *copy;

	if (d_type != DT_REG)
		return true;
	if (u->n == MAX_UTESTS) {
		pr_warn_once("utest: more than %d programs: the rest are not run\n", MAX_UTESTS);
		return true;
	}
	copy = kmalloc((size_t)len + 1, GFP_KERNEL);
	if (!copy)
		return false;
	memcpy(copy, name, (size_t)len);
	copy[len] = '\0';
	if (!selected(copy)) {
		kfree(copy);
		return true;
	}
	u->names[u->n++] = copy;
	return true;
}

int iterate_dir(struct file *file, struct dir_context *ctx);

/* The selected programs in utest_dir, sorted by name. */
static int find_utests(struct utest_names *u)
{
	struct file *dir = filp_open(utest_dir, O_RDONLY | O_DIRECTORY, 0);

	u->n = 0;
	u->ctx.actor = collect_name;
	if (IS_ERR(dir))
		return (int)PTR_ERR(dir);
	iterate_dir(dir, &u->ctx);
	fput(dir);
	for (int i = 1; i < u->n; i++)
		for (int j = i; j > 0 && strcmp(u->names[j - 1], u->names[j]) > 0; j--) {
			char *t = u->names[j];

			u->names[j] = u->names[j - 1];
			u->names[j - 1] = t;
		}
	return 0;
}

struct utest_child {
	const char *path;
	struct file *out;		/* the pipe's write end: a reference for the child */
};

/* In the new process: set up its descriptors and session, then exec. */
static int utest_exec(void *arg)
{
	struct utest_child *c = arg;
	const char *argv[] = { c->path, NULL };
	const char *envp[] = { NULL };
	struct file *null = filp_open("/dev/null", O_RDONLY, 0);
	int ret;

	for (unsigned int fd = 0; fd < current->files->fdt.max_fds; fd++)
		if (files_lookup_fd(current->files, fd))
			close_fd(fd);
	if (IS_ERR(null)) {
		fput(c->out);
		return 1;
	}
	fd_install((unsigned int)get_unused_fd_flags(0), null);
	fd_install((unsigned int)get_unused_fd_flags(0), get_file(c->out));
	fd_install((unsigned int)get_unused_fd_flags(0), c->out);
	current->signal->leader = true;
	current->signal->session = current->signal->pgrp = current->pid;
	current->signal->tty = NULL;
	ret = kernel_execve(c->path, argv, envp);
	if (ret)
		pr_info("utest: cannot execute %s: error %d\n", c->path, ret);
	return ret;
}

static pid_t utest_pgrp;

/* Out of time: the test's whole process group goes. */
static void utest_timeout(struct timer_list *t)
{
	pr_info("utest: timed out after %lu s: killing process group %d\n",
		utest_timeout_secs, utest_pgrp);
	kill_pgrp(utest_pgrp, SIGKILL, 1);
}

/* Copy the program's output to the console, a line at a time. */
static void relay_output(struct file *in)
{
	char buf[256], line[UTEST_LINE];
	size_t len = 0;
	ssize_t n;

	while ((n = kernel_read(in, buf, sizeof(buf), NULL)) > 0 || n == -ERESTARTSYS) {
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] != '\n' && len < sizeof(line) - 1) {
				line[len++] = buf[i];
				continue;
			}
			line[len] = '\0';
			pr_info("utest| %s\n", line);
			len = 0;
		}
		if (n == -ERESTARTSYS)
			flush_signals(current);
	}
	if (len) {
		line[len] = '\0';
		pr_info("utest| %s\n", line);
	}
}

/* Reap everything: the test, and orphans it left (reparented to us). */
static int reap_all(pid_t pid)
{
	int status = 0, st;
	pid_t p;

	kill_pgrp(pid, SIGKILL, 1);	/* stragglers in the test's group */
	while ((p = kernel_wait(-1, &st)) > 0)
		if (p == pid)
			status = st;
	return status;
}



static bool run_utest(const char *name)
{
	char path[192];
	struct utest_child child = { .path = path };
	struct file *pipe[2];
	struct timer_list timer;
	unsigned long before = mm_settled_free_pages(), after;
	unsigned long audit_before = mm_audit_errors(), audit;
	pid_t pid;
	int status;

	snprintf(path, sizeof(path), "%s/%s", utest_dir, name);
	pr_info("utest: begin %s\n", name);
	if (create_pipe_files(pipe, 0)) {
		pr_info("utest: end %s error no pipe\n", name);
		return false;
	}
	child.out = get_file(pipe[1]);
	pid = user_mode_thread(utest_exec, &child, SIGCHLD);
	fput(pipe[1]);
	if (pid < 0) {
		fput(child.out);
		fput(pipe[0]);
		pr_info("utest: end %s error %d\n", name, pid);
		return false;
	}
	utest_pgrp = pid;
	timer_setup(&timer, utest_timeout);
	mod_timer(&timer, jiffies + utest_timeout_secs * HZ);
	relay_output(pipe[0]);
	fput(pipe[0]);
	status = reap_all(pid);
	del_timer(&timer);
	if ((status & 0x7f) == 0)
		pr_info("utest: end %s status %d\n", name, (status >> 8) & 0xff);
	else
		pr_info("utest: end %s signal %d%s\n", name, status & 0x7f,
			status & 0x80 ? " (core dumped)" : "");
	mm_audit_lru();
	audit = mm_audit_errors() - audit_before;
	pr_info("utest: %s mm audit errors %lu\n", name, audit);
	after = mm_settled_free_pages();
	pr_info("utest: %s leaked %ld pages\n", name, (long)(before - after));
	return status == 0 && before == after && !audit;
}

/* Run the selected user tests; returns whether the command line asked for any. */
bool utest_run(void)
{
	struct utest_names u;
	int passed = 0;

	if (!utest_filter[0])
		return false;
	if (find_utests(&u)) {
		pr_err("utest: no %s directory\n", utest_dir);
		return true;
	}
	/* The tests read /proc and /sys, as they find them mounted on Linux. */
	if (init_mount("proc", "/proc", "proc"))
		pr_warn("utest: cannot mount /proc\n");
	if (init_mount("sysfs", "/sys", "sysfs"))
		pr_warn("utest: cannot mount /sys\n");
	pr_info("utest: %d programs\n", u.n);
	for (int i = 0; i < u.n; i++) {
		passed += run_utest(u.names[i]);
		kfree(u.names[i]);
	}
	pr_info("utest: done, %d of %d clean\n", passed, u.n);
	return true;
}
