// SPDX-License-Identifier: GPL-2.0
/*
 * userfaultfd's fault hand-off as Linux 6.1 does it: a fault in a range
 * registered for missing pages sleeps until the monitor resolves it; the
 * message says what faulted (read or write, the page, who); DONTWAKE
 * leaves the task asleep until UFFDIO_WAKE; a system call's copy to user
 * memory waits the same way (not with UFFD_USER_MODE_ONLY: EFAULT);
 * shmem's holes and (MINOR) its pages not mapped yet wait the same way;
 * closing the uffd lets the fault through; SIGKILL ends the wait; a
 * caught signal runs its handler and the fault comes again;
 * UFFD_FEATURE_SIGBUS turns faults into SIGBUS.
 *
 * The monitor is a forked child: a uffd acts on the address space that
 * made it, whoever holds the descriptor (threads come later).
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdlib.h>
#include "tap.h"
#include "testlib.h"
#include "uffdlib.h"

/* What the monitor saw of one fault, sent back through a pipe. */
struct report {
	uint8_t event;
	uint64_t flags;
	uint64_t offset;	/* of the address from the area's start */
	uint32_t ptid;
	char state;		/* the faulting task's state, if asked */
};

static char *area;
static int report_pipe[2];

static void report(const struct uffd_msg *msg, char state)
{
	struct report r = {
		.event = msg->event, .flags = msg->arg.pagefault.flags,
		.offset = msg->arg.pagefault.address - (uintptr_t)area,
		.ptid = msg->arg.pagefault.feat.ptid, .state = state,
	};

	if (write(report_pipe[1], &r, sizeof(r)) != sizeof(r))
		_exit(3);
}

static struct report take_report(void)
{
	struct report r = { 0 };

	if (read(report_pipe[0], &r, sizeof(r)) != sizeof(r))
		r.event = 0;
	return r;
}

/* A page of fill bytes at the monitor's own address. */
static char *fill_page(char c)
{
	static char buf[P] __attribute__((aligned(4096)));

	memset(buf, c, P);
	return buf;
}

/* The monitor: serve n faults with COPY of c, reporting each. */
static pid_t monitor_copy(int uffd, int n, char c)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid)
		return pid;
	for (int i = 0; i < n; i++) {
		struct uffd_msg msg;

		if (uffd_read_msg(uffd, &msg))
			_exit(1);
		report(&msg, 0);
		if (uffd_copy(uffd, (void *)(uintptr_t)(msg.arg.pagefault.address & ~(P - 1)),
			      fill_page(c), P, 0, NULL))
			_exit(2);
	}
	_exit(0);
}

static void test_read_and_write_faults(int uffd)
{
	pid_t mon = monitor_copy(uffd, 2, 'a');
	long maj = majflt();
	char got = *(volatile char *)area;
	struct report r;

	*(volatile char *)(area + P + 100) = 'X';
	/* each fault waited for the monitor, returned VM_FAULT_RETRY, and was tried again */
	ok_eq(2, majflt() - maj, "ru_majflt: a fault retried after the monitor's COPY counts major");
	ok_eq(0, wait_status(mon), "the monitor served two faults");
	r = take_report();
	ok(r.event == UFFD_EVENT_PAGEFAULT && r.flags == 0 && r.offset == 0,
	   "a read of a missing page: PAGEFAULT, no flags, its page");
	if (r.flags || r.offset)
		printf("#   event %#x flags %#llx offset %#llx\n", r.event,
		       (unsigned long long)r.flags, (unsigned long long)r.offset);
	ok(r.ptid == (uint32_t)getpid(), "THREAD_ID: the faulting task's id");
	ok_eq('a', got, "the read sees the page the monitor copied");
	r = take_report();
	ok(r.flags == UFFD_PAGEFAULT_FLAG_WRITE && r.offset == P,
	   "a write: FLAG_WRITE, the address rounded down to its page");
	ok(area[P + 100] == 'X' && area[P + 99] == 'a' && area[P + 101] == 'a',
	   "the write lands in the copied page");
}

