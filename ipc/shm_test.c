// SPDX-License-Identifier: GPL-2.0
/*
 * ktests for System V shared memory (ipc/shm.c, ipc/util.c): the
 * attach count as VMAs come and go, destruction on the last detach of
 * a removed segment with its pages freed, the cyclic ids, and shmat
 * failing at every allocation without leaking.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/shm.h>
#include <linux/vmstat.h>
#include <linux/slab.h>
#include <linux/ktest_mm.h>
#include <asm/uaccess.h>
#include "shm.h"

#define P	PAGE_SIZE

static struct shmid_kernel *segment(long id)
{
	struct shmid_kernel *shp = shm_obtain_object_check(&init_ipc_ns, (int)id);

	return IS_ERR(shp) ? NULL : shp;
}

KTEST(shm, nattch, "shm_nattch counts attach VMAs: shmat, a split, munmap, shmdt; the last detach of a removed segment frees it and its pages")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long shmem = global_node_page_state(NR_SHMEM);
	long id = ksys_shmget(IPC_PRIVATE, 4 * P, 0600), a;
	struct shmid_kernel *shp = segment(id);

	KT_ASSERT_TRUE(t, mm && shp);
	KT_EXPECT_EQ(t, 0, shp->shm_nattch);
	a = do_shmat((int)id, 0, 0);
	KT_ASSERT_TRUE(t, !IS_ERR_VALUE(a));
	KT_EXPECT_EQ(t, 1, shp->shm_nattch);
	KT_EXPECT_EQ(t, 0, put_user('x', (char *)a));
	KT_EXPECT_EQ(t, 0, put_user('y', (char *)a + 3 * P));
	KT_EXPECT_EQ(t, 2, shp->shm_file->f_mapping->nrpages);
	KT_EXPECT_EQ(t, shmem + 2, global_node_page_state(NR_SHMEM));

	KT_EXPECT_EQ(t, 0, vm_munmap((unsigned long)a + P, P));	/* two pieces */
	KT_EXPECT_EQ(t, 2, shp->shm_nattch);
	KT_EXPECT_EQ(t, 0, ksys_shmctl((int)id, IPC_RMID, NULL));
	KT_ASSERT_TRUE(t, segment(id) == shp);	/* still there, marked */
	KT_EXPECT_TRUE(t, shp->shm_perm.mode & SHM_DEST);
	KT_EXPECT_EQ(t, IPC_PRIVATE, shp->shm_perm.key);
	KT_EXPECT_EQ(t, 0, ksys_shmdt((unsigned long)a));
	KT_EXPECT_TRUE(t, !segment(id));	/* destroyed with its last piece */
	KT_EXPECT_EQ(t, shmem, global_node_page_state(NR_SHMEM));
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(shm, exit_detaches, "an address space's end detaches its attaches; IPC_RMID of an unattached segment destroys it at once")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned long shmem = global_node_page_state(NR_SHMEM);
	long id = ksys_shmget(IPC_PRIVATE, 2 * P, 0600), a, b;
	struct shmid_kernel *shp = segment(id);

	KT_ASSERT_TRUE(t, mm && shp);
	a = do_shmat((int)id, 0, 0);
	b = do_shmat((int)id, 0, SHM_RDONLY);
	KT_ASSERT_TRUE(t, !IS_ERR_VALUE(a) && !IS_ERR_VALUE(b));
	KT_EXPECT_EQ(t, 0, put_user('x', (char *)a + P));
	KT_EXPECT_EQ(t, 2, shp->shm_nattch);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));	/* exit_mmap closes both */
	KT_EXPECT_EQ(t, 0, shp->shm_nattch);
	KT_EXPECT_EQ(t, shmem + 1, global_node_page_state(NR_SHMEM));	/* the data stays */
	KT_EXPECT_EQ(t, 0, ksys_shmctl((int)id, IPC_RMID, NULL));
	KT_EXPECT_TRUE(t, !segment(id));
	KT_EXPECT_EQ(t, shmem, global_node_page_state(NR_SHMEM));
}

