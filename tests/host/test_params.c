// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/params.c: splitting the command line (quotes, '='), calling the
 * early and late handlers that name an option, and reporting the rest.
 */
#include <string.h>
#include <linux/init.h>
#include "tap.h"

extern char host_printk_buf[];
void host_printk_clear(void);

static char seen[512];

static void note(const char *what, const char *val)
{
	strcat(seen, what);
	strcat(seen, "=");
	strcat(seen, val);
	strcat(seen, ";");
}

static int early_level(char *val) { note("early-level", val); return strcmp(val, "bad") ? 0 : -22; }
static int early_flag(char *val) { note("early-flag", val); return 0; }
static int late_opt(char *val) { note("late-opt", val); return 1; }
static int late_path(char *val) { note("late-path", val); return 1; }

/* What __setup/early_param would put in .init.setup. */
const struct obs_kernel_param __setup_start[] = {
	{ "level", early_level, 1 },
	{ "flag", early_flag, 1 },
	{ "opt=", late_opt, 0 },
	{ "path=", late_path, 0 },
};
__asm__(".globl __setup_end\n.set __setup_end, __setup_start + 4 * 24");

static void run(const char *cmdline)
{
	strcpy(boot_command_line, cmdline);
	seen[0] = '\0';
	host_printk_clear();
	parse_early_param();
	parse_args();
}

int main(void)
{
	_Static_assert(sizeof(struct obs_kernel_param) == 24, "entry size");

	run("level=3 flag opt=x");
	CHECK(!strcmp(seen, "early-level=3;early-flag=;late-opt=x;"));
	CHECK(strstr(host_printk_buf, "Unknown") == NULL);
	tap_result("params: early options run first, then late ones, each with its value");

	run("opt=\"a b c\" \"path=/x y\" zzz");
	CHECK(!strcmp(seen, "late-opt=a b c;late-path=/x y;"));
	CHECK(!strcmp(unknown_boot_options(), "zzz"));
	tap_result("params: quoted values keep their spaces, with the quotes removed");

	run("  frobnicate=1   quux opt=2  ");
	CHECK(!strcmp(unknown_boot_options(), "frobnicate=1 quux"));
	CHECK(strstr(host_printk_buf, "Unknown kernel command line parameters "
		     "\"frobnicate=1 quux\", will be passed to user space.") != NULL);
	tap_result("params: unknown options are reported in Linux's words");

	run("level=bad opt");
	CHECK(strstr(host_printk_buf, "Malformed early option 'level'") != NULL);
	CHECK(!strcmp(unknown_boot_options(), "opt"));	/* "opt=" wants a value */
	tap_result("params: a bad early value is reported; a value-taking option without '=' is unknown");

	run("");
	CHECK(!strcmp(seen, ""));
	CHECK(!strcmp(unknown_boot_options(), ""));
	tap_result("params: an empty command line calls nothing");
	return tap_done();
}