/* DONTWAKE: the page is there but the task sleeps on until UFFDIO_WAKE. */
static void test_dontwake(int uffd)
{
	pid_t parent = getpid(), mon;
	struct report r;

	fflush(stdout);
	mon = fork();
	if (mon == 0) {
		struct uffdio_range wake = { (uintptr_t)area + 2 * P, P };
		struct uffd_msg msg;

		if (uffd_read_msg(uffd, &msg))
			_exit(1);
		if (uffd_copy(uffd, area + 2 * P, fill_page('d'), P, UFFDIO_COPY_MODE_DONTWAKE,
			      NULL))
			_exit(2);
		report(&msg, proc_state(parent));
		_exit(ioctl(uffd, UFFDIO_WAKE, &wake) ? 4 : 0);
	}
	ok_eq('d', area[2 * P], "DONTWAKE then WAKE: the fault completes");
	ok_eq(0, wait_status(mon), "the monitor copied and woke");
	r = take_report();
	ok_eq('S', r.state, "after the DONTWAKE copy the task still sleeps");
}

/* A system call writing into a missing page waits for the monitor too. */
static void test_kernel_fault(int uffd)
{
	int p[2];
	pid_t mon;
	struct report r;

	if (pipe(p))
		return;
	ok_eq(10, write(p[1], "0123456789", 10), "ten bytes in a pipe");
	mon = monitor_copy(uffd, 1, 'k');
	ok_eq(10, read(p[0], area + 3 * P + 5, 10), "read() into a missing page: done");
	ok_eq(0, wait_status(mon), "after the monitor served the kernel's fault");
	r = take_report();
	ok(r.flags == UFFD_PAGEFAULT_FLAG_WRITE && r.offset == 3 * P,
	   "the kernel's copy faulted as a write");
	ok(!memcmp(area + 3 * P + 5, "0123456789", 10) && area[3 * P] == 'k',
	   "the data landed in the copied page");
	close(p[0]);
	close(p[1]);
}

/* UFFD_USER_MODE_ONLY: kernel-mode faults are not handed over: EFAULT. */
static void test_user_mode_only(void)
{
	char *a = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int uffd = uffd_open(O_CLOEXEC | UFFD_USER_MODE_ONLY, 0);
	int p[2];

	ok(uffd >= 0, "a UFFD_USER_MODE_ONLY uffd");
	ok_eq(0, uffd_register(uffd, a, P, UFFDIO_REGISTER_MODE_MISSING, NULL), "registered");
	if (pipe(p))
		return;
	ok_eq(4, write(p[1], "data", 4), "bytes in a pipe");
	ok_errno(EFAULT, read(p[0], a, 4), "read() into the missing page: EFAULT");
	close(p[0]);
	close(p[1]);
	close(uffd);
	munmap(a, P);
}

/*
 * A child that registers a page, hands its uffd to a monitor (mon_fn)
 * and closes its own copy, then reads the page: its exit status is the
 * byte read, or 100 + a signal.
 */
static pid_t faulter(uint64_t features, void (*mon_fn)(int uffd, pid_t faulter))
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char *a = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			       -1, 0);
		int uffd = uffd_open(0, features);
		pid_t self = getpid(), mon;
		int sig;

		if (uffd < 0 || uffd_register(uffd, a, P, UFFDIO_REGISTER_MODE_MISSING, NULL))
			_exit(90);
		area = a;
		if (mon_fn) {
			mon = fork();
			if (mon == 0) {
				mon_fn(uffd, self);
				_exit(0);
			}
			close(uffd);
		}
		sig = probe_sig(a, 0);
		_exit(sig ? 100 + sig : a[0]);
	}
	return pid;
}

/* Read the fault, then close the uffd without resolving it. */
static void mon_close(int uffd, pid_t faulter)
{
	struct uffd_msg msg;

	(void)faulter;
	uffd_read_msg(uffd, &msg);
	close(uffd);
}

static int usr1_count;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_count++;
}

/* Read the fault, signal the faulter, read the fault again, serve it. */
static void mon_signal(int uffd, pid_t faulter)
{
	struct uffd_msg msg;

	uffd_read_msg(uffd, &msg);
	kill(faulter, SIGUSR1);
	if (uffd_read_msg(uffd, &msg))
		_exit(1);
	uffd_copy(uffd, (void *)(uintptr_t)msg.arg.pagefault.address, fill_page(40), P, 0, NULL);
}

