// SPDX-License-Identifier: GPL-2.0
/* true, false: succeed or fail (one program; it looks at its name). */
#include <string.h>

int main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/');

	(void)argc;
	return !strcmp(name ? name + 1 : argv[0], "false");
}
