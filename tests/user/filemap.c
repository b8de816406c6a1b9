// SPDX-License-Identifier: GPL-2.0
/*
 * File mappings: a private mapping sees the file and keeps its own
 * writes; a shared one writes through to the file (read(2) sees it); a
 * page past the end of the file is SIGBUS (BUS_ADRERR); the whole page
 * past the file's last byte reads as zeros.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include "tap.h"

#define P 4096
#define FILE "/tmp/faultline-filemap"

static sigjmp_buf env;
static siginfo_t last;

static void on_sig(int sig, siginfo_t *si, void *uc)
{
	last = *si;
	siglongjmp(env, sig);
}

/* Read the byte at p; the signal number if that faulted. */
static int read_sig(volatile char *p)
{
	int sig = sigsetjmp(env, 1);

	if (sig)
		return sig;
	(void)*p;
	return 0;
}

int main(void)
{
	struct sigaction sa = { .sa_sigaction = on_sig, .sa_flags = SA_SIGINFO };
	char buf[3 * P], rd[16];
	char *priv, *shared;
	int fd = open(FILE, O_RDWR | O_CREAT | O_TRUNC, 0600);

	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGSEGV, &sa, NULL);
	memset(buf, 'a', P);
	memset(buf + P, 'b', P);
	memset(buf + 2 * P, 'c', 100);
	ok_eq(2 * P + 100, write(fd, buf, 2 * P + 100), "a file of two pages and 100 bytes");
	priv = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	shared = mmap(NULL, 3 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ok(priv != MAP_FAILED && shared != MAP_FAILED, "private and shared mappings of it");
	ok(priv[0] == 'a' && priv[P] == 'b' && priv[2 * P + 99] == 'c', "the private mapping shows the file");
	ok(priv[2 * P + 100] == 0 && priv[3 * P - 1] == 0, "the rest of the last page reads as zeros");
	priv[0] = 'X';
	pread(fd, rd, 1, 0);
	ok(rd[0] == 'a' && shared[0] == 'a', "a private write stays private: the file is unchanged");
	shared[P] = 'Y';
	pread(fd, rd, 1, P);
	ok(rd[0] == 'Y', "a shared write reaches the file: read(2) sees it");
	ok(priv[P] == 'Y', "and so does the private mapping, whose page was never written");
	pwrite(fd, "Z", 1, 2);
	ok(shared[2] == 'Z' && priv[2] == 'X' - 'X' + 'a', "write(2) shows in the shared mapping, not in a copied private page");
	ok_eq(SIGBUS, read_sig(priv + 3 * P), "a page wholly past the end of the file: SIGBUS");
	ok(last.si_code == BUS_ADRERR && last.si_addr == priv + 3 * P, "BUS_ADRERR, at the address touched");
	ok_eq(0, ftruncate(fd, P), "truncate the file to one page");
	ok_eq(SIGBUS, read_sig(shared + P), "the truncated page: SIGBUS in the shared mapping");
	ok_eq(SIGBUS, read_sig(priv + 2 * P), "and in the private one, where it was never written");
	ok_eq(0, munmap(priv, 4 * P) | munmap(shared, 3 * P), "both mappings unmapped");
	ok_errno(EACCES, mmap(NULL, P, PROT_READ, MAP_SHARED, open("/dev/null", O_WRONLY), 0),
		 "mapping a file opened write-only: EACCES");
	close(fd);
	fd = open(FILE, O_RDONLY);
	ok_errno(EACCES, mmap(NULL, P, PROT_WRITE, MAP_SHARED, fd, 0),
		 "a writable shared mapping of a file opened read-only: EACCES");
	ok(mmap(NULL, P, PROT_WRITE, MAP_PRIVATE, fd, 0) != MAP_FAILED,
	   "a writable private mapping of it is fine");
	close(fd);
	unlink(FILE);
	return tap_done();
}