KTEST(shm, ids_cycle, "ids cycle through 64 slots while few are in use, the sequence part moving on at each wrap")
{
	long first = ksys_shmget(IPC_PRIVATE, 1, 0600), id = first;

	KT_ASSERT_TRUE(t, first >= 0);
	for (int i = 1; i <= 64; i++) {
		long next;

		KT_EXPECT_EQ(t, 0, ksys_shmctl((int)id, IPC_RMID, NULL));
		next = ksys_shmget(IPC_PRIVATE, 1, 0600);
		KT_ASSERT_TRUE(t, next >= 0);
		KT_EXPECT_EQ(t, (first + i) % 64, next & 0x7fff);
		id = next;
	}
	KT_EXPECT_EQ(t, first & 0x7fff, id & 0x7fff);	/* the same slot again */
	KT_EXPECT_EQ(t, (first >> 15) + 1, id >> 15);	/* a new id for it */
	KT_EXPECT_TRUE(t, !segment(first));
	KT_EXPECT_EQ(t, 0, ksys_shmctl((int)id, IPC_RMID, NULL));
}

/*
 * Fail the 1st, 2nd, ... allocation of shmget and of shmat: each
 * failure returns ENOMEM (ENOSPC for tmpfs's inode) and leaves no segment or attach behind (the
 * runner checks the pages); the first n that fails nothing succeeds.
 */
KTEST(shm, enomem, "shmget and shmat out of memory at any allocation: ENOMEM, nothing left behind")
{
	struct mm_struct *mm = ktest_mm_create();
	unsigned int in_use = init_ipc_ns.shm_ids.in_use;
	long id = -ENOMEM, a = -ENOMEM;
	unsigned int n;

	KT_ASSERT_TRUE(t, mm);
	for (n = 1; n < 100 && id < 0; n++) {
		current->fail_nth = n;
		id = ksys_shmget(IPC_PRIVATE, 3 * P, 0600);
		current->fail_nth = 0;
		/* A failed inode is ENOSPC, as in Linux's __shmem_file_setup(). */
		if (id < 0 && (!KT_EXPECT_TRUE(t, id == -ENOMEM || id == -ENOSPC) ||
			       !KT_EXPECT_EQ(t, in_use, init_ipc_ns.shm_ids.in_use)))
			break;
	}
	KT_ASSERT_TRUE(t, id >= 0 && n > 2);
	for (n = 1; n < 100 && IS_ERR_VALUE(a); n++) {
		current->fail_nth = n;
		a = do_shmat((int)id, 0, 0);
		current->fail_nth = 0;
		if (IS_ERR_VALUE(a) && (!KT_EXPECT_EQ(t, -ENOMEM, a) ||
					!KT_EXPECT_EQ(t, 0, segment(id)->shm_nattch) ||
					!KT_EXPECT_EQ(t, 0, mm->map_count)))
			break;
	}
	KT_EXPECT_TRUE(t, !IS_ERR_VALUE(a) && n > 2);
	KT_EXPECT_EQ(t, 1, segment(id)->shm_nattch);
	KT_EXPECT_EQ(t, 0, ksys_shmctl((int)id, IPC_RMID, NULL));
	KT_EXPECT_EQ(t, 0, ksys_shmdt((unsigned long)a));
	KT_EXPECT_TRUE(t, !segment(id));
	KT_EXPECT_EQ(t, in_use, init_ipc_ns.shm_ids.in_use);
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}

KTEST(shm, rmid_forced, "kernel.shm_rmid_forced: a segment goes with its last detach, and an orphan (its creator gone) when the knob is set")
{
	struct mm_struct *mm = ktest_mm_create();
	long id, a, orphan;

	KT_ASSERT_TRUE(t, mm);
	init_ipc_ns.shm_rmid_forced = 1;
	id = ksys_shmget(IPC_PRIVATE, P, 0600);
	a = do_shmat((int)id, 0, 0);
	KT_EXPECT_TRUE(t, !IS_ERR_VALUE(a) && segment(id));
	KT_EXPECT_EQ(t, 0, ksys_shmdt((unsigned long)a));
	KT_EXPECT_TRUE(t, !segment(id));	/* no IPC_RMID needed */

	init_ipc_ns.shm_rmid_forced = 0;
	orphan = ksys_shmget(IPC_PRIVATE, P, 0600);
	KT_ASSERT_TRUE(t, segment(orphan));
	exit_shm(current);			/* as if its creator exited */
	KT_EXPECT_TRUE(t, segment(orphan) && !segment(orphan)->shm_creator);
	init_ipc_ns.shm_rmid_forced = 1;
	shm_destroy_orphaned();			/* what writing 1 to the sysctl does */
	KT_EXPECT_TRUE(t, !segment(orphan));
	init_ipc_ns.shm_rmid_forced = 0;
	KT_EXPECT_EQ(t, 0, ktest_mm_destroy(mm));
}
