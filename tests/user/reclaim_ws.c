// SPDX-License-Identifier: GPL-2.0
/*
 * A working set four times the RAM, pushed through swap by reclaim
 * under pressure (kswapd and direct reclaim, not MADV_PAGEOUT) and read
 * back intact: private anonymous memory; the same after fork, with the
 * pages shared copy-on-write and then written by the child; shared
 * anonymous memory; and a tmpfs file (a memfd: a mounted tmpfs holds at
 * most half the RAM). Each page holds a pattern that
 * names the page and the writer, so a page read back from the wrong
 * slot, or another process's copy, shows.
 *
 * It needs a swap disk of at least 5.5 times the RAM (the fork case
 * holds 5 times), which only tests/reclaim.sh attaches; elsewhere it
 * skips. Every case runs in a child, so an OOM kill is one failure,
 * and afterwards swapoff must succeed (no slot leaked). pgrefill is
 * not checked: whether active pages exist to age depends on what else
 * the system holds (Faultline's initramfs is tmpfs, 6.1's is not).
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "swaplib.h"
#include "proclib.h"

#define P		4096UL
#define WORDS		(P / sizeof(uint64_t))

static unsigned long ws_pages;

static uint64_t word(unsigned long page, unsigned long i, uint64_t who)
{
	return (page * 0x9e3779b97f4a7c15ULL) ^ (i * 0x100000001b3ULL) ^ who;
}

static void fill(uint64_t *p, unsigned long page, uint64_t who)
{
	for (unsigned long i = 0; i < WORDS; i++)
		p[i] = word(page, i, who);
}

static int intact(const uint64_t *p, unsigned long page, uint64_t who)
{
	for (unsigned long i = 0; i < WORDS; i++)
		if (p[i] != word(page, i, who))
			return 0;
	return 1;
}

/* Pages of n at base, stepping by step from first, not as who wrote them. */
static unsigned long bad_pages(const char *base, unsigned long first, unsigned long step,
			       uint64_t who)
{
	unsigned long bad = 0;

	for (unsigned long i = first; i < ws_pages; i += step)
		bad += !intact((const uint64_t *)(base + i * P), i, who);
	return bad;
}

static char *map_ws(int flags)
{
	char *p = mmap(NULL, ws_pages * P, PROT_READ | PROT_WRITE, flags | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

static int case_anon(void)
{
	char *p = map_ws(MAP_PRIVATE);

	if (!p)
		return 2;
	for (unsigned long i = 0; i < ws_pages; i++)
		fill((uint64_t *)(p + i * P), i, 1);
	return bad_pages(p, 0, 1, 1) ? 1 : 0;
}

/*
 * Fork with every page written (most of them swapped out by then): the
 * child reads all, then writes every fourth page (a COW fault, on a
 * page in memory or in swap) and checks its copy and the rest; the
 * parent then finds its own pages unchanged.
 */
static int case_fork(void)
{
	char *p = map_ws(MAP_PRIVATE);
	int status;
	pid_t pid;

	if (!p)
		return 2;
	for (unsigned long i = 0; i < ws_pages; i++)
		fill((uint64_t *)(p + i * P), i, 1);
	pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		if (bad_pages(p, 0, 1, 1))
			_exit(1);
		for (unsigned long i = 0; i < ws_pages; i += 4)
			fill((uint64_t *)(p + i * P), i, 2);
		_exit(bad_pages(p, 0, 4, 2) || bad_pages(p, 1, 2, 1) || bad_pages(p, 2, 4, 1));
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
		return 1;
	return bad_pages(p, 0, 1, 1) ? 1 : 0;
}

/* Shared anonymous memory (a tmpfs file underneath): a child writes, the parent reads. */
static int case_shared(void)
{
	char *p = map_ws(MAP_SHARED);
	int status;
	pid_t pid;

	if (!p)
		return 2;
	pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		for (unsigned long i = 0; i < ws_pages; i++)
			fill((uint64_t *)(p + i * P), i, 3);
		_exit(bad_pages(p, 0, 1, 3) != 0);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
		return 1;
	return bad_pages(p, 0, 1, 3) ? 1 : 0;
}

/* A tmpfs file written and read back with write(2) and pread(2). */
static int case_tmpfs(void)
{
	static uint64_t buf[WORDS];
	int fd = memfd_create("reclaim_ws", 0), bad = 0;

	if (fd < 0)
		return 2;
	for (unsigned long i = 0; i < ws_pages; i++) {
		fill(buf, i, 4);
		if (write(fd, buf, P) != (ssize_t)P)
			return 2;
	}
	for (unsigned long i = 0; i < ws_pages; i++)
		if (pread(fd, buf, P, (off_t)(i * P)) != (ssize_t)P || !intact(buf, i, 4))
			bad++;
	close(fd);
	return bad ? 1 : 0;
}

/*
 * Run fn in a child; say how it ended. Then swapoff: it must bring back
 * every page still in swap and find no slot in use that nothing names
 * (a leaked slot fails it), which leaves the disk empty for the next
 * case. (SwapFree alone cannot say it: the tmpfs files of the system
 * may have gone to swap meanwhile, and 6.1 keeps slots in a per-CPU
 * cache.)
 */
static void run_case(const char *name, int (*fn)(void))
{
	int status;
	pid_t pid;

	if (swapon(SWAP_DEV, 0)) {
		printf("Bail out! swapon " SWAP_DEV ": %s\n", strerror(errno));
		exit(1);
	}
	pid = fork();
	if (pid == 0)
		_exit(fn());
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("# %s: killed by signal %d\n", name, WTERMSIG(status));
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "%s: four times the RAM written and read back intact", name);
	ok(swapoff(SWAP_DEV) == 0, "%s: swapoff then: no slot is left in use", name);
}

static long vm(const char *name)
{
	return vmstat_value(name);
}

int main(void)
{
	long mem_kb, swap_kb, before[6], after[6];
	static const char *const names[6] = {
		"pswpout", "pswpin", "pgmajfault", "pgscan_kswapd", "pgscan_direct", "pgsteal_kswapd"
	};

	swap_test_begin();
	if (swapon(SWAP_DEV, 0)) {
		printf("Bail out! swapon " SWAP_DEV ": %s\n", strerror(errno));
		return 1;
	}
	mem_kb = swap_meminfo("MemTotal");
	swap_kb = swap_meminfo("SwapTotal");
	swapoff(SWAP_DEV);
	if (swap_kb * 2 < mem_kb * 11) {
		swap_test_end();
		printf("1..0 # SKIP the swap disk is smaller than 5.5 times the RAM\n");
		return 0;
	}
	ws_pages = (unsigned long)mem_kb * 4 / (P / 1024);
	for (int i = 0; i < 6; i++)
		before[i] = vm(names[i]);

	run_case("private anonymous", case_anon);
	run_case("private anonymous after fork", case_fork);
	run_case("shared anonymous", case_shared);
	run_case("tmpfs file", case_tmpfs);

	for (int i = 0; i < 6; i++)
		after[i] = vm(names[i]);
	ok(after[0] > before[0], "pages were written to swap (pswpout)");
	ok(after[1] > before[1], "and read back from it (pswpin)");
	ok(after[2] > before[2], "reading them back were major faults (pgmajfault)");
	ok(after[3] + after[4] > before[3] + before[4],
	   "reclaim scanned the inactive lists (pgscan_kswapd, pgscan_direct)");
	ok(after[5] > before[5], "kswapd freed pages in the background (pgsteal_kswapd)");
	swap_test_end();
	return tap_done();
}
