// SPDX-License-Identifier: GPL-2.0
/*
 * shmget as Linux 6.1 answers it: private and keyed segments, IPC_CREAT
 * and IPC_EXCL, the size checks (SHMMIN, SHMMAX, the commit limit, an
 * existing segment's size), the mode bits, a removed segment's key,
 * the SHMMNI limit, and IPC_INFO's limits. Run as root, as both test
 * runners do (no EACCES here: CAP_IPC_OWNER passes every check).
 *
 * Ids are compared with each other, never printed: they depend on what
 * the programs before this one did.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include "tap.h"

#define P 4096UL
#define KEY 0x46a17000	/* keys of this test: KEY + n, unlikely to be in use */

static long shmget_raw(long key, unsigned long size, long flags)
{
	return syscall(SYS_shmget, key, size, flags);
}

static struct shmid_ds stat_of(int id)
{
	struct shmid_ds ds;

	memset(&ds, 0xff, sizeof(ds));
	if (shmctl(id, IPC_STAT, &ds))
		memset(&ds, 0xee, sizeof(ds));
	return ds;
}

static void test_private(void)
{
	int a = shmget(IPC_PRIVATE, P, 0600), b = shmget(IPC_PRIVATE, P, 0600);

	ok(a >= 0 && b >= 0 && a != b, "IPC_PRIVATE makes a new segment each time");
	ok_eq(0, stat_of(a).shm_perm.__key, "a private segment's key is 0");
	ok_eq(0600, stat_of(a).shm_perm.mode, "its mode is the low nine bits of the flags");
	ok_eq(P, stat_of(a).shm_segsz, "shm_segsz: the size asked for");
	ok_eq(getpid(), stat_of(a).shm_cpid, "shm_cpid: the creator");
	ok_eq(0, stat_of(a).shm_lpid, "shm_lpid: 0 before any attach");
	ok_eq(0, stat_of(a).shm_nattch, "no attach yet");
	ok_eq(0, stat_of(a).shm_atime, "shm_atime 0 before any attach");
	ok_eq(0, stat_of(a).shm_dtime, "shm_dtime 0 before any detach");
	ok(stat_of(a).shm_ctime > 0, "shm_ctime is set at creation");
	ok_eq(0, shmctl(a, IPC_RMID, NULL), "IPC_RMID of an unattached segment");
	ok_errno(EINVAL, shmctl(a, IPC_STAT, &(struct shmid_ds){0}), "its id names nothing now: EINVAL");
	ok_eq(0, shmctl(b, IPC_RMID, NULL), "IPC_RMID of the other");

	a = shmget(IPC_PRIVATE, 100, 0777 | 0160000);
	ok(a >= 0, "a segment of 100 bytes");
	ok_eq(0777, stat_of(a).shm_perm.mode, "mode keeps 0777, not the bits above");
	ok_eq(100, stat_of(a).shm_segsz, "shm_segsz is 100, not rounded to a page");
	shmctl(a, IPC_RMID, NULL);
}

static void test_keys(void)
{
	int id, again;

	ok_errno(ENOENT, shmget(KEY, P, 0600), "a key not in use, without IPC_CREAT: ENOENT");
	id = shmget(KEY, 3 * P, IPC_CREAT | 0640);
	ok(id >= 0, "IPC_CREAT makes it");
	ok_eq(KEY, stat_of(id).shm_perm.__key, "its key is the one given");
	ok_eq(0640, stat_of(id).shm_perm.mode, "its mode");
	again = shmget(KEY, 3 * P, IPC_CREAT | 0600);
	ok_eq(id, again, "IPC_CREAT again finds the same segment");
	ok_eq(0640, stat_of(id).shm_perm.mode, "and leaves its mode alone");
	ok_eq(id, shmget(KEY, 0, 0), "size 0 finds an existing segment");
	ok_eq(id, shmget(KEY, P, 0), "a smaller size finds it too");
	ok_errno(EINVAL, shmget(KEY, 3 * P + 1, 0), "a larger size than it has: EINVAL");
	ok_errno(EINVAL, shmget(KEY, 3 * P + 1, IPC_CREAT), "also with IPC_CREAT");
	ok_errno(EEXIST, shmget(KEY, P, IPC_CREAT | IPC_EXCL | 0600),
		 "IPC_CREAT|IPC_EXCL on a key in use: EEXIST");
	ok_errno(EEXIST, shmget(KEY, 3 * P + 1, IPC_CREAT | IPC_EXCL),
		 "EEXIST comes before the size check");
	ok_eq(id, shmget(KEY, P, IPC_EXCL), "IPC_EXCL without IPC_CREAT is ignored");
	ok_eq(0, shmctl(id, IPC_RMID, NULL), "IPC_RMID");
	ok_errno(ENOENT, shmget(KEY, P, 0), "the key is free again");

	id = shmget(KEY + 1, P, IPC_CREAT | IPC_EXCL | 0600);
	ok(id >= 0, "IPC_CREAT|IPC_EXCL on a free key makes it");
	ok(shmget(-1, P, IPC_CREAT | 0600) >= 0, "key -1 is a key like any other");
	ok_eq(-1, stat_of(shmget(-1, 0, 0)).shm_perm.__key, "and IPC_STAT shows it");
	shmctl(shmget(-1, 0, 0), IPC_RMID, NULL);
	shmctl(id, IPC_RMID, NULL);
}

