// SPDX-License-Identifier: GPL-2.0
/*
 * vm.overcommit_memory 2 keeps admin_reserve_kbytes back from a task
 * without CAP_SYS_ADMIN (6.1's __vm_enough_memory), so that root can
 * still log in when users have committed everything. The limit is set
 * to what is committed now plus 32 MiB and the admin reserve to 16 MiB,
 * far from the few pages by which Linux's per-CPU counter may lag; a
 * 24 MiB mapping then fits for root and not for nobody. Everything is
 * put back at the end.
 */
#include "credlib.h"
#include <fcntl.h>
#include <sys/syscall.h>

#define MiB		(1UL << 20)
#define VM		"/proc/sys/vm/"
#define RW		(PROT_READ | PROT_WRITE)
#define ANON		(MAP_PRIVATE | MAP_ANONYMOUS)
#define CAP_SYS_ADMIN	21

static long get(const char *name)
{
	char path[64];

	snprintf(path, sizeof(path), VM "%s", name);
	read_file(path);
	return strtol(proc_buf, NULL, 10);
}

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

static int maps(size_t len)
{
	void *p = mmap(NULL, len, RW, ANON, -1, 0);

	if (p == MAP_FAILED)
		return 0;
	munmap(p, len);
	return 1;
}

static void as_root(void)
{
	ok(maps(24 * MiB), "mode 2: root maps 24 MiB of the 32 MiB headroom");
}

static void as_nobody(void)
{
	become(NOBODY, NOGROUP);
	ok(!maps(24 * MiB), "nobody may not: 16 MiB are root's reserve");
	ok(maps(8 * MiB), "8 MiB fit for nobody");
}

static void root_without_sys_admin(void)
{
	drop_effective(CAP_SYS_ADMIN);
	ok(!maps(24 * MiB), "root without CAP_SYS_ADMIN in effect may not either");
}

int main(void)
{
	long mode = get("overcommit_memory"), ratio = get("overcommit_ratio");
	long admin = get("admin_reserve_kbytes");

	read_file("/proc/meminfo");
	set("admin_reserve_kbytes", 16 * 1024);
	set("overcommit_kbytes", field("Committed_AS") + 32 * 1024);
	set("overcommit_memory", 2);
	in_child(as_root, "as_root");
	in_child(as_nobody, "as_nobody");
	in_child(root_without_sys_admin, "root_without_sys_admin");
	set("overcommit_memory", mode);
	set("overcommit_ratio", ratio);		/* and overcommit_kbytes back to 0 */
	set("admin_reserve_kbytes", admin);
	return tap_done();
}
