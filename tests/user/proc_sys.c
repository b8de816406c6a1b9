// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/sys as Linux 6.1 shows it: the directories and files Faultline
 * has (Linux has many more; the listings print only the names this test
 * knows), their modes and default values, and the parsing and
 * formatting of the sysctl handlers: blanks, hex and octal, ranges and
 * EINVAL, writes at a later position, short reads, strings. Values that
 * depend on how much RAM each kernel counts (file-max, threads-max,
 * min_free_kbytes, the reserves) are only checked to be numbers.
 * Everything changed is put back.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include "tap.h"
#include "proclib.h"

#define VM "/proc/sys/vm/"
#define KERN "/proc/sys/kernel/"

/* Write s to path in one write(2): its result, or -errno. */
static long sysctl_write(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY);
	long r;

	if (fd < 0)
		return -errno;
	r = write(fd, s, strlen(s));
	if (r < 0)
		r = -errno;
	close(fd);
	return r;
}

/* The file's first line, without its newline, in a static buffer. */
static const char *sysctl_read(const char *path)
{
	if (read_file(path) < 0)
		return "(unreadable)";
	*line_end(proc_buf) = 0;
	return proc_buf;
}

/* The names of dir that are in known, in the order readdir gives them. */
static void list_known(const char *dir, const char *known)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char line[1024] = "";

	while (d && (e = readdir(d))) {
		char word[300];

		snprintf(word, sizeof(word), " %s ", e->d_name);
		if (strstr(known, word)) {
			strcat(line, " ");
			strcat(line, e->d_name);
		}
	}
	if (d)
		closedir(d);
	printf("# %s:%s\n", dir, line);
	ok(d != NULL, "%s lists", dir);
}

static void test_listing(void)
{
	list_known("/proc/sys", " . .. fs kernel vm ");
	list_known("/proc/sys/vm", " admin_reserve_kbytes drop_caches lowmem_reserve_ratio "
		   "max_map_count min_free_kbytes mmap_min_addr overcommit_kbytes overcommit_memory "
		   "overcommit_ratio stat_refresh swappiness user_reserve_kbytes ");
	list_known("/proc/sys/kernel", " core_pattern core_uses_pid domainname hostname "
		   "osrelease ostype pid_max randomize_va_space shmall shmmax shmmni threads-max ");
	list_known("/proc/sys/fs", " file-max nr_open ");
}

static void check_mode(const char *path, unsigned int mode)
{
	struct stat st;

	ok(!stat(path, &st) && st.st_mode == mode && st.st_size == 0 && st.st_nlink == 1,
	   "%s: mode %o, size 0, one link", path, mode);
}

static void test_modes(void)
{
	check_mode("/proc/sys/vm", S_IFDIR | 0555);
	check_mode(VM "overcommit_memory", S_IFREG | 0644);
	check_mode(VM "drop_caches", S_IFREG | 0200);
	check_mode(VM "stat_refresh", S_IFREG | 0600);
	check_mode(KERN "osrelease", S_IFREG | 0444);
	check_mode(KERN "ostype", S_IFREG | 0444);
	check_mode("/proc/sys/fs/nr_open", S_IFREG | 0644);
}

static void check_value(const char *path, const char *want)
{
	const char *got = sysctl_read(path);

	ok(!strcmp(want, got), "%s reads %s", path, want);
	if (strcmp(want, got))
		printf("#     got: %s\n", got);
}

/* A value that depends on the RAM each kernel counts: a positive number. */
static void check_number(const char *path)
{
	const char *got = sysctl_read(path);
	char *end;

	ok(strtol(got, &end, 10) > 0 && !*end, "%s is a number", path);
}

static void test_defaults(void)
{
	struct utsname u;

	check_value(VM "overcommit_memory", "0");
	check_value(VM "overcommit_ratio", "50");
	check_value(VM "overcommit_kbytes", "0");
	check_value(VM "max_map_count", "65530");
	check_value(VM "mmap_min_addr", "65536");
	check_value(VM "swappiness", "60");
	check_value(VM "stat_refresh", "");
	check_value(KERN "core_pattern", "core");
	check_value(KERN "core_uses_pid", "0");
	check_value(KERN "pid_max", "32768");
	check_value(KERN "ostype", "Linux");
	check_value(KERN "hostname", "(none)");
	check_value(KERN "domainname", "(none)");
	check_value(KERN "randomize_va_space", "0");	/* both boot without randomization */
	check_value(KERN "shmmax", "18446744073692774399");
	check_value(KERN "shmall", "18446744073692774399");
	check_value(KERN "shmmni", "4096");
	check_value("/proc/sys/fs/nr_open", "1048576");
	uname(&u);
	ok(!strcmp(sysctl_read(KERN "osrelease"), u.release), "osrelease is uname's release");
	check_number(KERN "threads-max");
	check_number("/proc/sys/fs/file-max");
	check_number(VM "min_free_kbytes");
	check_number(VM "user_reserve_kbytes");
	check_number(VM "admin_reserve_kbytes");
}

