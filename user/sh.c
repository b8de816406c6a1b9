// SPDX-License-Identifier: GPL-2.0
/*
 * sh: a small shell. Enough to work at the Faultline console and to run
 * scripts:
 *
 *   cmd arg 'quoted arg' "with $VAR"     words, quotes, $VAR, $?, $$, $0..$9
 *   cmd < in > out >> log 2> err 2>&1    redirections
 *   a | b | c                            pipelines
 *   a ; b    a && b    a || b            lists
 *   cd [dir]  pwd  exit [n]  export N=V  built in
 *   # comment
 *
 * Job control, as a terminal shell needs it: each pipeline runs in a
 * process group of its own, made the terminal's foreground group while
 * it runs, so ^C (SIGINT) and ^\ reach the job and not the shell. ^C at
 * the prompt abandons the line. ^Z stops the job, which the shell then
 * continues (there is no fg/bg). Not here: background jobs (&), here
 * documents, functions, globbing, control flow.
 *
 *   sh              interactive, reading the terminal
 *   sh file [args]  run a script;  sh -c 'commands'
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define MAX_WORDS	128
#define MAX_CMDS	16
#define LINE_MAX_LEN	4096

struct redir {
	int fd;			/* 0, 1, 2 */
	int flags;		/* open flags, or -1 for n>&m */
	char *path;		/* or the fd to copy for n>&m */
};

struct cmd {
	char *argv[MAX_WORDS];
	int argc;
	struct redir redirs[8];
	int nredirs;
};

static int last_status;
static bool interactive;
static char **pos_args;		/* $0, $1, ...: the script's name and arguments */
static int pos_count;
static pid_t shell_pgrp;
static volatile sig_atomic_t got_sigint;

static void on_sigint(int sig)
{
	(void)sig;
	got_sigint = 1;
}

/* --- words --- */

static char *xstrdup(const char *s)
{
	char *d = strdup(s);

	if (!d) {
		fputs("sh: out of memory\n", stderr);
		exit(2);
	}
	return d;
}

/* Append the value of $NAME (or $?, $$) starting at *pp to out. */
static void expand_var(const char **pp, char *out, size_t *len, size_t cap)
{
	const char *p = *pp + 1;
	char name[64], val[32];
	const char *v = NULL;
	size_t n = 0;

	if (*p == '?' || *p == '$') {
		snprintf(val, sizeof(val), "%d", *p == '?' ? last_status : (int)getpid());
		v = val;
		p++;
	} else if (*p >= '0' && *p <= '9') {
		v = *p - '0' < pos_count ? pos_args[*p - '0'] : "";
		p++;
	} else {
		while ((isalnum((unsigned char)*p) || *p == '_') && n < sizeof(name) - 1)
			name[n++] = *p++;
		name[n] = '\0';
		if (!n) {
			v = "$";
		} else {
			v = getenv(name);
		}
	}
	for (; v && *v && *len < cap - 1; v++)
		out[(*len)++] = *v;
	*pp = p;
}

/*
 * The next word of *pp (quotes and escapes resolved, $ expanded), or
 * NULL at the end. Operators (| ; && || < > >> 2> 2>&1) are words of
 * their own, returned with *op set.
 */
static char *next_word(const char **pp, bool *op)
{
	const char *p = *pp;
	char buf[LINE_MAX_LEN];
	size_t len = 0;
	char quote = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	*op = false;
	if (!*p || *p == '#') {
		*pp = p;
		return NULL;
	}
	if (strchr("|;<>&", *p) || (*p == '2' && p[1] == '>')) {
		const char *ops[] = { "2>&1", "&&", "||", ">>", "2>", "|", ";", "<", ">", "&" };

		for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
			size_t n = strlen(ops[i]);

			if (!strncmp(p, ops[i], n)) {
				*pp = p + n;
				*op = true;
				return xstrdup(ops[i]);
			}
		}
	}
	while (*p && len < sizeof(buf) - 1) {
		if (quote) {
			if (*p == quote) {
				quote = 0;
				p++;
			} else if (*p == '$' && quote == '"') {
				expand_var(&p, buf, &len, sizeof(buf));
			} else {
				buf[len++] = *p++;
			}
			continue;
		}
		if (*p == ' ' || *p == '\t' || strchr("|;<>&", *p))
			break;
		if (*p == '\'' || *p == '"')
			quote = *p;
		else if (*p == '\\' && p[1])
			buf[len++] = *++p;
		else if (*p == '$') {
			expand_var(&p, buf, &len, sizeof(buf));
			continue;
		} else
			buf[len++] = *p;
		p++;
	}
	buf[len] = '\0';
	*pp = p;
	return xstrdup(buf);
}

