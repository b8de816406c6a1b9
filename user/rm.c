// SPDX-License-Identifier: GPL-2.0
/* rm [-r] [-f] paths...: remove files; -r directories with what is in them; -f no complaints. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static int force, recursive;

static int remove_path(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0) {
		if (force && errno == ENOENT)
			return 0;
		fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (S_ISDIR(st.st_mode)) {
		DIR *d;
		struct dirent *e;
		int status = 0;

		if (!recursive) {
			fprintf(stderr, "rm: %s: is a directory\n", path);
			return 1;
		}
		d = opendir(path);
		if (!d) {
			fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
			return 1;
		}
		while ((e = readdir(d))) {
			char child[4096];

			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			snprintf(child, sizeof(child), "%s/%s", path, e->d_name);
			status |= remove_path(child);
		}
		closedir(d);
		if (rmdir(path) < 0) {
			fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
			return 1;
		}
		return status;
	}
	if (unlink(path) < 0) {
		fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int i = 1, status = 0;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'r' || *o == 'R')
				recursive = 1;
			else if (*o == 'f')
				force = 1;
			else {
				fprintf(stderr, "rm: unknown option -%c\n", *o);
				return 1;
			}
		}
	}
	if (i == argc && !force) {
		fprintf(stderr, "usage: rm [-rf] FILE...\n");
		return 1;
	}
	for (; i < argc; i++)
		status |= remove_path(argv[i]);
	return status;
}
