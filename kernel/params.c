// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel command line: split into options, each handed to the
 * early_param or __setup handler that names it.
 * Linux: init/main.c (obsolete_checksetup, unknown_bootoption),
 *        kernel/params.c (parse_args), lib/cmdline.c (next_arg)
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/init.h>

char boot_command_line[COMMAND_LINE_SIZE];

extern const struct obs_kernel_param __setup_start[], __setup_end[];

static char unknown_options[COMMAND_LINE_SIZE];

/*
 * What init gets from the command line, as Linux passes it: unknown
 * options with a value go to its environment, the others to its
 * arguments (not those with a '.', which name module parameters), and
 * everything after "--" to its arguments. Linux: init/main.c argv_init, envp_init
 */
#define MAX_INIT_ARGS	32
const char *argv_init[MAX_INIT_ARGS + 2] = { "init", NULL };
const char *envp_init[MAX_INIT_ARGS + 2] = { "HOME=/", "TERM=linux", NULL };
static char init_strings[COMMAND_LINE_SIZE];	/* the strings they point to */
static size_t init_strings_used;

/*
 * Cut the next option off args: `name`, `name=value` or `name="a b"`.
 * Returns the rest of the line; *param and *val point into args, which is
 * modified. Quotes around the value (or the whole option) are removed.
 */
static char *next_arg(char *args, char **param, char **val)
{
	unsigned int i, equals = 0;
	bool in_quote = false, quoted = false;

	if (*args == '"') {
		args++;
		in_quote = true;
		quoted = true;
	}
	for (i = 0; args[i]; i++) {
		if (args[i] == ' ' && !in_quote)
			break;
		if (equals == 0 && args[i] == '=')
			equals = i;
		if (args[i] == '"')
			in_quote = !in_quote;
	}
	*param = args;
	if (!equals) {
		*val = NULL;
	} else {
		args[equals] = '\0';
		*val = args + equals + 1;
		if (**val == '"') {
			(*val)++;
			if (args[i - 1] == '"')
				args[i - 1] = '\0';
		}
	}
	if (quoted && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';
	if (args[i]) {
		args[i] = '\0';
		return skip_spaces(args + i + 1);
	}
	return args + i;
}

/* Does the handler's name ("loglevel" or "ktest=") name this option? */
static bool param_matches(const struct obs_kernel_param *p, const char *param,
			  const char *val)
{
	size_t n = strlen(p->str);

	if (n && p->str[n - 1] == '=')
		return val && !strncmp(param, p->str, n - 1) && param[n - 1] == '\0';
	return !strcmp(param, p->str);
}

/* Append a to the NULL-terminated list v (at most MAX_INIT_ARGS entries). */
static void add_init_string(const char **v, const char *param, const char *val)
{
	char *dst = init_strings + init_strings_used;
	size_t room = sizeof(init_strings) - init_strings_used;
	int i = 0, n;

	while (v[i])
		i++;
	if (i >= MAX_INIT_ARGS) {
		pr_warn("Too many boot %s vars at `%s'\n", v == envp_init ? "env" : "init", param);
		return;
	}
	n = val ? scnprintf(dst, room, "%s=%s", param, val) : scnprintf(dst, room, "%s", param);
	init_strings_used += (size_t)n + 1;
	v[i] = dst;
	v[i + 1] = NULL;
}

static void remember_unknown(const char *param, const char *val)
{
	size_t len = strlen(unknown_options);

	if (!strchr(param, '.'))
		add_init_string(val ? envp_init : argv_init, param, val);

	if (len)
		len += scnprintf(unknown_options + len, sizeof(unknown_options) - len, " ");
	if (val)
		scnprintf(unknown_options + len, sizeof(unknown_options) - len,
			  "%s=%s", param, val);
	else
		scnprintf(unknown_options + len, sizeof(unknown_options) - len,
			  "%s", param);
}

/*
 * Run fn on every option of a private copy of the command line, up to a
 * "--"; returns what follows it (init's arguments), or NULL.
 */
static char *for_each_option(void (*fn)(char *param, char *val))
{
	static char buf[COMMAND_LINE_SIZE];
	char *args, *param, *val;

	strlcpy(buf, boot_command_line, sizeof(buf));
	args = skip_spaces(buf);
	while (*args) {
		args = next_arg(args, &param, &val);
		if (!val && !strcmp(param, "--"))
			return args;
		if (*param)
			fn(param, val);
	}
	return NULL;
}

static void do_early_param(char *param, char *val)
{
	const struct obs_kernel_param *p;

	for (p = __setup_start; p < __setup_end; p++) {
		if (!p->early || !param_matches(p, param, val))
			continue;
		if (p->setup_func(val ? val : (char *)""))
			pr_warn("Malformed early option '%s'\n", param);
	}
}

/* Options for early_param handlers (Linux: parse_early_param). */
void parse_early_param(void)
{
	for_each_option(do_early_param);
}

static void do_late_param(char *param, char *val)
{
	const struct obs_kernel_param *p;
	bool known = false;

	for (p = __setup_start; p < __setup_end; p++) {
		if (!param_matches(p, param, val))
			continue;
		known = true;
		if (!p->early && !p->setup_func(val ? val : (char *)""))
			pr_warn("Malformed option '%s=%s'\n", param, val ? val : "");
	}
	if (!known)
		remember_unknown(param, val);
}

/*
 * Options for __setup handlers; the ones no handler knows are reported
 * with Linux 6.1's words (init/main.c print_unknown_bootoptions).
 */
void parse_args(void)
{
	char *after_dashes, *param, *val;

	unknown_options[0] = '\0';
	after_dashes = for_each_option(do_late_param);
	while (after_dashes && *after_dashes) {
		after_dashes = next_arg(after_dashes, &param, &val);
		add_init_string(argv_init, param, val);
	}
	if (unknown_options[0])
		pr_notice("Unknown kernel command line parameters \"%s\", "
			  "will be passed to user space.\n", unknown_options);
}

const char *unknown_boot_options(void)
{
	return unknown_options;
}