/* --- running --- */

static int apply_redirs(const struct cmd *c)
{
	for (int i = 0; i < c->nredirs; i++) {
		const struct redir *r = &c->redirs[i];
		int fd;

		if (r->flags < 0) {
			fd = atoi(r->path);
			if (dup2(fd, r->fd) < 0) {
				fprintf(stderr, "sh: %d: %s\n", fd, strerror(errno));
				return -1;
			}
			continue;
		}
		fd = open(r->path, r->flags, 0666);
		if (fd < 0) {
			fprintf(stderr, "sh: %s: %s\n", r->path, strerror(errno));
			return -1;
		}
		if (fd != r->fd) {
			dup2(fd, r->fd);
			close(fd);
		}
	}
	return 0;
}

/* execvp's search, in PATH (default /bin:/sbin). */
static void exec_command(char **argv)
{
	const char *path = getenv("PATH");
	char full[1024];
	int err = ENOENT;

	if (strchr(argv[0], '/')) {
		execv(argv[0], argv);
		err = errno;
	} else {
		char *dirs = xstrdup(path ? path : "/bin:/sbin"), *save = NULL;

		for (char *d = strtok_r(dirs, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
			snprintf(full, sizeof(full), "%s/%s", d, argv[0]);
			execv(full, argv);
			if (errno != ENOENT)
				err = errno;
		}
	}
	if (err == ENOENT) {
		fprintf(stderr, "sh: %s: not found\n", argv[0]);
		_exit(127);
	}
	fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(err));
	_exit(126);
}

static bool builtin(struct cmd *c, int *status)
{
	if (!strcmp(c->argv[0], "cd")) {
		const char *dir = c->argc > 1 ? c->argv[1] : getenv("HOME");

		*status = 0;
		if (chdir(dir ? dir : "/") < 0) {
			fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
			*status = 1;
		}
		return true;
	}
	if (!strcmp(c->argv[0], "exit")) {
		fflush(stdout);
		exit(c->argc > 1 ? atoi(c->argv[1]) : last_status);
	}
	if (!strcmp(c->argv[0], "pwd")) {
		char buf[4096];

		*status = getcwd(buf, sizeof(buf)) ? (puts(buf), 0) : 1;
		fflush(stdout);
		return true;
	}
	if (!strcmp(c->argv[0], "export")) {
		for (int i = 1; i < c->argc; i++) {
			char *eq = strchr(c->argv[i], '=');

			if (eq) {
				*eq = '\0';
				setenv(c->argv[i], eq + 1, 1);
				*eq = '=';
			}
		}
		*status = 0;
		return true;
	}
	return false;
}

/* In the child: its own group (the job's), the foreground, default signals. */
static void child_setup(pid_t pgid)
{
	if (interactive) {
		setpgid(0, pgid);
		if (!pgid)
			tcsetpgrp(0, getpid());
	}
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	signal(SIGTSTP, SIG_DFL);
	signal(SIGTTOU, SIG_DFL);
	signal(SIGTTIN, SIG_DFL);
}

/* The status word as $? shows it, and a word on how a job died. */
static int report_status(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);

		if (sig != SIGINT && sig != SIGPIPE)
			fprintf(stderr, "%s%s\n", strsignal(sig), WCOREDUMP(status) ?
				" (core dumped)" : "");
		else if (sig == SIGINT && interactive)
			fputc('\n', stderr);
		return 128 + sig;
	}
	return 1;
}

