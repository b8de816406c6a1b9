// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for credentials: the supplementary groups' sort and search,
 * the references that prepare, commit, abort and override take and
 * drop, and prepare_creds out of memory. Each test leaves the running
 * task's credentials as it found them (root's). The set*id rules are
 * tested from user space (tests/user/cred_*.c), against Linux.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/cred.h>
#include <linux/prandom.h>
#include <linux/ktest.h>

KTEST(cred, groups_sort_search, "groups_sort orders any list, duplicates kept, and groups_search finds exactly its members")
{
	struct rnd_state rnd = { 0x9e3779b97f4a7c15ULL };
	struct group_info *gi = groups_alloc(1000);
	bool sorted = true, found = true, absent = true;

	KT_ASSERT_TRUE(t, gi);
	for (int i = 0; i < gi->ngroups; i++)
		gi->gid[i] = (gid_t)prandom_below(&rnd, 500) * 2;	/* even: odd ones are absent */
	groups_sort(gi);
	for (int i = 1; i < gi->ngroups; i++)
		sorted &= gi->gid[i - 1] <= gi->gid[i];
	for (int i = 0; i < gi->ngroups; i++)
		found &= groups_search(gi, gi->gid[i]);
	for (gid_t g = 1; g < 1000; g += 2)
		absent &= !groups_search(gi, g);
	KT_EXPECT_TRUE(t, sorted);
	KT_EXPECT_TRUE(t, found);
	KT_EXPECT_TRUE(t, absent);
	KT_EXPECT_TRUE(t, !groups_search(NULL, 0));
	put_group_info(gi);
}

KTEST(cred, references, "prepare_creds copies with one reference, commit moves both of the task's, abort and revert give theirs back")
{
	const struct cred *old = current_cred(), *saved;
	int old_usage = old->usage, groups_usage = old->group_info->usage;
	struct cred *new;

	get_cred(old);		/* ours, donated back at the end */
	new = prepare_creds();

	KT_ASSERT_TRUE(t, new);
	KT_EXPECT_EQ(t, 1, new->usage);
	KT_EXPECT_EQ(t, old->uid, new->uid);
	KT_EXPECT_EQ(t, groups_usage + 1, old->group_info->usage);
	abort_creds(new);
	KT_EXPECT_EQ(t, groups_usage, old->group_info->usage);

	new = prepare_creds();
	KT_ASSERT_TRUE(t, new);
	cap_lower(new->cap_effective, CAP_SYS_ADMIN);
	saved = override_creds(new);
	KT_EXPECT_TRUE(t, !capable(CAP_SYS_ADMIN));	/* capable() asks cred, */
	KT_EXPECT_TRUE(t, has_capability(current, CAP_SYS_ADMIN));	/* others see real_cred */
	revert_creds(saved);
	KT_EXPECT_TRUE(t, capable(CAP_SYS_ADMIN));
	KT_EXPECT_EQ(t, 1, new->usage);

	commit_creds(new);	/* the same ids: the task's two references move to new */
	KT_EXPECT_PTR_EQ(t, new, current->cred);
	KT_EXPECT_PTR_EQ(t, new, current->real_cred);
	KT_EXPECT_EQ(t, 2, new->usage);
	KT_EXPECT_EQ(t, old_usage + 1 - 2, old->usage);
	KT_EXPECT_TRUE(t, !capable(CAP_SYS_ADMIN));
	/*
	 * Back to the very cred we started with, our reference donated as a
	 * prepared one's would be (a new copy would keep a slab page the
	 * runner counts as leaked); new is freed.
	 */
	commit_creds((struct cred *)old);
	KT_EXPECT_EQ(t, old_usage, old->usage);
	KT_EXPECT_TRUE(t, capable(CAP_SYS_ADMIN));
}

KTEST(cred, prepare_enomem, "prepare_creds out of memory: NULL, and the task's credentials untouched")
{
	const struct cred *cred = current_cred();
	int usage = cred->usage;

	current->fail_nth = 1;
	KT_EXPECT_PTR_EQ(t, NULL, prepare_creds());
	current->fail_nth = 0;
	KT_EXPECT_PTR_EQ(t, cred, current_cred());
	KT_EXPECT_EQ(t, usage, cred->usage);
}
