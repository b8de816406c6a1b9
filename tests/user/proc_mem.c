// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/mem as Linux 6.1 has it: reads and writes at the file
 * offset as an address, forced past the protection as ptrace is: a write
 * into a read-only private mapping lands in a private copy (COW: a new
 * frame, the file untouched), one into a read-only shared mapping fails;
 * unmapped addresses are EIO; another process's memory reads as its own.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "tap.h"
#include "testlib.h"
#include "proclib.h"

#define P 4096UL

static int memfd;

static ssize_t mem_read(const void *addr, void *buf, size_t len)
{
	return pread(memfd, buf, len, (off_t)(uintptr_t)addr);
}

static ssize_t mem_write(void *addr, const void *buf, size_t len)
{
	return pwrite(memfd, buf, len, (off_t)(uintptr_t)addr);
}

static void test_anon(void)
{
	static char data[] = "visible through mem";
	char buf[32] = { 0 }, *ro;

	ok_eq(sizeof(data), mem_read(data, buf, sizeof(data)), "a read of our own data");
	ok(!strcmp(buf, data), "gives the bytes at that address");
	ro = mmap(NULL, 2 * P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok_eq(5, mem_write(ro + P - 2, "poked", 5), "a write across two read-only pages");
	ok(!memcmp(ro + P - 2, "poked", 5), "lands: the memory holds it");
	ok_eq(SIGSEGV, probe_sig(ro, 1), "and the mapping is still read-only");
	mprotect(ro, P, PROT_NONE);
	ok_eq(3, mem_read(ro + P - 2, buf, 3), "a read of PROT_NONE memory works too (forced)");
	ok_errno(EIO, mem_read(ro + 100 * P, buf, 1), "nothing mapped there: EIO");
	ok_eq(2, mem_read(ro + 2 * P - 2, buf, 8), "a read running off the mapping stops at its end");
	munmap(ro, 2 * P);
}

static void test_file(void)
{
	char path[] = "/tmp/procmemXXXXXX", buf[8] = { 0 }, *priv, *shared;
	int fd = mkstemp(path);
	uint64_t before;

	write(fd, "original", 8);
	priv = mmap(NULL, P, PROT_READ, MAP_PRIVATE, fd, 0);
	before = pfn_of(priv);
	ok_eq(4, mem_write(priv, "COWd", 4), "a write into a read-only private file mapping");
	ok(!memcmp(priv, "COWdinal", 8), "we see it");
	pread(fd, buf, 8, 0);
	ok(!strcmp(buf, "original"), "the file does not");
	ok(pfn_of(priv) != before, "the page is a private copy now");
	close(fd);
	fd = open(path, O_RDONLY);
	shared = mmap(NULL, P, PROT_READ, MAP_SHARED, fd, 0);
	ok_errno(EIO, mem_write(shared, "x", 1), "a write into a read-only shared mapping: EIO");
	munmap(shared, P);
	munmap(priv, P);
	close(fd);
	unlink(path);
}

static void test_other(void)
{
	static volatile char word[16] = "parent";
	int pipefd[2], status;
	char buf[16] = { 0 }, c, path[64];
	pid_t pid;
	int fd;

	pipe(pipefd);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		memcpy((char *)word, "child", 6);
		write(pipefd[1], "r", 1);
		pause();
		_exit(0);
	}
	read(pipefd[0], &c, 1);
	snprintf(path, sizeof(path), "/proc/%d/mem", pid);
	fd = open(path, O_RDWR);
	ok(fd >= 0, "the child's mem opens");
	pread(fd, buf, 6, (off_t)(uintptr_t)word);
	ok(!strcmp(buf, "child"), "and reads the child's copy, not ours");
	ok(!strcmp((char *)word, "parent"), "ours is unchanged");
	close(fd);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
}

int main(void)
{
	memfd = open("/proc/self/mem", O_RDWR);
	ok(memfd >= 0, "/proc/self/mem opens for reading and writing");
	test_anon();
	test_file();
	test_other();
	close(memfd);
	return tap_done();
}
