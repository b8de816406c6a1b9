// SPDX-License-Identifier: GPL-2.0
/* kill [-SIGNAL] pid...: send a signal (default SIGTERM), by number or name (-9, -KILL). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int signal_number(const char *s)
{
	static const char *const names[] = { "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS",
		"FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD",
		"CONT", "STOP", "TSTP", "TTIN", "TTOU" };

	if (s[0] >= '0' && s[0] <= '9')
		return atoi(s);
	if (!strncmp(s, "SIG", 3))
		s += 3;
	for (int i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++)
		if (!strcmp(s, names[i]))
			return i + 1;
	return -1;
}

int main(int argc, char **argv)
{
	int i = 1, sig = SIGTERM, status = 0;

	if (argc > 1 && argv[1][0] == '-') {
		sig = signal_number(argv[1] + 1);
		i++;
	}
	if (sig < 0 || i == argc) {
		fprintf(stderr, "usage: kill [-SIGNAL] PID...\n");
		return 1;
	}
	for (; i < argc; i++) {
		if (kill(atoi(argv[i]), sig) < 0) {
			fprintf(stderr, "kill: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