/* The monitor: serve one fault with CONTINUE after writing c through its alias. */
static pid_t monitor_continue(int uffd, char *alias, char c)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct uffdio_continue cont = { .range = { 0, P } };
		struct uffd_msg msg;

		if (uffd_read_msg(uffd, &msg))
			_exit(1);
		report(&msg, 0);
		alias[0] = c;
		cont.range.start = msg.arg.pagefault.address;
		_exit(ioctl(uffd, UFFDIO_CONTINUE, &cont) ? 2 : 0);
	}
	return pid;
}

/* shmem: a hole waits (MISSING), a cached page not mapped here waits (MINOR). */
static void test_shmem_faults(void)
{
	int uffd = uffd_open(0, UFFD_FEATURE_MISSING_SHMEM | UFFD_FEATURE_MINOR_SHMEM);
	char path[] = "/tmp/uffdfaultXXXXXX";
	int fd = mkstemp(path);
	char *alias, *priv, got;
	struct report r;
	pid_t mon;

	ftruncate(fd, 2 * P);
	area = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	uffd_register(uffd, area, 2 * P, UFFDIO_REGISTER_MODE_MISSING, NULL);
	mon = monitor_copy(uffd, 1, 'h');
	got = *(volatile char *)area;
	ok_eq(0, wait_status(mon), "shared anonymous memory: the monitor served the hole");
	r = take_report();
	ok(r.flags == 0 && r.offset == 0 && got == 'h', "a read of a hole waited for its COPY");
	munmap(area, 2 * P);

	alias = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	area = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	alias[0] = 'm';
	uffd_register(uffd, area, 2 * P, UFFDIO_REGISTER_MODE_MINOR, NULL);
	mon = monitor_continue(uffd, alias, 'M');
	got = *(volatile char *)area;
	ok_eq(0, wait_status(mon), "a file page not mapped here: the monitor CONTINUEd it");
	r = take_report();
	ok(r.flags == UFFD_PAGEFAULT_FLAG_MINOR && r.offset == 0,
	   "the read was a minor fault (FLAG_MINOR)");
	ok_eq('M', got, "and sees what the monitor wrote first");
	munmap(area, 2 * P);

	priv = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	area = priv;
	uffd_register(uffd, priv, 2 * P, UFFDIO_REGISTER_MODE_MISSING, NULL);
	mon = monitor_copy(uffd, 1, 'p');
	*(volatile char *)(priv + P + 1) = 'w';
	ok_eq(0, wait_status(mon), "a private file mapping: a write to a hole waited");
	r = take_report();
	ok(r.flags == UFFD_PAGEFAULT_FLAG_WRITE && r.offset == P &&
	   priv[P] == 'p' && priv[P + 1] == 'w' && alias[P] == 0,
	   "the COPY made a private page; the file keeps its hole");
	munmap(priv, 2 * P);
	munmap(alias, 2 * P);
	close(uffd);
	close(fd);
	unlink(path);
}

static void test_close_and_signals(void)
{
	pid_t f;

	f = faulter(0, mon_close);
	ok_eq(0, wait_status(f), "the uffd closed with a fault waiting: served as usual (zero)");

	signal(SIGUSR1, on_usr1);
	f = faulter(0, mon_signal);
	ok_eq(40, wait_status(f),
	      "a caught signal: the handler runs, the fault comes again and is served");
	signal(SIGUSR1, SIG_DFL);

	f = faulter(0, NULL);
	while (proc_state(f) != 'S')
		sched_yield();
	kill(f, SIGKILL);
	ok_eq(128 + SIGKILL, wait_status(f), "SIGKILL ends a fault nobody will serve");

	f = faulter(UFFD_FEATURE_SIGBUS, NULL);
	ok_eq(100 + SIGBUS, wait_status(f), "UFFD_FEATURE_SIGBUS: the fault is SIGBUS");
}

int main(void)
{
	int uffd;

	if (pipe(report_pipe))
		return 1;
	area = mmap(NULL, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	uffd = uffd_open(O_CLOEXEC, UFFD_FEATURE_THREAD_ID);
	ok(uffd >= 0, "a uffd with THREAD_ID");
	ok_eq(0, uffd_register(uffd, area, 4 * P, UFFDIO_REGISTER_MODE_MISSING, NULL),
	      "four pages registered for missing faults");
	test_read_and_write_faults(uffd);
	test_dontwake(uffd);
	test_kernel_fault(uffd);
	close(uffd);
	munmap(area, 4 * P);
	test_user_mode_only();
	test_shmem_faults();
	test_close_and_signals();
	return tap_done();
}