/* How dointvec parses: blanks, bases, signs, junk and ranges. */
static void test_int_parsing(void)
{
	const char *om = VM "overcommit_memory";

	ok_eq(4, sysctl_write(om, " 1 \n"), "blanks around a number are accepted, all counted");
	check_value(om, "1");
	ok_eq(2, sysctl_write(om, "2 1"), "a second number for a one-int entry is left over");
	check_value(om, "2");
	ok_eq(3, sysctl_write(om, "0x1"), "0x is hex");
	check_value(om, "1");
	ok_eq(2, sysctl_write(om, "02"), "a leading 0 is octal");
	ok_eq(-EINVAL, sysctl_write(om, "3"), "above the maximum: EINVAL");
	ok_eq(-EINVAL, sysctl_write(om, "-1"), "below the minimum: EINVAL");
	ok_eq(-EINVAL, sysctl_write(om, "abc"), "not a number: EINVAL");
	ok_eq(-EINVAL, sysctl_write(om, "1x"), "a number with junk after it: EINVAL");
	ok_eq(-EINVAL, sysctl_write(om, "08"), "8 is no octal digit: EINVAL");
	ok_eq(-EINVAL, sysctl_write(om, " \n"), "only blanks: EINVAL");
	ok_eq(0, sysctl_write(om, ""), "an empty write does nothing");
	check_value(om, "2");
	ok_eq(-EINVAL, sysctl_write(VM "max_map_count", "2147483648"), "past INT_MAX: EINVAL");
	ok_eq(-EINVAL, sysctl_write(VM "max_map_count", "99999999999999999999"),
	      "past a long: EINVAL");
	ok_eq(-EINVAL, sysctl_write(VM "max_map_count", "-1"), "max_map_count below 0: EINVAL");
	ok_eq(-EINVAL, sysctl_write(KERN "pid_max", "300"), "pid_max at RESERVED_PIDS: EINVAL");
	ok_eq(3, sysctl_write(KERN "pid_max", "301"), "pid_max 301 is the least");
	ok_eq(-EINVAL, sysctl_write(KERN "pid_max", "4194305"), "pid_max past PID_MAX_LIMIT: EINVAL");
	ok_eq(5, sysctl_write(KERN "pid_max", "32768"), "pid_max back to 32768");
	ok_eq(-EINVAL, sysctl_write(VM "swappiness", "201"), "swappiness past 200: EINVAL");
	ok_eq(-EINVAL, sysctl_write("/proc/sys/fs/nr_open", "63"), "nr_open below 64: EINVAL");
	ok_eq(-EINVAL, sysctl_write(KERN "shmmni", "32769"), "shmmni past IPCMNI: EINVAL");
	ok_eq(-EINVAL, sysctl_write(KERN "shmmax", "-1"), "an unsigned long is never negative");
	ok_eq(2, sysctl_write(KERN "randomize_va_space", "-5"), "randomize_va_space has no range");
	check_value(KERN "randomize_va_space", "-5");
	sysctl_write(KERN "randomize_va_space", "0");
	ok_eq(1, sysctl_write(om, "0"), "overcommit_memory back to 0");
}

/* One read gives the value and EOF; only a write from position 0 counts. */
static void test_positions(void)
{
	int fd = open(VM "max_map_count", O_RDWR);
	char buf[16] = "";

	ok_eq(3, read(fd, buf, 3), "a short read is cut");
	ok(!memcmp(buf, "655", 3), "to the first bytes");
	ok_eq(0, read(fd, buf, sizeof(buf)), "and the next read is EOF");
	ok_eq(6, pread(fd, buf, sizeof(buf), 0), "pread at 0 reads it again");
	ok_eq(0, pread(fd, buf, sizeof(buf), 1), "pread at 1 reads nothing");
	ok_eq(5, pwrite(fd, "12345", 5, 3), "a write at a later position is ignored");
	check_value(VM "max_map_count", "65530");
	ok_errno(EFAULT, pread(fd, (void *)1, 8, 0), "a read into a bad buffer: EFAULT");
	close(fd);
	ok_eq(6, sysctl_write(VM "max_map_count", "65530\t99"),
	      "a value past the entry's count is left unread: the count says so");
}

