// SPDX-License-Identifier: GPL-2.0
/*
 * Out of memory at every allocation of every memory-management call (and
 * of the other calls that allocate: files, pipes, polls, exec, System V
 * shared memory, pidfds, a userfaultfd fill, credentials), the way
 * Linux's fault-injection documentation tests a system call: write N to
 * /proc/thread-self/fail-nth, make the call, read the file back (0: the
 * Nth allocation failed; more: the call made fewer than N), for N = 1,
 * 2, 3 ... until the call no longer meets a failure. Each failure must
 * give Linux's errno and leave the process as it was; the runner then
 * checks that no page leaked and that the mm audit stayed clean. exec
 * and the page fault, which end in a kill or a retry, are in
 * fail_nth_exec.c.
 *
 * Faultline only: Debian's Linux 6.1 is built without
 * CONFIG_FAULT_INJECTION, so it has no fail-nth (tests/difftest.sh).
 */
#define _GNU_SOURCE		/* memfd_create, fallocate */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "tap.h"
#include "proclib.h"
#include "threadlib.h"
#include "failnthlib.h"

#define P	4096
#define MAX_N	400	/* no call here makes this many allocations */

/*
 * One call under test: prepare() sets it up, unarmed; run() makes the
 * call, armed, and returns its result; on failure it must return -1
 * with errno in errs, and intact() must hold; undo() puts back what a
 * success did.
 */
struct call {
	const char *name;
	void (*prepare)(void);
	long (*run)(void);
	int errs[2];
	int (*intact)(void);
	void (*undo)(long ret);
};

/* Walk N = 1, 2, ... through c; returns how many allocations failed in turn. */
static int walk(const struct call *c, int *bad)
{
	for (unsigned int n = 1; n < MAX_N; n++) {
		long ret;
		int err;

		if (c->prepare)
			c->prepare();
		arm(n);
		ret = c->run();
		err = errno;
		if (left()) {
			arm(0);
			if (ret != -1 && c->undo)
				c->undo(ret);
			return (int)n - 1;
		}
		if (ret != -1) {
			printf("# %s: allocation %u failed, yet the call succeeded (%ld)\n", c->name, n, ret);
			(*bad)++;
			if (c->undo)
				c->undo(ret);
		} else if (err != c->errs[0] && err != c->errs[1]) {
			printf("# %s: allocation %u failed: errno %d, want %d\n", c->name, n, err,
			       c->errs[0]);
			(*bad)++;
		}
		if (c->intact && !c->intact()) {
			printf("# %s: allocation %u failed and left the process changed\n", c->name, n);
			(*bad)++;
		}
	}
	printf("# %s: more than %d allocations?\n", c->name, MAX_N);
	(*bad)++;
	return MAX_N;
}

/* --- the address space, as /proc/self/maps shows it --- */

static char maps_before[1 << 16];

static void save_maps(void)
{
	long n = read_file("/proc/self/maps");

	if (n >= (long)sizeof(maps_before))
		n = sizeof(maps_before) - 1;
	memcpy(maps_before, proc_buf, n > 0 ? (size_t)n : 0);
	maps_before[n > 0 ? n : 0] = 0;
}

static int maps_unchanged(void)
{
	read_file("/proc/self/maps");
	return !strcmp(maps_before, proc_buf);
}

/* The permissions maps shows for addr ("rw-p"), into perms[5]. */
static void perms_of(unsigned long addr, char *perms)
{
	read_file("/proc/self/maps");
	strcpy(perms, "none");
	for (char *p = proc_buf; *p; p = line_end(p) + (*line_end(p) ? 1 : 0)) {
		unsigned long lo = strtoul(p, &p, 16), hi = strtoul(p + 1, &p, 16);

		if (addr >= lo && addr < hi) {
			memcpy(perms, p + 1, 4);
			perms[4] = 0;
			return;
		}
	}
}

static char *area;		/* three pages, rw- */

/* Far from every other mapping, so that it cannot merge and needs a new VMA. */
#define LONELY	((void *)0x200000000000UL)