static int run_pipeline(struct cmd *cmds, int n)
{
	pid_t pids[MAX_CMDS], pgid = 0;
	int in = -1, status = 0;

	if (n == 1 && cmds[0].argc && builtin(&cmds[0], &status))
		return status;
	for (int i = 0; i < n; i++) {
		int fds[2] = { -1, -1 };

		if (i < n - 1 && pipe(fds) < 0) {
			perror("sh: pipe");
			return 1;
		}
		fflush(stdout);
		pids[i] = fork();
		if (pids[i] == 0) {
			child_setup(pgid);
			if (in >= 0) {
				dup2(in, 0);
				close(in);
			}
			if (fds[1] >= 0) {
				dup2(fds[1], 1);
				close(fds[1]);
				close(fds[0]);
			}
			if (apply_redirs(&cmds[i]) < 0)
				_exit(1);
			if (!cmds[i].argc)
				_exit(0);
			if (builtin(&cmds[i], &status))
				_exit(status);
			exec_command(cmds[i].argv);
		}
		if (pids[i] < 0)
			perror("sh: fork");
		if (!pgid)
			pgid = pids[i];
		if (interactive && pids[i] > 0)
			setpgid(pids[i], pgid);
		if (in >= 0)
			close(in);
		if (fds[1] >= 0)
			close(fds[1]);
		in = fds[0];
	}
	if (interactive && pgid > 0)
		tcsetpgrp(0, pgid);
	for (int i = 0; i < n; i++) {
		pid_t r;
		int st;

		if (pids[i] <= 0)
			continue;
		/*
		 * ^Z stops the job. With no fg/bg to bring it back, the shell
		 * says so and lets it run on, still in the foreground.
		 */
		while ((r = waitpid(pids[i], &st, WUNTRACED)) > 0 && WIFSTOPPED(st)) {
			fprintf(stderr, "\nsh: job stopped (%s); no job control here: continuing it\n",
				strsignal(WSTOPSIG(st)));
			kill(-pgid, SIGCONT);
		}
		if (r > 0 && i == n - 1)
			status = st;
	}
	if (interactive)
		tcsetpgrp(0, shell_pgrp);
	return report_status(status);
}

/* Add a redirection; the word after the operator names the file. */
static int add_redir(struct cmd *c, const char *op, const char **pp)
{
	bool isop;
	char *path;
	struct redir *r;

	if (c->nredirs == 8) {
		fputs("sh: too many redirections\n", stderr);
		return -1;
	}
	r = &c->redirs[c->nredirs];
	if (!strcmp(op, "2>&1")) {
		*r = (struct redir){ 2, -1, xstrdup("1") };
		c->nredirs++;
		return 0;
	}
	path = next_word(pp, &isop);
	if (!path || isop) {
		fprintf(stderr, "sh: syntax error: no file after %s\n", op);
		free(path);
		return -1;
	}
	if (!strcmp(op, "<"))
		*r = (struct redir){ 0, O_RDONLY, path };
	else if (!strcmp(op, ">"))
		*r = (struct redir){ 1, O_WRONLY | O_CREAT | O_TRUNC, path };
	else if (!strcmp(op, ">>"))
		*r = (struct redir){ 1, O_WRONLY | O_CREAT | O_APPEND, path };
	else
		*r = (struct redir){ 2, O_WRONLY | O_CREAT | O_TRUNC, path };
	c->nredirs++;
	return 0;
}

static void free_cmds(struct cmd *cmds, int n)
{
	for (int i = 0; i < n; i++) {
		for (int j = 0; j < cmds[i].argc; j++)
			free(cmds[i].argv[j]);
		for (int j = 0; j < cmds[i].nredirs; j++)
			free(cmds[i].redirs[j].path);
	}
}

/*
 * Parse and run one line: pipelines joined by ; && ||. Returns the status
 * of the last pipeline run.
 */