/* proc_dostring: up to a newline, a later write continues the string. */
static void test_strings(void)
{
	struct utsname u;
	int fd;

	ok_eq(14, sysctl_write(KERN "hostname", "myhost\nignored"), "a string stops at a newline");
	check_value(KERN "hostname", "myhost");
	uname(&u);
	ok(!strcmp(u.nodename, "myhost"), "uname's nodename is kernel.hostname");
	sethostname("viaset", 6);
	check_value(KERN "hostname", "viaset");
	fd = open(KERN "hostname", O_WRONLY);
	write(fd, "ab", 2);
	write(fd, "cd", 2);
	close(fd);
	check_value(KERN "hostname", "abcd");
	ok_eq(6, sysctl_write(KERN "hostname", "(none)"), "hostname back to (none)");
	ok_eq(10, sysctl_write(KERN "core_pattern", "core.%p.%e"), "core_pattern takes a pattern");
	check_value(KERN "core_pattern", "core.%p.%e");
	sysctl_write(KERN "core_pattern", "core");
}

/* vm.overcommit_ratio and overcommit_kbytes clear each other; CommitLimit follows. */
static void test_commit_limit(void)
{
	ok_eq(4, sysctl_write(VM "overcommit_kbytes", "4096"), "overcommit_kbytes 4096");
	check_value(VM "overcommit_ratio", "0");
	read_file("/proc/meminfo");
	ok_eq(4096, field("CommitLimit"), "meminfo's CommitLimit is overcommit_kbytes");
	ok_eq(-EINVAL, sysctl_write(VM "overcommit_kbytes", "-5"), "negative kbytes: EINVAL");
	ok_eq(2, sysctl_write(VM "overcommit_ratio", "50"), "overcommit_ratio 50");
	check_value(VM "overcommit_kbytes", "0");
	read_file("/proc/meminfo");
	/* Half of RAM's pages, rounded down in pages as vm_commit_limit() does. */
	ok_eq(field("MemTotal") / 4 / 2 * 4, field("CommitLimit"), "CommitLimit is half of RAM again");
}

/* Who may open what, and what is not there. */
/* kernel.shmmax and shmmni bound System V shared memory as they say. */
static void test_shm_limits(void)
{
	char old[32] = { 0 };
	int fd = open(KERN "shmmax", O_RDONLY);

	read(fd, old, sizeof(old) - 1);
	close(fd);
	ok_eq(5, sysctl_write(KERN "shmmax", "4096\n"), "shmmax 4096");
	ok_errno(EINVAL, shmget(IPC_PRIVATE, 8192, 0600), "a segment past shmmax: EINVAL");
	sysctl_write(KERN "shmmax", old);
	ok_eq(2, sysctl_write(KERN "shmmni", "0\n"), "shmmni 0");
	ok_errno(ENOSPC, shmget(IPC_PRIVATE, 4096, 0600), "no segment allowed: ENOSPC");
	sysctl_write(KERN "shmmni", "4096");
	check_value(KERN "shm_rmid_forced", "0");
}

static void test_access(void)
{
	ok_errno(EACCES, open(KERN "osrelease", O_WRONLY), "osrelease (0444) is not writable, even by root");
	ok_errno(EACCES, open(VM "drop_caches", O_RDONLY), "drop_caches (0200) is not readable");
	ok_errno(EISDIR, open("/proc/sys/vm", O_WRONLY), "a directory for writing: EISDIR");
	ok_errno(ENOENT, open(VM "nothere", O_RDONLY), "a missing name: ENOENT");
	ok_errno(ENOENT, open(VM "new", O_RDWR | O_CREAT, 0644), "nothing can be created: ENOENT");
	ok_errno(ENOENT, mkdir(VM "dir", 0755), "nor a directory made: ENOENT");
	ok_eq(-EINVAL, sysctl_write(VM "drop_caches", "0"), "drop_caches 0: EINVAL");
	ok_eq(-EINVAL, sysctl_write(VM "drop_caches", "5"), "drop_caches 5: EINVAL");
	ok_eq(1, sysctl_write(VM "drop_caches", "3"), "drop_caches 3 is taken");
	ok_eq(1, sysctl_write(VM "stat_refresh", "1"), "stat_refresh takes any write");
	ok_eq(0, truncate(VM "max_map_count", 0), "truncate of a sysctl does nothing");
	check_value(VM "max_map_count", "65530");
}

int main(void)
{
	test_listing();
	test_modes();
	test_defaults();
	test_int_parsing();
	test_positions();
	test_strings();
	test_commit_limit();
	test_shm_limits();
	test_access();
	return tap_done();
}
