// SPDX-License-Identifier: GPL-2.0
/*
 * vm.overcommit_memory enforced as Linux 6.1's __vm_enough_memory()
 * does it: mode 0 refuses only what could never fit in RAM, mode 1
 * nothing, mode 2 whatever would take Committed_AS past CommitLimit, for
 * every way memory is committed (private writable mmap, shared anonymous
 * mmap, MAP_NORESERVE which mode 2 ignores, mprotect to writable, brk,
 * fork). The limit is set with overcommit_kbytes to what is committed now
 * plus 32 MiB, far from the few pages by which Linux's per-CPU counter
 * may lag. Everything is put back at the end.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "tap.h"
#include "proclib.h"

#define MiB		(1UL << 20)
#define VM		"/proc/sys/vm/"
#define RW		(PROT_READ | PROT_WRITE)
#define ANON		(MAP_PRIVATE | MAP_ANONYMOUS)

static void set(const char *name, long value)
{
	char path[64], buf[32];
	int fd;

	snprintf(path, sizeof(path), VM "%s", name);
	snprintf(buf, sizeof(buf), "%ld", value);
	fd = open(path, O_WRONLY);
	if (fd < 0 || write(fd, buf, strlen(buf)) < 0)
		printf("# cannot set %s\n", path);
	close(fd);
}

static int maps(size_t len, int prot, int flags)
{
	void *p = mmap(NULL, len, prot, flags, -1, 0);

	if (p == MAP_FAILED)
		return 0;
	munmap(p, len);
	return 1;
}

static void test_heuristic_and_always(void)
{
	ok(!maps(1UL << 40, RW, ANON), "mode 0: 1 TiB of private writable memory: ENOMEM");
	ok(maps(1UL << 40, RW, ANON | MAP_NORESERVE), "mode 0: with MAP_NORESERVE it is not charged");
	ok(maps(1UL << 40, PROT_READ, ANON), "mode 0: read-only memory is not charged");
	set("overcommit_memory", 1);
	ok(maps(1UL << 40, RW, ANON), "mode 1: 1 TiB is fine");
	set("overcommit_memory", 0);
}

/* Each way of committing memory is refused past CommitLimit in mode 2. */
static void test_never(void)
{
	char *big, *mid;
	int status;
	pid_t pid;

	read_file("/proc/meminfo");
	set("overcommit_kbytes", field("Committed_AS") + 32 * 1024);
	set("overcommit_memory", 2);
	ok(!maps(64 * MiB, RW, ANON), "mode 2: 64 MiB past a 32 MiB headroom: ENOMEM");
	ok(!maps(64 * MiB, RW, ANON | MAP_NORESERVE), "mode 2 ignores MAP_NORESERVE");
	ok(!maps(64 * MiB, RW, MAP_SHARED | MAP_ANONYMOUS), "mode 2: shared anonymous memory too");
	ok(maps(64 * MiB, PROT_READ, ANON), "mode 2: read-only private memory is not charged");
	ok(maps(8 * MiB, RW, ANON), "mode 2: 8 MiB fits");
	big = mmap(NULL, 64 * MiB, PROT_READ, ANON, -1, 0);
	ok_errno(ENOMEM, mprotect(big, 64 * MiB, RW), "mode 2: mprotect to writable is charged");
	munmap(big, 64 * MiB);
	ok(sbrk(64 * MiB) == (void *)-1, "mode 2: brk past the limit fails");
	mid = mmap(NULL, 20 * MiB, RW, ANON, -1, 0);
	ok(mid != MAP_FAILED, "mode 2: 20 MiB fits");
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(0);
	ok(pid < 0 && errno == ENOMEM, "mode 2: fork cannot commit a second 20 MiB: ENOMEM");
	if (pid > 0)
		waitpid(pid, &status, 0);
	munmap(mid, 20 * MiB);
	pid = fork();
	if (pid == 0)
		_exit(0);
	ok(pid > 0, "mode 2: once unmapped, fork fits again");
	if (pid > 0)
		waitpid(pid, &status, 0);
	set("overcommit_memory", 0);
	set("overcommit_ratio", 50);
}

int main(void)
{
	test_heuristic_and_always();
	test_never();
	return tap_done();
}
