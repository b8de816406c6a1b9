// SPDX-License-Identifier: GPL-2.0
/*
 * Raw mode, then canonical again, as a line editor does for every line:
 * tests/shell.sh types "abc" after "ready" and "xyz\n" after "ready2".
 * The raw read gets abc; back in canonical mode nothing is left
 * (FIONREAD 0) and the next read waits for the whole new line.
 */
#include <stdio.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>

int main(void)
{
	struct termios orig, raw;
	char buf[64];
	int queued = -1;
	ssize_t n;

	tcgetattr(0, &orig);
	raw = orig;
	raw.c_lflag &= ~(ICANON | ECHO);
	tcsetattr(0, TCSANOW, &raw);
	printf("ready\n");
	fflush(stdout);
	n = read(0, buf, 3);
	printf("raw read %zd: %.3s\n", n, buf);
	tcsetattr(0, TCSANOW, &orig);
	ioctl(0, FIONREAD, &queued);
	printf("queued after going canonical: %d\nready2\n", queued);
	fflush(stdout);
	n = read(0, buf, sizeof(buf));
	printf("canonical read %zd: %.*s\n", n, (int)(n > 1 ? n - 1 : 0), buf);
	return 0;
}