static void test_sizes(void)
{
	long id;

	ok_errno(EINVAL, shmget_raw(IPC_PRIVATE, 0, 0600), "size 0: EINVAL (SHMMIN is 1)");
	ok_errno(EINVAL, shmget_raw(KEY + 2, 0, IPC_CREAT | 0600), "size 0 for a new key: EINVAL");
	ok_errno(EINVAL, shmget_raw(IPC_PRIVATE, ~0UL, 0600), "size ULONG_MAX: EINVAL (past SHMMAX)");
	ok_errno(EINVAL, shmget_raw(IPC_PRIVATE, ~0UL - (1UL << 24) + 1, 0600),
		 "SHMMAX + 1: EINVAL");
	ok_errno(EINVAL, shmget_raw(IPC_PRIVATE, 1UL << 63, 0600),
		 "2^63 bytes, past the largest file: EINVAL");
	ok_errno(ENOMEM, shmget_raw(IPC_PRIVATE, 1UL << 50, 0600),
		 "1 PiB, more than memory, committed at once: ENOMEM");
	id = shmget_raw(IPC_PRIVATE, 1UL << 50, 0600 | SHM_NORESERVE);
	ok(id >= 0, "with SHM_NORESERVE nothing is committed: it is made");
	ok_eq(1UL << 50, stat_of((int)id).shm_segsz, "and its size is 1 PiB");
	shmctl((int)id, IPC_RMID, NULL);
	ok_errno(ENOMEM, shmget_raw(IPC_PRIVATE, P, 0600 | SHM_HUGETLB),
		 "SHM_HUGETLB with no huge page reserved: ENOMEM");
}

/* A removed segment still attached: its key is 0 and finds nothing. */
static void test_removed_key(void)
{
	int id = shmget(KEY + 3, P, IPC_CREAT | 0600), id2;
	char *p = shmat(id, NULL, 0);
	struct shmid_ds ds;

	ok(p != (void *)-1, "attach a keyed segment");
	ok_eq(0, shmctl(id, IPC_RMID, NULL), "IPC_RMID while attached");
	ds = stat_of(id);
	ok_eq(0, ds.shm_perm.__key, "its key is now 0 (IPC_PRIVATE)");
	ok_eq(01600, ds.shm_perm.mode, "its mode shows SHM_DEST");
	ok_eq(1, ds.shm_nattch, "it is still attached");
	ok_errno(ENOENT, shmget(KEY + 3, P, 0), "the key finds nothing");
	id2 = shmget(KEY + 3, P, IPC_CREAT | 0600);
	ok(id2 >= 0 && id2 != id, "IPC_CREAT makes a new segment for the key");
	ok(shmat(id, NULL, 0) != (void *)-1, "the removed segment can still be attached by id");
	ok_eq(2, stat_of(id).shm_nattch, "twice now");
	shmctl(id2, IPC_RMID, NULL);
	shmdt(p);
	ok_eq(1, stat_of(id).shm_nattch, "once after a detach");
}

/* At most SHMMNI (4096) segments in the system. */
static void test_shmmni(void)
{
	static int ids[4096];
	struct shm_info info;
	int used = shmctl(0, SHM_INFO, (struct shmid_ds *)&info) >= 0 ? info.__used_ids : -1;
	int n = 0, err = 0;

	while (n < 4096) {
		ids[n] = shmget(IPC_PRIVATE, 1, 0600);
		if (ids[n] < 0) {
			err = errno;
			break;
		}
		n++;
	}
	ok_eq(4096, n + used, "segments can be made up to SHMMNI in all");
	ok_eq(ENOSPC, err, "then ENOSPC");
	shmctl(0, SHM_INFO, (struct shmid_ds *)&info);
	ok_eq(4096, info.__used_ids, "SHM_INFO: used_ids 4096");
	ok_eq(used + n, info.shm_tot, "shm_tot: one page each");
	for (int i = 0; i < n; i++)
		shmctl(ids[i], IPC_RMID, NULL);
	shmctl(0, SHM_INFO, (struct shmid_ds *)&info);
	ok_eq(used, info.__used_ids, "all removed again");
}

static void test_info(void)
{
	struct shminfo info;

	memset(&info, 0xff, sizeof(info));
	ok(shmctl(0, IPC_INFO, (struct shmid_ds *)&info) >= 0, "IPC_INFO");
	ok_eq(~0UL - (1UL << 24), info.shmmax, "shmmax: ULONG_MAX - 2^24");
	ok_eq(1, info.shmmin, "shmmin: 1");
	ok_eq(4096, info.shmmni, "shmmni: 4096");
	ok_eq(4096, info.shmseg, "shmseg: as shmmni");
	ok_eq(~0UL - (1UL << 24), info.shmall, "shmall: ULONG_MAX - 2^24 pages");
	ok_eq(0, info.__unused[0], "the rest is zeroed");
}

int main(void)
{
	test_private();
	test_keys();
	test_sizes();
	test_removed_key();
	test_shmmni();
	test_info();
	return tap_done();
}
