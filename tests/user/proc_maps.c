// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/self/maps, smaps, statm and status as the address space changes:
 * a fresh process, then anonymous memory (some written, some only read:
 * the zero page), a private and a shared file mapping, shared anonymous
 * memory, and a forked child that writes one page (copy-on-write, Pss
 * split between the two). Whole lines are printed wherever the values
 * are deterministic, so make difftest compares them with Linux 6.1.
 *
 * Masked, and why: inode numbers (the initramfs is unpacked in another
 * order); statm's resident and shared and status's VmRSS/VmHWM/Rss*
 * after the first faults, because 6.1 folds each task's RSS changes into
 * the mm only every 64 faults (DESIGN.md): those are checked against the
 * smaps totals instead, within 64 pages on Linux and exactly on
 * Faultline, whose counters never lag. (A fresh process on 6.1 shows a
 * resident size of one page: its start-up faults are all still held
 * back in the task.)
 */
#include <sys/mman.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include "tap.h"
#include "proclib.h"

#define P 4096
#define SHARED_FILE "/tmp/proc-maps-shared"

static const char *const vm_lines[] = {
	"VmPeak:", "VmSize:", "VmLck:", "VmPin:", "VmData:", "VmStk:", "VmExe:", "VmLib:",
	"VmPTE:", "VmSwap:", NULL
};

/* The sum of one smaps field over every VMA, in kB. */
static long smaps_total(const char *name)
{
	size_t len = strlen(name);
	long sum = 0;

	read_file("/proc/self/smaps");
	for (char *p = proc_buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p)
		if (!strncmp(p, name, len))
			sum += strtol(p + len, NULL, 10);
	return sum;
}

/*
 * How far statm and status may trail the smaps totals, in kB: 64 faults
 * on Linux 6.1 (SPLIT_RSS_COUNTING), none on Faultline (DESIGN.md), so
 * that a wrong counter cannot hide inside Linux's slack there.
 */
static long lag_kb(void)
{
	struct utsname u;

	uname(&u);
	return strstr(u.release, "faultline") ? 0 : 64 * 4;
}

/* statm's size text lib data dt as they are; resident, shared against smaps. */
static void check_statm(const char *when)
{
	unsigned long size, res, shr, text, lib, data, dt;
	long rss_kb = smaps_total("Rss:");
	long anon_kb = smaps_total("Anonymous:");
	long lag = lag_kb();

	read_file("/proc/self/statm");
	sscanf(proc_buf, "%lu %lu %lu %lu %lu %lu %lu", &size, &res, &shr, &text, &lib, &data, &dt);
	printf("statm %s: size %lu text %lu lib %lu data %lu dt %lu\n", when, size, text, lib,
	       data, dt);
	ok(labs((long)res * 4 - rss_kb) <= lag,
	   "statm %s: resident is the smaps Rss total (within 6.1's 64-fault lag)", when);
	ok(labs((long)(res - shr) * 4 - anon_kb) <= lag,
	   "statm %s: resident - shared is the anonymous total (within the lag)", when);
	if (read_file("/proc/self/status") > 0) {
		print_lines(vm_lines);
		ok(labs(field("VmRSS") - rss_kb) <= lag && field("VmHWM") >= field("VmRSS"),
		   "status %s: VmRSS is the smaps Rss total, VmHWM at least that", when);
	}
}

int main(void)
{
	char buf[4 * P];
	char *anon, *fpriv, *fshared, *sanon;
	volatile char sink = 0;
	int fd, status;
	pid_t pid;

	/*
	 * A fresh process: no fault of its own yet beyond start-up, but for
	 * the part of the buffer /proc is read into that smaps fills (its
	 * first 64 KiB), touched first so that reading smaps into it cannot
	 * change the resident size read next.
	 */
	memset(proc_buf, 0, 1 << 16);
	printf("# fresh\n");
	print_maps();
	check_statm("fresh");

	anon = mmap(NULL, 16 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (int i = 0; i < 8; i++)
		anon[i * P] = (char)i;		/* 8 pages of its own */
	for (int i = 8; i < 12; i++)
		sink += anon[i * P];		/* 4 reads: the zero page */

	fd = open("/test/pages.bin", O_RDONLY);
	fpriv = mmap(NULL, 8 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	close(fd);
	sink += fpriv[0];			/* fault-around maps the other 7 */
	fpriv[2 * P] = 'x';			/* a private copy of page 2 */

	fd = open(SHARED_FILE, O_RDWR | O_CREAT | O_TRUNC, 0600);
	memset(buf, 's', sizeof(buf));
	write(fd, buf, sizeof(buf));
	fshared = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	fshared[0] = 'S';			/* a shared write, into the file */

	sanon = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	sanon[0] = 1;
	sink += sanon[P];			/* a shmem page even for a read */
	ok(anon != MAP_FAILED && fpriv != MAP_FAILED && fshared != MAP_FAILED &&
	   sanon != MAP_FAILED, "four mappings made");

	printf("# after anonymous, zero-page, file and shared activity\n");
	print_maps();
	print_smaps_of((unsigned long)anon);
	print_smaps_of((unsigned long)fpriv);
	print_smaps_of((unsigned long)fshared);
	print_smaps_of((unsigned long)sanon);
	check_statm("after activity");

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		anon[0] = 'c';			/* copy-on-write: one page of its own */
		printf("# the child, after writing one page\n");
		print_smaps_of((unsigned long)anon);
		print_smaps_of((unsigned long)sanon);
		fflush(stdout);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child ran");
	printf("# the parent, its child gone\n");
	print_smaps_of((unsigned long)anon);
	check_statm("after the fork");

	munmap(anon, 16 * P);
	munmap(fpriv, 8 * P);
	munmap(fshared, 4 * P);
	munmap(sanon, 4 * P);
	unlink(SHARED_FILE);
	printf("# unmapped again\n");
	print_maps();
	(void)sink;
	return tap_done();
}
