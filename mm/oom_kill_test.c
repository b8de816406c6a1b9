// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for reaping a dying process's memory (mm/oom_kill.c): the
 * private pages go, shared ones stay, and the address space is still
 * whole for exit_mmap (the mm audit and the leak check of the runner).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/fcntl.h>
#include <linux/oom.h>
#include <linux/ktest_mm.h>
#include <asm/uaccess.h>

#define P	PAGE_SIZE
#define RW	(PROT_READ | PROT_WRITE)

KTEST(oom, reap, "__oom_reap_task_mm unmaps anonymous and private file pages, keeps shared ones, and leaves an mm exit_mmap frees cleanly")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long anon, priv, shared;
	char c;
	int map_count;

	KT_ASSERT_TRUE(t, mm);
	anon = vm_mmap(NULL, 0, 4 * P, RW, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	shared = vm_mmap(NULL, 0, 4 * P, RW, MAP_SHARED | MAP_ANONYMOUS, 0);
	priv = ktest_mmap_file("/test/pages.bin", O_RDONLY, 0, 8 * P, RW, MAP_PRIVATE, 0);
	KT_ASSERT_TRUE(t, !IS_ERR_VALUE(anon) && !IS_ERR_VALUE(shared) && !IS_ERR_VALUE(priv));
	for (int i = 0; i < 4; i++)
		KT_EXPECT_EQ(t, 0, put_user('a', (char *)anon + i * P));
	KT_EXPECT_EQ(t, 0, put_user('s', (char *)shared));
	KT_EXPECT_EQ(t, 0, put_user('s', (char *)shared + P));
	KT_EXPECT_EQ(t, 0, get_user(c, (char *)priv + 3 * P));	/* the cache's pages, around it */
	KT_EXPECT_EQ(t, 'D', c);
	KT_EXPECT_EQ(t, 0, put_user('p', (char *)priv));	/* a COW copy */
	KT_EXPECT_EQ(t, 5, get_mm_counter(mm, MM_ANONPAGES));
	KT_EXPECT_TRUE(t, get_mm_counter(mm, MM_SHMEMPAGES) > 2);
	map_count = mm->map_count;

	KT_EXPECT_TRUE(t, __oom_reap_task_mm(mm));
	KT_EXPECT_EQ(t, 0, get_mm_counter(mm, MM_ANONPAGES));
	KT_EXPECT_EQ(t, 2, get_mm_counter(mm, MM_SHMEMPAGES));	/* the shared mapping's */
	KT_EXPECT_EQ(t, 0, get_mm_counter(mm, MM_FILEPAGES));
	KT_EXPECT_EQ(t, map_count, mm->map_count);		/* the VMAs stay */
	KT_EXPECT_TRUE(t, !pte_present(*ktest_pte(anon)));
	KT_EXPECT_TRUE(t, pte_present(*ktest_pte(shared)));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}
