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

static void remember_unknown(const char *param, const char *val)
{
	size_t len = strlen(unknown_options);

	if (len)
		len += scnprintf(unknown_options + len, sizeof(unknown_options) - len, " ");
	if (val)
		scnprintf(unknown_options + len, sizeof(unknown_options) - len,
			  "%s=%s", param, val);
	else
		scnprintf(unknown_options + len, sizeof(unknown_options) - len,
			  "%s", param);
}

/* Run fn on every option of a private copy of the command line. */
static void for_each_option(void (*fn)(char *param, char *val))
{
	static char buf[COMMAND_LINE_SIZE];
	char *args, *param, *val;

	strlcpy(buf, boot_command_line, sizeof(buf));
	args = skip_spaces(buf);
	while (*args) {
		args = next_arg(args, &param, &val);
		if (*param)
			fn(param, val);
	}
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
	unknown_options[0] = '\0';
	for_each_option(do_late_param);
	if (unknown_options[0])
		pr_notice("Unknown kernel command line parameters \"%s\", "
			  "will be passed to user space.\n", unknown_options);
}

const char *unknown_boot_options(void)
{
	return unknown_options;
}
