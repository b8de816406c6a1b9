// SPDX-License-Identifier: GPL-2.0
/*
 * Lab procfs: statm's numbers follow what the process does: mapping adds
 * to size (and to data if private and writable), writing anonymous pages
 * adds to resident, reading a file's pages adds to resident and shared.
 * Faultline's counters are exact at every moment; Linux 6.1 folds each
 * task's RSS changes into the mm only every 64 faults, so there resident
 * and shared lag (DESIGN.md): this test is Faultline's.
 */
#include <fcntl.h>
#include <sys/mman.h>
#include "lablib.h"

struct statm { long size, resident, shared, text, lib, data, dt; };

static struct statm statm(void)
{
	struct statm s;

	read_file("/proc/self/statm");
	sscanf(proc_buf, "%ld %ld %ld %ld %ld %ld %ld", &s.size, &s.resident, &s.shared,
	       &s.text, &s.lib, &s.data, &s.dt);
	return s;
}

int main(void)
{
	struct statm a, b, c, d;
	char *m;
	int fd;

	statm();
	a = statm();
	m = mmap(NULL, 64 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	b = statm();
	ok_eq(64, b.size - a.size, "mmap of 64 pages: size +64");
	ok_eq(64, b.data - a.data, "private and writable: data +64");
	ok_eq(0, b.resident - a.resident, "nothing touched: resident +0");
	for (int i = 0; i < 10; i++)
		m[i * P] = 1;
	c = statm();
	ok_eq(10, c.resident - b.resident, "10 pages written: resident +10");
	ok_eq(0, c.shared - b.shared, "anonymous: shared +0");
	fd = open("/test/pages.bin", O_RDONLY);
	m = mmap((void *)0x10000000, 16 * P, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	(void)*(volatile char *)m;
	d = statm();
	ok_eq(16, d.resident - c.resident, "one read of a file maps 16 cached pages: resident +16");
	ok_eq(16, d.shared - c.shared, "and shared +16 (file pages)");
	ok_eq(0, d.data - c.data, "a read-only file mapping is not data");
	ok(d.text > 0 && d.text == a.text, "text is the program's code, unchanged");
	return tap_done();
}
