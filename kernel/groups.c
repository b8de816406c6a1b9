// SPDX-License-Identifier: GPL-2.0
/*
 * Supplementary groups: a sorted array of gids in the credentials,
 * shared by reference and never changed once in use (setgroups installs
 * a new one). Linux: kernel/groups.c
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/cred.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/*
 * Room for gidsetsize groups, one reference. Up to NGROUPS_MAX (256 KiB
 * of gids): larger than a slab, so kmalloc takes whole pages.
 * Linux: groups_alloc() (kvmalloc)
 */
struct group_info *groups_alloc(int gidsetsize)
{
	struct group_info *gi = kmalloc(sizeof(*gi) + (size_t)gidsetsize * sizeof(gid_t),
					GFP_KERNEL);

	if (!gi)
		return NULL;
	gi->usage = 1;
	gi->ngroups = gidsetsize;
	return gi;
}

void groups_free(struct group_info *group_info)
{
	BUG_ON(group_info == &init_groups);
	kfree(group_info);
}

/* Sift gid[root] down the heap gid[0..n). */
static void gid_sift_down(gid_t *gid, unsigned int root, unsigned int n)
{
	for (;;) {
		unsigned int child = 2 * root + 1;
		gid_t tmp;

		if (child >= n)
			return;
		if (child + 1 < n && gid[child + 1] > gid[child])
			child++;
		if (gid[root] >= gid[child])
			return;
		tmp = gid[root];
		gid[root] = gid[child];
		gid[child] = tmp;
		root = child;
	}
}

/*
 * Ascending, duplicates kept, in place with a heap sort as Linux's
 * lib/sort.c: O(n log n) with no memory, whatever the order given.
 * Linux: groups_sort()
 */
void groups_sort(struct group_info *group_info)
{
	gid_t *gid = group_info->gid;
	unsigned int n = (unsigned int)group_info->ngroups;

	for (unsigned int i = n / 2; i-- > 0;)
		gid_sift_down(gid, i, n);
	while (n > 1) {
		gid_t tmp = gid[0];

		gid[0] = gid[--n];
		gid[n] = tmp;
		gid_sift_down(gid, 0, n);
	}
}

/* Is grp one of the groups? A binary search. Linux: groups_search() */
bool groups_search(const struct group_info *group_info, gid_t grp)
{
	unsigned int left = 0, right;

	if (!group_info)
		return false;
	right = (unsigned int)group_info->ngroups;
	while (left < right) {
		unsigned int mid = (left + right) / 2;

		if (grp > group_info->gid[mid])
			left = mid + 1;
		else if (grp < group_info->gid[mid])
			right = mid;
		else
			return true;
	}
	return false;
}

/* Give new (prepared, not yet committed) these groups. Linux: set_groups() */
void set_groups(struct cred *new, struct group_info *group_info)
{
	put_group_info(new->group_info);
	new->group_info = get_group_info(group_info);
}

/* Linux: set_current_groups() */
int set_current_groups(struct group_info *group_info)
{
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	set_groups(new, group_info);
	return commit_creds(new);
}

/*
 * The groups, if gidsetsize can hold them; 0 asks only how many there
 * are. EINVAL for a negative or too small size. Linux: sys_getgroups()
 */
SYSCALL_DEFINE2(getgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	const struct group_info *gi = current_cred()->group_info;

	if (gidsetsize < 0)
		return -EINVAL;
	if (!gidsetsize)
		return gi->ngroups;
	if (gi->ngroups > gidsetsize)
		return -EINVAL;
	for (int i = 0; i < gi->ngroups; i++)
		if (put_user(gi->gid[i], grouplist + i))
			return -EFAULT;
	return gi->ngroups;
}

/* Fill group_info from user space: EFAULT, or EINVAL for the invalid gid -1. */
static int groups_from_user(struct group_info *group_info, const gid_t __user *grouplist)
{
	for (int i = 0; i < group_info->ngroups; i++) {
		gid_t gid;

		if (get_user(gid, grouplist + i))
			return -EFAULT;
		if (!gid_valid(gid))
			return -EINVAL;
		group_info->gid[i] = gid;
	}
	return 0;
}

/*
 * Replace the supplementary groups: CAP_SETGID only; at most
 * NGROUPS_MAX. Linux: sys_setgroups(), may_setgroups()
 */
SYSCALL_DEFINE2(setgroups, int, gidsetsize, const gid_t __user *, grouplist)
{
	struct group_info *group_info;
	int retval;

	if (!capable(CAP_SETGID))
		return -EPERM;
	if ((unsigned int)gidsetsize > NGROUPS_MAX)
		return -EINVAL;
	group_info = groups_alloc(gidsetsize);
	if (!group_info)
		return -ENOMEM;
	retval = groups_from_user(group_info, grouplist);
	if (!retval) {
		groups_sort(group_info);
		retval = set_current_groups(group_info);
	}
	put_group_info(group_info);
	return retval;
}

/*
 * Is grp the file system gid or a supplementary group? Who a task is
 * to a file's group bits. Linux: in_group_p()
 */
bool in_group_p(gid_t grp)
{
	const struct cred *cred = current_cred();

	return grp == cred->fsgid || groups_search(cred->group_info, grp);
}

/* The same with the effective gid. Linux: in_egroup_p() */
bool in_egroup_p(gid_t grp)
{
	const struct cred *cred = current_cred();

	return grp == cred->egid || groups_search(cred->group_info, grp);
}
