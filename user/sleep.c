// SPDX-License-Identifier: GPL-2.0
/* sleep SECONDS: wait that long (fractions allowed: sleep 0.5). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	double s;
	struct timespec ts;

	if (argc != 2 || (s = strtod(argv[1], NULL)) < 0) {
		fprintf(stderr, "usage: sleep SECONDS\n");
		return 1;
	}
	ts.tv_sec = (time_t)s;
	ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) < 0)
		;
	return 0;
}