static int run_line(const char *line)
{
	struct cmd cmds[MAX_CMDS];
	const char *p = line;
	int n = 0, status = last_status;
	bool skip = false;

	memset(cmds, 0, sizeof(cmds));
	for (;;) {
		bool op;
		char *w = next_word(&p, &op);
		bool end = !w || (op && (!strcmp(w, ";") || !strcmp(w, "&&") || !strcmp(w, "||")));

		if (op && !end && strcmp(w, "|")) {
			if (!strcmp(w, "&")) {
				fputs("sh: background jobs (&) are not supported\n", stderr);
				free(w);
				free_cmds(cmds, n + 1);
				return 2;
			}
			if (add_redir(&cmds[n], w, &p) < 0) {
				free(w);
				free_cmds(cmds, n + 1);
				return last_status = 2;
			}
			free(w);
			continue;
		}
		if (w && !op) {
			if (cmds[n].argc < MAX_WORDS - 1)
				cmds[n].argv[cmds[n].argc++] = w;
			else
				free(w);
			continue;
		}
		if (w && !strcmp(w, "|")) {
			free(w);
			if (n == MAX_CMDS - 1) {
				fputs("sh: pipeline too long\n", stderr);
				free_cmds(cmds, n + 1);
				return last_status = 2;
			}
			n++;
			continue;
		}
		/* End of a pipeline: run it unless && / || says skip. */
		if (!skip && (cmds[0].argc || cmds[0].nredirs || n))
			last_status = status = run_pipeline(cmds, n + 1);
		free_cmds(cmds, n + 1);
		memset(cmds, 0, sizeof(cmds));
		n = 0;
		if (!w)
			return status;
		skip = (!strcmp(w, "&&") && status != 0) || (!strcmp(w, "||") && status == 0);
		free(w);
	}
}

/* One line from fd (the terminal, or a script); false at end of input. */
static bool read_line(int fd, char *buf, size_t size)
{
	size_t len = 0;

	while (len < size - 1) {
		char c;
		ssize_t n = read(fd, &c, 1);

		if (n < 0 && errno == EINTR) {
			if (got_sigint) {
				got_sigint = 0;
				buf[0] = '\0';
				return true;	/* ^C: abandon the line */
			}
			continue;
		}
		if (n <= 0) {
			buf[len] = '\0';
			return len > 0;
		}
		if (c == '\n')
			break;
		buf[len++] = c;
	}
	buf[len] = '\0';
	return true;
}

static void prompt(void)
{
	char cwd[256];

	if (!getcwd(cwd, sizeof(cwd)))
		strcpy(cwd, "?");
	printf("faultline:%s# ", cwd);
	fflush(stdout);
}

static void setup_interactive(void)
{
	struct sigaction sa = { .sa_handler = on_sigint };

	interactive = true;
	sigaction(SIGINT, &sa, NULL);		/* no SA_RESTART: read returns EINTR */
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
	signal(SIGTTOU, SIG_IGN);
	signal(SIGTTIN, SIG_IGN);
	setpgid(0, 0);
	shell_pgrp = getpgrp();
	tcsetpgrp(0, shell_pgrp);
}

int main(int argc, char **argv)
{
	char line[LINE_MAX_LEN];
	int fd = 0;

	pos_args = argv;
	pos_count = argc;
	if (argc > 2 && !strcmp(argv[1], "-c")) {
		/* sh -c CMD [NAME [ARGS...]]: $0 is NAME, or the shell's own name */
		pos_args = argc > 3 ? argv + 3 : argv;
		pos_count = argc > 3 ? argc - 3 : 1;
		return run_line(argv[2]);
	}
	if (argc > 1) {
		pos_args = argv + 1;
		pos_count = argc - 1;
		fd = open(argv[1], O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "sh: cannot open %s: %s\n", argv[1], strerror(errno));
			return 127;
		}
	} else if (isatty(0)) {
		setup_interactive();
	}
	for (;;) {
		if (interactive)
			prompt();
		if (!read_line(fd, line, sizeof(line)))
			break;
		if (fd && line[0] == '#' && line[1] == '!')
			continue;
		run_line(line);
	}
	if (interactive)
		putchar('\n');
	return last_status;
}
