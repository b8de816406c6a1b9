// SPDX-License-Identifier: GPL-2.0
/*
 * The group id calls and the supplementary groups, each rule of 6.1's
 * kernel/sys.c and kernel/groups.c: CAP_SETGID allows any gid, without
 * it a task moves among its real, effective and saved gids; setgroups
 * needs CAP_SETGID, sorts, keeps duplicates, and is bounded by
 * NGROUPS_MAX; and the errors. gids print as "real effective saved fs".
 */
#include <sys/syscall.h>
#include "credlib.h"

#define NGROUPS_MAX_LINUX	65536

static void root_setgid(void)
{
	ok_eq(0, getgid(), "root: getgid 0");
	ok_eq(0, getegid(), "root: getegid 0");
	ok_errno(EINVAL, setgid(-1), "setgid(-1): EINVAL");
	ok_eq(0, setgid(1000), "root: setgid(1000)");
	ok_str("1000 1000 1000 1000", gids(), "sets all four gids");
	ok_str("1000\t1000\t1000\t1000", status_line("Gid"), "status shows them");
	ok_eq(0, setgid(0), "still CAP_SETGID: setgid(0)");
	ok_str("0 0 0 0", gids(), "back to 0");
}

static void gids_without_cap(void)
{
	ok_eq(0, setresgid(10, 20, 30), "root: setresgid(10, 20, 30)");
	ok_str("10 20 30 20", gids(), "fs follows the effective gid");
	ok_eq(0, setuid(NOBODY), "then setuid(nobody): no CAP_SETGID any more");
	ok_errno(EPERM, setgid(20), "setgid to the effective gid only: EPERM");
	ok_eq(0, setgid(30), "setgid to the saved gid");
	ok_str("10 30 30 30", gids(), "without CAP_SETGID only effective and fs change");
	ok_errno(EPERM, setregid(20, -1), "setregid: the real gid may become only the real or effective one");
	ok_errno(EPERM, setregid(-1, 7), "setregid(-1, stranger): EPERM");
	ok_eq(0, setregid(-1, 10), "setregid(-1, real)");
	ok_str("10 10 30 10", gids(), "effective back to the real gid: saved stays");
	ok_eq(0, setresgid(30, 10, 10), "setresgid among its own gids");
	ok_str("30 10 10 10", gids(), "in any order");
	ok_errno(EPERM, setresgid(7, -1, -1), "setresgid to a stranger: EPERM");
	ok_eq(0, setresgid(-1, -1, -1), "setresgid(-1, -1, -1): nothing to do");
	ok_eq(10, setfsgid(30), "setfsgid to the real gid: the old fs gid returned");
	ok_eq(30, setfsgid(7), "to a stranger: refused");
	ok_eq(30, setfsgid(-1), "it stayed 30");
	ok_errno(EINVAL, setgid(-1), "setgid(-1): EINVAL before EPERM");
}

static void groups_as_root(void)
{
	gid_t list[8] = { 30, 10, 20, 10 };
	gid_t got[8];

	ok_eq(0, getgroups(0, NULL), "no supplementary groups to start with");
	ok_str(" ", status_line("Groups"), "status: an empty list, and 6.1's trailing space");
	ok_eq(0, setgroups(4, list), "setgroups(30, 10, 20, 10)");
	ok_eq(4, getgroups(0, NULL), "getgroups(0): how many, 4");
	ok_eq(4, getgroups(8, got), "getgroups(8, list): 4");
	ok(got[0] == 10 && got[1] == 10 && got[2] == 20 && got[3] == 30,
	   "sorted, the duplicate kept: %u %u %u %u", got[0], got[1], got[2], got[3]);
	ok_str("10 10 20 30 ", status_line("Groups"), "status lists them the same way");
	ok_errno(EINVAL, getgroups(3, got), "a list too small: EINVAL");
	ok_errno(EINVAL, getgroups(-1, got), "a negative size: EINVAL");
	ok_errno(EFAULT, syscall(SYS_getgroups, 4, (gid_t *)1), "a bad list: EFAULT");
	ok_errno(EINVAL, setgroups(NGROUPS_MAX_LINUX + 1, list), "more than NGROUPS_MAX: EINVAL");
	ok_errno(EINVAL, syscall(SYS_setgroups, -1, list), "a negative size: EINVAL");
	list[1] = (gid_t)-1;
	ok_errno(EINVAL, setgroups(2, list), "the invalid gid -1: EINVAL");
	ok_errno(EFAULT, setgroups(2, (gid_t *)1), "a bad list: EFAULT");
	ok_eq(4, getgroups(0, NULL), "failed calls left the groups alone");
	ok_eq(0, setgroups(0, NULL), "setgroups(0, NULL) empties the list");
	ok_eq(0, getgroups(0, NULL), "now none");
}

static void groups_big(void)
{
	gid_t *list = malloc(NGROUPS_MAX_LINUX * sizeof(gid_t));

	for (int i = 0; i < NGROUPS_MAX_LINUX; i++)
		list[i] = (gid_t)(NGROUPS_MAX_LINUX - i);
	ok_eq(0, setgroups(NGROUPS_MAX_LINUX, list), "NGROUPS_MAX groups, in descending order");
	ok_eq(NGROUPS_MAX_LINUX, getgroups(NGROUPS_MAX_LINUX, list), "all of them come back");
	ok(list[0] == 1 && list[NGROUPS_MAX_LINUX - 1] == NGROUPS_MAX_LINUX &&
	   list[NGROUPS_MAX_LINUX / 2] == NGROUPS_MAX_LINUX / 2 + 1,
	   "ascending: %u .. %u", list[0], list[NGROUPS_MAX_LINUX - 1]);
	free(list);
}

static void groups_as_nobody(void)
{
	gid_t list[2] = { 100, 200 }, got[4];

	ok_eq(0, setgroups(2, list), "root: setgroups(100, 200)");
	ok_eq(0, setuid(NOBODY), "setuid(nobody) keeps them");
	ok_eq(2, getgroups(4, got), "two groups still");
	ok_errno(EPERM, setgroups(0, NULL), "without CAP_SETGID even emptying them: EPERM");
	ok_errno(EPERM, syscall(SYS_setgroups, -1, list), "EPERM before EINVAL");
	ok_str("100 200 ", status_line("Groups"), "status still shows them");
}

int main(void)
{
	in_child(root_setgid, "root_setgid");
	in_child(gids_without_cap, "gids_without_cap");
	in_child(groups_as_root, "groups_as_root");
	in_child(groups_big, "groups_big");
	in_child(groups_as_nobody, "groups_as_nobody");
	return tap_done();
}
