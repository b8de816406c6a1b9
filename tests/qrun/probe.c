// SPDX-License-Identifier: GPL-2.0
/*
 * probe: what a graded program sees of the image qrun builds, one line
 * per request (tests/qrun.sh):
 *
 *   env NAME     NAME's value from getenv(), or "(unset)"
 *   environ      how many variables the environment holds
 *   cat FILE     FILE's contents, or "cat FILE: <strerror>"
 *   pw UID       getpwuid(UID)->pw_name, or "(none)"
 *   gr GID       getgrgid(GID)->gr_name, or "(none)"
 */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static void cat(const char *path)
{
	FILE *f = fopen(path, "r");
	char buf[4096];
	size_t n;

	if (!f) {
		printf("cat %s: %s\n", path, strerror(errno));
		return;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, n, stdout);
	fclose(f);
}

static int probe(const char *what, const char *arg)
{
	if (!strcmp(what, "env")) {
		const char *v = getenv(arg);

		printf("%s\n", v ? v : "(unset)");
	} else if (!strcmp(what, "cat")) {
		cat(arg);
	} else if (!strcmp(what, "pw")) {
		struct passwd *pw = getpwuid(atoi(arg));

		printf("%s\n", pw ? pw->pw_name : "(none)");
	} else if (!strcmp(what, "gr")) {
		struct group *gr = getgrgid(atoi(arg));

		printf("%s\n", gr ? gr->gr_name : "(none)");
	} else {
		fprintf(stderr, "probe: unknown request '%s'\n", what);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "environ")) {
			int n = 0;

			while (environ[n])
				n++;
			printf("%d variables\n", n);
			continue;
		}
		if (i + 1 >= argc || probe(argv[i], argv[i + 1]))
			return 2;
		i++;
	}
	return 0;
}