static long call_mmap_anon(void)
{
	void *p = mmap(LONELY, 16 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? -1 : (long)p;
}

static int file_fd;

static long call_mmap_file(void)
{
	void *p = mmap(NULL, 4 * P, PROT_READ, MAP_PRIVATE, file_fd, 0);

	return p == MAP_FAILED ? -1 : (long)p;
}

static void undo_mmap(long ret)
{
	munmap((void *)ret, 16 * P);
}

static void undo_mmap_file(long ret)
{
	munmap((void *)ret, 4 * P);
}

static long call_mprotect(void)
{
	return mprotect(area + P, P, PROT_READ);
}

/*
 * A failed mprotect or munmap may leave a split (Linux's does: the first
 * split stays when the second fails), but every page as it was.
 */
static int area_intact(void)
{
	char a[5], b[5], c[5];

	perms_of((unsigned long)area, a);
	perms_of((unsigned long)area + P, b);
	perms_of((unsigned long)area + 2 * P, c);
	return !strcmp(a, "rw-p") && !strcmp(b, "rw-p") && !strcmp(c, "rw-p");
}

static void undo_mprotect(long ret)
{
	mprotect(area + P, P, PROT_READ | PROT_WRITE);
}

static long call_munmap_middle(void)
{
	return munmap(area + P, P);
}

static void undo_munmap(long ret)
{
	mmap(area + P, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
}

static long brk_start;

static long call_brk(void)
{
	long now = syscall(SYS_brk, brk_start + 16 * P);

	return now == brk_start + 16 * P ? 0 : (errno = ENOMEM, -1);
}

static int brk_intact(void)
{
	return syscall(SYS_brk, 0) == brk_start;
}

static void undo_brk(long ret)
{
	syscall(SYS_brk, brk_start);
}

static long call_fork(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	return pid;
}

static int no_child(void)
{
	return waitpid(-1, NULL, WNOHANG) == -1 && errno == ECHILD;
}

static void undo_fork(long pid)
{
	waitpid((pid_t)pid, NULL, 0);
}

static struct raw_thread fail_thread;

static int thread_exits(void *arg)
{
	return 0;
}

static long call_clone_thread(void)
{
	long tid = thread_start(&fail_thread, 0, thread_exits, NULL);

	return tid < 0 ? (errno = (int)-tid, -1) : tid;
}

/* Still one thread: a failed clone left no half-made thread behind. */
static int one_thread(void)
{
	char *p;

	return read_file("/proc/self/status") > 0 && (p = strstr(proc_buf, "Threads:\t")) &&
	       atoi(p + 9) == 1;
}

static void undo_clone_thread(long tid)
{
	thread_join(&fail_thread);
	thread_wait_gone(tid);
}

static long call_pipe(void)
{
	int fds[2];

	if (pipe(fds))
		return -1;
	close(fds[0]);
	close(fds[1]);
	return 0;
}

static long call_open_creat(void)
{
	int fd = open("/tmp/fail-nth", O_RDWR | O_CREAT, 0600);

	if (fd >= 0)
		close(fd);
	return fd;
}

/* A /proc read, of a file opened unarmed: the seq_file's buffer is its allocation. */
static int smaps_fd;

static void open_smaps(void)
{
	smaps_fd = open("/proc/self/smaps", O_RDONLY);
}

static long call_read_smaps(void)
{
	static char buf[4096];
	long n = read(smaps_fd, buf, sizeof(buf));

	close(smaps_fd);
	return n;
}

static long call_mkdir(void)
{
	return mkdir("/tmp/fail-nth-dir", 0700);
}

static int no_dir(void)
{
	return access("/tmp/fail-nth-dir", F_OK) == -1 && errno == ENOENT;
}

static void undo_mkdir(long ret)
{
	rmdir("/tmp/fail-nth-dir");
}

static long call_symlink(void)
{
	return symlink("/a/target/long/enough/to/need/a/page/of/its/own", "/tmp/fail-nth-link");
}

static int no_link(void)
{
	return access("/tmp/fail-nth-link", F_OK) == -1 && errno == ENOENT;
}

static void undo_symlink(long ret)
{
	unlink("/tmp/fail-nth-link");
}

/* dup2 to a high descriptor: the file table must grow. */
static long call_dup2_high(void)
{
	return dup2(0, 500);
}

static int fd_500_closed(void)
{
	return fcntl(500, F_GETFD) == -1 && errno == EBADF;
}

static void undo_dup2(long ret)
{
	close(500);
}

/* poll of 300 descriptors: more than fit on the kernel's stack. */
static long call_poll(void)
{
	static struct pollfd fds[300];

	for (int i = 0; i < 300; i++)
		fds[i] = (struct pollfd){ .fd = 0, .events = POLLIN };
	return poll(fds, 300, 0);
}

/* Credentials: each change copies them (prepare_creds), setgroups its list too. */
static long call_setresuid(void)
{
	return syscall(SYS_setresuid, 0, 1000, 0);
}

static int uids_unchanged(void)
{
	uid_t r, e, s;

	syscall(SYS_getresuid, &r, &e, &s);
	return r == 0 && e == 0 && s == 0;
}

static void undo_setresuid(long ret)
{
	syscall(SYS_setresuid, 0, 0, 0);
}

static long call_setgroups(void)
{
	gid_t groups[3] = { 30, 10, 20 };

	return syscall(SYS_setgroups, 3, groups);
}

static int no_groups(void)
{
	return syscall(SYS_getgroups, 0, NULL) == 0;
}

static void undo_setgroups(long ret)
{
	syscall(SYS_setgroups, 0, NULL);
}

static void *one_page;

static void map_one_page(void)
{
	one_page = mmap(NULL, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static long call_munmap_whole(void)
{
	return munmap(one_page, P);
}

/* Far from the rest too, for mremap to move area to. */
#define LONELY2	((void *)0x300000000000UL)

/* Earlier walks' undoing may have replaced a page: mark all three again. */
static void mark_area(void)
{
	area[0] = area[P] = area[2 * P] = 1;
}

static long call_mremap_move(void)
{
	void *p = mremap(area, 3 * P, 3 * P, MREMAP_MAYMOVE | MREMAP_FIXED, LONELY2);

	return p == MAP_FAILED ? -1 : (long)p;
}

/* Every page where it was, with its data. */
static int area_data_intact(void)
{
	return area_intact() && area[0] == 1 && area[P] == 1 && area[2 * P] == 1;
}

static void undo_mremap(long ret)
{
	mremap((void *)ret, 3 * P, 3 * P, MREMAP_MAYMOVE | MREMAP_FIXED, area);
}

static long call_mlock_middle(void)
{
	return mlock(area + P, P);
}

static void undo_mlock(long ret)
{
	munlock(area, 3 * P);
}

static long call_madvise_middle(void)
{
	return madvise(area + P, P, MADV_DONTFORK);
}

static void undo_madvise(long ret)
{
	madvise(area, 3 * P, MADV_DOFORK);
}

/* memfd_create: its name, inode, dentry and file; a failure leaves no descriptor. */
static int next_fd;

static void find_next_fd(void)
{
	next_fd = dup(0);
	close(next_fd);
}

static long call_memfd_create(void)
{
	return memfd_create("fail-nth", 0);
}

static int no_new_fd(void)
{
	return fcntl(next_fd, F_GETFD) == -1 && errno == EBADF;
}

static void undo_memfd_create(long fd)
{
	close((int)fd);
}

/* --- System V shared memory and pidfds --- */

static int shm_id = -1;

static int used_ids(void)
{
	struct shm_info info;

	return shmctl(0, SHM_INFO, (struct shmid_ds *)&info) < 0 ? -1 : info.__used_ids;
}

static int used_before;

static void count_segments(void)
{
	used_before = used_ids();
}

static long call_shmget(void)
{
	return shmget(IPC_PRIVATE, 3 * P, 0600);
}

static int no_new_segment(void)
{
	return used_ids() == used_before;
}

static void undo_shmget(long id)
{
	shmctl((int)id, IPC_RMID, NULL);
}

static void make_segment(void)
{
	if (shm_id < 0)
		shm_id = shmget(IPC_PRIVATE, 3 * P, 0600);
	save_maps();
}

static long call_shmat(void)
{
	void *p = shmat(shm_id, NULL, 0);

	return p == (void *)-1 ? -1 : (long)p;
}

static void undo_shmat(long addr)
{
	shmdt((void *)addr);
}

static long call_pidfd_open(void)
{
	return syscall(434, getpid(), 0);
}

static void undo_close(long fd)
{
	close((int)fd);
}

/*
 * fallocate of four pages far out in a file with one page written: the
 * page cache's tree must grow for them (user pages themselves are never
 * failed), and a failure gives back what it made.
 */
static int memfd;

static void prepare_fallocate(void)
{
	if (!memfd)
		memfd = memfd_create("fail-nth-falloc", 0);
	ftruncate(memfd, 0);
	pwrite(memfd, "x", 1, P);
}

static long call_fallocate(void)
{
	return fallocate(memfd, 0, 4096L * P, 4 * P);
}

static int one_page_file(void)
{
	struct stat st;

	fstat(memfd, &st);
	return st.st_size == P + 1 && st.st_blocks == 8;
}

/*
 * UFFDIO_COPY into a registered range alone in its part of the address
 * space: the fill needs an anon_vma and page tables, any of which may
 * fail (ENOMEM), leaving the page missing. Each attempt starts afresh.
 */
#define UFFD_AREA	0x310000000000UL
static int uffd = -1;
static char uffd_src[P] __attribute__((aligned(P)));

static void prepare_uffd(void)
{
	/* struct uffdio_api, struct uffdio_register (musl has no <linux/userfaultfd.h>) */
	unsigned long long api[3] = { 0xAA, 0, 0 };
	unsigned long long reg[4] = { UFFD_AREA, P, 1, 0 };

	if (uffd >= 0)
		close(uffd);
	munmap((void *)UFFD_AREA, P);
	mmap((void *)UFFD_AREA, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
	     -1, 0);
	uffd = (int)syscall(323, O_CLOEXEC);
	ioctl(uffd, 0xc018aa3f, api);		/* UFFDIO_API */
	ioctl(uffd, 0xc020aa00, reg);		/* UFFDIO_REGISTER, MISSING */
}

static long call_uffd_copy(void)
{
	/* struct uffdio_copy: dst, src, len, mode, copy */
	long long c[5] = { (long long)UFFD_AREA, (long long)(unsigned long)uffd_src, P, 0, 0 };

	return ioctl(uffd, 0xc028aa03, c);	/* UFFDIO_COPY */
}

static int uffd_page_missing(void)
{
	return vma_rss_kb((void *)UFFD_AREA) == 0;
}

static void undo_uffd_copy(long ret)
{
	(void)ret;
	close(uffd);
	uffd = -1;
	munmap((void *)UFFD_AREA, P);
}

static const struct call calls[] = {
	{ "mmap of anonymous memory", NULL, call_mmap_anon, { ENOMEM }, maps_unchanged, undo_mmap },
	{ "mmap of a file", NULL, call_mmap_file, { ENOMEM }, maps_unchanged, undo_mmap_file },
	{ "mprotect of a VMA's middle page (two splits)", NULL, call_mprotect, { ENOMEM },
	  area_intact, undo_mprotect },
	{ "munmap of a VMA's middle page (a split)", NULL, call_munmap_middle, { ENOMEM },
	  area_intact, undo_munmap },
	{ "mremap moving a VMA", mark_area, call_mremap_move, { ENOMEM }, area_data_intact, undo_mremap },
	/* mlock says EAGAIN when it cannot fault the pages in (a page table) */
	{ "mlock of a VMA's middle page", NULL, call_mlock_middle, { ENOMEM, EAGAIN }, area_intact,
	  undo_mlock },
	/* madvise says EAGAIN when it cannot split */
	{ "madvise(MADV_DONTFORK) of a VMA's middle page", NULL, call_madvise_middle, { EAGAIN },
	  area_intact, undo_madvise },
	{ "brk growing the heap by 16 pages", NULL, call_brk, { ENOMEM }, brk_intact, undo_brk },
	{ "fork", NULL, call_fork, { ENOMEM, EAGAIN }, no_child, undo_fork },
	{ "clone of a thread (CLONE_THREAD)", NULL, call_clone_thread, { ENOMEM, EAGAIN },
	  one_thread, undo_clone_thread },
	{ "pipe", NULL, call_pipe, { ENOMEM, ENFILE }, NULL, NULL },
	/* tmpfs says ENOSPC when it cannot make the inode, as Linux's shmem_mknod */
	{ "open with O_CREAT", NULL, call_open_creat, { ENOMEM, ENOSPC }, NULL, NULL },
	{ "read of /proc/self/smaps", open_smaps, call_read_smaps, { ENOMEM }, NULL, NULL },
	{ "mkdir", NULL, call_mkdir, { ENOMEM, ENOSPC }, no_dir, undo_mkdir },
	{ "symlink", NULL, call_symlink, { ENOMEM, ENOSPC }, no_link, undo_symlink },
	{ "dup2 to descriptor 500", NULL, call_dup2_high, { ENOMEM, EMFILE }, fd_500_closed,
	  undo_dup2 },
	{ "poll of 300 descriptors", NULL, call_poll, { ENOMEM }, NULL, NULL },
	/* tmpfs says ENOSPC when it cannot make the inode, as Linux's shmem_file_setup */
	{ "memfd_create", find_next_fd, call_memfd_create, { ENOMEM, ENOSPC }, no_new_fd,
	  undo_memfd_create },
	{ "fallocate of four pages far out", prepare_fallocate, call_fallocate, { ENOMEM },
	  one_page_file, NULL },
	/* tmpfs says ENOSPC when it cannot make the segment's inode, as Linux */
	{ "shmget", count_segments, call_shmget, { ENOMEM, ENOSPC }, no_new_segment, undo_shmget },
	{ "shmat", make_segment, call_shmat, { ENOMEM }, maps_unchanged, undo_shmat },
	{ "pidfd_open", NULL, call_pidfd_open, { ENOMEM }, NULL, undo_close },
	{ "UFFDIO_COPY into a page alone", prepare_uffd, call_uffd_copy, { ENOMEM },
	  uffd_page_missing, undo_uffd_copy },
	{ "setresuid", NULL, call_setresuid, { ENOMEM }, uids_unchanged, undo_setresuid },
	{ "setgroups of three groups", NULL, call_setgroups, { ENOMEM }, no_groups, undo_setgroups },
};

int main(void)
{
	int bad, failures, other_fd;
	char num[16] = { 0 };

	fail_fd = open("/proc/thread-self/fail-nth", O_RDWR);
	ok(fail_fd >= 0, "/proc/thread-self/fail-nth opens for writing");
	other_fd = open("/proc/self/fail-nth", O_RDONLY);
	arm(7);
	pread(other_fd, num, sizeof(num) - 1, 0);
	arm(0);
	ok_eq(7, atoi(num), "it is the task's: /proc/self/fail-nth reads what was written");
	errno = 0;
	ok(pwrite(fail_fd, "x", 1, 0) == -1 && errno == EINVAL, "a write that is not a number: EINVAL");

	file_fd = open("/test/pages.bin", O_RDONLY);
	area = mmap(NULL, 3 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	area[0] = area[P] = area[2 * P] = 1;
	brk_start = syscall(SYS_brk, 0);
	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		bad = 0;
		save_maps();
		failures = walk(&calls[i], &bad);
		printf("# %s: %d allocations\n", calls[i].name, failures);
		ok(failures > 0 && bad == 0, "%s: each allocation failed in turn gives errno %d "
		   "and leaves the process as it was", calls[i].name, calls[i].errs[0]);
	}
	bad = 0;
	ok(walk(&(struct call){ "munmap of a whole VMA", map_one_page, call_munmap_whole,
				{ ENOMEM }, NULL, NULL }, &bad) == 0,
	   "munmap of a whole VMA allocates nothing, so nothing can fail");
	shmctl(shm_id, IPC_RMID, NULL);
	unlink("/tmp/fail-nth");
	return tap_done();
}
