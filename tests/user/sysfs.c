// SPDX-License-Identifier: GPL-2.0
/*
 * /sys as test programs probe it before using a feature: transparent
 * huge pages read as "never" (so Linux's mm selftests skip THP rather
 * than fail), one CPU is online, and /sys is sysfs. Linux has many more
 * entries (KSM and NUMA nodes among them, which Faultline leaves out so
 * that tests skip those parts); the listings print only the names
 * Faultline has.
 */
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include "tap.h"
#include "proclib.h"

#define THP "/sys/kernel/mm/transparent_hugepage/"
#define SYSFS_MAGIC	0x62656572

static void check_read(const char *path, const char *want)
{
	ok(read_file(path) >= 0 && !strcmp(proc_buf, want), "%s reads %.*s", path,
	   (int)strlen(want) - 1, want);
}

static void list_known(const char *dir, const char *known)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	printf("# %s:", dir);
	while (d && (e = readdir(d))) {
		char word[300];

		snprintf(word, sizeof(word), " %s ", e->d_name);
		if (strstr(known, word))
			printf(" %s", e->d_name);
	}
	printf("\n");
	ok(d != NULL, "%s lists", dir);
	if (d)
		closedir(d);
}

static void test_thp(void)
{
	struct stat st;
	int fd;

	check_read(THP "enabled", "always madvise [never]\n");
	check_read(THP "defrag", "always defer defer+madvise madvise [never]\n");
	check_read(THP "hpage_pmd_size", "2097152\n");
	ok(!stat(THP "enabled", &st) && st.st_mode == (S_IFREG | 0644) && st.st_size == 4096,
	   "enabled: -rw-r--r--, 4096 bytes as every sysfs attribute");
	fd = open(THP "enabled", O_WRONLY);
	ok_eq(6, write(fd, "never\n", 6), "writing never back is accepted");
	close(fd);
	check_read(THP "enabled", "always madvise [never]\n");
	fd = open(THP "enabled", O_WRONLY);
	ok_errno(EINVAL, write(fd, "sometimes", 9), "a word not on the list: EINVAL");
	close(fd);
	list_known("/sys/kernel/mm/transparent_hugepage", " . .. defrag enabled hpage_pmd_size ");
}

static void test_cpu(void)
{
	struct stat st;

	check_read("/sys/devices/system/cpu/online", "0\n");
	check_read("/sys/devices/system/cpu/possible", "0\n");
	check_read("/sys/devices/system/cpu/present", "0\n");
	ok(!stat("/sys/devices/system/cpu/online", &st) && st.st_mode == (S_IFREG | 0444),
	   "online is -r--r--r--");
	ok_errno(EACCES, open("/sys/devices/system/cpu/online", O_WRONLY),
		 "a 0444 attribute does not open for writing, even for root");
	list_known("/sys/devices/system/cpu", " possible present online ");
}

static void test_layout(void)
{
	struct statfs s;
	struct stat st;

	ok_eq(0, statfs("/sys", &s), "statfs /sys");
	ok_eq(SYSFS_MAGIC, s.f_type, "/sys is sysfs (SYSFS_MAGIC)");
	ok(!s.f_blocks && !s.f_files && s.f_namelen == 255 && s.f_bsize == 4096,
	   "sysfs has no counts; bsize 4096, namelen 255");
	ok_eq(0x1020, s.f_flags, "mounted with relatime (ST_VALID|ST_RELATIME)");
	ok(!stat("/sys/kernel/mm", &st) && st.st_mode == (S_IFDIR | 0755), "/sys/kernel/mm is drwxr-xr-x");
	ok_errno(ENOENT, open("/sys/kernel/nothere", O_RDONLY), "a missing name: ENOENT");
	list_known("/sys", " . .. kernel devices ");
	list_known("/sys/kernel/mm", " transparent_hugepage ");
}

int main(void)
{
	test_thp();
	test_cpu();
	test_layout();
	return tap_done();
}
