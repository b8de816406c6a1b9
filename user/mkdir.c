// SPDX-License-Identifier: GPL-2.0
/* mkdir [-p] dirs...: make directories; -p makes parents too and accepts existing ones. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static int make(char *path, int parents)
{
	if (parents) {
		for (char *p = path + 1; *p; p++) {
			if (*p != '/')
				continue;
			*p = '\0';
			if (mkdir(path, 0777) < 0 && errno != EEXIST) {
				fprintf(stderr, "mkdir: %s: %s\n", path, strerror(errno));
				return 1;
			}
			*p = '/';
		}
	}
	if (mkdir(path, 0777) < 0 && !(parents && errno == EEXIST)) {
		fprintf(stderr, "mkdir: %s: %s\n", path, strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int i = 1, parents = 0, status = 0;

	if (argc > 1 && !strcmp(argv[1], "-p")) {
		parents = 1;
		i++;
	}
	if (i == argc) {
		fprintf(stderr, "usage: mkdir [-p] DIRECTORY...\n");
		return 1;
	}
	for (; i < argc; i++)
		status |= make(argv[i], parents);
	return status;
}
